import { NOT_RATED, type RatingOrNotRated } from '../domain/rating.js';

/** Adaptive Card text colours. */
export type CardColour = 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';

/** Adaptive Cards allow only named colours; each rating keeps the nearest, beside its word. */
export const RATING_CARD_COLOUR: Readonly<Record<RatingOrNotRated, CardColour>> = {
  Blue: 'Accent',
  Green: 'Good',
  Amber: 'Warning',
  Red: 'Attention',
  [NOT_RATED]: 'Default',
};

export interface RatingBadge {
  /** "■ Amber": the square carries the colour, the word carries the meaning. */
  readonly label: string;
  readonly word: RatingOrNotRated;
  readonly color: string;
}

export function ratingBadge(rating: RatingOrNotRated): RatingBadge {
  return { label: `■ ${rating}`, word: rating, color: RATING_CARD_COLOUR[rating] };
}
