import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_READ_CACHE_TTL_MS,
  readCacheTtlFrom,
  withReadCache,
} from '../../src/store/read-cache.js';
import { lookUpStatus } from '../../src/app/status.use-case.js';
import { renderActionListCard } from '../../src/cards/action-list.card.js';
import type { Programme } from '../../src/domain/programme.js';
import type { StatusUpdate } from '../../src/domain/status-update.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { seedSamplePlan } from '../app/seed-sample.js';

const TTL_MS = 5_000;

/** A clock the test moves by hand. */
function handClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

let storage: Store;
let programme: Programme;
let clock: ReturnType<typeof handClock>;
let cached: Store;

beforeEach(async () => {
  storage = createMemoryStore();
  programme = (await seedSamplePlan(storage)).programme;
  clock = handClock();
  cached = withReadCache(storage, { ttlMs: TTL_MS, clock });
});

async function ratingOf(store: Store, ref: string): Promise<string | undefined> {
  const listed = await store.actions.listByWorkstream(programme.id, ref.slice(0, 1));
  return listed.find((a) => a.value.ref === ref)?.value.current?.rating;
}

async function rate(store: Store, ref: string, rating: StatusUpdate['rating']): Promise<void> {
  const found = await store.actions.get(programme.id, ref);
  if (!found) throw new Error(`No action ${ref} in the sample plan`);
  const periodId = programme.periods.at(-1)?.id ?? 'P1';
  const result = await store.actions.recordUpdate(
    {
      id: `${ref}-${rating}-${clock.now().getTime()}`,
      programmeId: programme.id,
      ref,
      periodId,
      rating,
      note: rating === 'Red' ? 'Blocked by a supplier.' : '',
      evidence: null,
      proposedDue: null,
      rolledOver: false,
      by: 'chair@example.org',
      at: clock.now().toISOString(),
      source: 'card',
    },
    found.etag,
  );
  if (!result.ok) throw new Error(`Could not rate ${ref}: ${result.code}`);
}

describe('the read cache', () => {
  it('shows a rating recorded through this process in the next listing at once', async () => {
    await ratingOf(cached, 'C1');
    await rate(cached, 'C1', 'Red');
    expect(await ratingOf(cached, 'C1')).toBe('Red');
  });

  it("shows another instance's rating only once the time to live has passed", async () => {
    const before = await ratingOf(cached, 'C1');
    await rate(storage, 'C1', before === 'Red' ? 'Green' : 'Red');
    const after = before === 'Red' ? 'Green' : 'Red';
    clock.advance(TTL_MS - 1);
    expect(await ratingOf(cached, 'C1')).toBe(before);
    clock.advance(1);
    expect(await ratingOf(cached, 'C1')).toBe(after);
  });

  it('always reads a single action from storage, so its ETag is never stale', async () => {
    const first = await cached.actions.get(programme.id, 'C1');
    await rate(storage, 'C1', 'Amber');
    const second = await cached.actions.get(programme.id, 'C1');
    expect(second?.etag).not.toBe(first?.etag);
    expect(second?.value.current?.rating).toBe('Amber');
  });

  it('shows a role saved through this process at once', async () => {
    const [role] = await cached.roles.list(programme.id);
    if (!role) throw new Error('The sample plan has no roles');
    await cached.roles.rolesOf('new.lead@example.org');
    await cached.roles.save({ ...role, person: 'new.lead@example.org' });
    const held = await cached.roles.rolesOf('new.lead@example.org');
    expect(held.map((a) => a.role)).toContain(role.code);
    const listed = await cached.roles.list(programme.id);
    expect(listed.find((r) => r.code === role.code)?.person).toBe('new.lead@example.org');
  });

  it('shows a chat linked or unlinked through this process at once', async () => {
    const key = '19:board@thread.tacv2';
    expect(await cached.links.get(key)).toBeNull();
    const link = {
      conversationKey: key,
      programmeId: programme.id,
      board: true,
      linkedBy: 'chair@example.org',
      linkedAt: clock.now().toISOString(),
    };
    await cached.links.save(link);
    expect(await cached.links.get(key)).toEqual(link);
    await cached.links.remove(key);
    expect(await cached.links.get(key)).toBeNull();
  });

  it('shows a replaced plan and a renamed programme at once', async () => {
    const workstreams = await cached.workstreams.list(programme.id);
    await cached.programmes.list();
    await cached.programmes.save({ ...programme, name: 'Renamed programme' });
    expect((await cached.programmes.list()).map((p) => p.name)).toContain('Renamed programme');
    const plan = {
      programme,
      workstreams: workstreams.slice(0, 1),
      actions: [],
      roles: [],
      ratings: [],
    };
    await cached.plans.replace(plan);
    expect(await cached.workstreams.list(programme.id)).toHaveLength(1);
    expect(await cached.workstreams.get(programme.id, workstreams[1]?.code ?? 'B')).toBeNull();
  });

  it("renders a workstream's card once while it is cached, and again after a rating", async () => {
    const card = async () => {
      const found = await lookUpStatus(cached, programme, 'C', '2026-03-02');
      if (!found.ok || found.kind !== 'workstream') throw new Error('No workstream C');
      const { workstream, actions, counts } = found.value;
      return renderActionListCard({
        title: workstream.code,
        subtitle: workstream.name,
        counts,
        actions,
        empty: 'None.',
        hint: '',
      });
    };
    const first = await card();
    expect(await card()).toBe(first);
    await rate(cached, 'C1', 'Red');
    const after = await card();
    expect(after).not.toBe(first);
    expect(JSON.stringify(after.content)).toContain('Red');
    expect(JSON.stringify(after.content)).not.toEqual(JSON.stringify(first.content));
  });

  it('refuses to let a caller reorder a cached list in place', async () => {
    const listed = await cached.actions.listByWorkstream(programme.id, 'C');
    expect(() => listed.reverse()).toThrow(TypeError);
  });

  it('reads storage every time when its time to live is 0', async () => {
    const uncached = withReadCache(storage, { ttlMs: 0, clock });
    await ratingOf(uncached, 'C1');
    await rate(storage, 'C1', 'Blue');
    expect(await ratingOf(uncached, 'C1')).toBe('Blue');
  });
});

describe('READ_CACHE_TTL_MS', () => {
  it('defaults to a few seconds and accepts 0 to turn the cache off', () => {
    expect(readCacheTtlFrom({})).toBe(DEFAULT_READ_CACHE_TTL_MS);
    expect(readCacheTtlFrom({ READ_CACHE_TTL_MS: ' ' })).toBe(DEFAULT_READ_CACHE_TTL_MS);
    expect(readCacheTtlFrom({ READ_CACHE_TTL_MS: '0' })).toBe(0);
    expect(readCacheTtlFrom({ READ_CACHE_TTL_MS: '2500' })).toBe(2500);
  });

  it('names the setting when it is not a whole number of milliseconds', () => {
    expect(() => readCacheTtlFrom({ READ_CACHE_TTL_MS: '5s' })).toThrow(
      /READ_CACHE_TTL_MS is "5s"/,
    );
    expect(() => readCacheTtlFrom({ READ_CACHE_TTL_MS: '-1' })).toThrow(/whole number/);
  });
});
