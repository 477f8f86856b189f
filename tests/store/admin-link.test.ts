import { describe } from 'vitest';
import { createMemoryAdminRepository } from '../../src/store/memory-admin.repository.js';
import { createMemoryLinkRepository } from '../../src/store/memory-link.repository.js';
import { adminLinkContract } from './contract/admin-link.contract.js';

describe('the in-memory admin and link stores', () => {
  adminLinkContract(() =>
    Promise.resolve({ admins: createMemoryAdminRepository(), links: createMemoryLinkRepository() }),
  );
});
