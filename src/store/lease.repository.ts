/**
 * A named lease with an owner and an expiry: only the instance holding it sends. Taken and
 * renewed with ETag, so two instances can never both hold it.
 */
export interface LeaseRepository {
  /** Takes the lease if free or expired, or renews it if `owner` holds it. */
  acquire(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
  /** Leases whose name starts with `prefix` (ending in `|`) and have not expired at `now`. */
  listLive(prefix: string, now: Date): Promise<{ readonly name: string; readonly owner: string }[]>;
}
