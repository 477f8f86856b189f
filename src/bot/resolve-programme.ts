import type { TurnContext } from 'botbuilder';
import type { Programme } from '../domain/programme.js';
import type { BotDependencies } from './bot-dependencies.js';

/**
 * Which programme a conversation is about. For now, the one programme there is (or the
 * first by id when several exist); the place to teach the bot about several programmes,
 * for example by the channel a programme's board is linked to.
 */
export async function resolveProgramme(
  _turn: TurnContext,
  deps: Pick<BotDependencies, 'programmes'>,
): Promise<Programme | null> {
  const programmes = await deps.programmes.list();
  return [...programmes].sort((a, b) => a.id.localeCompare(b.id))[0] ?? null;
}
