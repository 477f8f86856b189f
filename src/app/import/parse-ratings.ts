import type { Action } from '../../domain/action.js';
import type { ReportingPeriod } from '../../domain/programme.js';
import { NOT_RATED, parseRating } from '../../domain/rating.js';
import type { StatusUpdate } from '../../domain/status-update.js';
import type { BoundSheet } from './bound-sheet.js';
import { problemAt, type ImportProblem } from './import-problem.js';
import { checkLength } from './text-limits.js';

type RatingColumn = 'ref' | 'period' | 'rating' | 'note';

/**
 * Stable, so importing the same row again finds the update it made last time; the same form
 * as the sample loader's (tests/support/sample-plan.ts), so a seeded plan imports cleanly.
 */
export function importedUpdateId(programmeId: string, ref: string, periodId: string): string {
  return `import|${programmeId}|${ref}|${periodId}`;
}

/** Imported ratings are dated midday UTC on the period's closing day: inside it in every zone. */
export function importedUpdateAt(period: ReportingPeriod): string {
  return `${period.closes}T12:00:00.000Z`;
}

interface Context {
  readonly programmeId: string;
  /** Null when the Actions sheet could not be read: references are then not checked. */
  readonly actions: readonly Action[] | null;
  readonly periods: readonly ReportingPeriod[] | null;
  readonly problems: ImportProblem[];
}

/**
 * Past ratings, one per action and period. A row left "Not yet rated" (as an exported grid
 * shows it) or blank is skipped: it records nothing.
 */
export function parseRatings(sheet: BoundSheet<RatingColumn>, context: Context): StatusUpdate[] {
  const { problems } = context;
  const actions = new Map(context.actions?.map((action) => [action.ref.toUpperCase(), action]));
  const periods = new Map(context.periods?.map((period) => [period.id.toUpperCase(), period]));
  const firstRow = new Map<string, number>();
  const updates: StatusUpdate[] = [];
  for (const row of sheet.rows) {
    const ratingText = row.get('rating');
    const note = row.get('note');
    if (ratingText.toLowerCase() === NOT_RATED.toLowerCase()) continue;
    if (ratingText === '' && note === '') continue;
    const refText = row.get('ref');
    const periodText = row.get('period');
    const action = actions.get(refText.toUpperCase());
    const period = periods.get(periodText.toUpperCase());
    if (refText === '') problems.push(problemAt(row.place('ref'), 'MISSING_VALUE'));
    else if (context.actions && !action) {
      problems.push(problemAt(row.place('ref'), 'UNKNOWN_REF', refText));
    }
    if (periodText === '') problems.push(problemAt(row.place('period'), 'MISSING_VALUE'));
    else if (context.periods && !period) {
      problems.push(problemAt(row.place('period'), 'UNKNOWN_PERIOD', periodText));
    }
    if (action && period) {
      const earlier = firstRow.get(importedUpdateId(context.programmeId, action.ref, period.id));
      if (earlier !== undefined) {
        const details = { firstRow: earlier, ref: action.ref, period: period.id };
        problems.push(problemAt(row.place('ref'), 'DUPLICATE_RATING', refText, details));
        continue;
      }
      firstRow.set(importedUpdateId(context.programmeId, action.ref, period.id), row.number);
    }
    const rating = parseRating(ratingText);
    if (ratingText === '') problems.push(problemAt(row.place('rating'), 'MISSING_VALUE'));
    else if (!rating) problems.push(problemAt(row.place('rating'), 'UNKNOWN_RATING', ratingText));
    checkLength(note, row.place('note'), problems);
    if (!action || !period || !rating) continue;
    updates.push({
      id: importedUpdateId(context.programmeId, action.ref, period.id),
      programmeId: context.programmeId,
      ref: action.ref,
      periodId: period.id,
      rating,
      note,
      evidence: null,
      proposedDue: null,
      rolledOver: false,
      by: 'import',
      at: importedUpdateAt(period),
      source: 'import',
    });
  }
  return updates;
}
