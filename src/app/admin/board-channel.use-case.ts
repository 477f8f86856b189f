import { ok } from '../../domain/errors.js';
import type {
  ConversationRepository,
  StoredConversation,
} from '../../store/conversation.repository.js';
import type { ConversationLink } from '../../store/link.repository.js';
import type { ProgrammeRepository } from '../../store/programme.repository.js';
import type { AppInstaller } from '../ports/app-installer.js';
import type { Actor } from './actor.js';
import type { AdminDirectory } from './admin-directory.js';
import { parseChannelLink, type ChannelLinkProblem, type TeamChannel } from './channel-link.js';
import type { LinksUseCase } from './links.use-case.js';

/**
 * Where Teams reaches the admin's organisation: the Connector address and the bot's account
 * on the admin's own message. A team in the same organisation is reached the same way.
 */
export interface TenantEndpoint {
  readonly serviceUrl: string;
  readonly botId: string;
}

export interface BoardChannelUseCaseOptions {
  readonly directory: AdminDirectory;
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly installer: Pick<AppInstaller, 'installInTeam'>;
  readonly conversations: Pick<ConversationRepository, 'get' | 'save'>;
  /** The conversation the bot posts a channel's digests to, until Teams names it itself. */
  readonly conversationOf: (channel: TeamChannel, endpoint: TenantEndpoint) => StoredConversation;
  /** Saving the link is `/link board`'s own rule (a board channel stays one). */
  readonly links: Pick<LinksUseCase, 'link'>;
}

export interface BoardChannelRequest {
  /** What the admin pasted after `/link board`. */
  readonly address: string;
  readonly programmeId: string;
  /** The admin's organisation, as Teams said on their message; null when it did not. */
  readonly tenantId: string | null;
  readonly endpoint: TenantEndpoint;
}

export type BoardChannelFailure =
  | { readonly code: 'NOT_ADMIN' }
  | { readonly code: 'PROGRAMME_NOT_FOUND' }
  | { readonly code: 'NOT_A_CHANNEL_LINK'; readonly problem: ChannelLinkProblem }
  | { readonly code: 'OTHER_TENANT'; readonly channel: TeamChannel }
  /** Graph answered 403: the app may not install itself in teams until an admin consents. */
  | { readonly code: 'INSTALL_NOT_PERMITTED'; readonly permission: string }
  | { readonly code: 'TEAM_NOT_FOUND'; readonly channel: TeamChannel }
  /** Proactive install is off (no Graph settings). */
  | { readonly code: 'INSTALL_OFF'; readonly detail: string }
  /** Graph throttled or was unavailable even after the pacer's retries. */
  | { readonly code: 'INSTALL_BUSY'; readonly detail: string }
  | { readonly code: 'INSTALL_REFUSED'; readonly detail: string };

export interface BoardChannelLinked {
  readonly link: ConversationLink;
  readonly channel: TeamChannel;
  /** False when Graph answered 409: the app was already in the team. */
  readonly installed: boolean;
}

export type BoardChannelResult =
  | { readonly ok: true; readonly value: BoardChannelLinked }
  | { readonly ok: false; readonly failure: BoardChannelFailure };

const fail = (failure: BoardChannelFailure) => ({ ok: false as const, failure });

/**
 * `/link board <channel link>`: an admin names a channel from anywhere, even one in a team the
 * app is not in. Teams tells a bot only about teams it is in, so the app installs itself in
 * the team through Graph first; then the channel is linked and the bot can post there.
 */
export function createBoardChannelUseCase(options: BoardChannelUseCaseOptions) {
  const { directory, programmes, installer, conversations, links } = options;
  return {
    async linkByAddress(actor: Actor, request: BoardChannelRequest): Promise<BoardChannelResult> {
      if (!(await directory.isAdmin(actor))) return fail({ code: 'NOT_ADMIN' });
      const parsed = parseChannelLink(request.address);
      if (!parsed.ok) return fail({ code: 'NOT_A_CHANNEL_LINK', problem: parsed.problem });
      const { channel } = parsed;
      // Never install the app in, or post to, another organisation's team.
      if (request.tenantId?.toLowerCase() !== channel.tenantId) {
        return fail({ code: 'OTHER_TENANT', channel });
      }
      if (!(await programmes.get(request.programmeId))) {
        return fail({ code: 'PROGRAMME_NOT_FOUND' });
      }
      const install = await installer.installInTeam(channel.teamId);
      if (!install.ok) {
        const { failure } = install;
        switch (failure.kind) {
          case 'no-permission':
            return fail({ code: 'INSTALL_NOT_PERMITTED', permission: failure.permission });
          case 'not-found':
            return fail({ code: 'TEAM_NOT_FOUND', channel });
          case 'not-configured':
            return fail({ code: 'INSTALL_OFF', detail: failure.message });
          case 'transient':
            return fail({ code: 'INSTALL_BUSY', detail: failure.message });
          case 'refused':
            return fail({ code: 'INSTALL_REFUSED', detail: failure.message });
        }
      }
      // What Teams said about the channel (a message there, its install event) beats a guess.
      if (!(await conversations.get(channel.channelId))) {
        await conversations.save(options.conversationOf(channel, request.endpoint));
      }
      const linked = await links.link(actor, {
        conversationKey: channel.channelId,
        conversationKind: 'channel',
        programmeId: request.programmeId,
        board: true,
      });
      if (!linked.ok) {
        return fail({ code: linked.code === 'NOT_ADMIN' ? 'NOT_ADMIN' : 'PROGRAMME_NOT_FOUND' });
      }
      return ok({ link: linked.value, channel, installed: !install.alreadyInstalled });
    },
  };
}

export type BoardChannelUseCase = ReturnType<typeof createBoardChannelUseCase>;
