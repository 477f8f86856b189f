import { createHash } from 'node:crypto';
import { defaultGovernance, type DeciderRule } from '../../domain/deciders.js';
import type { Role } from '../../domain/people.js';
import type { GovernanceSettingsRepository } from '../../store/governance-settings.repository.js';
import type { Plan, PlanRepository } from '../../store/plan.repository.js';
import type { Actor } from '../admin/actor.js';
import type { AdminDirectory } from '../admin/admin-directory.js';
import { readCurrentPlan, type CurrentPlanPorts } from './current-plan.js';
import type { ImportProblem } from './import-problem.js';
import type { ImportProgressListener } from './import-progress.js';
import { parsePlan } from './parse-plan.js';
import { workbookNames } from './programme-name.js';
import {
  countPlan,
  diffPlans,
  isUnchanged,
  type PlanChanges,
  type PlanCounts,
} from './plan-diff.js';
import { revisionEffects, type RevisionEffects } from './revision-changes.js';
import type { RawWorkbook } from './workbook.js';

export interface ImportUseCaseOptions extends CurrentPlanPorts {
  readonly directory: AdminDirectory;
  readonly plans: PlanRepository;
  /** Where a workbook's Deciders sheet is kept, beside the chair's role and sign-off. */
  readonly governance: Pick<GovernanceSettingsRepository, 'get' | 'save'>;
}

export interface ImportRequest {
  readonly actor: Actor;
  readonly workbook: RawWorkbook;
  /** The programme the workbook is for ("wsoa"). */
  readonly programmeId: string;
  /**
   * The programme's name, over anything the workbook says. Without it: the workbook's
   * Programme sheet, then the stored name, then the file's title property, then the id.
   */
  readonly programmeName?: string;
}

/** What confirming would do. `fingerprint` names this exact change for the confirmation. */
export interface ImportPreview {
  readonly programmeId: string;
  readonly programmeName: string;
  readonly counts: PlanCounts;
  readonly changes: PlanChanges;
  readonly unchanged: boolean;
  /** Roles added with /assign that the workbook does not have: the import keeps them. */
  readonly keptRoles: readonly Role[];
  /** Agreed revised dates the workbook overrules, and the actions whose revisions stay. */
  readonly revisions: RevisionEffects;
  readonly fingerprint: string;
  readonly plan: Plan;
}

export type ImportOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: 'NOT_ADMIN' }
  | {
      readonly ok: false;
      readonly code: 'INVALID_WORKBOOK';
      readonly problems: readonly ImportProblem[];
    }
  /** The stored plan or the workbook changed since the preview the person confirmed. */
  | { readonly ok: false; readonly code: 'PREVIEW_OUT_OF_DATE'; readonly preview: ImportPreview };

export interface ImportApplied {
  readonly preview: ImportPreview;
  /** False when there was nothing to change, so nothing was written. */
  readonly written: boolean;
}

/**
 * Importing the plan workbook: a preview (counts, changes, problems) first, then, once
 * confirmed, one all-or-nothing replace. Both read the workbook afresh, so nothing has to be
 * held between the two and any instance can take the confirmation.
 */
export function createImportUseCase(options: ImportUseCaseOptions) {
  async function preview(request: ImportRequest): Promise<ImportOutcome<ImportPreview>> {
    if (!(await options.directory.isAdmin(request.actor))) return { ok: false, code: 'NOT_ADMIN' };
    const current = await readCurrentPlan(options, request.programmeId);
    const stored = current?.plan.programme;
    const parsed = parsePlan(request.workbook, {
      id: stored?.id ?? request.programmeId,
      name: nameOf(request, stored?.name ?? null),
      ...(stored ? { timeZone: stored.timeZone, rules: stored.rules } : {}),
    });
    if (!parsed.ok) return { ok: false, code: 'INVALID_WORKBOOK', problems: parsed.problems };
    const keptRoles = assignedRolesKept(current?.plan.roles ?? [], parsed.plan.roles);
    const plan = { ...parsed.plan, roles: [...parsed.plan.roles, ...keptRoles] };
    const changes = diffPlans(current, plan);
    const revisions = revisionEffects(
      current?.plan.actions ?? [],
      plan.actions,
      current?.requests ?? [],
    );
    return {
      ok: true,
      value: {
        programmeId: plan.programme.id,
        programmeName: plan.programme.name,
        // What the workbook holds; the roles kept beside it are listed on their own.
        counts: countPlan(parsed.plan),
        changes,
        unchanged: isUnchanged(changes),
        keptRoles,
        revisions,
        // A revision agreed after the preview was shown changes what Confirm would overrule.
        fingerprint: fingerprintOf(plan, changes, revisions.overruled),
        plan,
      },
    };
  }

  /**
   * The workbook's Deciders sheet, kept with the programme's governance (an admin's chair
   * role and sign-off stay). Saved after the plan, so a failed import changes nothing; after a
   * crash between the two, importing again saves it (the plan is then unchanged). Without the
   * sheet, whatever is kept stays. True if saved.
   */
  async function saveDeciders(plan: Plan): Promise<boolean> {
    if (plan.deciders === undefined) return false;
    const programmeId = plan.programme.id;
    const kept = (await options.governance.get(programmeId)) ?? defaultGovernance(programmeId);
    if (sameRules(kept.deciders, plan.deciders)) return false;
    await options.governance.save({ ...kept, deciders: plan.deciders });
    return true;
  }

  return {
    preview,

    /**
     * Writes the plan when valid and different from what is stored. With `expectedFingerprint`
     * (from the preview a person confirmed), refuses if what would happen has changed since.
     */
    async apply(
      request: ImportRequest & {
        readonly expectedFingerprint?: string;
        readonly progress?: ImportProgressListener;
      },
    ): Promise<ImportOutcome<ImportApplied>> {
      const progress = request.progress ?? (() => undefined);
      progress({ step: 'checking' });
      const result = await preview(request);
      if (!result.ok) return result;
      const fresh = result.value;
      if (
        request.expectedFingerprint !== undefined &&
        request.expectedFingerprint !== fresh.fingerprint
      ) {
        return { ok: false, code: 'PREVIEW_OUT_OF_DATE', preview: fresh };
      }
      if (fresh.unchanged) {
        const saved = await saveDeciders(fresh.plan);
        return { ok: true, value: { preview: fresh, written: saved } };
      }
      const { programmeName, counts } = fresh;
      await options.plans.replace(fresh.plan, (written, total) =>
        progress({
          step: 'writing',
          programmeName,
          actions: counts.actions,
          percent: total === 0 ? 100 : Math.floor((100 * written) / total),
        }),
      );
      await saveDeciders(fresh.plan);
      return { ok: true, value: { preview: fresh, written: true } };
    },
  };
}

export type ImportUseCase = ReturnType<typeof createImportUseCase>;

/** Stored roles an admin added with /assign whose codes the workbook does not name. */
function assignedRolesKept(stored: readonly Role[], workbook: readonly Role[]): Role[] {
  const named = new Set(workbook.map((role) => role.code.toUpperCase()));
  return stored.filter((role) => role.assigned === true && !named.has(role.code.toUpperCase()));
}

function nameOf(request: ImportRequest, stored: string | null): string {
  const named = workbookNames(request.workbook);
  return request.programmeName ?? named.sheet ?? stored ?? named.title ?? request.programmeId;
}

function fingerprintOf(
  plan: Plan,
  changes: PlanChanges,
  overruled: RevisionEffects['overruled'],
): string {
  return createHash('sha256')
    .update(JSON.stringify({ plan, changes, overruled }))
    .digest('base64url')
    .slice(0, 22);
}

function sameRules(kept: readonly DeciderRule[] | null, named: readonly DeciderRule[]): boolean {
  const key = (rules: readonly DeciderRule[]) =>
    JSON.stringify(
      rules
        .map((r) => [
          r.role.toUpperCase(),
          r.workstreams === 'all' ? 'all' : [...r.workstreams].sort(),
        ])
        .sort(),
    );
  return kept !== null && key(kept) === key(named);
}
