import type { RenderedCard } from '../cards/render-template.js';

/**
 * A reply that lists things and can show fewer of them: the send measures it against the
 * message budget and asks for as many as fit, the rest counted with where to see them.
 */
export interface ListReply {
  readonly kind: 'list';
  /** How many items the whole list has. */
  readonly total: number;
  /** The reply with the first `shown` items; when fewer than `total`, says where the rest are. */
  render(shown: number): RenderedCard;
}

export function isListReply(reply: unknown): reply is ListReply {
  return typeof reply === 'object' && reply !== null && (reply as ListReply).kind === 'list';
}

/**
 * The longest version of the list within `limit` by `weigh`, or null when not even the list's
 * heading and summary fit. A card's weight grows about in step with the items shown, so each
 * guess is read off the line between the longest known to fit and the shortest known not to
 * (a step of bisection when a guess gains little): two or three renders where a plain binary
 * search over a hundred items takes seven.
 */
export function fittedList(
  reply: ListReply,
  weigh: (card: RenderedCard) => number,
  limit: number,
): RenderedCard | null {
  const whole = reply.render(reply.total);
  const wholeWeight = weigh(whole);
  if (wholeWeight <= limit) return whole;
  const none = reply.render(0);
  const noneWeight = weigh(none);
  if (noneWeight > limit) return null;
  // fit: shown items known to fit; over: shown items known not to.
  let fit = { shown: 0, weight: noneWeight, card: none };
  let over = { shown: reply.total, weight: wholeWeight };
  let bisect = false;
  while (over.shown - fit.shown > 1) {
    const span = over.shown - fit.shown;
    const guess = bisect
      ? fit.shown + Math.floor(span / 2)
      : fit.shown + Math.floor(((limit - fit.weight) / (over.weight - fit.weight)) * span);
    const shown = Math.min(over.shown - 1, Math.max(fit.shown + 1, guess));
    const card = reply.render(shown);
    const weight = weigh(card);
    if (weight <= limit) fit = { shown, weight, card };
    else over = { shown, weight };
    // Bisect next when this guess left more than half the span: the sizes are uneven here.
    bisect = !bisect && over.shown - fit.shown > span / 2;
  }
  return fit.card;
}

/** Where the whole list can be read, when a reply shows only part of it. */
export interface ElsewhereLink {
  /** "the Dashboard tab lists every action of workstream A" */
  readonly where: string;
  /** The full report's address, when the service has a public one. */
  readonly url: string | null;
}

/** What a cut list says under its last item: how many more, and where they are. */
export interface MoreLine {
  readonly text: string;
  readonly url: string | null;
}

/**
 * A list reply over `items`: `draw` renders the first ones shown and, when the list is cut,
 * the line saying how many more there are and where to see them.
 */
export function listReply<T>(
  items: readonly T[],
  elsewhere: ElsewhereLink,
  draw: (shown: readonly T[], more: MoreLine | null) => RenderedCard,
): ListReply {
  return {
    kind: 'list',
    total: items.length,
    render(shown) {
      if (shown >= items.length) return draw(items, null);
      const hidden = items.length - shown;
      const text = `And ${hidden} more not shown here, as the whole list is too long for one Teams message: ${elsewhere.where}.`;
      return draw(items.slice(0, shown), { text, url: elsewhere.url });
    },
  };
}
