import type { AdminRepository, StoredAdmin } from './admin.repository.js';

/** The in-memory fake of {@link AdminRepository}. */
export function createMemoryAdminRepository(): AdminRepository {
  const admins = new Map<string, StoredAdmin>();
  const keyOf = (id: string): string => id.trim().toLowerCase();
  return {
    list: () =>
      Promise.resolve(
        [...admins.values()]
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((admin) => ({ ...admin })),
      ),
    get: (id) => {
      const admin = admins.get(keyOf(id));
      return Promise.resolve(admin ? { ...admin } : null);
    },
    add: (admin) => {
      const key = keyOf(admin.id);
      if (admins.has(key)) return Promise.resolve(false);
      admins.set(key, { ...admin, id: key });
      return Promise.resolve(true);
    },
    remove: (id) => Promise.resolve(admins.delete(keyOf(id))),
  };
}
