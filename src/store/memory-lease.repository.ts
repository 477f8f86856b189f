import type { LeaseRepository } from './lease.repository.js';
import type { MemoryState } from './memory-state.js';

export function createMemoryLeaseRepository(state: MemoryState): LeaseRepository {
  return {
    acquire(name, owner, now, ttlMs) {
      const held = state.leases.get(name);
      if (held && held.owner !== owner && held.expiresAt > now.getTime()) {
        return Promise.resolve(false);
      }
      state.leases.set(name, { owner, expiresAt: now.getTime() + ttlMs });
      return Promise.resolve(true);
    },
    release(name, owner) {
      if (state.leases.get(name)?.owner === owner) state.leases.delete(name);
      return Promise.resolve();
    },
    listLive(prefix, now) {
      const live = [...state.leases]
        .filter(([name, held]) => name.startsWith(prefix) && held.expiresAt > now.getTime())
        .map(([name, held]) => ({ name, owner: held.owner }));
      return Promise.resolve(live);
    },
  };
}
