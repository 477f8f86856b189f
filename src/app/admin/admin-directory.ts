import type { AdminRepository } from '../../store/admin.repository.js';
import type { Actor } from './actor.js';

export interface AdminDirectory {
  isAdmin(actor: Actor): Promise<boolean>;
  /** Admins from configuration, lower case, as given. */
  readonly configured: readonly string[];
  /**
   * How many times this process has added or removed an admin: an answer kept from before a
   * change must be asked again.
   */
  changes(): number;
  /** Says this process has just added or removed an admin. */
  changed(): void;
}

/** Reads `ADMINS`: emails or Entra object ids, separated by commas, semicolons or spaces. */
export function parseAdminList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,;\s]+/)
    .map((id) => id.trim().toLowerCase())
    .filter((id) => id !== '');
}

export interface AdminDirectoryOptions {
  /** From `ADMINS`: always admins, whatever is stored. */
  readonly configured: readonly string[];
  readonly admins: Pick<AdminRepository, 'list'>;
}

/** Decides who is an admin: the configured list first, then those other admins added. */
export function createAdminDirectory(options: AdminDirectoryOptions): AdminDirectory {
  const configured = options.configured.map((id) => id.trim().toLowerCase());
  let changes = 0;
  return {
    configured,
    changes: () => changes,
    changed() {
      changes += 1;
    },
    async isAdmin(actor) {
      if (actor.kind === 'terminal') return true;
      const ids = [actor.email, actor.aadObjectId]
        .filter((id): id is string => id !== null && id.trim() !== '')
        .map((id) => id.trim().toLowerCase());
      if (ids.some((id) => configured.includes(id))) return true;
      if (ids.length === 0) return false;
      // The whole (short) list in one read, which the store's read cache can keep, rather than
      // a read per id: every first message asks this.
      const stored = await options.admins.list();
      return stored.some((admin) => ids.includes(admin.id.trim().toLowerCase()));
    },
  };
}
