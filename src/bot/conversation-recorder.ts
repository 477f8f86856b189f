import { TurnContext } from 'botbuilder';
import { rememberAtMost } from '../app/bounded-memory.js';
import type { StoredConversation } from '../store/conversation.repository.js';
import type { BotDependencies } from './bot-dependencies.js';
import { conversationOfActivity, type Turn, type TurnConversation } from './turn.js';

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
export interface ConversationRecorder {
  /** Saves the turn's conversation, unless this process wrote it unchanged within the hour. */
  record(turn: Turn): Promise<void>;
  /**
   * The personal chat this activity came in, as `record` would save it for someone of this
   * email, so a person met for the first time is stored with it in one write; null when the
   * activity is not in a personal chat.
   */
  personalChatOf(context: TurnContext, email: string): StoredConversation | null;
  /** Notes a chat stored with its person, so the turn's `record` does not write it again. */
  stored(conversation: StoredConversation): void;
}

/** The conversation an activity came in, as it is stored. */
function toStore(
  context: TurnContext,
  { key, kind }: TurnConversation,
  email: string | null,
  now: number,
): StoredConversation {
  const { activity } = context;
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
  return {
    key,
    kind,
    tenantId: activity.conversation.tenantId ?? null,
    aadObjectId: kind === 'personal' ? (activity.from.aadObjectId ?? null) : null,
    email: kind === 'personal' ? email : null,
    reference,
    updatedAt: new Date(now).toISOString(),
  };
}

/** What a rewrite would change: everything stored but when it was last seen. */
const fingerprintOf = (conversation: StoredConversation): string =>
  JSON.stringify([conversation.reference, conversation.email, conversation.tenantId]);

export function createConversationRecorder(deps: RecorderDeps): ConversationRecorder {
  const lastWritten = new Map<string, { readonly fingerprint: string; readonly at: number }>();
  const remember = (conversation: StoredConversation, at: number) =>
    rememberAtMost(lastWritten, RECENT_CONVERSATIONS_LIMIT, conversation.key, {
      fingerprint: fingerprintOf(conversation),
      at,
    });

  return {
    async record(turn) {
      const now = deps.clock.now().getTime();
      const conversation = toStore(turn.context, turn.conversation, turn.sender.email, now);
      const previous = lastWritten.get(conversation.key);
      if (previous?.fingerprint === fingerprintOf(conversation) && now - previous.at < REFRESH_MS) {
        return;
      }
      await deps.conversations.save(conversation);
      remember(conversation, now);
    },
    personalChatOf(context, email) {
      const conversation = conversationOfActivity(context);
      if (conversation.kind !== 'personal') return null;
      return toStore(context, conversation, email, deps.clock.now().getTime());
    },
    stored(conversation) {
      remember(conversation, Date.parse(conversation.updatedAt));
    },
  };
}
