import { describe, expect, it, vi } from 'vitest';
import type * as RenderTemplate from '../../src/cards/render-template.js';
import { buildCardGallery, cardTemplateNames } from '../support/cards/card-gallery.js';
import { cardTemplate, drawnByTheEngine } from '../support/cards/engine-render.js';

/** Every template and data the card functions hand over while the gallery is built. */
const handedOver = vi.hoisted(() => [] as { name: string; data: object; drawn: unknown }[]);

// Records what the card functions draw, passing every call through unchanged: the data each
// card is drawn with is what the engine is given below.
vi.mock('../../src/cards/render-template.js', async (importOriginal) => {
  const real = await importOriginal<typeof RenderTemplate>();
  return {
    ...real,
    renderTemplate: (name: Parameters<typeof real.renderTemplate>[0], data: object) => {
      const card = real.renderTemplate(name, data);
      handedOver.push({ name, data, drawn: card.content });
      return card;
    },
  };
});

describe('every card the bot sends, from the card tests’ sample plan', () => {
  it('is drawn exactly as the templating engine drew it, template by template', async () => {
    await buildCardGallery();
    expect(new Set(handedOver.map((call) => call.name))).toEqual(new Set(cardTemplateNames()));
    for (const { name, data, drawn } of handedOver) {
      const expected = drawnByTheEngine(cardTemplate(name), data);
      expect(drawn, name).toEqual(expected);
      expect(JSON.stringify(drawn), name).toBe(JSON.stringify(expected));
    }
  });
});
