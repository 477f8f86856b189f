import type { TurnContext } from 'botbuilder';
import { createProgrammeResolution } from '../app/admin/programme-resolution.use-case.js';
import type { Programme } from '../domain/programme.js';
import { conversationOf } from './admin/admin-context.js';
import type { BotDependencies } from './bot-dependencies.js';

/**
 * Which programme a conversation is about: the programme a chat or channel is linked to
 * (/link); in personal chat, the one where the person holds a role; else the one programme
 * there is (or the first by id when several exist). The
 * full choice, with `wsoa:EHC` prefixes and a person's roles, is the programme resolution
 * use case (src/app/admin/programme-resolution.use-case.ts).
 */
export async function resolveProgramme(
  turn: TurnContext,
  deps: Pick<BotDependencies, 'programmes'> &
    Partial<Pick<BotDependencies, 'links' | 'roles' | 'people'>>,
): Promise<Programme | null> {
  const programmes = [...(await deps.programmes.list())].sort((a, b) => a.id.localeCompare(b.id));
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
