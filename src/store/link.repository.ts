/**
 * Which programme a chat or channel belongs to, and whether it is that programme's board
 * channel (the one that receives digests). Keys are the conversation keys of
 * `StoredConversation`.
 */
export interface ConversationLink {
  readonly conversationKey: string;
  readonly programmeId: string;
  /** True when this conversation receives the programme's board digests. */
  readonly board: boolean;
  /** Who linked it. */
  readonly linkedBy: string;
  /** UTC ISO instant. */
  readonly linkedAt: string;
}

export interface LinkRepository {
  get(conversationKey: string): Promise<ConversationLink | null>;
  /** Insert or replace the link of one conversation. */
  save(link: ConversationLink): Promise<void>;
  /** Returns whether there was a link to remove. */
  remove(conversationKey: string): Promise<boolean>;
  /** The conversations that receive a programme's digests, by key. */
  listBoard(programmeId: string): Promise<ConversationLink[]>;
}
