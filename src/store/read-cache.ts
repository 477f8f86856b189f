import type { Store } from './store.js';

/** Default READ_CACHE_TTL_MS: how stale a write made by another instance may look here. */
export const DEFAULT_READ_CACHE_TTL_MS = 5_000;

export interface ReadCacheOptions {
  /**
   * How long a read is kept before storage is asked again. Writes made through this process
   * clear what they change at once; this only bounds how long another instance's writes go
   * unseen. 0 turns the cache off.
   */
  readonly ttlMs: number;
  /** Real time in production: a test's fixed clock must not keep other writers' data stale. */
  readonly clock: { now(): Date };
}

/**
 * READ_CACHE_TTL_MS as milliseconds (default {@link DEFAULT_READ_CACHE_TTL_MS}); a value
 * that is not a whole number of zero or more is refused, naming the setting.
 */
export function readCacheTtlFrom(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env['READ_CACHE_TTL_MS']?.trim();
  if (raw === undefined || raw === '') return DEFAULT_READ_CACHE_TTL_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `READ_CACHE_TTL_MS is "${raw}": set it to a whole number of milliseconds (0 turns the read cache off; default ${DEFAULT_READ_CACHE_TTL_MS}).`,
    );
  }
  return value;
}

/** Enough for every person and chat of a large programme to be answered from memory. */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly value: Promise<unknown>;
  readonly expires: number;
}

/** Memoised reads by key, dropped whole on any local write to what they came from. */
function createShelf(options: ReadCacheOptions) {
  const entries = new Map<string, Entry>();
  return {
    read<T>(key: string, load: () => Promise<T>): Promise<T> {
      const now = options.clock.now().getTime();
      const known = entries.get(key);
      if (known && known.expires > now) return known.value as Promise<T>;
      // Lists are frozen so a caller that sorts in place fails loudly instead of
      // quietly reordering what every later caller sees.
      const value = load().then((loaded) =>
        Array.isArray(loaded) ? Object.freeze(loaded) : loaded,
      );
      const entry = { value, expires: now + options.ttlMs };
      entries.delete(key);
      entries.set(key, entry);
      // Keys include people and chats, so the map is kept to a bound; oldest go first.
      for (const oldest of entries.keys()) {
        if (entries.size <= MAX_ENTRIES) break;
        entries.delete(oldest);
      }
      // A failed read is not remembered; the next caller asks storage again.
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    /** Drops every entry whose key starts with `prefix` (all of them for ''). */
    forget(prefix = ''): void {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}

const lower = (text: string): string => text.toLowerCase();

/**
 * The store with an in-process cache over the rarely changing reads a chat turn makes:
 * programmes, workstreams, roles, admins, chats' links to programmes and each workstream's action list. Every write made through
 * the returned store clears what it could have changed once it has been stored; writes by
 * other instances show after at most `ttlMs`. Single actions (`actions.get`), their history
 * and `roles.get` are always read from storage: the update form, the stale-card check and
 * who may update rely on them.
 */
export function withReadCache(store: Store, options: ReadCacheOptions): Store {
  if (options.ttlMs <= 0) return store;
  const shelf = createShelf(options);
  const afterWrite =
    (prefix: string) =>
    async <T>(write: Promise<T>): Promise<T> => {
      try {
        return await write;
      } finally {
        // Even a failed write may have reached storage (a timeout after the commit).
        shelf.forget(prefix);
      }
    };
  const everything = afterWrite('');
  const { programmes, workstreams, actions, roles, plans, links, admins, scheduleMarks } = store;
  const marksSeen = new Map<string, string>();
  return {
    ...store,
    scheduleMarks: {
      // A mark that moved means another instance changed the programme: what is kept here
      // may predate it, and the scheduler is about to plan from it.
      read: async (id) => {
        const mark = await scheduleMarks.read(id);
        if (marksSeen.get(lower(id)) !== mark) shelf.forget();
        marksSeen.set(lower(id), mark);
        return mark;
      },
      touch: (id) => scheduleMarks.touch(id),
    },
    programmes: {
      get: (id) => shelf.read(`plan|programme|${lower(id)}`, () => programmes.get(id)),
      list: () => shelf.read('plan|programmes', () => programmes.list()),
      save: (programme) => everything(programmes.save(programme)),
    },
    workstreams: {
      list: (id) => shelf.read(`plan|workstreams|${lower(id)}`, () => workstreams.list(id)),
      get: (id, code) =>
        shelf.read(`plan|workstream|${lower(id)}|${lower(code)}`, () => workstreams.get(id, code)),
    },
    actions: {
      listByWorkstream: (id, code) =>
        shelf.read(`actions|${lower(id)}|${lower(code)}`, () => actions.listByWorkstream(id, code)),
      recordUpdate: (update, etag) =>
        afterWrite(`actions|${lower(update.programmeId)}|`)(actions.recordUpdate(update, etag)),
      keepAgreedDue: (id, ref, agreed) =>
        afterWrite(`actions|${lower(id)}|`)(actions.keepAgreedDue(id, ref, agreed)),
      // Bound so a port written as a class keeps its `this`.
      listByProgramme: (id) => actions.listByProgramme(id),
      // The plan's references change only with an import, which clears everything.
      listRefs: (id) => shelf.read(`plan|refs|${lower(id)}`, () => actions.listRefs(id)),
      listByOwnerRoles: (id, owners) => actions.listByOwnerRoles(id, owners),
      get: (id, ref, aim) => actions.get(id, ref, aim),
      withHistory: (id, ref) => actions.withHistory(id, ref),
      history: (id, ref) => actions.history(id, ref),
      historyOfProgramme: (id) => actions.historyOfProgramme(id),
    },
    roles: {
      list: (id) => shelf.read(`roles|list|${lower(id)}`, () => roles.list(id)),
      rolesOf: (email) => shelf.read(`roles|of|${lower(email)}`, () => roles.rolesOf(email)),
      get: (id, code) => roles.get(id, code),
      save: (role) => afterWrite('roles|')(roles.save(role)),
    },
    admins: {
      // Read by every first message of a person, to know whether they are an admin.
      list: () => shelf.read('admins|list', () => admins.list()),
      get: (id) => admins.get(id),
      add: (admin) => afterWrite('admins|')(admins.add(admin)),
      remove: (id) => afterWrite('admins|')(admins.remove(id)),
    },
    plans: { replace: (plan, progress) => everything(plans.replace(plan, progress)) },
    links: {
      get: (key) => shelf.read(`links|${key}`, () => links.get(key)),
      save: (link) => afterWrite('links|')(links.save(link)),
      remove: (key) => afterWrite('links|')(links.remove(key)),
      listBoard: (id) => links.listBoard(id),
    },
  };
}
