import type { PendingImport, PendingImportRepository } from './pending-import.repository.js';

/** The in-memory fake of {@link PendingImportRepository}. */
export function createMemoryPendingImportRepository(): PendingImportRepository {
  const pending = new Map<string, PendingImport>();
  return {
    save: (item) => {
      pending.set(item.id, { ...item });
      return Promise.resolve();
    },
    get: (id) => {
      const item = pending.get(id);
      return Promise.resolve(item ? { ...item } : null);
    },
    remove: (id) => Promise.resolve(pending.delete(id)),
  };
}
