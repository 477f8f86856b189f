import { effectiveDue, type Action } from '../../domain/action.js';
import type { DueDate, IsoDate } from '../../domain/local-date.js';
import type { MessageKind } from '../../domain/prompt-schedule.js';
import { NOT_RATED, type RatingOrNotRated } from '../../domain/rating.js';
import type { ActionRepository } from '../../store/action.repository.js';
import type { OutboxMessage } from '../../store/outbox.repository.js';
import type { ProgrammeRepository } from '../../store/programme.repository.js';
import type { PeopleNames } from '../../domain/people-names.js';
import { keptFor } from '../kept-for.js';
import { loadPeopleNames } from '../people-names.js';
import type { PersonRepository, RoleRepository } from '../../store/role.repository.js';
import type { MeasureUnit } from '../../domain/measure.js';
import type { Programme } from '../../domain/programme.js';
import { stepProgress, type StepTick } from '../../domain/step-completion.js';
import type { StepTickRepository } from '../../store/step-tick.repository.js';
import type { Clock } from '../clock.js';
import type { MeasureUseCase } from '../measures/measure.use-case.js';
import { todayFor } from '../reporting-day.js';
import { scheduledPayloadOf } from './outbox-row.js';

export interface StepView {
  readonly letter: string;
  readonly title: string;
  readonly due: DueDate | null;
  /** The local date it was ticked done, or null while it is not done. */
  readonly doneOn: IsoDate | null;
  /** Past its (revised) date and not done. */
  readonly late: boolean;
}

/** A measure the recipient reports, asked for in the prompt beside their actions. */
export interface PromptMeasureView {
  readonly code: string;
  readonly name: string;
  readonly unit: MeasureUnit;
  /** The value that counts in the latest period with one, or null before the first. */
  readonly last: { readonly value: number; readonly periodId: string } | null;
  /** Whether this period already has a value (reminders ask only for the others). */
  readonly given: boolean;
}

export interface PromptActionView {
  readonly ref: string;
  readonly title: string;
  /** The latest rating, in any period; "Not yet rated" before the first. */
  readonly rating: RatingOrNotRated;
  /** Whether it already has an answer for this period (reminders list only the others). */
  readonly answered: boolean;
  readonly due: DueDate | null;
  readonly steps: readonly StepView[];
}

export interface PromptSectionView {
  readonly role: string;
  /**
   * The away person the recipient answers for, as colleagues know them ("Alex Ades,
   * Assistant Director Education and Skills"), or null.
   */
  readonly onBehalfOf: string | null;
  readonly actions: readonly PromptActionView[];
}

/** A prompt, reminder or nudge to an owner, or the list of missing updates for a lead. */
export interface MessageView {
  readonly kind: Exclude<MessageKind, 'escalation'> | 'escalation';
  readonly programmeId: string;
  readonly programmeName: string;
  readonly periodId: string;
  readonly closes: IsoDate;
  readonly sections: readonly PromptSectionView[];
  /** For an escalation: who holds each missing action's role, by name and job title. */
  readonly owners: Readonly<Record<string, string | null>>;
  /** For a prompt or reminder: the measures the recipient reports, asked for with it. */
  readonly measures: readonly PromptMeasureView[];
}

export type MessageViewResult =
  | { readonly ok: true; readonly view: MessageView }
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND' | 'NOT_A_SCHEDULED_MESSAGE' };

export interface MessageViews {
  /** What a scheduled outbox message says, from the actions as they stand now. */
  viewOf(message: OutboxMessage): Promise<MessageViewResult>;
}

/**
 * A fan-out of thousands of prompts reads each programme's row (and its measures) once in
 * this long, not once per message. Actions, step ticks and names are read per message, for
 * the message's own refs, so what a send costs and holds does not grow with the programme.
 */
const CACHE_MS = 10_000;

export interface MessageViewOptions {
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly actions: Pick<ActionRepository, 'get'>;
  readonly roles: Pick<RoleRepository, 'get' | 'rolesOf'>;
  /** Teams' names of the roles' holders; absent, people are shown by job title. */
  readonly people?: Pick<PersonRepository, 'get'>;
  readonly stepTicks: Pick<StepTickRepository, 'listForAction'>;
  readonly measures: Pick<MeasureUseCase, 'reportedBy'>;
  readonly clock: Clock;
}

/** What one message needs: its actions, their step ticks and the names it shows. */
interface Loaded {
  readonly programme: Programme;
  readonly periods: ReadonlyMap<string, IsoDate>;
  readonly actions: ReadonlyMap<string, Action>;
  readonly holders: ReadonlyMap<string, string | null>;
  readonly names: PeopleNames;
  readonly ticks: readonly StepTick[];
}

export function createMessageViews(options: MessageViewOptions): MessageViews {
  const programmeOf = keptFor(CACHE_MS, options.clock, async (programmeId) => {
    const programme = await options.programmes.get(programmeId);
    return (
      programme && { programme, periods: new Map(programme.periods.map((p) => [p.id, p.closes])) }
    );
  });

  const load = async (
    message: OutboxMessage,
    payload: NonNullable<ReturnType<typeof scheduledPayloadOf>>,
  ): Promise<Loaded | null> => {
    const found = await programmeOf(message.programmeId);
    if (!found) return null;
    const { programmeId } = message;
    const refs = [...new Set([...payload.refs, ...payload.sections.flatMap((s) => s.refs)])];
    const [actions, ticks] = await Promise.all([
      Promise.all(refs.map((ref) => options.actions.get(programmeId, ref))),
      Promise.all(refs.map((ref) => options.stepTicks.listForAction(programmeId, ref))),
    ]);
    const byRef = new Map(actions.flatMap((a) => (a === null ? [] : [[a.value.ref, a.value]])));
    // Names shown: the away people a deputy answers for, and an escalation's owners.
    const named = new Set(payload.sections.filter((s) => s.onBehalfOf !== null).map((s) => s.role));
    if (message.kind === 'escalation') {
      for (const action of byRef.values()) named.add(action.ownerRole);
    }
    const roles = (
      await Promise.all([...named].map((code) => options.roles.get(programmeId, code)))
    ).filter((role) => role !== null);
    return {
      ...found,
      actions: byRef,
      ticks: ticks.flat(),
      holders: new Map(roles.map((r) => [r.code, r.person])),
      names: await loadPeopleNames(roles, options.people),
    };
  };

  /**
   * The measures the recipient reports: those of the roles they hold and of the roles they
   * answer for in this message (a deputy standing in). Only prompts and reminders ask.
   */
  const measuresAsked = async (
    message: OutboxMessage,
    sections: readonly { readonly role: string }[],
    data: Loaded,
  ): Promise<PromptMeasureView[]> => {
    if (message.kind !== 'prompt' && message.kind !== 'reminder') return [];
    const held = (await options.roles.rolesOf(message.recipient))
      .filter((r) => r.as === 'person' && r.programmeId === message.programmeId)
      .map((r) => r.role);
    const roles = [...new Set([...held, ...sections.map((s) => s.role).filter((r) => r !== '')])];
    if (roles.length === 0) return [];
    const standings = await options.measures.reportedBy(data.programme, roles);
    return standings
      .map(({ measure, progress }) => {
        const given = progress.latest?.periodId === message.periodId;
        return {
          code: measure.code,
          name: measure.name,
          unit: measure.unit,
          last: progress.latest
            ? { value: progress.latest.value, periodId: progress.latest.periodId }
            : null,
          given,
        };
      })
      .filter((m) => message.kind === 'prompt' || !m.given);
  };

  return {
    async viewOf(message) {
      const payload = scheduledPayloadOf(message);
      if (payload === null) return { ok: false, code: 'NOT_A_SCHEDULED_MESSAGE' };
      const data = await load(message, payload);
      if (data === null) return { ok: false, code: 'PROGRAMME_NOT_FOUND' };
      const today = todayFor(data.programme, options.clock);
      const actionView = (ref: string): PromptActionView[] => {
        const action = data.actions.get(ref);
        if (!action) return [];
        const progress = stepProgress(action, data.ticks, today);
        return [
          {
            ref,
            title: action.title,
            rating: action.current?.rating ?? NOT_RATED,
            answered: action.current?.periodId === message.periodId,
            due: effectiveDue(action),
            steps: progress.steps.map((s) => ({
              letter: s.step.letter,
              title: s.step.title,
              due: effectiveDue(s.step),
              doneOn: s.done?.doneOn ?? null,
              late: s.late,
            })),
          },
        ];
      };
      const owners: Record<string, string | null> = {};
      for (const ref of payload.refs) {
        const role = data.actions.get(ref)?.ownerRole;
        const holder = role === undefined ? null : (data.holders.get(role) ?? null);
        owners[ref] = holder === null || role === undefined ? null : data.names.role(role);
      }
      return {
        ok: true,
        view: {
          kind: message.kind as MessageView['kind'],
          programmeId: message.programmeId,
          programmeName: data.programme.name,
          periodId: message.periodId,
          closes: data.periods.get(message.periodId) ?? '',
          sections: payload.sections.map((s) => ({
            role: s.role,
            onBehalfOf: s.onBehalfOf === null ? null : data.names.role(s.role),
            actions: s.refs.flatMap(actionView),
          })),
          owners,
          measures: await measuresAsked(message, payload.sections, data),
        },
      };
    },
  };
}
