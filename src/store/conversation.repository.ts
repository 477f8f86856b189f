/**
 * Where the bot can write to later (proactive messages). The reference itself is the
 * channel SDK's JSON, kept opaque here so the store never depends on botbuilder.
 */
export interface StoredConversation {
  /** `personal:<aadObjectId>` for a person's chat with the bot, else the conversation id. */
  readonly key: string;
  readonly kind: 'personal' | 'groupChat' | 'channel';
  readonly tenantId: string | null;
  /** For personal chats, who it is with. */
  readonly aadObjectId: string | null;
  readonly email: string | null;
  readonly reference: Readonly<Record<string, unknown>>;
  /** UTC ISO instant of the last activity seen. */
  readonly updatedAt: string;
}

export interface ConversationRepository {
  /** One row: a personal chat with someone known by email is kept by that email only. */
  save(conversation: StoredConversation): Promise<void>;
  /**
   * A group chat or channel by its key (or a personal chat with someone not known by email):
   * what digests and linked chats are sent to. Personal chats are found by email.
   */
  get(key: string): Promise<StoredConversation | null>;
  /** The personal chat with the person of this email, if they have installed the app. */
  getPersonalByEmail(email: string): Promise<StoredConversation | null>;
}
