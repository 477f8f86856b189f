import type { Logger } from '../app/logger.js';
import type { AppInstaller, InstallFailure, PersonalChat } from '../app/ports/app-installer.js';
import type { UnreachableReason } from '../domain/people.js';
import type {
  ConversationRepository,
  StoredConversation,
} from '../store/conversation.repository.js';

/** How reaching a person with no chat with the bot came out. */
export type ReachResult =
  | {
      readonly ok: true;
      readonly conversation: StoredConversation;
      /** False when Graph said the app was already installed (409). */
      readonly installed: boolean;
    }
  | {
      /** Cannot be reached now: recorded for `/unreachable`, not retried. */
      readonly ok: false;
      readonly kind: 'unreachable';
      readonly reason: UnreachableReason;
      readonly detail: string;
      /** The Graph permission an admin must grant first, when that is what is missing. */
      readonly permission: string | null;
    }
  | {
      /** Graph throttled or failed: the outbox tries again later. */
      readonly ok: false;
      readonly kind: 'retry';
      readonly retryAfterMs: number | null;
      readonly detail: string;
    }
  | {
      /** Graph refused for good (a setting is wrong): the message fails with the reason. */
      readonly ok: false;
      readonly kind: 'failed';
      readonly detail: string;
    };

export interface PersonReachPorts {
  readonly conversations: Pick<ConversationRepository, 'save'>;
  readonly installer: AppInstaller;
  /** Turns the chat Graph found into a conversation the transport can write to. */
  readonly conversationOf: (chat: PersonalChat) => StoredConversation;
  readonly logger: Logger;
}

export interface PersonReach {
  /**
   * Installs the app for the person (`who`: email or Entra object id), finds their chat with
   * the bot and saves it. 409 (already installed) is success.
   */
  reach(who: string): Promise<ReachResult>;
}

function unreachable(
  reason: UnreachableReason,
  detail: string,
  permission: string | null = null,
): ReachResult {
  return { ok: false, kind: 'unreachable', reason, detail, permission };
}

/**
 * Reaching people who never opened the app: Teams lets a bot write only where its app is
 * installed, so the service installs it through Graph first. Without the setting or the
 * permission it says so once in the log (naming the permission) and leaves the person
 * unreachable with the same words, as before proactive install existed.
 */
export function createPersonReach(ports: PersonReachPorts): PersonReach {
  const warned = new Set<string>();
  const warnOnce = (failure: InstallFailure & { kind: 'not-configured' | 'no-permission' }) => {
    const key = failure.kind === 'no-permission' ? failure.permission : failure.message;
    if (warned.has(key)) return;
    warned.add(key);
    ports.logger.warn(
      failure.kind === 'no-permission'
        ? `Proactive install is refused: grant the Microsoft Graph application permission ${failure.permission} and give admin consent (docs/deploy.md, step 7). Until then only people who opened the app can be reached.`
        : `${failure.message} Only people who opened the app can be reached.`,
      failure.kind === 'no-permission' ? { permission: failure.permission } : {},
    );
  };

  return {
    async reach(who) {
      const result = await ports.installer.installForPerson(who);
      if (result.ok) {
        const conversation = ports.conversationOf(result.chat);
        await ports.conversations.save(conversation);
        ports.logger.info(
          result.chat.alreadyInstalled
            ? 'Found the chat with someone who already had the app'
            : 'Installed the app for someone who had never opened it',
          { userId: result.chat.userId },
        );
        return { ok: true, conversation, installed: !result.chat.alreadyInstalled };
      }
      const { failure } = result;
      switch (failure.kind) {
        case 'not-configured':
        case 'no-permission':
          warnOnce(failure);
          return unreachable(
            'not-installed',
            failure.kind === 'no-permission'
              ? `They have not opened the app, and it cannot be installed for them until an admin grants ${failure.permission} (docs/deploy.md, step 7).`
              : `They have not opened the app. ${failure.message}`,
            failure.kind === 'no-permission' ? failure.permission : null,
          );
        case 'not-found':
          return unreachable(
            'not-installed',
            `Microsoft Graph does not know ${who}: check the email in the plan's Roles sheet. (${failure.message})`,
          );
        case 'transient':
          return {
            ok: false,
            kind: 'retry',
            retryAfterMs: failure.retryAfterMs,
            detail: failure.message,
          };
        case 'refused':
          ports.logger.error('Proactive install failed', {
            who,
            status: failure.status,
            detail: failure.message,
          });
          return { ok: false, kind: 'failed', detail: failure.message };
      }
    },
  };
}
