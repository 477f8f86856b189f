import type { RatingOrNotRated } from '../domain/rating.js';
import { ratingSwatch } from './swatch.js';

export interface RatingBadge {
  /** The rating's word, in the card's own text colour so it reads in every Teams theme. */
  readonly label: string;
  readonly word: RatingOrNotRated;
  /**
   * The rating's colour from the one palette, as a small picture drawn beside the word:
   * cards may name only the host's text colours, and Teams' Amber is 1.47:1 on white.
   */
  readonly swatch: string;
}

export function ratingBadge(rating: RatingOrNotRated): RatingBadge {
  return { label: rating, word: rating, swatch: ratingSwatch(rating) };
}
