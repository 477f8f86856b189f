import type { AdminRepository } from '../../store/admin.repository.js';
import type { Actor } from './actor.js';

export interface AdminDirectory {
  isAdmin(actor: Actor): Promise<boolean>;
  /** Admins from configuration, lower case, as given. */
  readonly configured: readonly string[];
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
  readonly admins: Pick<AdminRepository, 'get'>;
}

/** Decides who is an admin: the configured list first, then those other admins added. */
export function createAdminDirectory(options: AdminDirectoryOptions): AdminDirectory {
  const configured = options.configured.map((id) => id.trim().toLowerCase());
  return {
    configured,
    async isAdmin(actor) {
      if (actor.kind === 'terminal') return true;
      const ids = [actor.email, actor.aadObjectId]
        .filter((id): id is string => id !== null && id.trim() !== '')
        .map((id) => id.trim().toLowerCase());
      if (ids.some((id) => configured.includes(id))) return true;
      for (const id of ids) {
        if (await options.admins.get(id)) return true;
      }
      return false;
    },
  };
}
