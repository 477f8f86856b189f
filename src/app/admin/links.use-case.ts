import { ok } from '../../domain/errors.js';
import type { ConversationLink, LinkRepository } from '../../store/link.repository.js';
import type { ProgrammeRepository } from '../../store/programme.repository.js';
import type { Clock } from '../clock.js';
import { actorLabel, type Actor } from './actor.js';
import type { AdminDirectory } from './admin-directory.js';
import { fail, type AdminResult } from './admin-result.js';

export interface LinksUseCaseOptions {
  readonly directory: AdminDirectory;
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly links: Pick<LinkRepository, 'get' | 'save' | 'remove'>;
  readonly clock: Clock;
}

export interface LinkRequest {
  readonly conversationKey: string;
  readonly conversationKind: 'personal' | 'groupChat' | 'channel';
  readonly programmeId: string;
  /** True for `/link board`: this conversation receives the programme's digests. */
  readonly board: boolean;
}

/** `/link` and `/unlink`: which programme a chat or channel belongs to, and the board channel. */
export function createLinksUseCase(options: LinksUseCaseOptions) {
  const { directory, programmes, links, clock } = options;
  return {
    async link(actor: Actor, request: LinkRequest): Promise<AdminResult<ConversationLink>> {
      if (!(await directory.isAdmin(actor))) return fail('NOT_ADMIN');
      // A personal chat already follows its person's roles; a board digest there reaches one.
      if (request.conversationKind === 'personal') return fail('PERSONAL_CHAT');
      const programme = await programmes.get(request.programmeId);
      if (!programme) return fail('PROGRAMME_NOT_FOUND');
      const existing = await links.get(request.conversationKey);
      const sameProgramme = existing?.programmeId === programme.id;
      const link: ConversationLink = {
        conversationKey: request.conversationKey,
        programmeId: programme.id,
        // Linking a board channel to its programme again keeps it a board channel.
        board: request.board || (sameProgramme && existing.board),
        linkedBy: actorLabel(actor),
        linkedAt: clock.now().toISOString(),
      };
      await links.save(link);
      return ok(link);
    },

    /**
     * `/unlink board` stops the digests but keeps the conversation on its programme;
     * `/unlink` forgets the link altogether.
     */
    async unlink(
      actor: Actor,
      conversationKey: string,
      board: boolean,
    ): Promise<AdminResult<ConversationLink>> {
      if (!(await directory.isAdmin(actor))) return fail('NOT_ADMIN');
      const existing = await links.get(conversationKey);
      if (!existing || (board && !existing.board)) return fail('NOT_LINKED');
      if (board) {
        const link = { ...existing, board: false };
        await links.save(link);
        return ok(link);
      }
      await links.remove(conversationKey);
      return ok(existing);
    },
  };
}

export type LinksUseCase = ReturnType<typeof createLinksUseCase>;
