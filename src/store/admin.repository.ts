/**
 * Programme admins added by other admins. The first admins come from configuration
 * (`ADMINS`), which is never stored, so a bad write can never lock everybody out.
 */
export interface StoredAdmin {
  /** Lower-case email / UPN, or an Entra object id. */
  readonly id: string;
  /** Who added them (email, object id, or `terminal:<user>`). */
  readonly addedBy: string;
  /** UTC ISO instant. */
  readonly addedAt: string;
}

export interface AdminRepository {
  /** Every stored admin, by id. */
  list(): Promise<StoredAdmin[]>;
  /** Case-insensitive on `id`. */
  get(id: string): Promise<StoredAdmin | null>;
  /** Adds the admin unless the id is already stored; returns whether it was added. */
  add(admin: StoredAdmin): Promise<boolean>;
  /** Returns whether there was one to remove. */
  remove(id: string): Promise<boolean>;
}
