import type { RenderedCard } from './render-template.js';

/** The verb of a card's refresh: Teams asks the bot for this person's own view of it. */
export const REFRESH_VERB = 'refreshView';

/**
 * Teams keeps a view of its own for at most 60 people a card
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views).
 */
export const MAX_REFRESH_USERS = 60;

/**
 * The card with a Universal Actions `refresh`: each listed person's Teams (and everyone's, in
 * a chat or channel of 60 people or fewer) sends an `adaptiveCard/action` invoke with `data`
 * when the card is shown, and shows the card the bot answers instead of this one. Everyone
 * else sees this card, and may ask for their own with Refresh in the message's menu.
 */
export function withRefresh(
  card: RenderedCard,
  data: Readonly<Record<string, unknown>>,
  userIds: readonly string[],
): RenderedCard {
  const unique = [...new Set(userIds.filter((id) => id !== ''))].slice(0, MAX_REFRESH_USERS);
  return {
    ...card,
    content: {
      ...card.content,
      refresh: {
        action: { type: 'Action.Execute', title: 'Refresh', verb: REFRESH_VERB, data },
        userIds: unique,
      },
    },
  };
}
