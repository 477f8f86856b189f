import type { Programme } from '../domain/programme.js';
import type { LinkRepository } from '../store/link.repository.js';
import type { ProgrammeRepository } from '../store/programme.repository.js';
import type { RoleRepository } from '../store/role.repository.js';

export interface ProgrammeChoice {
  readonly id: string;
  readonly name: string;
}

export interface ResolveRequest {
  readonly conversationKey: string;
  readonly conversationKind: 'personal' | 'groupChat' | 'channel';
  /** The sender's email, when known: in personal chat their roles decide. */
  readonly email: string | null;
  /** The command's argument, which may start with a programme id: `wsoa:EHC`. */
  readonly argument: string;
}

export type ProgrammeResolution =
  | {
      readonly ok: true;
      readonly programmeId: string;
      /** The argument without its programme prefix. */
      readonly argument: string;
      readonly via: 'prefix' | 'link' | 'only-programme' | 'roles';
    }
  /** Several programmes fit: ask which, or suggest `<id>:` before the argument. */
  | {
      readonly ok: false;
      readonly code: 'PROGRAMME_CHOICE_NEEDED';
      readonly choices: readonly ProgrammeChoice[];
      readonly argument: string;
    }
  /** Nothing has been imported yet. */
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND' };

export interface ProgrammeResolutionOptions {
  readonly programmes: Pick<ProgrammeRepository, 'list'>;
  readonly links: Pick<LinkRepository, 'get'>;
  readonly roles: Pick<RoleRepository, 'rolesOf'>;
}

/** The same choice as {@link ProgrammeResolution}, with the programme itself. */
export type ProgrammeAnswer =
  | {
      readonly ok: true;
      readonly programme: Programme;
      /** The argument without its programme prefix. */
      readonly argument: string;
      readonly via: 'prefix' | 'link' | 'only-programme' | 'roles';
    }
  | {
      readonly ok: false;
      readonly code: 'PROGRAMME_CHOICE_NEEDED';
      readonly choices: readonly ProgrammeChoice[];
      readonly argument: string;
      /** The first programme by id: what a hint or an older card button falls back on. */
      readonly fallback: Programme;
    }
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND' };

const PREFIX = /^([a-z0-9][a-z0-9_-]*):\s*(.*)$/is;

const choiceOf = ({ id, name }: Programme): ProgrammeChoice => ({ id, name });

/**
 * Which programme a command is about, in this order: a `wsoa:` prefix; the programme the
 * chat or channel is linked to; the only programme there is; in personal chat, the one
 * programme where the sender holds or deputises for a role. Otherwise the choices.
 */
export function createProgrammeResolution(options: ProgrammeResolutionOptions) {
  async function choose(request: ResolveRequest): Promise<ProgrammeAnswer> {
    // The chat's link is read alongside the list, not after it: one round trip, not two.
    const [all, link] = await Promise.all([
      options.programmes.list(),
      options.links.get(request.conversationKey),
    ]);
    const [fallback] = [...all].sort((a, b) => a.id.localeCompare(b.id));
    if (!fallback) return { ok: false, code: 'PROGRAMME_NOT_FOUND' };
    const byId = (id: string): Programme | undefined =>
      all.find((programme) => programme.id.toLowerCase() === id.toLowerCase());

    const prefix = PREFIX.exec(request.argument.trim());
    const named = prefix ? byId(prefix[1] ?? '') : undefined;
    if (named) {
      return { ok: true, programme: named, argument: (prefix?.[2] ?? '').trim(), via: 'prefix' };
    }
    const argument = request.argument.trim();
    const linked = link ? byId(link.programmeId) : undefined;
    if (linked) return { ok: true, programme: linked, argument, via: 'link' };
    const [only] = all;
    if (all.length === 1 && only) {
      return { ok: true, programme: only, argument, via: 'only-programme' };
    }
    const ask = (choices: readonly Programme[]): ProgrammeAnswer => ({
      ok: false,
      code: 'PROGRAMME_CHOICE_NEEDED',
      choices: choices.map(choiceOf),
      argument,
      fallback,
    });
    if (request.conversationKind === 'personal' && request.email) {
      const mine = new Set(
        (await options.roles.rolesOf(request.email)).map((a) => a.programmeId.toLowerCase()),
      );
      const choices = all.filter((programme) => mine.has(programme.id.toLowerCase()));
      const [one] = choices;
      if (choices.length === 1 && one) {
        return { ok: true, programme: one, argument, via: 'roles' };
      }
      if (choices.length > 1) return ask(choices);
    }
    return ask(all);
  }

  return {
    choose,
    async resolve(request: ResolveRequest): Promise<ProgrammeResolution> {
      const answer = await choose(request);
      if (answer.ok) {
        const { programme, argument, via } = answer;
        return { ok: true, programmeId: programme.id, argument, via };
      }
      if (answer.code === 'PROGRAMME_NOT_FOUND') return answer;
      const { code, choices, argument } = answer;
      return { ok: false, code, choices, argument };
    },
  };
}

export type ProgrammeResolutionUseCase = ReturnType<typeof createProgrammeResolution>;
