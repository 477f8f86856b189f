import type { Action, Step } from '../../domain/action.js';
import type { Measure } from '../../domain/measure.js';
import type { Role } from '../../domain/people.js';
import type { RevisionRequest } from '../../domain/revision.js';
import type { ReportingPeriod, Workstream } from '../../domain/programme.js';
import type { Plan } from '../../store/plan.repository.js';

/** What an import adds, removes and changes in one kind of thing, by its code or reference. */
export interface ItemChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Each changed item with the names of the fields that differ (`title`, `ownerRole`…). */
  readonly changed: readonly { readonly key: string; readonly fields: readonly string[] }[];
}

export interface PlanChanges {
  /** True when the programme is not stored yet. */
  readonly newProgramme: boolean;
  /** Programme fields that differ (`name`, `periodOrder`). */
  readonly programme: readonly string[];
  readonly workstreams: ItemChanges;
  readonly actions: ItemChanges;
  readonly roles: ItemChanges;
  readonly periods: ItemChanges;
  /** Past ratings not yet in the history; the rest are already recorded and stay as they are. */
  readonly ratingsAdded: number;
  readonly ratingsAlreadyRecorded: number;
  readonly measures: ItemChanges;
  /** Past measure values not yet in the history; the rest are already recorded. */
  readonly measureValuesAdded: number;
}

export interface PlanCounts {
  readonly workstreams: number;
  readonly actions: number;
  readonly steps: number;
  readonly roles: number;
  readonly periods: number;
  readonly ratings: number;
  readonly measures: number;
  readonly measureValues: number;
}

export function countPlan(plan: Plan): PlanCounts {
  return {
    workstreams: plan.workstreams.length,
    actions: plan.actions.length,
    steps: plan.actions.reduce((sum, action) => sum + action.steps.length, 0),
    roles: plan.roles.length,
    periods: plan.programme.periods.length,
    ratings: plan.ratings.length,
    measures: plan.measures?.length ?? 0,
    measureValues: plan.measureValues?.length ?? 0,
  };
}

/** The stored side of a comparison: the plan as it stands and the ids already in history. */
export interface CurrentPlan {
  readonly plan: Plan;
  readonly updateIds: ReadonlySet<string>;
  /** Ids of the measure values already recorded. */
  readonly measureValueIds: ReadonlySet<string>;
  /** Every request for a later date: a re-import keeps the agreed ones it does not overrule. */
  readonly requests: readonly RevisionRequest[];
}

export function diffPlans(current: CurrentPlan | null, next: Plan): PlanChanges {
  const before = current?.plan;
  const ratingsAdded = next.ratings.filter((r) => !current?.updateIds.has(r.id)).length;
  const programme: string[] = [];
  if (before && before.programme.name !== next.programme.name) programme.push('name');
  const beforeOrder = before?.programme.periods.map((p) => p.id.toUpperCase()) ?? [];
  const nextOrder = next.programme.periods.map((p) => p.id.toUpperCase());
  const common = (ids: string[], other: string[]): string[] =>
    ids.filter((id) => other.includes(id));
  if (before && !same(common(beforeOrder, nextOrder), common(nextOrder, beforeOrder))) {
    programme.push('periodOrder');
  }
  return {
    newProgramme: !before,
    programme,
    workstreams: diffItems(
      before?.workstreams ?? [],
      next.workstreams,
      (w) => w.code,
      workstreamFields,
    ),
    actions: diffItems(before?.actions ?? [], next.actions, (a) => a.ref, actionFields),
    roles: diffItems(before?.roles ?? [], next.roles, (r) => r.code, roleFields),
    periods: diffItems(
      before?.programme.periods ?? [],
      next.programme.periods,
      (p) => p.id,
      periodFields,
    ),
    ratingsAdded,
    ratingsAlreadyRecorded: next.ratings.length - ratingsAdded,
    measures: diffItems(before?.measures ?? [], next.measures ?? [], (m) => m.code, measureFields),
    measureValuesAdded: (next.measureValues ?? []).filter(
      (value) => !current?.measureValueIds.has(value.id),
    ).length,
  };
}

/** True when applying the plan would change nothing a person could see. */
export function isUnchanged(changes: PlanChanges): boolean {
  const none = (items: ItemChanges): boolean =>
    items.added.length === 0 && items.removed.length === 0 && items.changed.length === 0;
  return (
    !changes.newProgramme &&
    changes.programme.length === 0 &&
    none(changes.workstreams) &&
    none(changes.actions) &&
    none(changes.roles) &&
    none(changes.periods) &&
    changes.ratingsAdded === 0 &&
    none(changes.measures) &&
    changes.measureValuesAdded === 0
  );
}

type Fields<T> = Readonly<Record<string, (item: T) => unknown>>;

const workstreamFields: Fields<Workstream> = {
  name: (w) => w.name,
  leadRole: (w) => w.leadRole.toUpperCase(),
  aim: (w) => w.aim,
};

const stepFields: Fields<Step> = {
  title: (s) => s.title,
  ownerRole: (s) => s.ownerRole?.toUpperCase() ?? null,
  due: (s) => s.due,
  revisedDue: (s) => s.revisedDue,
};

const actionFields: Fields<Action> = {
  workstream: (a) => a.workstream.toUpperCase(),
  title: (a) => a.title,
  ownerRole: (a) => a.ownerRole.toUpperCase(),
  contributors: (a) => a.contributors,
  due: (a) => a.due,
  revisedDue: (a) => a.revisedDue,
  outcomes: (a) => a.outcomes,
  steps: (a) => a.steps.map((s) => [s.letter, ...Object.values(stepFields).map((f) => f(s))]),
};

const roleFields: Fields<Role> = {
  title: (r) => r.title,
  person: (r) => r.person,
  deputy: (r) => r.deputy,
  // A role added with /assign that the workbook now names becomes the workbook's.
  assigned: (r) => r.assigned === true,
};

const periodFields: Fields<ReportingPeriod> = {
  closes: (p) => p.closes,
  boardMeeting: (p) => p.boardMeeting,
};

const measureFields: Fields<Measure> = {
  name: (m) => m.name,
  unit: (m) => m.unit,
  better: (m) => m.better,
  baseline: (m) => m.baseline,
  target: (m) => m.target,
  interimTargets: (m) => m.interimTargets,
  comparators: (m) => m.comparators,
  links: (m) => [m.refs, m.workstreams],
  reportedBy: (m) => m.reportedBy.toUpperCase(),
  frequency: (m) => m.frequency,
  source: (m) => m.source,
};

/** Step changes of one action, for a preview that says which steps moved. */
export function diffSteps(before: readonly Step[], next: readonly Step[]): ItemChanges {
  return diffItems(before, next, (s) => s.letter, stepFields);
}

function diffItems<T>(
  before: readonly T[],
  next: readonly T[],
  keyOf: (item: T) => string,
  fields: Fields<T>,
): ItemChanges {
  const old = new Map(before.map((item) => [keyOf(item).toUpperCase(), item]));
  const fresh = new Map(next.map((item) => [keyOf(item).toUpperCase(), item]));
  const changed: { key: string; fields: string[] }[] = [];
  for (const item of next) {
    const previous = old.get(keyOf(item).toUpperCase());
    if (previous === undefined) continue;
    const differing = Object.entries(fields)
      .filter(([, read]) => !same(read(previous), read(item)))
      .map(([name]) => name);
    if (differing.length > 0) changed.push({ key: keyOf(item), fields: differing });
  }
  return {
    added: next.filter((item) => !old.has(keyOf(item).toUpperCase())).map(keyOf),
    removed: before.filter((item) => !fresh.has(keyOf(item).toUpperCase())).map(keyOf),
    changed,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
