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
 * The longest version of the list that fits (a binary search on how many are shown), or
 * null when not even the list's heading and summary fit.
 */
export function fittedList(
  reply: ListReply,
  fits: (card: RenderedCard) => boolean,
): RenderedCard | null {
  const whole = reply.render(reply.total);
  if (fits(whole)) return whole;
  let low = 0;
  let high = reply.total - 1;
  let best: RenderedCard | null = null;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const card = reply.render(middle);
    if (fits(card)) {
      best = card;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
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
