import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/domain/programme.js';
import { silentLogger } from '../../src/app/logger.js';
import type { RunDue } from '../../src/app/prompt/run-due.use-case.js';
import { createLeaseKeeper } from '../../src/scheduler/lease-keeper.js';
import { createOutboxProcessor } from '../../src/scheduler/outbox-processor.js';
import { createProgrammeLeases } from '../../src/scheduler/programme-leases.js';
import { createRateLimiter, TEAMS_RATE_LIMITS } from '../../src/scheduler/rate-limiter.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import {
  createRecordingTransport,
  installOff,
  personalChat,
  promptRow,
  type RecordingTransport,
} from './outbox-fixtures.js';

const at = new Date('2021-01-04T09:00:00Z');
const PROGRAMMES = ['wsoa', 'send'];

async function storeWithPrompts(): Promise<Store> {
  const store = createMemoryStore();
  for (const programmeId of PROGRAMMES) {
    await store.programmes.save({
      id: programmeId,
      name: programmeId,
      timeZone: 'Europe/London',
      periods: [],
      rules: DEFAULT_RULES,
    });
    for (let n = 0; n < 20; n += 1) {
      const email = `${programmeId}${n}@x.gov.uk`;
      await store.conversations.save(personalChat(email));
      await store.outbox.add(
        promptRow(email, at, { key: `${programmeId}|Jan 2021|prompt|${email}`, programmeId }),
      );
    }
  }
  return store;
}

const nothingDue: RunDue = {
  run: () => Promise.resolve({ planned: 0, alreadyPlanned: 0, unassigned: [], read: 0 }),
};

function instance(
  store: Store,
  owner: string,
  transport: RecordingTransport,
  runDue: RunDue = nothingDue,
) {
  const timer = createManualTimer(at);
  return createScheduler({
    runDue,
    processor: createOutboxProcessor({
      ...store,
      reach: installOff(store.conversations),
      transport,
      limiter: createRateLimiter({ clock: timer, limits: TEAMS_RATE_LIMITS }),
      timer,
      logger: silentLogger,
      metrics: noSendMetrics,
    }),
    lease: createLeaseKeeper({ leases: store.leases, name: 'planner', owner, timer }),
    programmeLeases: createProgrammeLeases({
      leases: store.leases,
      programmes: store.programmes,
      owner,
      timer,
    }),
    timer,
    logger: silentLogger,
  });
}

describe('sending leased per programme', () => {
  it('shares two programmes between two instances, each prompt sent once', async () => {
    const store = await storeWithPrompts();
    const transport = createRecordingTransport();
    const a = instance(store, 'a', transport);
    const b = instance(store, 'b', transport);
    // Both say they are alive first, as two running instances have by their second minute.
    await Promise.all([a.tick(), b.tick()]);
    const reports = await Promise.all([a.tick(), b.tick()]);
    const recipients = transport.delivered.map((d) => d.recipient);
    expect(recipients).toHaveLength(40);
    expect(new Set(recipients).size).toBe(40);
    const held = reports.map((report) => report.programmes ?? []);
    expect(held.flat().sort()).toEqual([...PROGRAMMES].sort());
    expect(held.every((programmes) => programmes.length === 1)).toBe(true);
  });

  it('lets one instance send every programme when it is the only one', async () => {
    const store = await storeWithPrompts();
    const transport = createRecordingTransport();
    const report = await instance(store, 'alone', transport).tick();
    expect([...(report.programmes ?? [])].sort()).toEqual([...PROGRAMMES].sort());
    expect(transport.delivered).toHaveLength(40);
  });

  it('plans only the programmes an instance holds, and sends what falls due in that same tick', async () => {
    const store = await storeWithPrompts();
    const transport = createRecordingTransport();
    const asked: Record<string, string[]> = { a: [], b: [] };
    // Plans a board digest for each programme it is asked about, due now.
    const digestsFor = (owner: string): RunDue => ({
      async run(now, programmeIds = []) {
        asked[owner]?.push(...programmeIds);
        for (const programmeId of programmeIds) {
          const key = `${programmeId}|Jan 2021|digest|board`;
          await store.conversations.save(personalChat(`board-${programmeId}@x.gov.uk`));
          await store.outbox.add(
            promptRow(`board-${programmeId}@x.gov.uk`, now, { key, programmeId }),
          );
        }
        return {
          planned: programmeIds.length,
          alreadyPlanned: 0,
          unassigned: [],
          read: programmeIds.length,
        };
      },
    });
    const a = instance(store, 'a', transport, digestsFor('a'));
    const b = instance(store, 'b', transport, digestsFor('b'));
    await Promise.all([a.tick(), b.tick()]);
    // Planned by whoever took each programme's lease, and sent in that same first tick.
    const digestsSent = async () =>
      (await store.outbox.listByState('sent', 1_000)).filter((m) => m.key.includes('|digest|'));
    expect(await digestsSent()).toHaveLength(2);
    asked['a'] = [];
    asked['b'] = [];
    transport.delivered.length = 0;
    await store.outbox.add(
      promptRow('late@x.gov.uk', at, { key: 'wsoa|late', programmeId: 'wsoa' }),
    );
    await store.conversations.save(personalChat('late@x.gov.uk'));
    const reports = await Promise.all([a.tick(), b.tick()]);

    // Each was asked to plan exactly the programme it holds; together, both, once each.
    for (const [index, owner] of ['a', 'b'].entries()) {
      expect(asked[owner]).toEqual(reports[index]?.programmes);
    }
    expect([...(asked['a'] ?? []), ...(asked['b'] ?? [])].sort()).toEqual([...PROGRAMMES].sort());
    // A prompt added after the first tick went out in the next, and nothing went twice.
    const recipients = transport.delivered.map((d) => d.recipient);
    expect(recipients).toEqual(['late@x.gov.uk']);
    expect(await digestsSent()).toHaveLength(2);
  });
});
