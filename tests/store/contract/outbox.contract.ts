import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../src/store/outbox.repository.js';
import type { Store } from '../../../src/store/store.js';
import type { StoreFactory } from './fixtures.js';

function message(key: string, fields: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    key,
    programmeId: 'wsoa',
    periodId: 'Jan 2026',
    kind: 'prompt',
    recipient: 'ades@example.org',
    payload: { refs: ['A1', 'A2'] },
    state: 'planned',
    attempts: 0,
    lastError: null,
    notBefore: '2026-01-16T09:00:00.000Z',
    activityId: null,
    updatedAt: '2026-01-10T09:00:00.000Z',
    ...fields,
  };
}

export function outboxAndLeaseContract(createStore: StoreFactory): void {
  describe('outbox and leases', () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
    });

    it('adds a message once, however often the same key is planned', async () => {
      expect(await store.outbox.add(message('wsoa/Jan/prompt/ades'))).toBe(true);
      expect(await store.outbox.add(message('wsoa/Jan/prompt/ades', { kind: 'other' }))).toBe(
        false,
      );
      expect((await store.outbox.get('wsoa/Jan/prompt/ades'))?.value).toEqual(
        message('wsoa/Jan/prompt/ades'),
      );
    });

    it('lists pending messages whose time has come and updates them only at their ETag', async () => {
      await store.outbox.add(message('early'));
      await store.outbox.add(message('later', { notBefore: '2026-01-17T09:00:00.000Z' }));
      await store.outbox.add(message('done', { state: 'sent' }));
      const pending = await store.outbox.listPending(new Date('2026-01-16T12:00:00Z'), 10);
      expect(pending.map((p) => p.value.key)).toEqual(['early']);
      const first = pending[0];
      if (!first) throw new Error('nothing pending');
      const sent = await store.outbox.update({ ...first.value, state: 'sent' }, first.etag);
      expect(sent.ok).toBe(true);
      expect(await store.outbox.update({ ...first.value, state: 'failed' }, first.etag)).toEqual({
        ok: false,
      });
      expect((await store.outbox.listByState('sent', 10)).map((m) => m.key)).toEqual([
        'done',
        'early',
      ]);
    });

    it('hands out pending messages a page at a time, none twice and none left behind', async () => {
      const keys = Array.from(
        { length: 23 },
        (_, i) => `wsoa/Jan/prompt/p${String(i).padStart(2, '0')}`,
      );
      await Promise.all(keys.map((key) => store.outbox.add(message(key))));
      await store.outbox.add(message('wsoa/Jan/prompt/zz-sent', { state: 'sent' }));
      const seen: string[] = [];
      for (;;) {
        const page = await store.outbox.listPending(new Date('2026-01-16T12:00:00Z'), 10);
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(10);
        for (const entry of page) {
          seen.push(entry.value.key);
          await store.outbox.update({ ...entry.value, state: 'sent' }, entry.etag);
        }
      }
      expect(seen.sort()).toEqual(keys);
      expect(await store.outbox.listByState('sent', 5)).toHaveLength(5);
    });

    it('pages through pending messages from where the last page ended, and from the top again', async () => {
      const at = new Date('2026-01-16T12:00:00Z');
      const keys = Array.from({ length: 7 }, (_, i) => `wsoa|Jan 2026|prompt|p${i}@example.org`);
      await Promise.all(keys.map((key) => store.outbox.add(message(key))));
      await store.outbox.add(message('wsoa|Jan 2026|prompt|a-sent@example.org', { state: 'sent' }));
      const first = await store.outbox.pagePending(at, 3, 'wsoa', null);
      const second = await store.outbox.pagePending(at, 3, 'wsoa', first.next);
      const third = await store.outbox.pagePending(at, 3, 'wsoa', second.next);
      const pages = [first, second, third].map((page) => page.rows.map((e) => e.value.key));
      expect(pages.flat()).toEqual(keys);
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(third.next).toBeNull();
      // A message behind the pass (a retry falling due) is found by starting from the top.
      const top = await store.outbox.pagePending(at, 3, 'wsoa', null);
      expect(top.rows.map((e) => e.value.key)).toEqual(keys.slice(0, 3));
    });

    it('lists the pending messages of one programme messages alone when asked', async () => {
      await store.outbox.add(message('wsoa|Jan 2026|prompt|a@example.org'));
      await store.outbox.add(message('wsoa2|Jan 2026|prompt|a@example.org'));
      await store.outbox.add(message('ws|Jan 2026|prompt|a@example.org'));
      const at = new Date('2026-01-16T12:00:00Z');
      const keys = async (programmeId?: string) =>
        (await store.outbox.listPending(at, 10, programmeId)).map((e) => e.value.key).sort();
      expect(await keys('wsoa')).toEqual(['wsoa|Jan 2026|prompt|a@example.org']);
      expect(await keys('ws')).toEqual(['ws|Jan 2026|prompt|a@example.org']);
      expect(await keys()).toHaveLength(3);
    });

    it('lets only one of two owners hold a lease until it expires', async () => {
      const t0 = new Date('2026-01-16T09:00:00Z');
      const at = (ms: number) => new Date(t0.getTime() + ms);
      expect(await store.leases.acquire('scheduler', 'one', t0, 60_000)).toBe(true);
      expect(await store.leases.acquire('scheduler', 'two', at(1_000), 60_000)).toBe(false);
      expect(await store.leases.acquire('scheduler', 'one', at(30_000), 60_000)).toBe(true);
      expect(await store.leases.acquire('scheduler', 'two', at(80_000), 60_000)).toBe(false);
      expect(await store.leases.acquire('scheduler', 'two', at(90_001), 60_000)).toBe(true);
      expect(await store.leases.acquire('scheduler', 'one', at(91_000), 60_000)).toBe(false);
      await store.leases.release('scheduler', 'two');
      expect(await store.leases.acquire('scheduler', 'one', at(92_000), 60_000)).toBe(true);
    });

    it('lists the live leases whose names start alike, with their holders', async () => {
      const t0 = new Date('2026-01-16T09:00:00Z');
      await store.leases.acquire('sender|wsoa', 'one', t0, 60_000);
      await store.leases.acquire('sender|send/x', 'two', t0, 30_000);
      await store.leases.acquire('senders', 'one', t0, 60_000);
      await store.leases.acquire('instance|one', 'one', t0, 60_000);
      const live = async (ms: number) =>
        (await store.leases.listLive('sender|', new Date(t0.getTime() + ms)))
          .map((lease) => `${lease.name}:${lease.owner}`)
          .sort();
      expect(await live(1_000)).toEqual(['sender|send/x:two', 'sender|wsoa:one']);
      expect(await live(40_000)).toEqual(['sender|wsoa:one']);
    });
  });
}
