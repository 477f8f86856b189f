import { describe, expect, it } from 'vitest';
import { fittedList, listReply, type ListReply } from '../../src/bot/list-reply.js';
import { teamsMessageBytes } from '../../src/cards/message-budget.js';
import type { RenderedCard } from '../../src/cards/render-template.js';

/** A list card of lines, with its "more" line when cut, counting how often it is drawn. */
function linesReply(lines: readonly string[]): { reply: ListReply; renders: () => number } {
  let renders = 0;
  const reply = listReply(
    lines,
    { where: 'the Dashboard tab lists them all', url: null },
    (shown, more): RenderedCard => {
      renders += 1;
      return {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          body: [
            { type: 'TextBlock', text: 'EHC · Education, health and care' },
            ...shown.map((text) => ({ type: 'TextBlock', text })),
            ...(more ? [{ type: 'TextBlock', text: more.text }] : []),
          ],
        },
      };
    },
  );
  return { reply, renders: () => renders };
}

/** How many lines the longest fitting card shows, found by trying every length. */
function longestByTrying(lines: readonly string[], limit: number): number | null {
  const { reply } = linesReply(lines);
  for (let shown = lines.length; shown >= 0; shown -= 1) {
    if (teamsMessageBytes(reply.render(shown)) <= limit) return shown;
  }
  return null;
}

const shownIn = (card: RenderedCard | null, total: number): number | null => {
  if (card === null) return null;
  const body = card.content['body'] as { text: string }[];
  const cut = body.some((block) => block.text.startsWith('And '));
  return cut ? body.length - 2 : Math.min(total, body.length - 1);
};

describe('fitting a list reply to the message budget', () => {
  // Lines of very different lengths, as action titles are.
  const uneven = Array.from(
    { length: 120 },
    (_, i) => `EHC${i + 1}: ${'Agree the joint commissioning plan '.repeat(1 + ((i * 7) % 11))}`,
  );

  it('shows as many as fit, the same number trying every length gives, for any budget', () => {
    const { reply } = linesReply(uneven);
    const whole = teamsMessageBytes(reply.render(uneven.length));
    for (const limit of [400, 2_000, 9_000, 20_000, 41_000, whole - 1, whole, whole + 500]) {
      const card = fittedList(reply, teamsMessageBytes, limit);
      expect(shownIn(card, uneven.length), `budget ${limit}`).toBe(longestByTrying(uneven, limit));
      if (card) expect(teamsMessageBytes(card)).toBeLessThanOrEqual(limit);
    }
  });

  it('gives nothing when not even the heading and the "more" line fit', () => {
    const { reply } = linesReply(uneven);
    expect(fittedList(reply, teamsMessageBytes, 200)).toBeNull();
  });

  it('draws the card a few times, not once per halving, when the items are alike', () => {
    const alike = Array.from({ length: 100 }, (_, i) => `EHC${100 + i}: Review the local offer`);
    const { reply, renders } = linesReply(alike);
    const limit = Math.floor(teamsMessageBytes(reply.render(100)) * 0.6);
    const before = renders();
    const card = fittedList(reply, teamsMessageBytes, limit);
    expect(shownIn(card, alike.length)).toBe(longestByTrying(alike, limit));
    // The whole list, the empty one, then guesses: a binary search would take about nine.
    expect(renders() - before).toBeLessThanOrEqual(5);
  });
});
