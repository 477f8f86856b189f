import type { Action } from '../domain/action.js';
import { formatDate } from '../domain/dates.js';
import type { IsoDate } from '../domain/local-date.js';
import { NOT_RATED, RATING_MEANING, RATINGS } from '../domain/rating.js';
import type { RevisionProblem } from '../domain/revision.js';
import { stepsDoneText, type StepProgress } from '../domain/step-completion.js';
import type { UpdateField, UpdateProblem } from '../domain/update-validation.js';
import { dueText, shorten } from './action-line.js';
import { bylineOf } from './action-detail.card.js';
import { ratingBadge } from './rating-style.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

/** What the person typed, kept when the card comes back with problems or a conflict. */
export interface UpdateInput {
  readonly rating: string;
  readonly note: string;
  readonly evidence: string;
  readonly proposedDue: string;
  /** Why a later date is needed; required with one. */
  readonly revisionReason?: string;
  /** Letters of the steps ticked done, comma-separated as the card sends them. */
  readonly stepsDone?: string;
}

export interface UpdateFormView {
  readonly action: Action;
  /** The ETag the form is rendered from; a submit with an older one is stale. */
  readonly etag: string;
  readonly period: { readonly id: string; readonly closes: IsoDate };
  readonly input?: UpdateInput;
  readonly problems?: readonly UpdateProblem[];
  /** Set when someone else updated the action after the person opened the form. */
  readonly stale?: boolean;
  /** The action's steps and which are done, so they can be ticked on the form. */
  readonly steps?: StepProgress;
  /** Problems with a request for a later date, shown beside its fields. */
  readonly revisionProblems?: readonly RevisionProblem[];
  /** Why steps could not be ticked or unticked. */
  readonly stepsProblem?: string;
}

function problemFor(problems: readonly UpdateProblem[], field: UpdateField): string {
  return problems
    .filter((p) => p.field === field)
    .map((p) => p.message)
    .join(' ');
}

export function renderUpdateFormCard(view: UpdateFormView): RenderedCard {
  const { action } = view;
  const current = action.current;
  const badge = ratingBadge(current?.rating ?? NOT_RATED);
  const problems = view.problems ?? [];
  // A fresh form starts from the current rating when it belongs to this period.
  const startRating = current?.periodId === view.period.id ? current.rating : '';
  const input = view.input ?? { rating: startRating, note: '', evidence: '', proposedDue: '' };
  const revisionProblems = view.revisionProblems ?? [];
  const revisionError = (field: RevisionProblem['field']): string =>
    revisionProblems
      .filter((p) => p.field === field)
      .map((p) => p.message)
      .join(' ');
  const steps = view.steps;
  const doneNow = steps?.steps.filter((s) => s.done).map((s) => s.step.letter) ?? [];
  return renderTemplate('update-form', {
    heading: `Update ${action.ref} for ${view.period.id}`,
    title: shorten(action.title, 300),
    facts: `${action.ownerRole} · ${dueText(action.revisedDue ?? action.due)} · period closes ${formatDate(view.period.closes)}`,
    currentLabel: badge.label,
    currentColor: badge.color,
    currentByline: current ? `  ${bylineOf(current)}` : '',
    stale: view.stale === true,
    staleTitle: current
      ? `${current.by} recorded ${current.rating} for ${action.ref} after you opened this card.`
      : `${action.ref} changed after you opened this card.`,
    staleNote: current?.note ? `Their note: ${shorten(current.note, 600)}` : 'They left no note.',
    problemCount: problems.length + revisionProblems.length,
    problemSummary:
      problems.length === 1
        ? 'One thing to fix before this can be saved:'
        : `${problems.length} things to fix before this can be saved:`,
    periodId: view.period.id,
    rating: input.rating,
    choices: RATINGS.map((r) => ({ title: `${r}: ${RATING_MEANING[r]}`, value: r })),
    ratingError: problemFor(problems, 'rating'),
    note: input.note,
    noteError: problemFor(problems, 'note'),
    evidence: input.evidence,
    evidenceError: problemFor(problems, 'evidence'),
    proposedDue: input.proposedDue,
    proposedDueError: [problemFor(problems, 'proposedDue'), revisionError('toDue')]
      .filter((t) => t !== '')
      .join(' '),
    revisionReason: input.revisionReason ?? '',
    revisionReasonError: revisionError('reason'),
    steps: (steps?.steps ?? []).map((s) => ({
      title: `${s.step.letter}) ${shorten(s.step.title, 70)}${s.late ? ' (late)' : ''}`,
      value: s.step.letter,
    })),
    stepsDone: input.stepsDone ?? doneNow.join(','),
    stepsDoneText: steps ? (stepsDoneText(steps) ?? '') : '',
    stepsError: view.stepsProblem ?? '',
    saveTitle: view.stale === true ? 'Save anyway' : 'Save',
    programmeId: action.programmeId,
    ref: action.ref,
    etag: view.etag,
  });
}
