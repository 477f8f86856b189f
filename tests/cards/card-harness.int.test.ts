import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCardBrowser, type CardBrowser } from '../support/cards/card-browser.js';
import { buildCardGallery, cardTemplateNames } from '../support/cards/card-gallery.js';

describe('the card rendering harness', () => {
  let browser: CardBrowser;

  beforeAll(async () => {
    browser = await openCardBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds what it looks for: yellow text on white, a cut-off line and a column pushed off the card', async () => {
    const { result, screenshot } = await browser.render(
      {
        content: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [
            { type: 'TextBlock', text: 'Amber', color: 'Warning' },
            { type: 'TextBlock', text: 'A line far too long to fit on a phone without wrapping.' },
            {
              type: 'ColumnSet',
              columns: [
                { type: 'Column', width: '500px', items: [{ type: 'TextBlock', text: 'Wide' }] },
                { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: 'Right' }] },
              ],
            },
          ],
        },
      },
      { theme: 'default', width: 375, screenshot: 'test-results/cards/self-check.png' },
    );
    expect(screenshot).toBe('test-results/cards/self-check.png');
    expect(result.lowContrast).toEqual([
      expect.objectContaining({ text: 'Amber', colour: '#f8d22a', ratio: 1.47 }),
    ]);
    // A column wider than the phone pushes the next one off the card.
    expect(result.clipped.map((f) => f.text)).toEqual([
      'A line far too long to fit on a phone without wrapping.',
      'Right',
    ]);
    expect(result.sidewaysPx).toBeGreaterThan(0);
  });

  it('passes a card that wraps its words and keeps to the theme’s text colour', async () => {
    const { result } = await browser.render(
      {
        content: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [
            {
              type: 'TextBlock',
              text: 'A line far too long to fit on a phone, wrapped as every line should be.',
              wrap: true,
            },
          ],
        },
      },
      { theme: 'dark', width: 375, screenshot: 'test-results/cards/self-check-pass.png' },
    );
    expect(result.lowContrast).toEqual([]);
    expect(result.clipped).toEqual([]);
    expect(result.sidewaysPx).toBe(0);
  });

  it('has a sample of every template in cards/', async () => {
    const gallery = await buildCardGallery();
    expect([...new Set(gallery.map((entry) => entry.template))].sort()).toEqual(
      cardTemplateNames(),
    );
  });
});
