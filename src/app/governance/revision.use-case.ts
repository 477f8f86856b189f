import { effectiveDue, type Action } from '../../domain/action.js';
import { decidersFor, defaultGovernance, type ProgrammeGovernance } from '../../domain/deciders.js';
import { normaliseEmail } from '../../domain/people.js';
import type { Programme } from '../../domain/programme.js';
import { agreedDueOf } from '../../domain/agreed-due.js';
import {
  decideRevision,
  revisionAskProblems,
  revisionSummary,
  withdrawnOnBlue,
  withRevisions,
  type RevisionProblem,
  type RevisionRequest,
  type RevisionSummary,
} from '../../domain/revision.js';
import type { ActionRepository } from '../../store/action.repository.js';
import type { Versioned } from '../../store/versioned.js';
import type { GovernanceSettingsRepository } from '../../store/governance-settings.repository.js';
import type { WorkstreamRepository } from '../../store/programme.repository.js';
import type { RevisionRepository } from '../../store/revision.repository.js';
import type { RoleRepository } from '../../store/role.repository.js';
import type { Clock } from '../clock.js';
import type { GovernanceNotices } from './governance-notices.js';
import { emailsOfRoles, heldRoles, type Participant } from './people-in-roles.js';

/** The action as readers see it (agreed revision applied) with its requests, oldest first. */
export function revisionView(action: Action, requests: readonly RevisionRequest[]) {
  return {
    action: withRevisions(action, requests),
    summary: revisionSummary(action, requests),
    requests,
  };
}

export interface RevisionUseCaseOptions {
  readonly actions: Pick<ActionRepository, 'get' | 'keepAgreedDue'>;
  readonly workstreams: Pick<WorkstreamRepository, 'list'>;
  readonly roles: Pick<RoleRepository, 'get' | 'rolesOf'>;
  readonly revisions: RevisionRepository;
  readonly governance: Pick<GovernanceSettingsRepository, 'get'>;
  readonly clock: Clock;
  /** A new unique id for a request. */
  readonly newId: () => string;
  /** Where the deciders' cards and the owner's answer are queued for sending. */
  readonly notices: Pick<GovernanceNotices, 'revisionRequested' | 'revisionDecided'>;
}

export interface RevisionAskInput {
  readonly ref: string;
  readonly toDue: string;
  readonly reason: string;
}

export type RevisionAskOutcome =
  | {
      readonly ok: true;
      readonly request: RevisionRequest;
      readonly action: Action;
      readonly summary: RevisionSummary;
      /** Emails of the deciders to send the request to. */
      readonly deciders: readonly string[];
    }
  | { readonly ok: false; readonly code: 'ACTION_NOT_FOUND'; readonly ref: string }
  | { readonly ok: false; readonly code: 'NOT_OWNER'; readonly action: Action }
  | {
      readonly ok: false;
      readonly code: 'INVALID_REQUEST';
      readonly action: Action;
      readonly problems: readonly RevisionProblem[];
    };

export interface RevisionDecideInput {
  readonly id: string;
  readonly outcome: 'approved' | 'declined';
  readonly reason: string | null;
}

export type RevisionDecideOutcome =
  | {
      readonly ok: true;
      readonly request: RevisionRequest;
      /** The action with the decision applied: its current and original dates. */
      readonly action: Action;
      readonly summary: RevisionSummary;
    }
  | { readonly ok: false; readonly code: 'REQUEST_NOT_FOUND' }
  | { readonly ok: false; readonly code: 'NOT_DECIDER'; readonly request: RevisionRequest }
  | { readonly ok: false; readonly code: 'OWN_REQUEST'; readonly request: RevisionRequest }
  | { readonly ok: false; readonly code: 'REASON_REQUIRED'; readonly request: RevisionRequest }
  /** Someone decided first: `request` carries their decision. */
  | { readonly ok: false; readonly code: 'ALREADY_DECIDED'; readonly request: RevisionRequest };

/** A request, with the action it is about as readers see it, for a card or a list. */
export interface RequestView {
  readonly request: RevisionRequest;
  readonly action: Action;
  readonly summary: RevisionSummary;
}

/**
 * Revised due dates: an owner asks, the programme's deciders approve or decline, the first
 * decision wins. Returns data and codes; the bot draws the cards and sends them.
 */
export function createRevisionUseCase(options: RevisionUseCaseOptions) {
  const { actions, workstreams, roles, revisions, clock } = options;

  async function governanceOf(programmeId: string): Promise<ProgrammeGovernance> {
    return (await options.governance.get(programmeId)) ?? defaultGovernance(programmeId);
  }

  async function decidersOf(programmeId: string, workstream: string): Promise<string[]> {
    const [governance, list] = await Promise.all([
      governanceOf(programmeId),
      workstreams.list(programmeId),
    ]);
    return decidersFor(governance, list, workstream);
  }

  /**
   * An approved date goes on the action's record, where `/status`, its counts, `/mine` and
   * the chases read it. Asked again whenever the approval is met (a second press finds it
   * decided), so a failure between the decision and this write is mended by the next.
   */
  async function keepIfApproved(request: RevisionRequest): Promise<void> {
    const agreed = agreedDueOf(request);
    if (agreed) await actions.keepAgreedDue(request.programmeId, request.ref, agreed);
  }

  /** The request with its action: `read` when the caller has just read it, else read now. */
  async function view(
    programmeId: string,
    request: RevisionRequest,
    read?: Versioned<Action> | null,
  ): Promise<RequestView | null> {
    const found = read === undefined ? await actions.get(programmeId, request.ref) : read;
    if (!found) return null;
    const all = await revisions.listForAction(programmeId, request.ref);
    return {
      request,
      action: withRevisions(found.value, all),
      summary: revisionSummary(found.value, all),
    };
  }

  return {
    /** The action as readers see it (agreed revision applied) with its revision record. */
    async actionView(programmeId: string, action: Action) {
      return revisionView(action, await revisions.listForAction(programmeId, action.ref));
    },

    /** The problems asking would meet, without asking: the update form checks first. */
    async check(
      programme: Programme,
      input: RevisionAskInput,
      asker: Participant,
    ): Promise<readonly RevisionProblem[]> {
      const found = await actions.get(programme.id, input.ref.trim());
      if (!found) return [];
      const held = await heldRoles(roles, programme.id, asker.email);
      if (!asker.isAdmin && !held.includes(found.value.ownerRole.toUpperCase())) return [];
      const all = await revisions.listForAction(programme.id, found.value.ref);
      return revisionAskProblems({
        reason: input.reason,
        toDue: input.toDue,
        currentDue: effectiveDue(withRevisions(found.value, all)),
        rating: found.value.current?.rating ?? null,
        waiting: all.find((r) => r.decision === null) ?? null,
      });
    },

    async ask(
      programme: Programme,
      input: RevisionAskInput,
      asker: Participant,
    ): Promise<RevisionAskOutcome> {
      const found = await actions.get(programme.id, input.ref.trim());
      if (!found) return { ok: false, code: 'ACTION_NOT_FOUND', ref: input.ref };
      const plan = found.value;
      const held = await heldRoles(roles, programme.id, asker.email);
      if (!asker.isAdmin && !held.includes(plan.ownerRole.toUpperCase())) {
        return { ok: false, code: 'NOT_OWNER', action: plan };
      }
      const all = await revisions.listForAction(programme.id, plan.ref);
      const current = withRevisions(plan, all);
      const waiting = all.find((r) => r.decision === null) ?? null;
      const problems = revisionAskProblems({
        reason: input.reason,
        toDue: input.toDue,
        currentDue: effectiveDue(current),
        rating: plan.current?.rating ?? null,
        waiting,
      });
      if (problems.length > 0) {
        return { ok: false, code: 'INVALID_REQUEST', action: current, problems };
      }
      const request: RevisionRequest = {
        id: options.newId(),
        programmeId: programme.id,
        ref: plan.ref,
        workstream: plan.workstream,
        askedBy: asker.email === null ? 'unknown' : normaliseEmail(asker.email),
        askedAt: clock.now().toISOString(),
        reason: input.reason.trim(),
        fromDue: effectiveDue(current),
        toDue: input.toDue.trim(),
        planDates: { due: plan.due, revisedDue: plan.revisedDue },
        decision: null,
      };
      const stored = await revisions.ask(request);
      if (!stored.ok) {
        // Another request arrived between the read and the write.
        const again = revisionAskProblems({
          reason: input.reason,
          toDue: input.toDue,
          currentDue: effectiveDue(current),
          rating: plan.current?.rating ?? null,
          waiting: stored.waiting,
        });
        return { ok: false, code: 'INVALID_REQUEST', action: current, problems: again };
      }
      const after = [...all, request];
      const deciderRoles = await decidersOf(programme.id, plan.workstream);
      const deciders = await emailsOfRoles(roles, programme.id, deciderRoles, request.askedBy);
      await options.notices.revisionRequested(request, deciders);
      return {
        ok: true,
        request,
        action: withRevisions(plan, after),
        summary: revisionSummary(plan, after),
        deciders,
      };
    },

    async decide(
      programme: Programme,
      input: RevisionDecideInput,
      decider: Participant,
    ): Promise<RevisionDecideOutcome> {
      const request = await revisions.get(programme.id, input.id);
      if (!request) return { ok: false, code: 'REQUEST_NOT_FOUND' };
      const [held, deciderRoles, found] = await Promise.all([
        heldRoles(roles, programme.id, decider.email),
        decidersOf(programme.id, request.workstream),
        actions.get(programme.id, request.ref),
      ]);
      const by = decider.email === null ? 'unknown' : normaliseEmail(decider.email);
      const decided = decideRevision(request, {
        outcome: input.outcome,
        by,
        at: clock.now().toISOString(),
        reason: input.reason,
        byDecider: held.some((role) => deciderRoles.includes(role)),
        planNow: found && { due: found.value.due, revisedDue: found.value.revisedDue },
      });
      if (!decided.ok) {
        if (decided.code === 'ALREADY_DECIDED') {
          await keepIfApproved(request);
          return { ok: false, code: 'ALREADY_DECIDED', request };
        }
        return { ok: false, code: decided.code, request };
      }
      const decision = decided.request.decision;
      if (!decision) throw new Error(`Request ${request.id} was decided without a decision.`);
      const stored = await revisions.decide(programme.id, request.id, decision);
      if (!stored.ok) {
        if (stored.code === 'REQUEST_NOT_FOUND') return stored;
        await keepIfApproved(stored.request);
        return { ok: false, code: 'ALREADY_DECIDED', request: stored.request };
      }
      await keepIfApproved(stored.request);
      await options.notices.revisionDecided(stored.request);
      // The action as read before deciding: the card applies the requests over its plan dates.
      const seen = await view(programme.id, stored.request, found);
      if (!seen) return { ok: false, code: 'REQUEST_NOT_FOUND' };
      return { ok: true, ...seen };
    },

    /** `/pending`: requests waiting for a decision this person can take, oldest first. */
    async pending(programme: Programme, person: Participant): Promise<RequestView[]> {
      const held = await heldRoles(roles, programme.id, person.email);
      if (held.length === 0) return [];
      const waiting = (await revisions.listForProgramme(programme.id)).filter(
        (r) => r.decision === null,
      );
      const [governance, list] = await Promise.all([
        governanceOf(programme.id),
        workstreams.list(programme.id),
      ]);
      const email = person.email === null ? null : normaliseEmail(person.email);
      const mine = waiting.filter(
        (r) =>
          r.askedBy !== email &&
          decidersFor(governance, list, r.workstream).some((role) => held.includes(role)),
      );
      const views = await Promise.all(mine.map((r) => view(programme.id, r)));
      return views.filter((v): v is RequestView => v !== null);
    },

    /** Withdraws a waiting request once its action is rated Blue; returns those withdrawn. */
    async withdrawIfBlue(programme: Programme, action: Action): Promise<RevisionRequest[]> {
      if (action.current?.rating !== 'Blue') return [];
      const all = await revisions.listForAction(programme.id, action.ref);
      const withdrawn = withdrawnOnBlue(all, 'Blue', clock.now().toISOString());
      const done: RevisionRequest[] = [];
      for (const request of withdrawn) {
        if (!request.decision) continue;
        const stored = await revisions.decide(programme.id, request.id, request.decision);
        if (stored.ok) done.push(stored.request);
      }
      return done;
    },

    /** One request as it stands now, with its action, for a card drawn when it is sent. */
    async find(programmeId: string, id: string): Promise<RequestView | null> {
      const request = await revisions.get(programmeId, id);
      return request ? view(programmeId, request) : null;
    },

    /** Every request of the programme with its decision, oldest first, for export. */
    history: (programme: Programme) => revisions.listForProgramme(programme.id),
  };
}

export type RevisionUseCase = ReturnType<typeof createRevisionUseCase>;
