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
import type { Role } from '../../domain/people.js';
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

/** A fan-out of hundreds of prompts reads each programme once, not once per message. */
const CACHE_MS = 10_000;

export interface MessageViewOptions {
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly actions: Pick<ActionRepository, 'listByProgramme'>;
  readonly roles: Pick<RoleRepository, 'list'>;
  /** Teams' names of the roles' holders; absent, people are shown by job title. */
  readonly people?: Pick<PersonRepository, 'get'>;
  readonly stepTicks: Pick<StepTickRepository, 'listForProgramme'>;
  readonly measures: Pick<MeasureUseCase, 'reportedBy'>;
  readonly clock: Clock;
}

export function createMessageViews(options: MessageViewOptions): MessageViews {
  interface Loaded {
    readonly programme: Programme;
    readonly name: string;
    readonly periods: ReadonlyMap<string, IsoDate>;
    readonly actions: ReadonlyMap<string, Action>;
    readonly holders: ReadonlyMap<string, string | null>;
    readonly names: PeopleNames;
    readonly roleList: readonly Role[];
    readonly ticks: readonly StepTick[];
  }

  const load = async (programmeId: string): Promise<Loaded | null> => {
    const programme = await options.programmes.get(programmeId);
    if (!programme) return null;
    const [actions, roles, ticks] = await Promise.all([
      options.actions.listByProgramme(programmeId),
      options.roles.list(programmeId),
      options.stepTicks.listForProgramme(programmeId),
    ]);
    return {
      programme,
      roleList: roles,
      ticks,
      name: programme.name,
      periods: new Map(programme.periods.map((p) => [p.id, p.closes])),
      actions: new Map(actions.map((a) => [a.value.ref, a.value])),
      holders: new Map(roles.map((r) => [r.code, r.person])),
      names: await loadPeopleNames(roles, options.people),
    };
  };

  const loaded = keptFor(CACHE_MS, options.clock, load);

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
    const recipient = message.recipient.toLowerCase();
    const held = data.roleList.filter((r) => r.person === recipient).map((r) => r.code);
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
      const data = await loaded(message.programmeId);
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
          programmeName: data.name,
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
