import { TurnContext } from 'botbuilder';
import { rememberAtMost } from '../app/bounded-memory.js';
import type { BotDependencies } from './bot-dependencies.js';
import type { Turn } from './turn.js';

type RecorderDeps = Pick<BotDependencies, 'conversations' | 'clock'>;

/** A reference that has not changed is written again at most this often. */
const REFRESH_MS = 60 * 60 * 1000;
/**
 * Conversations remembered at once; the oldest is forgotten first (it only costs a rewrite).
 * Without a bound, every new chat anyone opens would stay in memory for the life of the process.
 */
export const RECENT_CONVERSATIONS_LIMIT = 10_000;

/**
 * Saves where the bot can write back later (prompts, digests). Called on install and on
 * every message; an unchanged reference is not rewritten within the hour, so a busy chat
 * costs one write an hour rather than one a message.
 */
export function createConversationRecorder(deps: RecorderDeps): (turn: Turn) => Promise<void> {
  const lastWritten = new Map<string, { readonly fingerprint: string; readonly at: number }>();

  return async (turn) => {
    const { activity } = turn.context;
    const { key, kind } = turn.conversation;
    const { email } = turn.sender;
    const aadObjectId = kind === 'personal' ? (activity.from.aadObjectId ?? null) : null;
    const reference = TurnContext.getConversationReference(activity);
    // A channel reply arrives on "<channel id>;messageid=<thread>"; proactive posts go to the channel.
    const conversationId = activity.conversation.id.split(';')[0] ?? activity.conversation.id;
    if (kind === 'channel' && reference.conversation) {
      reference.conversation = { ...reference.conversation, id: conversationId };
    }
    delete reference.activityId;
    // Only what Teams vouches for about the user; any other field on `from` is the client's.
    if (reference.user) {
      const { id, name, aadObjectId } = reference.user;
      reference.user = { id, name, ...(aadObjectId === undefined ? {} : { aadObjectId }) };
    }
    const tenantId = activity.conversation.tenantId ?? null;
    const fingerprint = JSON.stringify([reference, email, tenantId]);
    const now = deps.clock.now().getTime();
    const previous = lastWritten.get(key);
    if (previous?.fingerprint === fingerprint && now - previous.at < REFRESH_MS) return;

    await deps.conversations.save({
      key,
      kind,
      tenantId,
      aadObjectId,
      email: kind === 'personal' ? email : null,
      reference,
      updatedAt: new Date(now).toISOString(),
    });
    rememberAtMost(lastWritten, RECENT_CONVERSATIONS_LIMIT, key, { fingerprint, at: now });
  };
}
