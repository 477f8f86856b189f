import { formatDate } from './dates.js';
import { dueDay, isIsoDate, type DueDate } from './local-date.js';
import { isRating, RATINGS } from './rating.js';

/** Teams cards and the digest stay readable, and Table Storage rows stay small, below this. */
export const MAX_NOTE_LENGTH = 4000;

/** What an owner submitted, before it is trusted. */
export interface UpdateDraft {
  /** A rating word as chosen in the card or typed; anything else is refused. */
  readonly rating: string | null;
  readonly note: string;
  /** A link or reference that shows the work is done. */
  readonly evidence: string | null;
  /** A later due date the owner asks for, `YYYY-MM-DD`. */
  readonly proposedDue: string | null;
  /** The action's effective due date now (revised, else original). */
  readonly currentDue: DueDate | null;
}

export type UpdateField = 'rating' | 'note' | 'evidence' | 'proposedDue';

export interface UpdateProblem {
  readonly field: UpdateField;
  /** Says what was wrong and what to do next, ready to show beside the field. */
  readonly message: string;
}

export type UpdateValidation =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'INVALID_UPDATE';
      readonly problems: readonly UpdateProblem[];
    };

function ratingProblems(draft: UpdateDraft): UpdateProblem[] {
  const rating = draft.rating?.trim() ?? '';
  const note = draft.note.trim();
  if (!isRating(rating)) {
    return [
      {
        field: 'rating',
        message:
          rating === ''
            ? `Choose a rating: ${RATINGS.join(', ')}.`
            : `"${rating}" is not a rating. Choose one of ${RATINGS.join(', ')}.`,
      },
    ];
  }
  if ((rating === 'Red' || rating === 'Amber') && note === '') {
    return [
      {
        field: 'note',
        message: `${rating} needs a note: say what is late and what is being done about it.`,
      },
    ];
  }
  if (rating === 'Blue' && note === '' && (draft.evidence?.trim() ?? '') === '') {
    return [
      {
        field: 'evidence',
        message:
          'Blue (completed and embedded) needs evidence: add a link, or a note saying what shows the work is done.',
      },
    ];
  }
  return [];
}

function noteProblems(note: string): UpdateProblem[] {
  if (note.length <= MAX_NOTE_LENGTH) return [];
  return [
    {
      field: 'note',
      message: `The note is ${note.length.toLocaleString('en-GB')} characters long; the most is ${MAX_NOTE_LENGTH.toLocaleString('en-GB')}. Shorten it, or link to a longer document.`,
    },
  ];
}

function proposedDueProblems(proposed: string | null, current: DueDate | null): UpdateProblem[] {
  const text = proposed?.trim() ?? '';
  // Kept apart from `text`, which the date check below narrows.
  const asTyped: string = text;
  if (text === '') return [];
  if (!isIsoDate(text)) {
    return [
      {
        field: 'proposedDue',
        message: `"${asTyped}" is not a date. Give the revised date as year-month-day, for example 2021-03-31.`,
      },
    ];
  }
  const due = dueDay(current);
  if (due !== undefined && text <= due) {
    return [
      {
        field: 'proposedDue',
        message: `A revised date must be later than the current due date (${formatDate(due)}). Choose a date after it, or leave it blank.`,
      },
    ];
  }
  return [];
}

/**
 * Checks an update before it is recorded: Red and Amber need a note (what is late and what
 * is being done), Blue needs evidence (a note or a link), a proposed revised date must be a
 * real date later than the current one, and a note may not pass {@link MAX_NOTE_LENGTH}.
 * Every problem is listed at once, so the owner can fix them in one go.
 */
export function validateUpdate(draft: UpdateDraft): UpdateValidation {
  const problems = [
    ...ratingProblems(draft),
    ...noteProblems(draft.note),
    ...proposedDueProblems(draft.proposedDue, draft.currentDue),
  ];
  return problems.length === 0 ? { ok: true } : { ok: false, code: 'INVALID_UPDATE', problems };
}
