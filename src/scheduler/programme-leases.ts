import { createHash } from 'node:crypto';
import type { LeaseRepository } from '../store/lease.repository.js';
import { createLeaseKeeper, type LeaseKeeper } from './lease-keeper.js';
import type { Timer } from './timer.js';

export interface ProgrammeLeasesOptions {
  readonly leases: LeaseRepository;
  /** The programmes there are to send for. */
  readonly programmes: { list(): Promise<readonly { readonly id: string }[]> };
  /** This instance's id, unique among instances. */
  readonly owner: string;
  readonly timer: Timer;
  /** How long a lease lasts unless renewed. Default 60 s. */
  readonly ttlMs?: number;
}

export interface ProgrammeLeases {
  /**
   * Says this instance is alive, then takes or renews the sending leases of its share of the
   * programmes (the programmes divided by the live instances, rounded up) and lets go of any
   * beyond it. Returns the programmes it now sends for, each with its lease.
   */
  claim(): Promise<{ readonly programmeId: string; readonly lease: LeaseKeeper }[]>;
  /** Lets every lease go, for another instance to take. */
  releaseAll(): Promise<void>;
}

export const SENDER_LEASE = 'sender|';
export const INSTANCE_LEASE = 'instance|';

/**
 * Sending is leased per programme, so several instances share the sending of several
 * programmes while each programme is still sent by one instance at a time. Each instance
 * tries the programmes in its own order (a hash of its id and the programme's), so two
 * instances starting together reach for different ones first, and holds no more than its
 * share, so a new instance finds programmes to take within a lease's life.
 */
export function createProgrammeLeases(options: ProgrammeLeasesOptions): ProgrammeLeases {
  const ttlMs = options.ttlMs ?? 60_000;
  const keepers = new Map<string, LeaseKeeper>();
  const keeperFor = (programmeId: string): LeaseKeeper => {
    const found =
      keepers.get(programmeId) ??
      createLeaseKeeper({
        leases: options.leases,
        name: `${SENDER_LEASE}${programmeId}`,
        owner: options.owner,
        timer: options.timer,
        ttlMs,
      });
    keepers.set(programmeId, found);
    return found;
  };
  const presence = createLeaseKeeper({
    leases: options.leases,
    name: `${INSTANCE_LEASE}${options.owner}`,
    owner: options.owner,
    timer: options.timer,
    ttlMs,
  });
  const order = (programmeId: string): string =>
    createHash('sha256').update(`${options.owner}\n${programmeId}`).digest('hex');

  return {
    async claim() {
      await presence.hold();
      const now = options.timer.now();
      const [programmes, instances, senders] = await Promise.all([
        options.programmes.list(),
        options.leases.listLive(INSTANCE_LEASE, now),
        options.leases.listLive(SENDER_LEASE, now),
      ]);
      const share = Math.ceil(programmes.length / Math.max(1, instances.length));
      const mine = new Set(
        senders
          .filter((lease) => lease.owner === options.owner)
          .map((lease) => lease.name.slice(SENDER_LEASE.length)),
      );
      const takenByOthers = new Set(
        senders
          .filter((lease) => lease.owner !== options.owner)
          .map((lease) => lease.name.slice(SENDER_LEASE.length)),
      );
      // Those held first, then the free ones in this instance's own order.
      const candidates = programmes
        .map((programme) => programme.id)
        .filter((id) => !takenByOthers.has(id))
        .sort(
          (a, b) => Number(mine.has(b)) - Number(mine.has(a)) || (order(a) < order(b) ? -1 : 1),
        );
      const held: { programmeId: string; lease: LeaseKeeper }[] = [];
      for (const programmeId of candidates) {
        const lease = keeperFor(programmeId);
        if (held.length >= share) {
          if (mine.has(programmeId)) await lease.release();
          continue;
        }
        if (await lease.hold()) held.push({ programmeId, lease });
      }
      return held;
    },
    async releaseAll() {
      await Promise.all([...keepers.values()].map((lease) => lease.release()));
      await presence.release();
    },
  };
}
