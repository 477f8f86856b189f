import type { StatusUpdate } from '../../domain/status-update.js';
import type { ProgrammeSnapshot } from '../digest/programme-snapshot.js';

/** For each action (by upper-case ref), the update that counts in each period, by period id. */
export type RatingGrid = ReadonlyMap<string, ReadonlyMap<string, StatusUpdate>>;

/**
 * The newest update of each action in each period: a correction replaces what it corrects.
 * This is what the board pack shows and what its Ratings sheet gives back to the importer.
 */
export function ratingGridOf(snapshot: Pick<ProgrammeSnapshot, 'updates'>): RatingGrid {
  const grid = new Map<string, Map<string, StatusUpdate>>();
  for (const update of snapshot.updates) {
    const ref = update.ref.toUpperCase();
    let periods = grid.get(ref);
    if (!periods) {
      periods = new Map();
      grid.set(ref, periods);
    }
    const known = periods.get(update.periodId);
    if (!known || known.at < update.at) periods.set(update.periodId, update);
  }
  return grid;
}
