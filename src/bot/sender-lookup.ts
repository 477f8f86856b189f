import { TeamsInfo, type TurnContext } from 'botbuilder';
import { rememberAtMost } from '../app/bounded-memory.js';
import { normaliseEmail } from '../domain/people.js';
import type { Person } from '../domain/people.js';
import type { BotDependencies } from './bot-dependencies.js';
import type { ConversationRecorder } from './conversation-recorder.js';
import type { Sender } from './sender.js';

type LookupDeps = Pick<BotDependencies, 'people' | 'logger' | 'adminDirectory' | 'clock'>;

type Identity = Omit<Sender, 'isAdmin'>;

/** Enough entries for every member of a large programme; older ones are dropped first. */
const CACHE_LIMIT = 5_000;
/**
 * How long "not an admin" is kept for a sender before it is asked again, unless admins are
 * added or removed through this process first. "An admin" is never kept here: it is asked on
 * every turn (the read cache keeps the list for READ_CACHE_TTL_MS), so a removed admin loses
 * their rights as soon as the list they are read from has them gone.
 */
const NOT_ADMIN_TTL_MS = 60_000;

function bounded<V>(map: Map<string, V>, key: string, value: V): V {
  rememberAtMost(map, CACHE_LIMIT, key, value);
  return value;
}

/**
 * Learns who is talking: the email behind a Teams user, asked of Teams only on first
 * contact (then remembered in the person store and in this process). A first contact costs
 * one read (the object id's index, which finds no one) and one transaction: the person row,
 * added only if no one has the email, with their personal chat when they wrote in one (`chats`
 * builds it and hears it was stored), and the index.
 */
export function createSenderLookup(
  deps: LookupDeps,
  chats: Pick<ConversationRecorder, 'personalChatOf' | 'stored'>,
): (turn: TurnContext) => Promise<Sender> {
  const configuredAdmins = new Set(deps.adminDirectory.configured.map(normaliseEmail));
  const identities = new Map<string, Identity>();
  const notAdmins = new Map<string, { readonly at: number; readonly changes: number }>();

  async function isAdmin(key: string, identity: Identity): Promise<boolean> {
    if (identity.email !== null && configuredAdmins.has(identity.email)) return true;
    const now = deps.clock.now().getTime();
    const changes = deps.adminDirectory.changes();
    const known = notAdmins.get(key);
    if (known && known.changes === changes && now - known.at < NOT_ADMIN_TTL_MS) return false;
    const answer = await deps.adminDirectory.isAdmin({
      kind: 'person',
      email: identity.email,
      aadObjectId: identity.aadObjectId,
    });
    if (answer) notAdmins.delete(key);
    else bounded(notAdmins, key, { at: now, changes });
    return answer;
  }

  /**
   * Who the sender is, from what Teams vouches for only: the Entra object id on the activity,
   * and the email Teams' member API gives for that member (or the person store, by object
   * id). `from.email` and `from.userPrincipalName` are never read: a client can write them.
   */
  async function identify(turn: TurnContext, key: string): Promise<Identity> {
    const from = turn.activity.from as typeof turn.activity.from | undefined;
    const aadObjectId = from?.aadObjectId ?? null;
    if (aadObjectId) {
      const stored = await deps.people.getByAadObjectId(aadObjectId);
      if (stored) {
        return bounded(identities, key, {
          email: stored.email,
          name: stored.name,
          aadObjectId,
        });
      }
    }

    let email: string | null = null;
    let name = from?.name ?? null;
    if (from?.id) {
      try {
        const member = await TeamsInfo.getMember(turn, from.id);
        // The member must be the person the activity names, not merely someone with that id.
        if (aadObjectId === null || member.aadObjectId === aadObjectId) {
          email = member.email ?? member.userPrincipalName ?? null;
          name = member.name ?? name;
        }
      } catch (error) {
        // Not fatal: the person can still read status; only /mine and updates need an email.
        deps.logger.warn('Could not look up a Teams member', {
          userId: from.id,
          error: String(error),
        });
      }
    }
    if (!email || !aadObjectId) return { email: null, aadObjectId, name };

    const found = { email: normaliseEmail(email), name, aadObjectId };
    const chat = chats.personalChatOf(turn, found.email) ?? undefined;
    const existing = await deps.people.add({ ...found, awayUntil: null, unreachable: null }, chat);
    if (existing === null) {
      if (chat) chats.stored(chat);
      return bounded(identities, key, found);
    }
    if (existing.aadObjectId && existing.aadObjectId !== aadObjectId) {
      // An email bound to one person is never moved to another by a message: that would
      // hand them the first person's prompts and roles.
      deps.logger.warn('A Teams member has an email already bound to another object id', {
        aadObjectId,
        boundTo: existing.aadObjectId,
      });
      return bounded(identities, key, { email: null, aadObjectId, name });
    }
    // Known by email before they wrote (marked away, or unreachable): now bound to this member.
    const person: Person = {
      ...existing,
      name: name ?? existing.name,
      aadObjectId,
      unreachable: null,
    };
    await deps.people.save(person);
    return bounded(identities, key, {
      email: person.email,
      name: person.name,
      aadObjectId: person.aadObjectId,
    });
  }

  return async (turn) => {
    const from = turn.activity.from as typeof turn.activity.from | undefined;
    const key = from?.aadObjectId ?? from?.id ?? '';
    const identity = identities.get(key) ?? (await identify(turn, key));
    return { ...identity, isAdmin: await isAdmin(key, identity) };
  };
}
