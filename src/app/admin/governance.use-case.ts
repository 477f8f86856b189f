import {
  deciderRules,
  defaultGovernance,
  type DeciderRule,
  type ProgrammeGovernance,
} from '../../domain/deciders.js';
import { ok } from '../../domain/errors.js';
import type { GovernanceSettingsRepository } from '../../store/governance-settings.repository.js';
import type {
  ProgrammeRepository,
  WorkstreamRepository,
} from '../../store/programme.repository.js';
import type { RoleRepository } from '../../store/role.repository.js';
import type { Actor } from './actor.js';
import type { AdminDirectory } from './admin-directory.js';
import { fail, type AdminResult } from './admin-result.js';

export interface GovernanceView {
  readonly programmeId: string;
  readonly programmeName: string;
  readonly governance: ProgrammeGovernance;
  /** The rules in force: the named ones, or the default built from the chair and the leads. */
  readonly rules: readonly DeciderRule[];
}

export interface GovernanceUseCaseOptions {
  readonly directory: AdminDirectory;
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly workstreams: Pick<WorkstreamRepository, 'list'>;
  readonly roles: Pick<RoleRepository, 'get'>;
  readonly governance: GovernanceSettingsRepository;
}

export type GovernanceChange =
  /** Names the board chair's role (null: none); it decides for every action by default. */
  | { readonly kind: 'chair'; readonly role: string | null }
  /** Turns the leads' sign-off before the board on or off. */
  | { readonly kind: 'sign-off'; readonly on: boolean }
  /** Replaces the deciders, as the workbook's Deciders sheet does; null restores the default. */
  | { readonly kind: 'deciders'; readonly rules: readonly DeciderRule[] | null };

/** `/governance`: who decides revised dates, and whether leads sign off. Admins only. */
export function createGovernanceUseCase(options: GovernanceUseCaseOptions) {
  async function view(programmeId: string): Promise<AdminResult<GovernanceView>> {
    const programme = await options.programmes.get(programmeId);
    if (!programme) return fail('PROGRAMME_NOT_FOUND');
    const [stored, workstreams] = await Promise.all([
      options.governance.get(programme.id),
      options.workstreams.list(programme.id),
    ]);
    const governance = stored ?? defaultGovernance(programme.id);
    return ok({
      programmeId: programme.id,
      programmeName: programme.name,
      governance,
      rules: deciderRules(governance, workstreams),
    });
  }

  return {
    async show(actor: Actor, programmeId: string): Promise<AdminResult<GovernanceView>> {
      if (!(await options.directory.isAdmin(actor))) return fail('NOT_ADMIN');
      return view(programmeId);
    },

    async change(
      actor: Actor,
      programmeId: string,
      change: GovernanceChange,
    ): Promise<AdminResult<GovernanceView>> {
      if (!(await options.directory.isAdmin(actor))) return fail('NOT_ADMIN');
      const current = await view(programmeId);
      if (!current.ok) return current;
      const roleCodes =
        change.kind === 'chair'
          ? [change.role]
          : change.kind === 'deciders'
            ? (change.rules ?? []).map((r) => r.role)
            : [];
      const canonical = new Map<string, string>();
      for (const code of roleCodes) {
        if (code === null) continue;
        const role = await options.roles.get(current.value.programmeId, code);
        if (!role) return fail('ROLE_NOT_FOUND');
        canonical.set(code.toUpperCase(), role.code);
      }
      const spelled = (code: string): string => canonical.get(code.toUpperCase()) ?? code;
      const before = current.value.governance;
      const next: ProgrammeGovernance =
        change.kind === 'chair'
          ? { ...before, chairRole: change.role === null ? null : spelled(change.role) }
          : change.kind === 'sign-off'
            ? { ...before, signOff: change.on }
            : {
                ...before,
                deciders:
                  change.rules === null
                    ? null
                    : change.rules.map((r) => ({ ...r, role: spelled(r.role) })),
              };
      await options.governance.save(next);
      return view(programmeId);
    },
  };
}

export type GovernanceUseCase = ReturnType<typeof createGovernanceUseCase>;
