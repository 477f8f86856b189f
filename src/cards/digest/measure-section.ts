import type { MeasureDigest } from '../../domain/measure-digest.js';
import { measureLine, type MeasureLine } from '../measure-view.js';

/** A drawn chart as a card shows it: the picture itself and the words for it. */
export interface MeasureChartImage {
  readonly dataUri: string;
  readonly altText: string;
}

/** The digest's Measures section as its template reads it. */
export interface MeasureSectionView {
  readonly heading: string;
  readonly lines: readonly MeasureLine[];
  /** "And 12 more in the full report.", or "". */
  readonly more: string;
  readonly chart: { readonly url: string; readonly altText: string } | null;
}

/**
 * Each measure's latest value against its target and comparators, off-track ones first;
 * `itemsPerList` cuts the list as the digest's other lists are cut to fit the message.
 */
export function measureSection(
  digest: MeasureDigest | null,
  chart: MeasureChartImage | null,
  itemsPerList: number,
  chartUrl: string | null,
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
    chart: chart ? { url: chartUrl ?? chart.dataUri, altText: chart.altText } : null,
  };
}

function offFirst(track: string): number {
  return track === 'off track' ? 0 : 1;
}
