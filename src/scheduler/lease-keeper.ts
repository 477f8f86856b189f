import type { LeaseRepository } from '../store/lease.repository.js';
import type { Timer } from './timer.js';

export interface LeaseKeeperOptions {
  readonly leases: LeaseRepository;
  /** One lease for all sending, so one instance sends at a time. */
  readonly name: string;
  /** This instance's id (host and process), unique among instances. */
  readonly owner: string;
  readonly timer: Timer;
  /** How long the lease lasts unless renewed. Default 60 s. */
  readonly ttlMs?: number;
}

export interface LeaseKeeper {
  /** Takes or renews the lease; false when another live instance holds it. */
  hold(): Promise<boolean>;
  /**
   * For long drains: true while the lease is held, renewing it once a third of its life has
   * passed, so a busy holder keeps it and a stalled one loses it.
   */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

export function createLeaseKeeper(options: LeaseKeeperOptions): LeaseKeeper {
  const ttlMs = options.ttlMs ?? 60_000;
  let renewedAt: number | null = null;

  const hold = async (): Promise<boolean> => {
    const now = options.timer.now();
    const held = await options.leases.acquire(options.name, options.owner, now, ttlMs);
    renewedAt = held ? now.getTime() : null;
    return held;
  };

  return {
    hold,
    async stillHeld() {
      if (renewedAt === null) return false;
      if (options.timer.now().getTime() - renewedAt < ttlMs / 3) return true;
      return hold();
    },
    async release() {
      renewedAt = null;
      await options.leases.release(options.name, options.owner);
    },
  };
}
