import { describe } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { storeContract } from './contract/store.contract.js';

describe('the in-memory store', () => {
  storeContract(() => Promise.resolve(createMemoryStore()));
});
