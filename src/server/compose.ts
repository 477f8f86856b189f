import { createDeliveryReportUseCase } from '../app/admin/delivery-report.use-case.js';
import type { AdminDirectory } from '../app/admin/admin-directory.js';
import { createAdminsUseCase } from '../app/admin/admins.use-case.js';
import { createBoardChannelUseCase } from '../app/admin/board-channel.use-case.js';
import { createCalendarUseCase } from '../app/admin/calendar.use-case.js';
import { createLinksUseCase } from '../app/admin/links.use-case.js';
import { createRolesUseCase } from '../app/admin/roles.use-case.js';
import { createAwayUseCase } from '../app/away/away.use-case.js';
import type { Clock } from '../app/clock.js';
import { createDigestUseCase } from '../app/digest/digest.use-case.js';
import { createReportLinks } from '../app/digest/report-link.js';
import { createExportUseCase } from '../app/export/export.use-case.js';
import { createImportUseCase } from '../app/import/import.use-case.js';
import type { SnapshotPorts } from '../app/digest/programme-snapshot.js';
import type { Logger } from '../app/logger.js';
import { createMeasureUseCase } from '../app/measures/measure.use-case.js';
import type { AppInstaller } from '../app/ports/app-installer.js';
import { createMineUseCase } from '../app/mine.use-case.js';
import { createOverdueUseCase } from '../app/overdue.use-case.js';
import { createProgrammeResolution } from '../app/programme-resolution.use-case.js';
import { createReadRule } from '../app/read-rule.js';
import { createPromptAnswers } from '../app/prompt/prompt-answers.use-case.js';
import { createStatusUseCase } from '../app/status.use-case.js';
import { createUpdateUseCase } from '../app/update.use-case.js';
import type { BotDependencies } from '../bot/bot-dependencies.js';
import { DEFAULT_FILE_HOSTS } from '../bot/outbound-policy.js';
import type { MessageBudget } from '../cards/message-budget.js';
import type { Store } from '../store/store.js';
import { composeGovernance, composeGovernanceAdmin } from './compose-governance.js';
import { channelConversationOf } from './installed-conversation.js';

/** What a programme snapshot is read from (digests, reports, board packs, imports). */
/** The store's repositories a programme snapshot reads. */
export type SnapshotStore = Pick<Store, keyof SnapshotPorts>;

export function snapshotPorts(store: SnapshotStore): SnapshotPorts {
  const { programmes, workstreams, actions, roles, measures } = store;
  const { revisions, stepTicks, signOffs, governance } = store;
  return {
    programmes,
    workstreams,
    actions,
    roles,
    measures,
    revisions,
    stepTicks,
    signOffs,
    governance,
  };
}

export interface ComposeBotOptions {
  readonly store: Store;
  /** Admins from ADMINS and from storage. */
  readonly adminDirectory: AdminDirectory;
  readonly clock: Clock;
  readonly logger: Logger;
  /** PUBLIC_BASE_URL: digests link the full report and the chart there; null locally. */
  readonly publicBaseUrl: string | null;
  /** Signs the digest's links (REPORT_LINK_SECRET, else the app password); null leaves them unsigned. */
  readonly reportLinkSecret: string | null;
  /** MESSAGE_BUDGET_KB: the most a reply may weigh, as Teams counts. */
  readonly messageBudget: MessageBudget;
  /** Installs the app in a team whose channel an admin links (Graph), or says why it cannot. */
  readonly installer: AppInstaller;
  /** FILE_HOSTS: where sent workbooks are fetched from and board packs uploaded to. */
  readonly fileHosts?: readonly string[];
  /**
   * Local use without sign-in: anyone may read any programme, as on the tab. Otherwise only
   * its members, admins and chats linked to it (see `app/read-rule.ts`).
   */
  readonly openToEveryone?: boolean;
}

/**
 * The composition root's half for the bot: each use case built once, with only the ports
 * it needs, handed to the bot instead of the ports.
 */
export function composeBot(options: ComposeBotOptions): BotDependencies {
  const { store, adminDirectory: directory, clock, logger } = options;
  const { programmes, workstreams, actions, roles, people, outbox, links } = store;
  const snapshot = snapshotPorts(store);
  const measures = createMeasureUseCase({ measures: store.measures, roles, clock });
  const linksUseCase = createLinksUseCase({ directory, programmes, links, clock });
  const reportLinks = createReportLinks({
    publicBaseUrl: options.publicBaseUrl,
    secret: options.reportLinkSecret,
    clock,
  });
  return {
    status: createStatusUseCase({
      workstreams,
      actions,
      summaries: store.summaries,
      actionGovernance: store.actionGovernance,
    }),
    mine: createMineUseCase({ roles, actions }),
    overdue: createOverdueUseCase({ actions }),
    update: createUpdateUseCase({ actions, roles, programmes }),
    away: createAwayUseCase({ people, roles, scheduleMarks: store.scheduleMarks }),
    digest: createDigestUseCase({
      ...snapshot,
      people,
      clock,
      publicBaseUrl: options.publicBaseUrl,
      reportLinkSecret: options.reportLinkSecret,
    }),
    exports: createExportUseCase({ ...snapshot, clock }),
    imports: createImportUseCase({
      ...snapshot,
      plans: store.plans,
      governance: store.governance,
      directory,
    }),
    promptAnswers: createPromptAnswers({
      programmes,
      workstreams,
      actions,
      roles,
      people,
      outbox,
      stepTicks: store.stepTicks,
      measures,
      clock,
    }),
    roles: createRolesUseCase({ directory, programmes, roles }),
    links: linksUseCase,
    boardChannel: createBoardChannelUseCase({
      directory,
      programmes,
      installer: options.installer,
      conversations: store.conversations,
      conversationOf: (channel, endpoint) => channelConversationOf(channel, endpoint, clock.now()),
      links: linksUseCase,
    }),
    admins: createAdminsUseCase({ directory, admins: store.admins, clock }),
    calendar: createCalendarUseCase({ directory, programmes, clock }),
    governanceAdmin: composeGovernanceAdmin(store, directory),
    deliveryReport: createDeliveryReportUseCase({ people, outbox }),
    resolution: createProgrammeResolution({
      programmes,
      links,
      readRule: createReadRule({ roles, openToEveryone: options.openToEveryone ?? false }),
    }),
    measures,
    ...composeGovernance(store, clock),
    programmes,
    adminDirectory: directory,
    people,
    conversations: store.conversations,
    pendingImports: store.pendingImports,
    clock,
    logger,
    messageBudget: options.messageBudget,
    reportUrlFor: (programmeId, periodId) => reportLinks.urlFor(programmeId, periodId),
    fileHosts: options.fileHosts ?? DEFAULT_FILE_HOSTS,
  };
}
