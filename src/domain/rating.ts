/**
 * BRAG ratings. Colour never carries meaning alone: every place that shows a rating shows
 * its word too, so the word is the rating's identity.
 */
export const RATINGS = ['Blue', 'Green', 'Amber', 'Red'] as const;
export type Rating = (typeof RATINGS)[number];

/** What an action shows for a period before anyone has answered. */
export const NOT_RATED = 'Not yet rated';
export type RatingOrNotRated = Rating | typeof NOT_RATED;

/** Every rating an action can show, in the order boards read them: BRAG, then not yet rated. */
export const RATING_ORDER: readonly RatingOrNotRated[] = [...RATINGS, NOT_RATED];

/** How many actions show each rating, "Not yet rated" included. */
export type RatingCounts = Readonly<Record<RatingOrNotRated, number>>;

/** Counts to add to as actions are seen: every rating at zero. */
export function zeroCounts(): Record<RatingOrNotRated, number> {
  return { Blue: 0, Green: 0, Amber: 0, Red: 0, [NOT_RATED]: 0 };
}

/** Counts every rating of `items`, each zero until seen. */
export function countRatings<T>(
  items: Iterable<T>,
  ratingOf: (item: T) => RatingOrNotRated,
): RatingCounts {
  const counts = zeroCounts();
  for (const item of items) counts[ratingOf(item)] += 1;
  return counts;
}

/** The number of actions counted, whatever their rating. */
export function totalOf(counts: RatingCounts): number {
  return RATING_ORDER.reduce((sum, rating) => sum + counts[rating], 0);
}

/** What each rating means, in the words owners and boards use. */
export const RATING_MEANING: Readonly<Record<Rating, string>> = {
  Blue: 'Completed and embedded',
  Green: 'On track to deliver by the agreed date',
  Amber: 'Started, some delay or medium risk; must be monitored',
  Red: 'Not started, significant delay or risk; must be prioritised',
};

/**
 * The one palette: cards (as swatches), the chart, the tab and the report draw ratings in
 * these colours, always beside the word. Each stands out at 3:1 or more on white, on Teams'
 * dark and high-contrast backgrounds and on the chart, and carries black text at 4.5:1 or
 * more (tests/domain/rating-palette.test.ts).
 */
export const RATING_COLOUR: Readonly<Record<RatingOrNotRated, string>> = {
  Blue: '#3a7bd5',
  Green: '#2b9348',
  Amber: '#c77c02',
  Red: '#e03e3e',
  [NOT_RATED]: '#8a8886',
};

/** Progress order used to say whether a move is an improvement: Red < Amber < Green < Blue. */
const ORDER: Readonly<Record<Rating, number>> = { Red: 0, Amber: 1, Green: 2, Blue: 3 };

/** Positive when `to` is better than `from`, negative when worse, zero when the same. */
export function compareRatings(from: Rating, to: Rating): number {
  return ORDER[to] - ORDER[from];
}

/**
 * Reads a rating word as people type it: any case, surrounding spaces, the single letters
 * B/G/A/R, or "Completed" for Blue. Returns undefined for anything else.
 */
export function parseRating(text: string): Rating | undefined {
  const word = text.trim().toLowerCase();
  switch (word) {
    case 'blue':
    case 'b':
    case 'complete':
    case 'completed':
      return 'Blue';
    case 'green':
    case 'g':
      return 'Green';
    case 'amber':
    case 'a':
    case 'yellow':
      return 'Amber';
    case 'red':
    case 'r':
      return 'Red';
    default:
      return undefined;
  }
}

export function isRating(value: unknown): value is Rating {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value);
}
