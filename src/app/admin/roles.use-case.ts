import { ok } from '../../domain/errors.js';
import type { Role } from '../../domain/people.js';
import type { ProgrammeRepository } from '../../store/programme.repository.js';
import type { RoleRepository } from '../../store/role.repository.js';
import { readEmail } from '../import/parse-roles.js';
import type { Actor } from './actor.js';
import type { AdminDirectory } from './admin-directory.js';
import { fail, type AdminResult } from './admin-result.js';

export interface RolesUseCaseOptions {
  readonly directory: AdminDirectory;
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly roles: Pick<RoleRepository, 'list' | 'get' | 'save'>;
}

/** A role after a change, with who held the place before. */
export interface RoleChange {
  readonly role: Role;
  readonly previous: string | null;
  /** True when /assign added the role, which the plan workbook does not have. */
  readonly added: boolean;
}

export interface AssignOptions {
  /**
   * The title of a role the plan does not have ("Chair of the SEND Improvement Board"): with
   * it, an unknown code adds the role; without it, an unknown code is refused, so a mistyped
   * code never makes a role of its own. Ignored for a role the workbook names.
   */
  readonly title?: string;
}

/** Words that clear a deputy: `/deputy ADES none`. */
const NOBODY = new Set(['', 'none', 'nobody', '-']);

/** `/roles`, `/assign` and `/deputy`: who holds each role of a programme. */
export function createRolesUseCase(options: RolesUseCaseOptions) {
  const { directory, programmes, roles } = options;

  async function findRole(
    actor: Actor,
    programmeId: string,
    code: string,
  ): Promise<AdminResult<Role>> {
    if (!(await directory.isAdmin(actor))) return fail('NOT_ADMIN');
    if (!(await programmes.get(programmeId))) return fail('PROGRAMME_NOT_FOUND');
    const role = await roles.get(programmeId, code);
    return role ? ok(role) : fail('ROLE_NOT_FOUND');
  }

  return {
    async list(actor: Actor, programmeId: string): Promise<AdminResult<Role[]>> {
      if (!(await directory.isAdmin(actor))) return fail('NOT_ADMIN');
      if (!(await programmes.get(programmeId))) return fail('PROGRAMME_NOT_FOUND');
      return ok(await roles.list(programmeId));
    },

    /**
     * Gives a role to a person: prompts for its actions go to them from now on. With a title,
     * adds a role the plan does not have, kept by later imports.
     */
    async assign(
      actor: Actor,
      programmeId: string,
      code: string,
      email: string,
      options: AssignOptions = {},
    ): Promise<AdminResult<RoleChange>> {
      const title = options.title?.trim() ?? '';
      const found = await findRole(actor, programmeId, code);
      const adding = !found.ok && found.code === 'ROLE_NOT_FOUND' && title !== '';
      if (!found.ok && !adding) return found;
      const person = readEmail(email);
      if (person === undefined) return fail('INVALID_EMAIL');
      if (found.ok) {
        const kept = found.value;
        const role = { ...kept, person, ...(kept.assigned === true && title !== '' && { title }) };
        await roles.save(role);
        return ok({ role, previous: kept.person, added: false });
      }
      const role: Role = {
        programmeId: (await programmes.get(programmeId))?.id ?? programmeId,
        code: code.trim().toUpperCase(),
        title,
        person,
        deputy: null,
        assigned: true,
      };
      await roles.save(role);
      return ok({ role, previous: null, added: true });
    },

    /** Sets the deputy who gets prompts while the person is away; "none" removes them. */
    async setDeputy(
      actor: Actor,
      programmeId: string,
      code: string,
      email: string,
    ): Promise<AdminResult<RoleChange>> {
      const found = await findRole(actor, programmeId, code);
      if (!found.ok) return found;
      const clear = NOBODY.has(email.trim().toLowerCase());
      const deputy = clear ? null : readEmail(email);
      if (deputy === undefined) return fail('INVALID_EMAIL');
      const role = { ...found.value, deputy };
      await roles.save(role);
      return ok({ role, previous: found.value.deputy, added: false });
    },
  };
}

export type RolesUseCase = ReturnType<typeof createRolesUseCase>;
