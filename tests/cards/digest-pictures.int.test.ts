import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltDigest } from '../../src/app/digest/build-digest.js';
import { digestMessageOf } from '../../src/bot/digest-message.js';
import { openCardBrowser, type CardBrowser } from '../support/cards/card-browser.js';
import { digestWorlds } from '../support/cards/card-gallery.js';

const WIDTHS = [375, 700] as const;

/** Every section a board reads, as its heading is drawn, per digest. */
const SECTIONS: Readonly<Record<string, readonly string[]>> = {
  governance: [
    'Whole programme',
    'Improved (1)',
    'Worsened (0)',
    'Overdue (6)',
    'Not yet reported (0)',
    'Warnings (3)',
    'Dates revised since the last board (1)',
    'B1: 31 Dec 2020 → 31 Mar 2021, decided by Corporate Director on 1 Dec 2020',
    'Waiting for a decision (1)',
    'B4: 31 Aug 2020 → 30 Jun 2021, asked by owner@council.example on 20 Jan 2021',
    'Steps done and late (12 actions; 12 with late steps)',
    'A2: 3 of 9 steps done; late: h), i)',
    'Signed off by workstream leads (1 of 3)',
    'A: signed off by Assistant Director Education and Skills on 18 Jan 2021; 1 open query',
    'A3 queried: Is March still realistic?',
    'B: not signed off yet',
    "Owners' notes, newest first (12)",
  ],
  measures: [
    'Whole programme',
    'Measures (4; 1 off track)',
    'EHC20',
    '75.9% in Jan 2021',
    'Off track',
    'Improving since Oct 2020 (72%) · Target 90% by 23 Jul 2021 · Baseline 70% (25 Oct 2019)',
    'Comparators: England 60% (2020); statistical neighbours and East of England 65% (2020)',
    'NEET1618',
    'On track',
    'False green, measure EHC20 is off track (75.9% against 84.1% on the line to its target) while A1 is Green.',
    'Warnings (4)',
    "Owners' notes, newest first (12)",
  ],
};

/**
 * The Jan 2021 digest drawn as Teams draws it, at a phone's width and a desktop card's: once
 * for a period with revised dates, ticked steps and sign-off, once with the sample's
 * measures. The pictures are kept in test-results/cards/ for people to look at.
 */
describe('the digest with governance and with measures, drawn at 375 px and 700 px', () => {
  let browser: CardBrowser;
  let worlds: [string, BuiltDigest][];

  beforeAll(async () => {
    browser = await openCardBrowser();
    worlds = await digestWorlds();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const cases = Object.keys(SECTIONS).flatMap((name) => WIDTHS.map((width) => [name, width]));
  it.each(cases)('the %s digest at %d px shows every section', async (name, width) => {
    const world = worlds.find(([n]) => n === name);
    if (!world) throw new Error(`No ${String(name)} digest`);
    const card = digestMessageOf(world[1]).card;
    const screenshot = `test-results/cards/digest-${String(name)}-pictures-${String(width)}.png`;
    const { drawnText, parseWarnings, result } = await browser.render(card, {
      theme: 'default',
      width: Number(width),
      screenshot,
    });
    expect(parseWarnings).toEqual([]);
    const drawn = drawnText.replace(/[ \t]+/g, ' ');
    const missing = (SECTIONS[String(name)] ?? []).filter((text) => !drawn.includes(text));
    expect(missing, `sections not drawn, see ${screenshot}`).toEqual([]);
    expect(result.sidewaysPx, `sideways scroll, see ${screenshot}`).toBe(0);
    // The measures digest carries its chart as a picture with the figures in words.
    if (name === 'measures') {
      expect(result.images.some((image) => image.naturalWidth >= 300)).toBe(true);
    }
    expect(existsSync(screenshot)).toBe(true);
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
  });
});
