import { createHash } from 'node:crypto';
import type { Action } from '../../domain/action.js';
import type { IsoDate } from '../../domain/local-date.js';
import type { Measure } from '../../domain/measure.js';
import { measuresFor } from '../../domain/measure-digest.js';
import { measureProgress, type MeasureProgress } from '../../domain/measure-progress.js';
import {
  checkMeasureValue,
  type MeasureValue,
  type MeasureValueSource,
} from '../../domain/measure-value.js';
import { normaliseEmail, type Role } from '../../domain/people.js';
import type { Programme, ReportingPeriod } from '../../domain/programme.js';
import type { MeasureRepository } from '../../store/measure.repository.js';
import type { RoleRepository } from '../../store/role.repository.js';
import type { Clock } from '../clock.js';
import { periodOpenOn, todayFor } from '../reporting-day.js';
import { closestMatches } from '../suggestions.js';

export interface MeasureUseCaseDeps {
  readonly measures: MeasureRepository;
  readonly roles: Pick<RoleRepository, 'get'>;
  readonly clock: Clock;
}

/** Who is giving a value; admins may give any. */
export interface Reporter {
  readonly email: string | null;
  readonly isAdmin: boolean;
}

/** A value as typed in `/measure` or a prompt card's field, before it is trusted. */
export interface MeasureSubmission {
  readonly code: string;
  readonly text: string;
  readonly note: string;
  readonly source: MeasureValueSource;
  /** The period a prompt card was drawn for; absent, the period open today. */
  readonly periodId?: string;
  /** Names the submission (an activity or card id), so a retried one adds nothing. */
  readonly submissionKey: string;
}

/** A measure with where it stands now. */
export interface MeasureStandingNow {
  readonly measure: Measure;
  readonly progress: MeasureProgress;
}

export type MeasureOutcome =
  | {
      readonly ok: true;
      readonly value: MeasureValue;
      readonly measure: Measure;
      readonly period: ReportingPeriod;
      readonly progress: MeasureProgress;
    }
  | {
      readonly ok: false;
      readonly code: 'MEASURE_NOT_FOUND';
      readonly typed: string;
      readonly suggestions: readonly string[];
    }
  | {
      readonly ok: false;
      readonly code: 'NOT_REPORTER';
      readonly measure: Measure;
      readonly role: Role | null;
    }
  | { readonly ok: false; readonly code: 'PERIOD_CLOSED'; readonly measure: Measure }
  | {
      readonly ok: false;
      readonly code: 'INVALID_MEASURE_VALUE';
      readonly measure: Measure;
      /** Says what was wrong and what to write, ready to show beside the field. */
      readonly message: string;
    };

/**
 * Outcome measures: recording a value (from `/measure` or a prompt), the measures a person
 * is asked for, and where a workstream's or an action's measures stand.
 */
export function createMeasureUseCase(deps: MeasureUseCaseDeps) {
  async function find(programmeId: string, code: string): Promise<Measure | MeasureOutcome> {
    const measures = await deps.measures.list(programmeId);
    const found = measures.find((m) => m.code.toUpperCase() === code.trim().toUpperCase());
    if (found) return found;
    const suggestions = closestMatches(
      code.trim(),
      measures.map((m) => m.code),
    );
    return { ok: false, code: 'MEASURE_NOT_FOUND', typed: code.trim(), suggestions };
  }

  async function mayReport(programme: Programme, measure: Measure, by: Reporter) {
    if (by.isAdmin) return null;
    const role = await deps.roles.get(programme.id, measure.reportedBy);
    const email = by.email === null ? null : normaliseEmail(by.email);
    const allowed = email !== null && (role?.person === email || role?.deputy === email);
    return allowed ? null : ({ ok: false, code: 'NOT_REPORTER', measure, role } as const);
  }

  return {
    /**
     * Checks who is giving the value, that its period is open and that it fits the unit,
     * then appends it to the history; an earlier value in the period stays as history.
     */
    async record(
      programme: Programme,
      submission: MeasureSubmission,
      by: Reporter,
    ): Promise<MeasureOutcome> {
      const found = await find(programme.id, submission.code);
      if ('ok' in found) return found;
      const measure = found;
      const refusal = await mayReport(programme, measure, by);
      if (refusal) return refusal;
      const today = todayFor(programme, deps.clock);
      const period = periodFor(programme, submission.periodId, today);
      if (!period) return { ok: false, code: 'PERIOD_CLOSED', measure };
      const checked = checkMeasureValue(measure, submission.text);
      if (!checked.ok) {
        return { ok: false, code: 'INVALID_MEASURE_VALUE', measure, message: checked.message };
      }
      const email = by.email === null ? 'unknown' : normaliseEmail(by.email);
      const value: MeasureValue = {
        id: valueIdOf(programme.id, measure.code, period.id, email, submission.submissionKey),
        programmeId: programme.id,
        code: measure.code,
        periodId: period.id,
        value: checked.value,
        note: submission.note.trim(),
        by: email,
        at: deps.clock.now().toISOString(),
        source: submission.source,
      };
      await deps.measures.record(value);
      const history = await deps.measures.historyOf(programme.id, measure.code);
      const progress = measureProgress(measure, programme.periods, history);
      return { ok: true, value, measure, period, progress };
    },

    /** The measures these roles report, each with where it stands (for the prompt card). */
    async reportedBy(
      programme: Programme,
      roleCodes: readonly string[],
    ): Promise<MeasureStandingNow[]> {
      const wanted = new Set(roleCodes.map((code) => code.toUpperCase()));
      const measures = (await deps.measures.list(programme.id)).filter((m) =>
        wanted.has(m.reportedBy.toUpperCase()),
      );
      if (measures.length === 0) return [];
      const history = await deps.measures.history(programme.id);
      return measures.map((measure) => ({
        measure,
        progress: measureProgress(measure, programme.periods, history),
      }));
    },

    /** The measures of a workstream or of one action, for `/status`. */
    async standings(
      programme: Programme,
      actions: readonly Pick<Action, 'ref' | 'workstream'>[],
      scope: { readonly workstream: string } | { readonly ref: string },
    ): Promise<MeasureStandingNow[]> {
      const measures = measuresFor(await deps.measures.list(programme.id), actions, scope);
      if (measures.length === 0) return [];
      const history = await deps.measures.history(programme.id);
      return measures.map((measure) => ({
        measure,
        progress: measureProgress(measure, programme.periods, history),
      }));
    },
  };
}

export type MeasureUseCase = ReturnType<typeof createMeasureUseCase>;

function periodFor(
  programme: Programme,
  periodId: string | undefined,
  today: IsoDate,
): ReportingPeriod | undefined {
  if (periodId === undefined) return periodOpenOn(programme, today);
  const period = programme.periods.find((p) => p.id === periodId);
  return period && period.closes >= today ? period : undefined;
}

/** The same submission always gets the same id, so a retried request adds nothing. */
function valueIdOf(
  programmeId: string,
  code: string,
  periodId: string,
  by: string,
  submissionKey: string,
): string {
  const digest = createHash('sha256')
    .update([programmeId, code.toUpperCase(), periodId, by, submissionKey].join('\n'))
    .digest('hex');
  return `measure-${digest.slice(0, 32)}`;
}
