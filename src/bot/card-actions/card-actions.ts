import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, type RenderedCard } from '../../cards/render-template.js';
import { renderErrorCard } from '../../cards/error.card.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { REFRESH_VERB } from '../../cards/refresh.js';
import type { BotDependencies } from '../bot-dependencies.js';
import { noProgrammeCard } from '../replies.js';
import { programmeOfTurn, type Turn } from '../turn.js';
import { isPromptVerb, performPromptAction } from '../proactive/prompt-actions.js';
import {
  isPromptProgressVerb,
  performPromptProgress,
} from '../proactive/prompt-progress-actions.js';
import { describeIssues, isVerb, programmeOfCard, submitValueSchema } from './card-data.js';
import { isGovernanceVerb, performGovernanceAction } from './governance-actions.js';
import { isImportVerb, performImportAction } from './import-actions.js';
import { personalViewOf } from './personal-views.js';
import {
  performEdit,
  performUpdate,
  readAheadForSave,
  type CardOutcome,
} from './update-actions.js';

export interface CardActions {
  /** True when a message's `value` came from an `Action.Submit` fallback button. */
  isCardSubmit(value: unknown): boolean;
  handleSubmit(turn: Turn): Promise<void>;
  handleInvoke(
    turn: Turn,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse>;
}

type ActionResult = CardOutcome | { readonly kind: 'bad-request'; readonly message: string };

function badRequest(message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'BadRequest', message },
  };
}

function cardResponse(card: RenderedCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: { ...card.content } };
}

/**
 * Buttons on the bot's cards. Teams sends `Action.Execute` as an `adaptiveCard/action`
 * invoke; older clients send the `Action.Submit` fallback as a message with a `value`.
 * Both run the same actions; only the way the answer goes back differs.
 */
export function createCardActions(deps: BotDependencies): CardActions {
  async function perform(turn: Turn, verb: string, data: unknown): Promise<ActionResult> {
    const { sender } = turn;
    if (isImportVerb(verb)) return performImportAction(turn, deps, verb, data);
    const prompted = isPromptVerb(verb);
    const governed = isGovernanceVerb(verb);
    const progress = isPromptProgressVerb(verb);
    const refreshing = verb === REFRESH_VERB;
    if (!prompted && !governed && !progress && !refreshing && !isVerb(verb)) {
      return { kind: 'bad-request', message: `Unknown verb "${verb}".` };
    }
    // A card names the programme it was drawn for; only older cards leave it to the chat.
    const named = programmeOfCard(data);
    // A Save's reads need only what its card names, and bring the programme with them.
    const ahead = verb === 'update' && named ? readAheadForSave(deps, named, sender, data) : null;
    const reads = ahead && (await ahead);
    const programme = reads
      ? reads.programme
      : named
        ? await deps.programmes.get(named)
        : await programmeOfTurn(turn);
    if (!programme) return { kind: 'card', card: noProgrammeCard(), replacesForm: false };
    if (prompted) return performPromptAction(deps, programme, sender, verb, data);
    if (progress) {
      // The activity names the press, so a retried one records a figure only once.
      const key = turn.context.activity.id ?? `${verb}:${deps.clock.now().toISOString()}`;
      return performPromptProgress(deps, programme, sender, verb, data, key);
    }
    if (refreshing) {
      const view = await personalViewOf(turn, deps, programme, data);
      return view === null
        ? { kind: 'bad-request', message: 'The card refresh names no view I know.' }
        : { kind: 'card', card: view, replacesForm: false };
    }
    const result = governed
      ? await performGovernanceAction(deps, programme, sender, verb, data)
      : verb === 'update'
        ? await performUpdate(
            deps,
            programme,
            sender,
            data,
            turn.context.activity.type === 'invoke',
            reads,
          )
        : await performEdit(deps, programme, sender, data);
    if (result.kind === 'invalid-data') {
      return {
        kind: 'bad-request',
        message: `The card's data is not valid: ${describeIssues(result.error)}.`,
      };
    }
    return result;
  }

  return {
    isCardSubmit: (value) => submitValueSchema.safeParse(value).success,

    async handleSubmit(turn) {
      const { context } = turn;
      const { verb } = submitValueSchema.parse(context.activity.value);
      const result = await perform(turn, verb, context.activity.value);
      if (result.kind === 'bad-request') {
        deps.logger.warn('A card submit was refused', { verb, message: result.message });
        // The details are for the log; the person is told what to do next.
        const ref = refOf(context.activity.value);
        const card = renderMessageCard({
          title: 'I could not read that card',
          lines: [
            'Something in it was missing or changed, perhaps because it came from an older version of me. Nothing was saved.',
            ref === null
              ? 'Type /mine for a fresh card of your actions, or /help to see what I can do.'
              : `Type /update ${ref} for a fresh form, or /mine for all your actions.`,
          ],
        });
        await context.sendActivity({ type: 'message', attachments: [card] });
        return;
      }
      // A form is replaced in place for everyone in the chat, as Action.Execute would for the
      // person who pressed it; a refusal goes as a reply so the owner keeps their form. When
      // the form cannot be replaced (deleted, too old) the answer goes as a reply instead.
      if (result.replacesForm && (await replaceMessage(turn, result.card, deps))) return;
      await context.sendActivity({ type: 'message', attachments: [result.card] });
    },

    async handleInvoke(turn, invokeValue) {
      const verb = invokeValue.action.verb;
      let result: ActionResult;
      try {
        result = await perform(turn, verb, invokeValue.action.data);
      } catch (error) {
        // The person pressed a button: answer on the card rather than with Teams' bare error.
        deps.logger.error('A card action failed', {
          verb,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        return cardResponse(renderErrorCard({ reference: turn.context.activity.id ?? null }));
      }
      if (result.kind === 'bad-request') {
        deps.logger.warn('A card action was refused', { verb, message: result.message });
        return badRequest(result.message);
      }
      // The answer shows the receipt to the person who pressed, on the device they pressed
      // on; the message itself is replaced too, so it shows everywhere else. Either way the
      // save stands: a message that cannot be replaced is logged, never an error.
      if (result.recorded === true) await replaceMessage(turn, result.card, deps);
      return cardResponse(result.card);
    },
  };
}

/**
 * Replaces the message the pressed card is on (Teams sends its id as `replyToId`) with
 * `card`. False when there is no such message or Teams refused; the reason is logged.
 */
async function replaceMessage(
  turn: Turn,
  card: RenderedCard,
  deps: Pick<BotDependencies, 'logger'>,
): Promise<boolean> {
  const id = turn.context.activity.replyToId;
  if (!id) return false;
  try {
    await turn.context.updateActivity({ type: 'message', id, attachments: [card] });
    return true;
  } catch (error) {
    deps.logger.warn('The card message could not be replaced; the answer carries it instead', {
      activityId: id,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}

/** The action reference a card's data names, when it names one that looks like a reference. */
function refOf(value: unknown): string | null {
  const ref = (value as { ref?: unknown } | null)?.ref;
  return typeof ref === 'string' && /^[\w-]{1,20}$/.test(ref) ? ref : null;
}
