import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { ServerAdapter } from './server-adapter.js';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Logger } from '../app/logger.js';
import { SignInUnavailableError } from './bot-authentication.js';
import { invokeValueProblem } from './invoke-shape.js';
import { createTurnQueue } from './turn-queue.js';

/** What the server runs for each authenticated activity: an ActivityHandler fits. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

const DATE_FIELDS = ['timestamp', 'localTimestamp', 'expiration'] as const;

/** What the server itself relies on; botbuilder and the bot read the rest. */
const ActivityShape = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

const BAD_ACTIVITY_HINT =
  'The request body must be a Bot Framework activity sent as application/json';

/** The body as an Activity with its dates as Dates (as botbuilder's own parsing does), or why not. */
function parseActivity(
  body: unknown,
): { ok: true; activity: Activity } | { ok: false; problem: string } {
  const parsed = ActivityShape.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `"${issue.path.join('.')}": ${issue.message}` : issue.message,
    );
    return { ok: false, problem: `${BAD_ACTIVITY_HINT}; ${problems.join('; ')}.` };
  }
  const activity: Record<string, unknown> = { ...parsed.data };
  for (const field of DATE_FIELDS) {
    const value = activity[field];
    if (typeof value === 'string') activity[field] = new Date(value);
  }
  return { ok: true, activity: activity as unknown as Activity };
}

function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

/**
 * When a turn fails, the person still hears back: a short apology for a message, a 500 invoke
 * response for a card action (Teams shows its own "something went wrong" on the card).
 */
export function installTurnErrorHandler(adapter: CloudAdapter, logger: Logger): void {
  adapter.onTurnError = async (context, error) => {
    const activity = context.activity;
    logger.error('The bot failed while handling an activity', {
      type: activity.type,
      name: activity.name,
      conversationId: activity.conversation.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    if (activity.type === 'invoke') {
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 500,
          body: errorBody('BOT_FAILED', 'The bot could not handle that action.'),
        },
      });
      return;
    }
    if (activity.type === 'message') {
      await context.sendActivity(
        'Sorry, something went wrong on my side and I could not answer that. Please try again in a minute; if it keeps happening, tell your programme admin.',
      );
    }
  };
}

/** `POST /api/messages`: parse, authenticate through the CloudAdapter, run the bot. */
export function createMessagesHandler(options: {
  readonly adapter: ServerAdapter;
  readonly bot: TurnHandler;
  readonly logger: Logger;
}): (req: Request, res: Response) => Promise<void> {
  const { adapter, bot, logger } = options;
  const turns = createTurnQueue();
  // restify takes a handler with two arguments only when it is an async function.
  return async (req, res) => turns.run(() => answer(req, res));

  async function answer(req: Request, res: Response): Promise<void> {
    const body: unknown = req.body;
    const parsed = parseActivity(body);
    if (!parsed.ok) {
      res.send(400, errorBody('BAD_ACTIVITY', parsed.problem));
      return;
    }
    const { activity } = parsed;
    try {
      const invokeResponse = await adapter.handleActivity(
        req.header('authorization', ''),
        activity,
        async (context) => {
          // Card data is checked once the sender is known, before botbuilder reads it.
          const problem = invokeValueProblem(context.activity);
          if (problem === null) return bot.run(context);
          logger.warn('Refused an invoke with malformed data', { name: activity.name, problem });
          await context.sendActivity({
            type: 'invokeResponse',
            value: { status: 400, body: errorBody('BAD_INVOKE', problem) },
          });
        },
      );
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error: unknown) {
      if (error instanceof SignInUnavailableError) {
        logger.warn('Could not check a token now; asked the sender to retry', {
          reason: error.reason,
          conversationId: activity.conversation?.id,
        });
        res.header('Retry-After', String(error.retryAfterSeconds));
        res.send(
          503,
          errorBody('SIGN_IN_UNAVAILABLE', 'The token cannot be checked now; try again shortly.'),
        );
        return;
      }
      if (error instanceof AuthenticationError) {
        // The reason is for our log; the caller learns only that it was refused.
        logger.warn('Refused an activity', {
          status: error.statusCode,
          reason: error.message,
          conversationId: activity.conversation?.id,
        });
        if (error.statusCode === 403) {
          res.send(
            403,
            errorBody('FORBIDDEN', 'This bot serves Microsoft Teams in its own organisation only.'),
          );
          return;
        }
        res.header('WWW-Authenticate', 'Bearer');
        res.send(401, errorBody('UNAUTHORIZED', 'The request is not authenticated.'));
        return;
      }
      logger.error('The bot failed to process an activity', {
        type: activity.type,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      res.send(500, errorBody('BOT_FAILED', 'The bot failed to process the activity.'));
    }
  }
}
