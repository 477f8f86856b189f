import type { AdminDirectory } from '../app/admin/admin-directory.js';
import type { Clock } from '../app/clock.js';
import type { Logger } from '../app/logger.js';
import type { ActionRepository } from '../store/action.repository.js';
import type { AdminRepository } from '../store/admin.repository.js';
import type { ConversationRepository } from '../store/conversation.repository.js';
import type { OutboxRepository } from '../store/outbox.repository.js';
import type { LinkRepository } from '../store/link.repository.js';
import type { PendingImportRepository } from '../store/pending-import.repository.js';
import type { PlanRepository } from '../store/plan.repository.js';
import type { ProgrammeRepository, WorkstreamRepository } from '../store/programme.repository.js';
import type { PersonRepository, RoleRepository } from '../store/role.repository.js';

/** What the bot needs from the rest of the system; passed once to `createBot`. */
export interface BotDependencies {
  readonly programmes: ProgrammeRepository;
  readonly workstreams: WorkstreamRepository;
  readonly actions: ActionRepository;
  readonly roles: RoleRepository;
  readonly people: PersonRepository;
  /** Where proactive messages can be sent later; saved on install and on every message. */
  readonly conversations: ConversationRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Emails (any case) of programme admins: they may update any action and run admin commands. */
  readonly admins: readonly string[];
  /** Admins added in storage as well as configured ones; without it only `admins` count. */
  readonly adminDirectory?: Pick<AdminDirectory, 'isAdmin'>;
  /** Plan imports (a workbook sent to the bot); without it the bot cannot import. */
  readonly plans?: PlanRepository;
  /** Imports previewed and waiting for Confirm; without it the bot cannot import either. */
  readonly pendingImports?: PendingImportRepository;
  /** Chats and channels linked to programmes (/link board); without it /link is unavailable. */
  readonly links?: LinkRepository;
  /** Admins added by other admins (/admins add); without it only configured admins exist. */
  readonly adminStore?: AdminRepository;
  /** This service's public address (PUBLIC_BASE_URL): digests link the full report there. */
  readonly publicBaseUrl?: string | undefined;
  /** Signs the digest's links to the full report (REPORT_LINK_SECRET, else the app password). */
  readonly reportLinkSecret?: string | undefined;
  /** Where "Chase" queues its reminders; without it the Chase button says it cannot chase. */
  readonly outbox?: OutboxRepository;
}
