/** One line of a list, in the card's text colour: the rating is a word in the line. */
export interface DigestLine {
  readonly text: string;
  /** A second line in plain text (an owner's note); "" for none. */
  readonly detail: string;
}

export interface DigestSection {
  /** Names the section's hidden lines for its "Show all" button. */
  readonly key: string;
  readonly heading: string;
  readonly lines: readonly DigestLine[];
  /** The lines shown at first; the rest wait behind "Show all", so a phone is not filled. */
  readonly first: readonly DigestLine[];
  readonly rest: readonly DigestLine[];
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

/** Lines shown before "Show all", as in the status lists. */
const LINES_SHOWN_FIRST = 8;

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
  const lines = shown.map(toLine);
  return {
    key: heading.replace(/[^A-Za-z]+/g, '-').toLowerCase(),
    heading: `${heading} (${items.length})`,
    lines,
    first: lines.slice(0, LINES_SHOWN_FIRST),
    rest: lines.slice(LINES_SHOWN_FIRST),
    more: hidden > 0 ? `And ${hidden} more in the full report.` : '',
    none: empty,
  };
}

export function clip(words: string, length: number): string {
  const text = words.trim();
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
