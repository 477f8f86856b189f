import { defaultGovernance } from '../../domain/deciders.js';
import { normaliseEmail } from '../../domain/people.js';
import type { Programme, Workstream } from '../../domain/programme.js';
import {
  answerQuery,
  signOffFrom,
  signOffLines,
  signOffProblems,
  signOffStates,
  type SignOffDraft,
  type SignOffLine,
  type SignOffProblem,
  type SignOffQuery,
  type WorkstreamSignOff,
  type WorkstreamSignOffState,
} from '../../domain/sign-off.js';
import { latestUpdates, periodIndex } from '../../domain/update-history.js';
import type { ActionRepository } from '../../store/action.repository.js';
import type { GovernanceSettingsRepository } from '../../store/governance-settings.repository.js';
import type { WorkstreamRepository } from '../../store/programme.repository.js';
import type { RoleRepository } from '../../store/role.repository.js';
import type { SignOffRepository } from '../../store/sign-off.repository.js';
import type { Clock } from '../clock.js';
import type { GovernanceNotices } from './governance-notices.js';
import { emailsOfRoles, heldRoles, type Participant } from './people-in-roles.js';

export interface SignOffUseCaseOptions {
  readonly actions: Pick<ActionRepository, 'listByWorkstream' | 'historyOfProgramme' | 'get'>;
  readonly workstreams: Pick<WorkstreamRepository, 'list'>;
  readonly roles: Pick<RoleRepository, 'get' | 'rolesOf'>;
  readonly signOffs: SignOffRepository;
  readonly governance: Pick<GovernanceSettingsRepository, 'get'>;
  readonly clock: Clock;
  /** Where queries to owners and answers to leads are queued for sending. */
  readonly notices: Pick<GovernanceNotices, 'queried' | 'answered' | 'signOffDue'>;
}

/** What a lead's card shows: every action's rating and note for the period. */
export interface SignOffSheet {
  readonly workstream: Workstream;
  readonly periodId: string;
  readonly lines: readonly SignOffLine[];
  /** Set once the workstream is signed off for the period. */
  readonly signedOff: WorkstreamSignOff | null;
}

export type SheetOutcome =
  | { readonly ok: true; readonly sheet: SignOffSheet }
  | { readonly ok: false; readonly code: 'WORKSTREAM_NOT_FOUND' | 'PERIOD_NOT_FOUND' };

export type SubmitOutcome =
  | {
      readonly ok: true;
      readonly sheet: SignOffSheet;
      readonly signOff: WorkstreamSignOff;
      /** Each query with the emails of the action's owner to send it to. */
      readonly queries: readonly {
        readonly query: SignOffQuery;
        readonly owners: readonly string[];
      }[];
    }
  | { readonly ok: false; readonly code: 'WORKSTREAM_NOT_FOUND' | 'PERIOD_NOT_FOUND' }
  | { readonly ok: false; readonly code: 'NOT_LEAD'; readonly sheet: SignOffSheet }
  | {
      readonly ok: false;
      readonly code: 'INVALID_SIGN_OFF';
      readonly sheet: SignOffSheet;
      readonly problems: readonly SignOffProblem[];
    }
  | {
      readonly ok: false;
      readonly code: 'ALREADY_SIGNED_OFF';
      readonly sheet: SignOffSheet;
      readonly current: WorkstreamSignOff;
    };

export type AnswerOutcome =
  | { readonly ok: true; readonly query: SignOffQuery }
  | { readonly ok: false; readonly code: 'QUERY_NOT_FOUND' }
  | {
      readonly ok: false;
      readonly code: 'NOT_OWNER' | 'ANSWER_REQUIRED';
      readonly query: SignOffQuery;
    }
  | { readonly ok: false; readonly code: 'ALREADY_ANSWERED'; readonly query: SignOffQuery };

/**
 * Sign-off before the board: each workstream lead agrees or queries every rating of the
 * period; a query goes to the action's owner, who answers it. Optional per programme.
 */
export function createSignOffUseCase(options: SignOffUseCaseOptions) {
  const { actions, workstreams, roles, signOffs, clock } = options;

  async function sheet(
    programme: Programme,
    code: string,
    periodId: string,
  ): Promise<SheetOutcome> {
    const workstream = (await workstreams.list(programme.id)).find(
      (w) => w.code.toUpperCase() === code.trim().toUpperCase(),
    );
    if (!workstream) return { ok: false, code: 'WORKSTREAM_NOT_FOUND' };
    const index = periodIndex(programme, periodId);
    if (index < 0) return { ok: false, code: 'PERIOD_NOT_FOUND' };
    const [list, history, signed] = await Promise.all([
      actions.listByWorkstream(programme.id, workstream.code),
      actions.historyOfProgramme(programme.id),
      signOffs.listForPeriod(programme.id, periodId),
    ]);
    const now = latestUpdates(programme, history, index, index);
    const before = latestUpdates(programme, history, 0, index - 1);
    const lines = signOffLines(
      list.map(({ value: a }) => ({
        ref: a.ref,
        title: a.title,
        rating: now.get(a.ref)?.rating ?? null,
        note: now.get(a.ref)?.note ?? '',
        previous: before.get(a.ref)?.rating ?? null,
      })),
    );
    const signedOff =
      signed.find((s) => s.workstream.toUpperCase() === workstream.code.toUpperCase()) ?? null;
    return { ok: true, sheet: { workstream, periodId, lines, signedOff } };
  }

  return {
    sheet,

    async enabled(programme: Programme): Promise<boolean> {
      return ((await options.governance.get(programme.id)) ?? defaultGovernance(programme.id))
        .signOff;
    },

    /** Who gets a sign-off card when a period closes: each workstream with its lead's email. */
    async leads(
      programme: Programme,
    ): Promise<{ readonly workstream: string; readonly emails: readonly string[] }[]> {
      const list = await workstreams.list(programme.id);
      return Promise.all(
        list.map(async (w) => ({
          workstream: w.code,
          emails: await emailsOfRoles(roles, programme.id, [w.leadRole]),
        })),
      );
    },

    async submit(
      programme: Programme,
      input: {
        readonly workstream: string;
        readonly periodId: string;
        readonly drafts: readonly SignOffDraft[];
      },
      lead: Participant,
    ): Promise<SubmitOutcome> {
      const found = await sheet(programme, input.workstream, input.periodId);
      if (!found.ok) return found;
      const current = found.sheet;
      const held = await heldRoles(roles, programme.id, lead.email);
      if (!held.includes(current.workstream.leadRole.toUpperCase())) {
        return { ok: false, code: 'NOT_LEAD', sheet: current };
      }
      if (current.signedOff) {
        return {
          ok: false,
          code: 'ALREADY_SIGNED_OFF',
          sheet: current,
          current: current.signedOff,
        };
      }
      const problems = signOffProblems(current.lines, input.drafts);
      if (problems.length > 0)
        return { ok: false, code: 'INVALID_SIGN_OFF', sheet: current, problems };
      const { signOff, queries } = signOffFrom(
        {
          programmeId: programme.id,
          workstream: current.workstream.code,
          periodId: input.periodId,
          by: lead.email === null ? 'unknown' : normaliseEmail(lead.email),
          at: clock.now().toISOString(),
        },
        current.lines,
        input.drafts,
      );
      const stored = await signOffs.record(signOff, queries);
      if (!stored.ok) {
        return { ok: false, code: 'ALREADY_SIGNED_OFF', sheet: current, current: stored.current };
      }
      const withOwners = await Promise.all(
        queries.map(async (query) => {
          const action = await actions.get(programme.id, query.ref);
          const owners = action
            ? await emailsOfRoles(roles, programme.id, [action.value.ownerRole])
            : [];
          await options.notices.queried(query, owners);
          return { query, owners };
        }),
      );
      return { ok: true, sheet: { ...current, signedOff: signOff }, signOff, queries: withOwners };
    },

    async answer(
      programme: Programme,
      input: { readonly queryId: string; readonly text: string; readonly revised: boolean },
      owner: Participant,
    ): Promise<AnswerOutcome> {
      const query = await signOffs.getQuery(programme.id, input.queryId);
      if (!query) return { ok: false, code: 'QUERY_NOT_FOUND' };
      const [action, held] = await Promise.all([
        actions.get(programme.id, query.ref),
        heldRoles(roles, programme.id, owner.email),
      ]);
      const byOwner = action !== null && held.includes(action.value.ownerRole.toUpperCase());
      const answer = {
        by: owner.email === null ? 'unknown' : normaliseEmail(owner.email),
        at: clock.now().toISOString(),
        text: input.text,
        revised: input.revised,
      };
      const answered = answerQuery(query, answer, byOwner);
      if (!answered.ok) {
        if (answered.code === 'ALREADY_ANSWERED')
          return { ok: false, code: 'ALREADY_ANSWERED', query };
        return { ok: false, code: answered.code, query };
      }
      const stored = await signOffs.answer(programme.id, query.id, answered.query.answer ?? answer);
      if (!stored.ok)
        return stored.code === 'QUERY_NOT_FOUND'
          ? stored
          : { ok: false, code: 'ALREADY_ANSWERED', query: stored.query };
      await options.notices.answered(stored.query);
      return { ok: true, query: stored.query };
    },

    /** One query as it stands now, with its action's title, for a card drawn when sent. */
    async findQuery(
      programmeId: string,
      id: string,
    ): Promise<{ readonly query: SignOffQuery; readonly title: string } | null> {
      const query = await signOffs.getQuery(programmeId, id);
      if (!query) return null;
      const action = await actions.get(programmeId, query.ref);
      return { query, title: action?.value.title ?? query.ref };
    },

    /** Per workstream, whether signed off for the period, with its open queries. */
    async states(programme: Programme, periodId: string): Promise<WorkstreamSignOffState[]> {
      const [list, signed, queries] = await Promise.all([
        workstreams.list(programme.id),
        signOffs.listForPeriod(programme.id, periodId),
        signOffs.listQueries(programme.id),
      ]);
      return signOffStates(
        list.map((w) => w.code),
        periodId,
        signed,
        queries,
      );
    },

    /** Queries this person must answer: open ones on actions whose owner role they hold. */
    async openQueriesFor(programme: Programme, person: Participant): Promise<SignOffQuery[]> {
      const held = await heldRoles(roles, programme.id, person.email);
      const open = (await signOffs.listQueries(programme.id)).filter((q) => !q.answer);
      const mine: SignOffQuery[] = [];
      for (const query of open) {
        const action = await actions.get(programme.id, query.ref);
        if (action && held.includes(action.value.ownerRole.toUpperCase())) mine.push(query);
      }
      return mine;
    },
  };
}

export type SignOffUseCase = ReturnType<typeof createSignOffUseCase>;
