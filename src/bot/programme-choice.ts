import type { TurnContext } from 'botbuilder';
import { createProgrammeResolution } from '../app/admin/programme-resolution.use-case.js';
import type { RenderedCard } from '../cards/render-template.js';
import { conversationOf } from './admin/admin-context.js';
import type { BotDependencies } from './bot-dependencies.js';
import { commandTextOf, parseCommand } from './message-text.js';
import { programmeChoiceCard } from './programme-choice-card.js';
import type { Sender } from './sender.js';

/**
 * For a command about one programme: null when it is clear which (a `wsoa:` prefix, a linked
 * chat, the only programme, or the one where the person has a role), else the card asking.
 * The choice is the programme resolution use case's; `resolveProgramme` then finds the same.
 */
export async function askWhichProgramme(
  turn: TurnContext,
  sender: Sender,
  deps: BotDependencies,
): Promise<RenderedCard | null> {
  const conversation = conversationOf(turn);
  const result = await createProgrammeResolution({
    programmes: deps.programmes,
    roles: deps.roles,
    links: deps.links ?? { get: () => Promise.resolve(null) },
  }).resolve({
    conversationKey: conversation.key,
    conversationKind: conversation.kind,
    email: sender.email,
    argument: parseCommand(commandTextOf(turn.activity)).args[0] ?? '',
  });
  if (result.ok || result.code === 'PROGRAMME_NOT_FOUND') return null;
  return programmeChoiceCard(turn, result.choices);
}
