import { TeamsInfo, type TurnContext } from 'botbuilder';
import { normaliseEmail } from '../domain/people.js';
import type { Person } from '../domain/people.js';
import type { BotDependencies } from './bot-dependencies.js';
import type { Sender } from './sender.js';

type LookupDeps = Pick<BotDependencies, 'people' | 'logger' | 'admins'>;

/** Enough entries for every member of a large programme; older ones are dropped first. */
const CACHE_LIMIT = 5_000;

/**
 * Learns who is talking: the email behind a Teams user, asked of Teams only on first
 * contact (then remembered in the person store and in this process).
 */
export function createSenderLookup(deps: LookupDeps): (turn: TurnContext) => Promise<Sender> {
  const admins = new Set(deps.admins.map(normaliseEmail));
  const known = new Map<string, Sender>();

  function senderFrom(person: Pick<Person, 'email' | 'name' | 'aadObjectId'>): Sender {
    return { ...person, isAdmin: admins.has(person.email) };
  }

  function remember(key: string, sender: Sender): Sender {
    if (known.size >= CACHE_LIMIT) {
      const oldest = known.keys().next().value;
      if (oldest !== undefined) known.delete(oldest);
    }
    known.set(key, sender);
    return sender;
  }

  return async (turn) => {
    const from = turn.activity.from as
      (typeof turn.activity.from & { userPrincipalName?: string; email?: string }) | undefined;
    const aadObjectId = from?.aadObjectId ?? null;
    const key = aadObjectId ?? from?.id ?? '';
    const cached = known.get(key);
    if (cached) return cached;

    if (aadObjectId) {
      const stored = await deps.people.getByAadObjectId(aadObjectId);
      if (stored) return remember(key, senderFrom(stored));
    }

    let email = from?.userPrincipalName ?? from?.email ?? null;
    let name = from?.name ?? null;
    if (!email && from?.id) {
      try {
        const member = await TeamsInfo.getMember(turn, from.id);
        email = member.email ?? member.userPrincipalName ?? null;
        name = member.name ?? name;
      } catch (error) {
        // Not fatal: the person can still read status; only /mine and updates need an email.
        deps.logger.warn('Could not look up a Teams member', {
          userId: from.id,
          error: String(error),
        });
      }
    }
    if (!email) return { email: null, aadObjectId, name, isAdmin: false };

    const normalised = normaliseEmail(email);
    const existing = await deps.people.get(normalised);
    const person: Person = {
      email: normalised,
      name: name ?? existing?.name ?? null,
      aadObjectId: aadObjectId ?? existing?.aadObjectId ?? null,
      awayUntil: existing?.awayUntil ?? null,
      unreachable: null,
    };
    await deps.people.save(person);
    return remember(key, senderFrom(person));
  };
}
