import { NO_NAMES, type PeopleNames } from '../domain/people-names.js';
import type { SignOffLine, SignOffProblem, WorkstreamSignOff } from '../domain/sign-off.js';
import { shorten } from './action-line.js';
import { dayOf } from './governance-words.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface SignOffView {
  readonly programmeId: string;
  readonly workstream: { readonly code: string; readonly name: string };
  readonly periodId: string;
  readonly lines: readonly SignOffLine[];
  readonly signedOff: WorkstreamSignOff | null;
  /** People by name and job title; absent, by email. */
  readonly names?: PeopleNames;
  readonly problems?: readonly SignOffProblem[];
  /** What the lead chose, kept when the card comes back with problems. */
  readonly drafts?: readonly {
    readonly ref: string;
    readonly verdict: string | null;
    readonly note: string;
  }[];
}

/** Teams refuses a message much over 28 KB, everything counted; this leaves room for the rest. */
export const SIGN_OFF_CARD_BUDGET_BYTES = 26 * 1024;

/**
 * Note and title lengths tried in turn until the card fits: a workstream of forty actions
 * with long notes still gets one card; the full notes are in /status and the report.
 */
const LIMITS = [
  { note: 280, title: 100 },
  { note: 140, title: 60 },
  { note: 60, title: 0 },
  { note: 0, title: 0 },
] as const;

/** A lead's sign-off card: every action's rating and note, each with Agree or Query. */
export function renderSignOffCard(view: SignOffView): RenderedCard {
  let card: RenderedCard | undefined;
  for (const limits of LIMITS) {
    card = draw(view, limits);
    if (Buffer.byteLength(JSON.stringify(card)) <= SIGN_OFF_CARD_BUDGET_BYTES) return card;
  }
  if (!card) throw new Error('The sign-off card has no size limits to try.');
  return card;
}

function draw(view: SignOffView, limits: (typeof LIMITS)[number]): RenderedCard {
  const problems = view.problems ?? [];
  const signed = view.signedOff;
  return renderTemplate('sign-off', {
    heading: `Sign off ${view.workstream.code} · ${view.workstream.name} for ${view.periodId}`,
    intro: signed
      ? 'The ratings below went to the board as signed off.'
      : 'Check each rating before the board sees it: agree, or query it with a note to its owner.',
    done: signed
      ? `Signed off by ${(view.names ?? NO_NAMES).person(signed.by)} on ${dayOf(signed.at)}.`
      : '',
    problem:
      problems.length === 0
        ? ''
        : `${problems.length === 1 ? 'One thing' : `${problems.length} things`} to fix before this can be signed off.`,
    open: signed === null,
    lines: view.lines.map((line) => {
      const draft = view.drafts?.find((d) => d.ref === line.ref);
      const item = signed?.items.find((i) => i.ref === line.ref);
      return {
        ref: line.ref,
        // Forty lines with a swatch each would not fit Teams' message size: the word alone,
        // in the text colour, as in the status lists.
        label: line.rating,
        fall: line.falling && line.previous ? ` · Fell from ${line.previous}` : '',
        title: limits.title === 0 ? '' : shorten(line.title, limits.title),
        note:
          line.note.trim() === ''
            ? 'No note.'
            : limits.note === 0
              ? 'Note in /status.'
              : shorten(line.note, limits.note),
        verdictText: item
          ? item.verdict === 'agree'
            ? 'Agreed.'
            : `Queried: ${shorten(item.note ?? '', 200)}`
          : '',
        verdict: draft?.verdict ?? '',
        query: draft?.note ?? '',
        error: problems
          .filter((p) => p.ref === line.ref)
          .map((p) => p.message)
          .join(' '),
      };
    }),
    programmeId: view.programmeId,
    workstream: view.workstream.code,
    periodId: view.periodId,
  });
}
