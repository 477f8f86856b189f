import { TeamsActivityHandler } from 'botbuilder';
import type {
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  FileConsentCardResponse,
  TurnContext,
} from 'botbuilder';
import { renderErrorCard } from '../cards/error.card.js';
import type { BotDependencies } from './bot-dependencies.js';
import { createCardActions, type CardActions } from './card-actions/card-actions.js';
import { routeCommand } from './command-router.js';
import { acceptBoardPack, declineBoardPack } from './commands/export.command.js';
import { createConversationRecorder, type ConversationRecorder } from './conversation-recorder.js';
import { sendReply, type ReplyLimits } from './send-reply.js';
import type { Sender } from './sender.js';
import { createSenderLookup } from './sender-lookup.js';
import { createTurn, type Turn } from './turn.js';

/**
 * The Teams bot: turns messages into commands and card actions into updates. Every turn
 * first learns who is talking and saves where to write back to them later.
 */
export class ActionTrackerBot extends TeamsActivityHandler {
  private readonly deps: BotDependencies;
  private readonly lookUpSender: (turn: TurnContext) => Promise<Sender>;
  private readonly conversations: ConversationRecorder;
  private readonly cardActions: CardActions;
  private readonly replyLimits: ReplyLimits;

  constructor(deps: BotDependencies) {
    super();
    this.deps = deps;
    this.conversations = createConversationRecorder(deps);
    this.lookUpSender = createSenderLookup(deps, this.conversations);
    this.cardActions = createCardActions(deps);
    this.replyLimits = { budget: deps.messageBudget, logger: deps.logger };
  }

  protected override async onMessageActivity(context: TurnContext): Promise<void> {
    const turn = await this.greet(context);
    try {
      if (this.cardActions.isCardSubmit(context.activity.value)) {
        await this.cardActions.handleSubmit(turn);
        return;
      }
      await sendReply(context, await routeCommand(turn, this.deps), this.replyLimits);
    } catch (error) {
      this.deps.logger.error('A message could not be answered', {
        text: context.activity.text?.slice(0, 200),
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      await sendReply(
        context,
        renderErrorCard({ reference: context.activity.id ?? null }),
        this.replyLimits,
      );
    }
  }

  protected override async onAdaptiveCardInvoke(
    turn: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.cardActions.handleInvoke(await this.greet(turn), invokeValue);
  }

  /** `/export` offered the board pack with a file consent card; this is the answer. */
  protected override async handleTeamsFileConsentAccept(
    turn: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    const { sender } = await this.greet(turn);
    await acceptBoardPack(turn, response, sender, this.deps);
  }

  protected override async handleTeamsFileConsentDecline(turn: TurnContext): Promise<void> {
    await this.greet(turn);
    await declineBoardPack(turn);
  }

  protected override async onConversationUpdateActivity(turn: TurnContext): Promise<void> {
    await this.greet(turn);
    await super.onConversationUpdateActivity(turn);
  }

  protected override async onInstallationUpdateActivity(turn: TurnContext): Promise<void> {
    if (turn.activity.action !== 'remove') await this.greet(turn);
    await super.onInstallationUpdateActivity(turn);
  }

  /** Who is talking and where, saved for writing back later: the turn every handler gets. */
  private async greet(context: TurnContext): Promise<Turn> {
    const sender = await this.lookUpSender(context);
    const turn = await createTurn(context, sender, this.deps);
    await this.conversations.record(turn);
    return turn;
  }
}
