import { digestMessageKey, digestsDue } from '../../domain/digest-schedule.js';
import { isSendingTime } from '../../domain/calendar.js';
import { defaultGovernance } from '../../domain/deciders.js';
import type { Person, Role } from '../../domain/people.js';
import type { Programme, Workstream } from '../../domain/programme.js';
import { signOffsDue } from '../../domain/sign-off-schedule.js';
import type { GovernanceSettingsRepository } from '../../store/governance-settings.repository.js';
import { signOffRowOf } from '../governance/governance-notices.js';
import { messagesDue, plansInReach, type UnassignedMessage } from '../../domain/prompt-schedule.js';
import { nextScheduleChange } from '../../domain/schedule-boundary.js';
import type { ActionRepository } from '../../store/action.repository.js';
import type { LinkRepository } from '../../store/link.repository.js';
import type { OutboxMessage, OutboxRepository } from '../../store/outbox.repository.js';
import type { ScheduleMarkRepository } from '../../store/schedule-marks.repository.js';
import type {
  ProgrammeRepository,
  WorkstreamRepository,
} from '../../store/programme.repository.js';
import type { PersonRepository, RoleRepository } from '../../store/role.repository.js';
import type { Logger } from '../logger.js';
import { digestRowOf, outboxRowOf } from './outbox-row.js';

export interface RunDueOptions {
  readonly programmes: Pick<ProgrammeRepository, 'list'>;
  readonly workstreams: Pick<WorkstreamRepository, 'list'>;
  readonly actions: Pick<ActionRepository, 'listByProgramme' | 'historyOfProgramme'>;
  readonly roles: Pick<RoleRepository, 'list'>;
  /** For who is away (their prompts go to their deputy). */
  readonly people: Pick<PersonRepository, 'get'>;
  readonly outbox: Pick<OutboxRepository, 'add'>;
  /** Whether each programme's leads sign off a period before the board reads it. */
  readonly governance: Pick<GovernanceSettingsRepository, 'get'>;
  /** The board channels that receive digests; without it no digest is planned. */
  readonly boards?: Pick<LinkRepository, 'listBoard'>;
  /** Whether a programme changed since it was last planned here (a few small reads). */
  readonly scheduleMarks: Pick<ScheduleMarkRepository, 'read'>;
  readonly logger: Logger;
}

export interface RunDueReport {
  /** Rows written to the outbox by this run. */
  readonly planned: number;
  /** Due messages already in the outbox (planned by an earlier run or another instance). */
  readonly alreadyPlanned: number;
  /** Messages for roles nobody holds: an admin must assign a person. */
  readonly unassigned: readonly UnassignedMessage[];
  /** Programmes planned from their whole inputs; the rest had not changed since last time. */
  readonly read: number;
}

export interface RunDue {
  /**
   * Writes every message due at `now` to the outbox; sending is the outbox processor's job.
   * With `programmeIds`, only those programmes' (the ones this instance sends for).
   */
  run(now: Date, programmeIds?: readonly string[]): Promise<RunDueReport>;
}

/** Keys this process knows are in the outbox, so a busy minute does not re-add hundreds. */
const REMEMBERED_KEYS = 50_000;
const PARALLEL_ADDS = 16;

/** What this instance last planned a programme from, and until when that plan holds. */
interface Planned {
  readonly mark: string;
  readonly at: number;
  /** `nextScheduleChange` of that plan: from this instant something new may be due. */
  readonly until: number;
  readonly unassigned: readonly UnassignedMessage[];
}

const within = (m: UnassignedMessage, now: Date): boolean => m.sendAt <= now && now < m.until;

export function createRunDue(options: RunDueOptions): RunDue {
  const known = new Set<string>();
  const warned = new Set<string>();
  // Planning again from unchanged inputs before the next boundary would add only rows the
  // outbox already holds, so the leader reads a programme whole only when its mark moved or
  // a boundary passed. Lost with the process: a new leader plans everything once.
  const plannedFrom = new Map<string, Planned>();

  const add = async (row: OutboxMessage): Promise<boolean> => {
    if (known.has(row.key)) return false;
    const added = await options.outbox.add(row);
    if (known.size >= REMEMBERED_KEYS) known.clear();
    known.add(row.key);
    return added;
  };

  const peopleOf = async (emails: readonly string[]): Promise<Person[]> => {
    const found = await Promise.all([...new Set(emails)].map((email) => options.people.get(email)));
    return found.filter((person): person is Person => person !== null);
  };

  const planProgramme = async (programme: Programme, now: Date) => {
    const [workstreams, actions, roles, updates] = await Promise.all([
      options.workstreams.list(programme.id),
      options.actions.listByProgramme(programme.id),
      options.roles.list(programme.id),
      options.actions.historyOfProgramme(programme.id),
    ]);
    // Only a role with a deputy can be redirected, so only its holder's absence matters.
    const people = await peopleOf(
      roles.flatMap((role) => (role.deputy !== null && role.person !== null ? [role.person] : [])),
    );
    const input = {
      programme,
      workstreams,
      actions: actions.map((a) => a.value),
      roles,
      people,
      updates,
    };
    // Worked out once for what is due now and for when something next can be.
    const plans = plansInReach(input, now);
    const { due, unassigned } = messagesDue({ ...input, now }, plans);
    const rows = due.map((message) => outboxRowOf(message, now));
    if (options.boards) {
      const digests = digestsDue(programme, now);
      if (digests.length > 0) {
        const channels = await options.boards.listBoard(programme.id);
        for (const digest of digests) {
          for (const channel of channels) {
            const key = digestMessageKey(programme.id, digest.periodId, channel.conversationKey);
            rows.push(digestRowOf(digest, key, channel.conversationKey, now));
          }
        }
      }
    }
    rows.push(...(await signOffRows(programme, workstreams, roles, now)));
    return { rows, unassigned, until: nextScheduleChange(input, now, plans).getTime() };
  };

  /** Once a period closes, each workstream lead's card to sign off its ratings. */
  const signOffRows = async (
    programme: Programme,
    workstreams: readonly Workstream[],
    roles: readonly Role[],
    now: Date,
  ): Promise<OutboxMessage[]> => {
    const due = signOffsDue(programme, now);
    if (due.length === 0) return [];
    const settings = await options.governance.get(programme.id);
    if (!(settings ?? defaultGovernance(programme.id)).signOff) return [];
    const holder = new Map(roles.map((r) => [r.code.toUpperCase(), r.person]));
    return due.flatMap(({ period }) =>
      workstreams.flatMap((w) => {
        const lead = holder.get(w.leadRole.toUpperCase());
        return lead ? [signOffRowOf(programme.id, period.id, w.code, lead, now)] : [];
      }),
    );
  };

  return {
    async run(now, programmeIds) {
      let planned = 0;
      let alreadyPlanned = 0;
      let read = 0;
      const unassigned: UnassignedMessage[] = [];
      const wanted = programmeIds === undefined ? null : new Set(programmeIds);
      // A programme whose lease went elsewhere may change unseen: planned afresh if it returns.
      for (const id of plannedFrom.keys())
        if (wanted !== null && !wanted.has(id)) plannedFrom.delete(id);
      for (const programme of await options.programmes.list()) {
        if (wanted !== null && !wanted.has(programme.id)) continue;
        if (!isSendingTime(now, programme.timeZone, programme.rules)) continue;
        // Read before the inputs, so a change made while planning shows at the next tick.
        const mark = `${await options.scheduleMarks.read(programme.id)}\n${JSON.stringify(programme)}`;
        const last = plannedFrom.get(programme.id);
        const at = now.getTime();
        if (last && last.mark === mark && last.at <= at && at < last.until) {
          unassigned.push(...last.unassigned.filter((m) => within(m, now)));
          continue;
        }
        plannedFrom.delete(programme.id);
        read += 1;
        const plan = await planProgramme(programme, now);
        unassigned.push(...plan.unassigned);
        // A few writes at a time: a fan-out minute plans hundreds of rows.
        for (let from = 0; from < plan.rows.length; from += PARALLEL_ADDS) {
          const added = await Promise.all(plan.rows.slice(from, from + PARALLEL_ADDS).map(add));
          planned += added.filter(Boolean).length;
          alreadyPlanned += added.filter((a) => !a).length;
        }
        const { until } = plan;
        plannedFrom.set(programme.id, { mark, at, until, unassigned: plan.unassigned });
      }
      // Said once per role and period, not every minute of the day.
      const fresh = [
        ...new Set(unassigned.map((m) => `${m.programmeId}/${m.periodId}/${m.role}`)),
      ].filter((key) => !warned.has(key));
      if (fresh.length > 0) {
        fresh.forEach((key) => warned.add(key));
        options.logger.warn('Some messages have no one to go to: assign a person to these roles', {
          roles: fresh,
        });
      }
      return { planned, alreadyPlanned, unassigned, read };
    },
  };
}
