import { z } from 'zod';
import { renderRefusalCard } from '../../cards/refusal.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { renderRevisionRequestCard } from '../../cards/revision-request.card.js';
import { renderSignOffQueryCard } from '../../cards/sign-off-query.card.js';
import { renderSignOffCard } from '../../cards/sign-off.card.js';
import type { Programme } from '../../domain/programme.js';
import type { BotDependencies } from '../bot-dependencies.js';
import type { Sender } from '../sender.js';
import type { CardOutcome } from './update-actions.js';

/** Buttons on the governance cards. */
export const GOVERNANCE_VERBS = [
  'decideRevision',
  'showRevision',
  'signOff',
  'answerQuery',
] as const;
export type GovernanceVerb = (typeof GOVERNANCE_VERBS)[number];

export function isGovernanceVerb(verb: string): verb is GovernanceVerb {
  return (GOVERNANCE_VERBS as readonly string[]).includes(verb);
}

const text = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => v ?? '');

const decideSchema = z.object({
  requestId: z.string().min(1).max(100),
  outcome: z.enum(['approved', 'declined']),
  reason: text(4000),
});
const showSchema = z.object({ requestId: z.string().min(1).max(100) });
const signOffSchema = z.looseObject({
  workstream: z.string().trim().min(1).max(40),
  periodId: z.string().min(1).max(60),
});
const answerSchema = z.object({ queryId: z.string().min(1).max(200), answer: text(4000) });

type InvalidData = { readonly kind: 'invalid-data'; readonly error: z.ZodError };

function card(rendered: RenderedCard, replacesForm: boolean): CardOutcome {
  return { kind: 'card', card: rendered, replacesForm };
}

function refusal(title: string, lines: readonly string[]): CardOutcome {
  return card(renderRefusalCard({ title, lines }), false);
}

/** The lead's choices on the sign-off card: `verdict_B1` and `note_B1` for each action. */
function draftsOf(data: Readonly<Record<string, unknown>>) {
  return Object.keys(data)
    .filter((key) => key.startsWith('verdict_'))
    .map((key) => {
      const ref = key.slice('verdict_'.length);
      const verdict = data[key];
      const note = data[`note_${ref}`];
      return {
        ref,
        verdict: typeof verdict === 'string' && verdict !== '' ? verdict : null,
        note: typeof note === 'string' ? note.slice(0, 4000) : '',
      };
    });
}

async function decide(deps: BotDependencies, programme: Programme, sender: Sender, data: unknown) {
  const parsed = decideSchema.safeParse(data);
  if (!parsed.success) return { kind: 'invalid-data', error: parsed.error } as const;
  const { requestId, outcome, reason } = parsed.data;
  const result = await deps.revisions.decide(
    programme,
    { id: requestId, outcome, reason: reason === '' ? null : reason },
    sender,
  );
  const names = await deps.names.of(programme.id);
  if (result.ok) {
    return { ...card(renderRevisionRequestCard({ ...result, names }), true), recorded: true };
  }
  switch (result.code) {
    case 'REQUEST_NOT_FOUND':
      return refusal('No such request', [
        'I cannot find that request for a later date. It may belong to another programme.',
      ]);
    case 'NOT_DECIDER':
      return refusal(`You do not decide revised dates for ${result.request.ref}`, [
        `Revised dates for workstream ${result.request.workstream} are decided by the roles the programme names (/governance shows them).`,
        'If you should be one of them, ask your programme admin.',
      ]);
    case 'OWN_REQUEST':
      return refusal('You asked for this date', [
        'Another decider must approve or decline it: owners do not decide their own deadlines.',
      ]);
    case 'REASON_REQUIRED':
    case 'ALREADY_DECIDED': {
      const view = await deps.revisions.find(programme.id, requestId);
      if (!view) return refusal('No such request', ['I cannot find that request any more.']);
      const problem =
        result.code === 'REASON_REQUIRED'
          ? 'Say why you decline: the owner reads your reason.'
          : undefined;
      return card(
        renderRevisionRequestCard({ ...view, names, ...(problem ? { problem } : {}) }),
        true,
      );
    }
  }
}

async function show(deps: BotDependencies, programme: Programme, data: unknown) {
  const parsed = showSchema.safeParse(data);
  if (!parsed.success) return { kind: 'invalid-data', error: parsed.error } as const;
  const view = await deps.revisions.find(programme.id, parsed.data.requestId);
  if (!view) return refusal('No such request', ['I cannot find that request for a later date.']);
  const names = await deps.names.of(programme.id);
  return card(renderRevisionRequestCard({ ...view, names }), false);
}

async function signOff(deps: BotDependencies, programme: Programme, sender: Sender, data: unknown) {
  const parsed = signOffSchema.safeParse(data);
  if (!parsed.success) return { kind: 'invalid-data', error: parsed.error } as const;
  const { workstream, periodId } = parsed.data;
  const drafts = draftsOf(parsed.data);
  const result = await deps.signOff.submit(programme, { workstream, periodId, drafts }, sender);
  const base = { programmeId: programme.id, periodId, names: await deps.names.of(programme.id) };
  if (result.ok) {
    const signed = renderSignOffCard({ ...base, ...result.sheet, signedOff: result.signOff });
    return { ...card(signed, true), recorded: true };
  }
  switch (result.code) {
    case 'WORKSTREAM_NOT_FOUND':
    case 'PERIOD_NOT_FOUND':
      return refusal('Nothing to sign off', [
        `There is no workstream ${workstream} with a period ${periodId}.`,
      ]);
    case 'NOT_LEAD':
      return refusal(`Only the lead of ${result.sheet.workstream.code} signs it off`, [
        `Workstream ${result.sheet.workstream.code} is led by ${base.names.role(result.sheet.workstream.leadRole)}; its person or their deputy signs it off.`,
      ]);
    case 'INVALID_SIGN_OFF':
      return card(
        renderSignOffCard({ ...base, ...result.sheet, problems: result.problems, drafts }),
        true,
      );
    case 'ALREADY_SIGNED_OFF':
      return card(renderSignOffCard({ ...base, ...result.sheet, signedOff: result.current }), true);
  }
}

async function answer(deps: BotDependencies, programme: Programme, sender: Sender, data: unknown) {
  const parsed = answerSchema.safeParse(data);
  if (!parsed.success) return { kind: 'invalid-data', error: parsed.error } as const;
  const { queryId } = parsed.data;
  const result = await deps.signOff.answer(
    programme,
    { queryId, text: parsed.data.answer, revised: false },
    sender,
  );
  if (!result.ok && result.code === 'QUERY_NOT_FOUND') {
    return refusal('No such query', [
      'I cannot find that query; it may belong to another programme.',
    ]);
  }
  if (!result.ok && result.code === 'NOT_OWNER') {
    return refusal(`Only the owner of ${result.query.ref} answers this query`, [
      'The query went to the role that owns the action; its person or their deputy answers it.',
    ]);
  }
  const found = await deps.signOff.findQuery(programme.id, queryId);
  if (!found) return refusal('No such query', ['I cannot find that query any more.']);
  const problem =
    !result.ok && result.code === 'ANSWER_REQUIRED'
      ? 'Write a reply, or press Revise my update.'
      : undefined;
  const names = await deps.names.of(programme.id);
  return card(renderSignOffQueryCard({ ...found, names, ...(problem ? { problem } : {}) }), true);
}

/** Runs a governance button: decide a revised date, open one, sign off, answer a query. */
export async function performGovernanceAction(
  deps: BotDependencies,
  programme: Programme,
  sender: Sender,
  verb: GovernanceVerb,
  data: unknown,
): Promise<CardOutcome | InvalidData> {
  switch (verb) {
    case 'decideRevision':
      return decide(deps, programme, sender, data);
    case 'showRevision':
      return show(deps, programme, data);
    case 'signOff':
      return signOff(deps, programme, sender, data);
    case 'answerQuery':
      return answer(deps, programme, sender, data);
  }
}
