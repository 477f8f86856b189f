import { ok } from '../../domain/errors.js';
import type { AdminRepository, StoredAdmin } from '../../store/admin.repository.js';
import type { Clock } from '../clock.js';
import { readEmail } from '../import/parse-roles.js';
import { actorLabel, type Actor } from './actor.js';
import type { AdminDirectory } from './admin-directory.js';
import { fail, type AdminResult } from './admin-result.js';

export interface AdminsUseCaseOptions {
  readonly directory: AdminDirectory;
  readonly admins: AdminRepository;
  readonly clock: Clock;
}

export interface AdminList {
  /** From `ADMINS`; changed only by configuration. */
  readonly configured: readonly string[];
  readonly added: readonly StoredAdmin[];
}

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An email / UPN or an Entra object id, lower case; undefined for anything else. */
export function readAdminId(text: string): string | undefined {
  const trimmed = text.trim();
  return OBJECT_ID.test(trimmed) ? trimmed.toLowerCase() : readEmail(trimmed);
}

/** `/admins`: who may import plans, assign roles and link channels. */
export function createAdminsUseCase(options: AdminsUseCaseOptions) {
  const { directory, admins, clock } = options;
  return {
    async list(actor: Actor): Promise<AdminResult<AdminList>> {
      if (!(await directory.isAdmin(actor))) return fail('NOT_ADMIN');
      return ok({ configured: directory.configured, added: await admins.list() });
    },

    /** Adds an admin; `added` is false when they already were one. */
    async add(
      actor: Actor,
      idText: string,
    ): Promise<AdminResult<{ readonly id: string; readonly added: boolean }>> {
      if (!(await directory.isAdmin(actor))) return fail('NOT_ADMIN');
      const id = readAdminId(idText);
      if (id === undefined) return fail('INVALID_ADMIN_ID');
      if (directory.configured.includes(id)) return ok({ id, added: false });
      try {
        const added = await admins.add({
          id,
          addedBy: actorLabel(actor),
          addedAt: clock.now().toISOString(),
        });
        return ok({ id, added });
      } finally {
        // Even a failed write may have been stored.
        directory.changed();
      }
    },

    /** Removes an added admin. Configured admins stay: only configuration can change them. */
    async remove(
      actor: Actor,
      idText: string,
    ): Promise<AdminResult<{ readonly id: string; readonly removed: boolean }>> {
      if (!(await directory.isAdmin(actor))) return fail('NOT_ADMIN');
      const id = readAdminId(idText);
      if (id === undefined) return fail('INVALID_ADMIN_ID');
      if (directory.configured.includes(id)) return fail('CONFIGURED_ADMIN');
      try {
        return ok({ id, removed: await admins.remove(id) });
      } finally {
        directory.changed();
      }
    },
  };
}

export type AdminsUseCase = ReturnType<typeof createAdminsUseCase>;
