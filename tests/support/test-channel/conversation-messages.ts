/**
 * The messages the bot has posted, by conversation, as Teams keeps them: a message can be
 * replaced (`PUT …/activities/{id}`) only while it exists in its conversation; any other id
 * gets 404 `ActivityNotFoundInConversation` ("Message does not exist in the thread."), as
 * Teams answers an update with an unknown id
 * (https://github.com/microsoft/BotFramework-Services/issues/269).
 */
export class ConversationMessages {
  private readonly byConversation = new Map<string, Map<string, unknown>>();

  /** A channel thread is `<channel>;messageid=<root>`; its messages are the channel's. */
  private static keyOf(conversationId: string): string {
    return conversationId.split(';')[0] ?? conversationId;
  }

  keep(conversationId: string, activityId: string, activity: unknown): void {
    const key = ConversationMessages.keyOf(conversationId);
    let messages = this.byConversation.get(key);
    if (!messages) {
      messages = new Map();
      this.byConversation.set(key, messages);
    }
    messages.set(activityId, activity);
  }

  has(conversationId: string, activityId: string): boolean {
    return (
      this.byConversation.get(ConversationMessages.keyOf(conversationId))?.has(activityId) ?? false
    );
  }

  /** The message as people now see it: the last version posted or put, or undefined. */
  get(conversationId: string, activityId: string): unknown {
    return this.byConversation.get(ConversationMessages.keyOf(conversationId))?.get(activityId);
  }
}
