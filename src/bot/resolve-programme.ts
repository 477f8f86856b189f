import type { TurnContext } from 'botbuilder';
import { createProgrammeResolution } from '../app/admin/programme-resolution.use-case.js';
import type { Programme } from '../domain/programme.js';
import { conversationOf } from './admin/admin-context.js';
import { commandTextOf, parseCommand } from './message-text.js';
import type { BotDependencies } from './bot-dependencies.js';

/**
 * Which programme a conversation is about: the programme a chat or channel is linked to
 * (/link); in personal chat, the one where the person holds a role; else the one programme
 * there is. A `wsoa:` prefix on the first word names it outright. The choice is the
 * programme resolution use case's (src/app/admin/programme-resolution.use-case.ts); when it
 * cannot decide, the router has already asked for a command marked `programmeScoped`
 * (programme-choice.ts), so the first by id is only a fallback for card buttons and hints.
 */
export async function resolveProgramme(
  turn: TurnContext,
  deps: Pick<BotDependencies, 'programmes'> &
    Partial<Pick<BotDependencies, 'links' | 'roles' | 'people'>>,
): Promise<Programme | null> {
  const programmes = [...(await deps.programmes.list())].sort((a, b) => a.id.localeCompare(b.id));
  const typed =
    turn.activity.type === 'message' ? parseCommand(commandTextOf(turn.activity)) : null;
  const named = splitProgrammePrefix(typed?.args[0], programmes);
  if (named) return named.programme;
  if (programmes.length > 1) {
    const conversation = conversationOf(turn);
    const aadObjectId = turn.activity.from.aadObjectId;
    // In personal chat the person's roles decide; the sender lookup has saved who they are.
    const person =
      conversation.kind === 'personal' && aadObjectId && deps.people
        ? await deps.people.getByAadObjectId(aadObjectId)
        : null;
    const resolved = await createProgrammeResolution({
      programmes: { list: () => Promise.resolve(programmes) },
      links: deps.links ?? { get: () => Promise.resolve(null) },
      roles: deps.roles ?? { rolesOf: () => Promise.resolve([]) },
    }).resolve({
      conversationKey: conversation.key,
      conversationKind: conversation.kind,
      email: person?.email ?? null,
      argument: '',
    });
    const linked = resolved.ok ? programmes.find((p) => p.id === resolved.programmeId) : undefined;
    if (linked) return linked;
  }
  return programmes[0] ?? null;
}

const PREFIX = /^([a-z0-9][a-z0-9_-]*):(.*)$/i;

/**
 * `wsoa:EHC` names the programme before the argument, when `wsoa` is one; the router passes
 * the command `EHC` and `resolveProgramme` answers `wsoa`.
 */
export function splitProgrammePrefix<P extends { readonly id: string }>(
  word: string | undefined,
  programmes: readonly P[],
): { readonly programme: P; readonly rest: string } | null {
  const match = word === undefined ? null : PREFIX.exec(word);
  const id = match?.[1]?.toLowerCase();
  const programme = programmes.find((p) => p.id.toLowerCase() === id);
  return programme ? { programme, rest: match?.[2] ?? '' } : null;
}

/** The command's words without a leading programme prefix (`wsoa:EHC` → `EHC`). */
export async function withoutProgrammePrefix(
  args: readonly string[],
  deps: Pick<BotDependencies, 'programmes'>,
): Promise<readonly string[]> {
  const [first, ...rest] = args;
  if (first === undefined || !first.includes(':')) return args;
  const named = splitProgrammePrefix(first, await deps.programmes.list());
  if (!named) return args;
  return named.rest === '' ? rest : [named.rest, ...rest];
}
