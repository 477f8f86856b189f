import { describe } from 'vitest';
import { createMemoryGovernanceStore } from '../../src/store/governance-store.js';
import { governanceContract } from './contract/governance.contract.js';

describe('the in-memory governance store', () => {
  governanceContract(() => Promise.resolve(createMemoryGovernanceStore()));
});
