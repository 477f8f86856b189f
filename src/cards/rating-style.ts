import { NOT_RATED, type RatingOrNotRated } from '../domain/rating.js';

/** Adaptive Cards allow only named colours; each rating keeps the nearest, beside its word. */
const COLOUR: Readonly<Record<RatingOrNotRated, string>> = {
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
  return { label: `■ ${rating}`, word: rating, color: COLOUR[rating] };
}
