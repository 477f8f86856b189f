import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCardBrowser, type CardBrowser } from '../support/cards/card-browser.js';
import { buildCardGallery, type GalleryCard } from '../support/cards/card-gallery.js';
import { TEAMS_THEMES } from '../support/cards/teams-host-configs.js';

/** A phone held upright, and the width of a card in Teams on a desktop. */
const WIDTHS = [375, 700] as const;
/** The smallest chart label a person can read on a phone, in CSS pixels. */
const MIN_CHART_LABEL_PX = 10;

const gallery = await buildCardGallery();
const nameOf = (entry: GalleryCard): string =>
  entry.variant === null ? entry.template : `${entry.template}-${entry.variant}`;

describe('every card the bot sends, drawn by the Adaptive Cards renderer in Teams’ themes', () => {
  let browser: CardBrowser;

  beforeAll(async () => {
    browser = await openCardBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe.each(TEAMS_THEMES)('in the %s theme', (theme) => {
    const cases = gallery.flatMap((entry) => WIDTHS.map((width) => ({ entry, width })));
    it.each(cases.map((c) => [`${nameOf(c.entry)} at ${c.width} px`, c] as const))(
      '%s: every text at WCAG AA contrast, nothing clipped, no sideways scroll',
      async (_, { entry, width }) => {
        const screenshot = `test-results/cards/${nameOf(entry)}-${theme}-${width}.png`;
        const { result, parseWarnings } = await browser.render(entry.card, {
          theme,
          width,
          screenshot,
        });
        expect(parseWarnings, 'the renderer understood the whole card').toEqual([]);
        expect(result.texts, 'the card showed some text').toBeGreaterThan(0);
        const lowContrast = result.lowContrast.map(
          (f) => `"${f.text}" ${f.colour} on ${f.background}: ${f.ratio}:1, needs ${f.needed}:1`,
        );
        expect(lowContrast, `contrast, see ${screenshot}`).toEqual([]);
        const clipped = result.clipped.map((f) => `"${f.text}" (${f.hiddenPx} px hidden)`);
        expect(clipped, `clipped text, see ${screenshot}`).toEqual([]);
        expect(result.sidewaysPx, `sideways scroll, see ${screenshot}`).toBe(0);
        if (entry.chartLabelPx !== undefined) {
          const [chart] = [...result.images].sort((a, b) => b.naturalWidth - a.naturalWidth);
          expect(chart, 'the chart is drawn').toBeDefined();
          if (!chart) return;
          const labelPx = (entry.chartLabelPx * chart.shownWidth) / chart.naturalWidth;
          expect(labelPx, 'chart labels on screen, in px').toBeGreaterThanOrEqual(
            MIN_CHART_LABEL_PX,
          );
        }
      },
    );
  });
});
