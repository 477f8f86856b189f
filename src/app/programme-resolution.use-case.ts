import type { Programme } from '../domain/programme.js';
import type { LinkRepository } from '../store/link.repository.js';
import type { ProgrammeRepository } from '../store/programme.repository.js';
import type { RoleAssignment } from '../store/role.repository.js';
import { rememberAtMost } from './bounded-memory.js';
import type { Membership, ReadRule } from './read-rule.js';

/** How the programme was found: see {@link createProgrammeResolution}. */
export type Via = 'prefix' | 'link' | 'only-programme' | 'roles';

export interface ProgrammeChoice {
  readonly id: string;
  readonly name: string;
}

export interface ResolveRequest {
  readonly conversationKey: string;
  readonly conversationKind: 'personal' | 'groupChat' | 'channel';
  /** The sender's email, when known: in personal chat their roles decide. */
  readonly email: string | null;
  /** Admins read every programme; others only those they are in (see {@link ReadRule}). */
  readonly isAdmin: boolean;
  /** The command's argument, which may start with a programme id: `wsoa:EHC`. */
  readonly argument: string;
}

export type ProgrammeResolution =
  | {
      readonly ok: true;
      readonly programmeId: string;
      /** The argument without its programme prefix. */
      readonly argument: string;
      readonly via: Via;
    }
  /** Several programmes fit: ask which, or suggest `<id>:` before the argument. */
  | {
      readonly ok: false;
      readonly code: 'PROGRAMME_CHOICE_NEEDED';
      readonly choices: readonly ProgrammeChoice[];
      readonly argument: string;
    }
  /** Nothing has been imported yet. */
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND' }
  | NotAMember;

/** The sender may not read the programme meant (null: none of the programmes there are). */
export interface NotAMember {
  readonly ok: false;
  readonly code: 'NOT_A_MEMBER';
  readonly programme: ProgrammeChoice | null;
}

export interface ProgrammeResolutionOptions {
  readonly programmes: Pick<ProgrammeRepository, 'list'>;
  readonly links: Pick<LinkRepository, 'get'>;
  readonly readRule: ReadRule;
}

/** The same choice as {@link ProgrammeResolution}, with the programme itself. */
export type ProgrammeAnswer =
  | {
      readonly ok: true;
      readonly programme: Programme;
      /** The argument without its programme prefix. */
      readonly argument: string;
      readonly via: Via;
      /**
       * The roles the sender holds or deputises for, in every programme: the ones the read
       * rule read to decide (read now only if it did not), so `/mine` does not ask again.
       */
      readonly senderRoles: () => Promise<readonly RoleAssignment[]>;
    }
  | {
      readonly ok: false;
      readonly code: 'PROGRAMME_CHOICE_NEEDED';
      readonly choices: readonly ProgrammeChoice[];
      readonly argument: string;
      /** The first programme by id: what a hint or an older card button falls back on. */
      readonly fallback: Programme;
    }
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND' }
  | NotAMember;

/** Chats whose last answer is remembered, as a guess for the next (a few hundred bytes each). */
const REMEMBERED_CHATS = 10_000;

const PREFIX = /^([a-z0-9][a-z0-9_-]*):\s*(.*)$/is;

const choiceOf = ({ id, name }: Programme): ProgrammeChoice => ({ id, name });

/**
 * Which programme a command is about, in this order: a `wsoa:` prefix; the programme the
 * chat or channel is linked to; the only programme there is; in personal chat, the one
 * programme where the sender holds or deputises for a role. Otherwise the choices. Then the
 * read rule: a linked chat reads its programme; otherwise the sender must be in it or an
 * admin, and is offered only the programmes they may read.
 */
export function createProgrammeResolution(options: ProgrammeResolutionOptions) {
  // What each chat chose last: a guess that lets a command start its first read alongside the
  // resolution, and spares a linked chat the sender's roles. Only a guess: every answer is
  // worked out afresh from storage.
  const lastChosen = new Map<string, { readonly programmeId: string; readonly via: Via }>();

  async function choose(request: ResolveRequest): Promise<ProgrammeAnswer> {
    const answer = await chooseAfresh(request);
    if (answer.ok) {
      const { programme, via } = answer;
      rememberAtMost(lastChosen, REMEMBERED_CHATS, request.conversationKey, {
        programmeId: programme.id,
        via,
      });
    }
    return answer;
  }

  async function chooseAfresh(request: ResolveRequest): Promise<ProgrammeAnswer> {
    // The chat's link is read alongside the list, not after it: one round trip, not two.
    // A personal chat is never linked (it follows its person's roles), so it is not asked.
    const readByLink = lastChosen.get(request.conversationKey)?.via === 'link';
    const membership = options.readRule.membership(request, !readByLink);
    const [all, link] = await Promise.all([
      options.programmes.list(),
      request.conversationKind === 'personal'
        ? Promise.resolve(null)
        : options.links.get(request.conversationKey),
    ]);
    if (all.length === 0) return { ok: false, code: 'PROGRAMME_NOT_FOUND' };
    const byId = (id: string): Programme | undefined =>
      all.find((programme) => programme.id.toLowerCase() === id.toLowerCase());
    const argument = request.argument.trim();
    const linked = link ? byId(link.programmeId) : undefined;

    const prefix = PREFIX.exec(argument);
    const named = prefix ? byId(prefix[1] ?? '') : undefined;
    if (named) {
      const rest = (prefix?.[2] ?? '').trim();
      return named === linked || (await membership.mayRead(named.id))
        ? {
            ok: true,
            programme: named,
            argument: rest,
            via: 'prefix',
            senderRoles: membership.held,
          }
        : notAMember(named);
    }
    if (linked) {
      return { ok: true, programme: linked, argument, via: 'link', senderRoles: membership.held };
    }
    const [only] = all;
    if (all.length === 1 && only) {
      return (await membership.mayRead(only.id))
        ? {
            ok: true,
            programme: only,
            argument,
            via: 'only-programme',
            senderRoles: membership.held,
          }
        : notAMember(only);
    }
    return chooseAmong(all, membership, request.conversationKind === 'personal', argument);
  }

  return {
    choose,
    /** The programme this chat chose last time (in this process), or null: a guess only. */
    lastChosen(conversationKey: string): string | null {
      return lastChosen.get(conversationKey)?.programmeId ?? null;
    },
    async resolve(request: ResolveRequest): Promise<ProgrammeResolution> {
      const answer = await choose(request);
      if (answer.ok) {
        const { programme, argument, via } = answer;
        return { ok: true, programmeId: programme.id, argument, via };
      }
      if (answer.code === 'PROGRAMME_NOT_FOUND' || answer.code === 'NOT_A_MEMBER') return answer;
      const { code, choices, argument } = answer;
      return { ok: false, code, choices, argument };
    },
  };
}

export type ProgrammeResolutionUseCase = ReturnType<typeof createProgrammeResolution>;

function notAMember(programme: Programme | null): NotAMember {
  return { ok: false, code: 'NOT_A_MEMBER', programme: programme ? choiceOf(programme) : null };
}

/**
 * Among several programmes: the only one the sender holds a role in is taken (for an admin,
 * who reads them all, only in personal chat); otherwise they choose among those they may read.
 */
async function chooseAmong(
  all: readonly Programme[],
  membership: Membership,
  personal: boolean,
  argument: string,
): Promise<ProgrammeAnswer> {
  const sorted = [...all].sort((a, b) => a.id.localeCompare(b.id));
  const memberOf = personal || !membership.readsAll ? await membership.memberOf() : new Set();
  const mine = sorted.filter((programme) => memberOf.has(programme.id.toLowerCase()));
  const [one] = mine;
  // Someone who reads one programme only means that one, in a chat as much as in personal.
  if ((personal || !membership.readsAll) && mine.length === 1 && one) {
    return { ok: true, programme: one, argument, via: 'roles', senderRoles: membership.held };
  }
  const choices = membership.readsAll ? sorted : mine;
  const [first] = choices;
  if (!first) return notAMember(null);
  return {
    ok: false,
    code: 'PROGRAMME_CHOICE_NEEDED',
    choices: choices.map(choiceOf),
    argument,
    fallback: first,
  };
}
