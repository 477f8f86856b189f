import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { BotDependencies } from '../bot-dependencies.js';
import type { Sender } from '../sender.js';

export interface CardActions {
  /** True when a message's `value` came from an `Action.Submit` fallback button. */
  isCardSubmit(value: unknown): boolean;
  handleSubmit(turn: TurnContext, sender: Sender): Promise<void>;
  handleInvoke(
    turn: TurnContext,
    sender: Sender,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse>;
}

export function createCardActions(_deps: BotDependencies): CardActions {
  return {
    isCardSubmit: (value) => typeof value === 'object' && value !== null && 'verb' in value,
    handleSubmit: async (turn) => {
      await turn.sendActivity('Card actions are not ready yet.');
    },
    handleInvoke: (_turn, _sender, invokeValue) =>
      Promise.resolve({
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: `Unknown verb "${invokeValue.action.verb}".` },
      }),
  };
}
