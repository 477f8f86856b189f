import { effectiveDue, type Action } from '../domain/action.js';
import { formatDate } from '../domain/dates.js';
import { dueDay } from '../domain/local-date.js';
import { NO_NAMES, type PeopleNames } from '../domain/people-names.js';
import { NOT_RATED, type RatingOrNotRated } from '../domain/rating.js';
import type { RevisionRequest, RevisionSummary } from '../domain/revision.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { lateStepsText, stepsDoneText, type StepProgress } from '../domain/step-completion.js';
import { dateWord, dayOf, fromTo } from './governance-words.js';
import { dueText } from './action-line.js';
import type { MeasureLine } from './measure-view.js';
import { ratingSwatch } from './swatch.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface ActionDetailView {
  readonly action: Action;
  readonly workstreamName: string;
  readonly overdue: boolean;
  readonly ratings: readonly { readonly periodId: string; readonly rating: RatingOrNotRated }[];
  readonly latestNotes: readonly StatusUpdate[];
  /** The original date, the current one and every revision between them. */
  readonly revision?: RevisionSummary;
  /** A request for a later date still waiting for a decision. */
  readonly waiting?: RevisionRequest | null;
  /** Which steps are ticked done and which are late. */
  readonly steps?: StepProgress;
  /** The measures that name this action, with where each stands; absent for none. */
  readonly measures?: readonly MeasureLine[];
  /** Who people are, by name and job title; codes and emails without it. */
  readonly names?: PeopleNames;
}

/** "Revised 2 times: 31 Jul 2020 → 31 Dec 2020 (in the plan); … → … by cd@… on 2 Mar 2021". */
function revisionFacts(view: ActionDetailView): string[] {
  const facts: string[] = [];
  const summary = view.revision;
  if (summary && summary.timesRevised > 0) {
    const times = `${summary.timesRevised} ${summary.timesRevised === 1 ? 'time' : 'times'}`;
    facts.push(
      `Original due ${dateWord(summary.original)} · current due ${dateWord(summary.current)} · revised ${times}`,
    );
    for (const entry of summary.entries) {
      const decided = entry.request?.decision;
      facts.push(
        decided
          ? `Revised ${fromTo(entry.from, entry.to)}: agreed by ${decided.by} on ${dayOf(decided.at)}, asked by ${entry.request?.askedBy ?? ''} (${entry.request?.reason ?? ''})`
          : `Revised ${fromTo(entry.from, entry.to)} in the plan`,
      );
    }
  }
  if (summary && summary.stepRevisions.length > 0) {
    const steps = summary.stepRevisions.map((s) => `${s.letter}) ${fromTo(s.from, s.to)}`);
    const count = summary.stepRevisions.length;
    facts.push(
      `${count} ${count === 1 ? 'step' : 'steps'} revised by the board: ${steps.join('; ')}`,
    );
  }
  if (view.waiting) {
    facts.push(
      `Later date asked for: ${dateWord(view.waiting.toDue)} by ${view.waiting.askedBy} on ${dayOf(view.waiting.askedAt)}, waiting for a decision`,
    );
  }
  return facts;
}

/** "Due 31 Jul 2020 (revised from 31 Mar 2020)". */
function dueWithRevision(item: Pick<Action, 'due' | 'revisedDue'>): string {
  const original = dueDay(item.due);
  const text = dueText(effectiveDue(item));
  return item.revisedDue !== null && original !== undefined
    ? `${text} (revised from ${formatDate(original)})`
    : text;
}

/** "Jan 2021 · by Sam Jones on 15 Jan 2021". */
export function bylineOf(
  update: Pick<StatusUpdate, 'periodId' | 'by' | 'at'>,
  names: PeopleNames = NO_NAMES,
): string {
  const who = update.by === 'import' ? 'from the plan' : `by ${names.person(update.by)}`;
  return `${update.periodId} · ${who} on ${formatDate(update.at.slice(0, 10))}`;
}

export function renderActionDetailCard(view: ActionDetailView): RenderedCard {
  const { action } = view;
  const names = view.names ?? NO_NAMES;
  const rating = action.current?.rating ?? NOT_RATED;
  return renderTemplate('action-detail', {
    programmeId: action.programmeId,
    ref: action.ref,
    heading: [action.ref, rating, ...(view.overdue ? ['Overdue'] : [])].join(' · '),
    swatch: ratingSwatch(rating),
    title: action.title,
    facts: [
      `Workstream ${action.workstream} · ${view.workstreamName}`,
      `Owner: ${names.role(action.ownerRole)}${action.contributors.length > 0 ? ` · with ${action.contributors.join(', ')}` : ''}`,
      dueWithRevision(action),
      ...(view.revision || view.waiting !== undefined
        ? revisionFacts(view)
        : action.proposedDue
          ? [`Later date asked for: ${formatDate(action.proposedDue)}`]
          : []),
      ...(view.steps
        ? [
            [stepsDoneText(view.steps), lateStepsText(view.steps)]
              .filter((t) => t !== null)
              .join(' · '),
          ]
        : []),
    ],
    measures: view.measures ?? [],
    ratings: view.ratings.map((r) => ({
      periodId: r.periodId,
      label: r.rating,
      swatch: ratingSwatch(r.rating),
    })),
    steps: action.steps.map((step) => {
      const status = view.steps?.steps.find((s) => s.step.letter === step.letter);
      const state = status?.done
        ? [`done ${formatDate(status.done.doneOn)}`]
        : status?.late
          ? ['late']
          : [];
      return {
        letter: step.letter,
        title: step.title,
        facts: [
          names.role(step.ownerRole ?? action.ownerRole),
          dueWithRevision(step),
          ...state,
        ].join(' · '),
      };
    }),
    notes: view.latestNotes.map((u) => ({
      label: u.rating,
      swatch: ratingSwatch(u.rating),
      byline: bylineOf(u, names),
      note: u.note,
    })),
  });
}
