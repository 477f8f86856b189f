import type { CardColour } from '../rating-style.js';

export interface DigestLine {
  readonly text: string;
  readonly colour: CardColour;
  /** A second line in plain text (an owner's note); "" for none. */
  readonly detail: string;
}

export interface DigestSection {
  readonly heading: string;
  readonly lines: readonly DigestLine[];
  /** "And 123 more in the full report.", or "" when every line is shown. */
  readonly more: string;
  /** What to say when the list is empty ("Nothing is overdue."). */
  readonly none: string;
}

/** How much of each list to show: a large programme is cut down until the card fits. */
export interface DigestLimits {
  readonly itemsPerList: number;
  readonly noteLength: number;
}

export const FULL_DIGEST: DigestLimits = {
  itemsPerList: Number.POSITIVE_INFINITY,
  noteLength: 600,
};

/** Lists are cut before their lines are written, so a huge programme costs no more than a small one. */
export function section<T>(
  heading: string,
  empty: string,
  items: readonly T[],
  toLine: (item: T) => DigestLine,
  limits: DigestLimits,
): DigestSection {
  const shown = items.slice(0, limits.itemsPerList);
  const hidden = items.length - shown.length;
  return {
    heading: `${heading} (${items.length})`,
    lines: shown.map(toLine),
    more: hidden > 0 ? `And ${hidden} more in the full report.` : '',
    none: empty,
  };
}

export function clip(words: string, length: number): string {
  const text = words.trim();
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
