import type { PeopleNamesReader } from '../app/people-names.js';
import type { AdminDirectory } from '../app/admin/admin-directory.js';
import type { AdminsUseCase } from '../app/admin/admins.use-case.js';
import type { DeliveryReportUseCase } from '../app/admin/delivery-report.use-case.js';
import type { BoardChannelUseCase } from '../app/admin/board-channel.use-case.js';
import type { CalendarUseCase } from '../app/admin/calendar.use-case.js';
import type { GovernanceUseCase } from '../app/admin/governance.use-case.js';
import type { LinksUseCase } from '../app/admin/links.use-case.js';
import type { RolesUseCase } from '../app/admin/roles.use-case.js';
import type { AwayUseCase } from '../app/away/away.use-case.js';
import type { Clock } from '../app/clock.js';
import type { RevisionUseCase } from '../app/governance/revision.use-case.js';
import type { SignOffUseCase } from '../app/governance/sign-off.use-case.js';
import type { StepsUseCase } from '../app/governance/steps.use-case.js';
import type { DigestUseCase } from '../app/digest/digest.use-case.js';
import type { ExportUseCase } from '../app/export/export.use-case.js';
import type { ImportUseCase } from '../app/import/import.use-case.js';
import type { Logger } from '../app/logger.js';
import type { MeasureUseCase } from '../app/measures/measure.use-case.js';
import type { MineUseCase } from '../app/mine.use-case.js';
import type { OverdueUseCase } from '../app/overdue.use-case.js';
import type { ProgrammeResolutionUseCase } from '../app/programme-resolution.use-case.js';
import type { PromptAnswersUseCase } from '../app/prompt/prompt-answers.use-case.js';
import type { StatusUseCase } from '../app/status.use-case.js';
import type { UpdateUseCase } from '../app/update.use-case.js';
import type { MessageBudget } from '../cards/message-budget.js';
import type { ConversationRepository } from '../store/conversation.repository.js';
import type { PendingImportRepository } from '../store/pending-import.repository.js';
import type { ProgrammeRepository } from '../store/programme.repository.js';
import type { PersonRepository } from '../store/role.repository.js';

/**
 * What the bot is given, once, by the composition root (src/server/compose.ts): a use case
 * for each thing a person can ask, and the few stores the bot keeps its own records in.
 * Every field is required: production always has them, so no handler checks for one.
 */
export interface BotDependencies {
  readonly status: StatusUseCase;
  readonly mine: MineUseCase;
  readonly overdue: OverdueUseCase;
  readonly update: UpdateUseCase;
  readonly away: AwayUseCase;
  readonly digest: DigestUseCase;
  readonly exports: ExportUseCase;
  readonly imports: ImportUseCase;
  /** "No change" and "Chase" on the prompt cards, and the prompt redrawn after an answer. */
  readonly promptAnswers: PromptAnswersUseCase;
  readonly roles: RolesUseCase;
  readonly links: LinksUseCase;
  /** `/link board <channel link>`: installs the app in the channel's team, then links it. */
  readonly boardChannel: BoardChannelUseCase;
  readonly admins: AdminsUseCase;
  readonly calendar: CalendarUseCase;
  /** `/governance`: who decides revised dates, and whether leads sign off. */
  readonly governanceAdmin: GovernanceUseCase;
  /** `/unreachable`: who cannot be reached and which messages failed for good, and why. */
  readonly deliveryReport: DeliveryReportUseCase;
  /** Later due dates: asked by owners, decided by the programme's deciders. */
  readonly revisions: RevisionUseCase;
  /** Steps ticked done. */
  readonly steps: StepsUseCase;
  /** Leads' sign-off of their workstreams before the board. */
  readonly signOff: SignOffUseCase;
  /** People by name and job title, for the cards that show who asked, decided or signed. */
  readonly names: PeopleNamesReader;
  /** Outcome measures: values given with /measure, and where a workstream's or action's stand. */
  readonly measures: MeasureUseCase;
  /** Which programme a turn is about (see turn.ts). */
  readonly resolution: ProgrammeResolutionUseCase;
  /** Programmes by id, for card buttons that name theirs and for naming an import. */
  readonly programmes: Pick<ProgrammeRepository, 'get' | 'list'>;
  /** Admins configured (ADMINS) and added in storage. */
  readonly adminDirectory: AdminDirectory;
  /** Who people are (email behind a Teams id) and who could not be reached. */
  readonly people: Pick<
    PersonRepository,
    'get' | 'getByAadObjectId' | 'save' | 'add' | 'listUnreachable'
  >;
  /** Where proactive messages can be sent later; saved on install and on every message. */
  readonly conversations: Pick<ConversationRepository, 'save'>;
  /** Imports previewed and waiting for Confirm. */
  readonly pendingImports: PendingImportRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The size budget every reply is measured against (MESSAGE_BUDGET_KB). */
  readonly messageBudget: MessageBudget;
  /** The full report's address for a period, where a list cut to fit points; null locally. */
  readonly reportUrlFor: (programmeId: string, periodId: string) => string | null;
  /** Hosts files may be fetched from and uploaded to (`FILE_HOSTS`; see outbound-policy.ts). */
  readonly fileHosts: readonly string[];
}
