import { describe, expect, it } from 'vitest';
import { RATING_COLOUR, RATING_ORDER } from '../../src/domain/rating.js';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [
      number,
      number,
      number,
    ];
    const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Where the palette is drawn: a card in Teams' default, emphasis, dark and high-contrast
 * themes, the chart's and the report's white, and the tab's page.
 */
const BACKGROUNDS = {
  'Teams default card': '#ffffff',
  'Teams default emphasis': '#f9f8f7',
  'Teams dark card': '#2d2c2c',
  'Teams dark emphasis': '#292828',
  'Teams dark chat': '#201e1f',
  'Teams high contrast': '#000000',
};

describe('the one rating palette', () => {
  it.each(
    RATING_ORDER.flatMap((rating) =>
      Object.entries(BACKGROUNDS).map(([where, bg]) => [rating, where, bg] as const),
    ),
  )(
    '%s stands out at 3:1 or more on the %s (%s), as a graphic must (WCAG 1.4.11)',
    (rating, _, background) => {
      expect(contrast(RATING_COLOUR[rating], background)).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(RATING_ORDER)('%s carries a black count inside its bar at AA (4.5:1)', (rating) => {
    expect(contrast(RATING_COLOUR[rating], '#000000')).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every rating its own colour', () => {
    expect(new Set(RATING_ORDER.map((r) => RATING_COLOUR[r])).size).toBe(RATING_ORDER.length);
  });
});
