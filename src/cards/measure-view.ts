import { formatMeasureValue } from '../domain/measure.js';
import { RATING_COLOUR } from '../domain/rating.js';
import { swatchDataUri } from './swatch.js';
import type { MeasureStanding } from '../domain/measure-digest.js';
import type { Track } from '../domain/measure-progress.js';
import {
  baselineWords,
  comparatorWords,
  directionWords,
  targetWords,
  TRACK_WORDS,
} from '../domain/measure-words.js';

/**
 * The track's colour, drawn as a swatch beside its word: host text colours such as Teams'
 * Good green fall under WCAG AA on white, so the word itself stays in the text colour.
 */
const TRACK_SWATCH: Readonly<Record<Track, string>> = {
  'on track': swatchDataUri(RATING_COLOUR.Green),
  'off track': swatchDataUri(RATING_COLOUR.Red),
  'no target': '',
  'no value': '',
};

/** One measure as a card shows it: every part is a word, so colour is never the only sign. */
export interface MeasureLine {
  readonly code: string;
  readonly name: string;
  /** "75.9% in Jan 2021", or "No value yet". */
  readonly latest: string;
  /** "On track", "Off track", "No target". */
  readonly track: string;
  /** The track's colour as a swatch to draw beside the word, or "" for none. */
  readonly trackSwatch: string;
  /** "Improving since Oct 2020 (72%) · Target 85% by 31 Dec 2021 · Baseline 70% (…)". */
  readonly facts: string;
  /** "England 60% (2020); …", or "" for none. */
  readonly comparators: string;
}

export function measureLine({ measure, progress }: MeasureStanding): MeasureLine {
  const latest = progress.latest
    ? `${formatMeasureValue(measure.unit, progress.latest.value)} in ${progress.latest.periodId}`
    : 'No value yet';
  const target = targetWords(measure) ?? 'No target set';
  const facts = [
    ...(progress.latest ? [directionWords(progress, measure.unit)] : []),
    target,
    baselineWords(measure),
  ].filter((part): part is string => part !== null);
  return {
    code: measure.code,
    name: measure.name,
    latest,
    // With no value, "No value yet" is already the latest; it is not said twice.
    track: progress.track === 'no value' ? '' : TRACK_WORDS[progress.track],
    trackSwatch: TRACK_SWATCH[progress.track],
    facts: facts.join(' · '),
    comparators: comparatorWords(measure) ?? '',
  };
}
