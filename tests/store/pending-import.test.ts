import { describe } from 'vitest';
import { createMemoryPendingImportRepository } from '../../src/store/memory-pending-import.repository.js';
import { pendingImportContract } from './contract/pending-import.contract.js';

describe('the in-memory pending-import store', () => {
  pendingImportContract(() => Promise.resolve(createMemoryPendingImportRepository()));
});
