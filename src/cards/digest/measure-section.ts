import type { MeasureDigest } from '../../domain/measure-digest.js';
import { measureLine, type MeasureLine } from '../measure-view.js';

/**
 * A chart as a card shows it: its address (an https link on this service, or the picture
 * itself as a data URI) and the words for it.
 */
export interface CardPicture {
  readonly url: string;
  readonly altText: string;
}

/** The digest's Measures section as its template reads it. */
export interface MeasureSectionView {
  readonly heading: string;
  readonly lines: readonly MeasureLine[];
  /** "And 12 more in the full report.", or "". */
  readonly more: string;
  readonly chart: CardPicture | null;
}

/**
 * Each measure's latest value against its target and comparators, off-track ones first;
 * `itemsPerList` cuts the list as the digest's other lists are cut to fit the message.
 */
export function measureSection(
  digest: MeasureDigest | null,
  chart: CardPicture | null,
  itemsPerList: number,
): MeasureSectionView | null {
  if (!digest || digest.standings.length === 0) return null;
  const ordered = [...digest.standings].sort(
    (a, b) => offFirst(a.progress.track) - offFirst(b.progress.track),
  );
  const shown = ordered.slice(0, itemsPerList);
  const hidden = ordered.length - shown.length;
  const offTrack = digest.standings.filter((s) => s.progress.track === 'off track').length;
  return {
    heading: `Measures (${digest.standings.length}; ${offTrack} off track)`,
    lines: shown.map(measureLine),
    more: hidden > 0 ? `And ${hidden} more in the full report.` : '',
    chart,
  };
}

function offFirst(track: string): number {
  return track === 'off track' ? 0 : 1;
}
