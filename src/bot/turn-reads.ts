import type { Programme } from '../domain/programme.js';
import type { BotDependencies } from './bot-dependencies.js';

/**
 * The ports for one turn, with the programme list read at most once in it: choosing the
 * programme and then answering each asked for it, which cost a storage round trip each time.
 * A save or plan import in the turn makes the next ask read storage again.
 */
export function withTurnReads(deps: BotDependencies): BotDependencies {
  const { programmes, plans } = deps;
  let listed: Promise<Programme[]> | null = null;
  const thenForget = async <T>(write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      listed = null;
    }
  };
  return {
    ...deps,
    programmes: {
      get: (id) => programmes.get(id),
      list: () => (listed ??= programmes.list()),
      save: (programme) => thenForget(programmes.save(programme)),
    },
    ...(plans ? { plans: { replace: (plan) => thenForget(plans.replace(plan)) } } : {}),
  };
}
