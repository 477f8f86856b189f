import { effectiveDue, type Action } from '../domain/action.js';
import { formatDate } from '../domain/dates.js';
import type { IsoDate } from '../domain/local-date.js';
import { NOT_RATED, RATING_MEANING, RATINGS } from '../domain/rating.js';
import type { RevisionProblem } from '../domain/revision.js';
import { stepsDoneText, type StepProgress } from '../domain/step-completion.js';
import { NO_NAMES, type PeopleNames } from '../domain/people-names.js';
import type { UpdateField, UpdateProblem } from '../domain/update-validation.js';
import { dueText, shorten } from './action-line.js';
import { bylineOf } from './action-detail.card.js';
import { ratingSwatch } from './swatch.js';
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
  /** Where storage found the action, so the Save can read it there at once. */
  readonly aim?: string;
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
  /** Who the person is (their email), so a stale card can say "you" for their own save. */
  readonly viewer?: string | null;
  readonly names?: PeopleNames;
}

/** What changed since the card was drawn, in the second person when it was their own save. */
function staleWords(view: UpdateFormView, names: PeopleNames): Record<string, string> {
  const { action } = view;
  const current = action.current;
  if (!current) {
    return {
      staleTitle: `${action.ref} changed after this card was sent to you.`,
      staleNote: 'Your answers are below; check them before you save.',
      staleNext: 'Save anyway to record yours, or change them first.',
    };
  }
  const yours =
    view.viewer !== undefined &&
    view.viewer !== null &&
    current.by.toLowerCase() === view.viewer.toLowerCase();
  const note = shorten(current.note, 600);
  return yours
    ? {
        staleTitle: `You already recorded ${current.rating} for ${action.ref}, from another card or chat, after this card was sent.`,
        staleNote: note ? `Your note then: ${note}` : 'You left no note then.',
        staleNext: 'Save anyway to replace it with what is below, or change it first.',
      }
    : {
        staleTitle: `${names.person(current.by)} recorded ${current.rating} for ${action.ref} after this card was sent to you.`,
        staleNote: note ? `Their note: ${note}` : 'They left no note.',
        staleNext:
          'Your answers are kept below. Save anyway to record yours, or change them first.',
      };
}

function problemFor(problems: readonly UpdateProblem[], field: UpdateField): string {
  return problems
    .filter((p) => p.field === field)
    .map((p) => p.message)
    .join(' ');
}

export function renderUpdateFormCard(view: UpdateFormView): RenderedCard {
  const { action } = view;
  const names = view.names ?? NO_NAMES;
  const current = action.current;
  const currentRating = current?.rating ?? NOT_RATED;
  const problems = view.problems ?? [];
  // A fresh form reopened in the same period (Change) starts from what was recorded.
  const thisPeriod = current?.periodId === view.period.id;
  const input = view.input ?? {
    rating: thisPeriod ? current.rating : '',
    note: thisPeriod ? current.note : '',
    evidence: '',
    proposedDue: action.proposedDue ?? '',
  };
  const asked = action.proposedDue
    ? ` · later date asked for: ${formatDate(action.proposedDue)}, waiting for a decision`
    : '';
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
    facts: `${names.role(action.ownerRole)} · ${dueText(effectiveDue(action))}${asked} · period closes ${formatDate(view.period.closes)}`,
    currentLabel: currentRating,
    currentSwatch: ratingSwatch(currentRating),
    currentByline: current ? ` · ${bylineOf(current, names)}` : '',
    // Last period's words, so the person can say what changed since.
    currentNote: current?.note ? shorten(current.note, 600) : '',
    stale: view.stale === true,
    ...staleWords(view, names),
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
    aim: view.aim ?? '',
    // Who owns it as the form was drawn: the Save reads that role beside the action.
    owner: action.ownerRole,
  });
}
