import type { Workstream } from './programme.js';

/**
 * Who decides revised dates, and whether leads sign a period off, for one programme.
 * Boards revise deadlines, not owners ("revised timescales approved by the Improvement
 * Board in July 2020"), so only the roles named here may approve or decline a request.
 */
export interface DeciderRule {
  /** Role code as the Roles sheet spells it. */
  readonly role: string;
  /** Workstream codes this role decides for, or `all` for every workstream (a board chair). */
  readonly workstreams: 'all' | readonly string[];
}

export interface ProgrammeGovernance {
  readonly programmeId: string;
  /**
   * The deciders the plan or an admin named; null means the default: the board chair role
   * for every action, and each workstream's lead for that workstream's actions.
   */
  readonly deciders: readonly DeciderRule[] | null;
  /** The board chair's role, for the default; null when the programme has not named one. */
  readonly chairRole: string | null;
  /** Whether each workstream lead signs off the period's ratings before the board sees them. */
  readonly signOff: boolean;
}

export function defaultGovernance(programmeId: string): ProgrammeGovernance {
  return { programmeId, deciders: null, chairRole: null, signOff: false };
}

/** The rules in force: the named ones, or the default built from the chair and the leads. */
export function deciderRules(
  governance: ProgrammeGovernance,
  workstreams: readonly Pick<Workstream, 'code' | 'leadRole'>[],
): DeciderRule[] {
  if (governance.deciders !== null) return [...governance.deciders];
  const chair: DeciderRule[] =
    governance.chairRole === null ? [] : [{ role: governance.chairRole, workstreams: 'all' }];
  return [
    ...chair,
    ...workstreams.map((w) => ({ role: w.leadRole, workstreams: [w.code] as const })),
  ];
}

/** The role codes (upper case, each once) that decide for one workstream's actions. */
export function decidersFor(
  governance: ProgrammeGovernance,
  workstreams: readonly Pick<Workstream, 'code' | 'leadRole'>[],
  workstream: string,
): string[] {
  const code = workstream.toUpperCase();
  const roles = deciderRules(governance, workstreams)
    .filter(
      (rule) =>
        rule.workstreams === 'all' || rule.workstreams.some((w) => w.toUpperCase() === code),
    )
    .map((rule) => rule.role.toUpperCase());
  return [...new Set(roles)];
}

/** True when someone holding `heldRoles` may decide a request on this workstream's action. */
export function isDecider(
  governance: ProgrammeGovernance,
  workstreams: readonly Pick<Workstream, 'code' | 'leadRole'>[],
  workstream: string,
  heldRoles: readonly string[],
): boolean {
  const deciders = new Set(decidersFor(governance, workstreams, workstream));
  return heldRoles.some((role) => deciders.has(role.toUpperCase()));
}
