import type { IsoDate } from './local-date.js';
import type { Rating } from './rating.js';

export type UpdateSource = 'card' | 'command' | 'prompt' | 'import';

/**
 * One rating and note for one action in one period. History is append-only: a correction
 * is a new update, and the newest in a period is the one that counts.
 */
export interface StatusUpdate {
  /** Unique and stable: the same import row or card submission always has the same id. */
  readonly id: string;
  readonly programmeId: string;
  readonly ref: string;
  readonly periodId: string;
  readonly rating: Rating;
  readonly note: string;
  /** A link or reference that shows the work is complete (needed for Blue when no note). */
  readonly evidence: string | null;
  /** A later due date the owner asks for; stays proposed until a chair approves it. */
  readonly proposedDue: IsoDate | null;
  /** "No change since last period": same rating, no new note. */
  readonly rolledOver: boolean;
  /** Email of who made it, or "import". */
  readonly by: string;
  /** UTC ISO instant. */
  readonly at: string;
  readonly source: UpdateSource;
}
