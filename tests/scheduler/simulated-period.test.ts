import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { createRunDue } from '../../src/app/prompt/run-due.use-case.js';
import { isSendingTime, localDateTimeOf } from '../../src/domain/calendar.js';
import { planPeriod, type ScheduledMessage } from '../../src/domain/prompt-schedule.js';
import { createLeaseKeeper } from '../../src/scheduler/lease-keeper.js';
import { createOutboxProcessor } from '../../src/scheduler/outbox-processor.js';
import { createRateLimiter, TEAMS_RATE_LIMITS } from '../../src/scheduler/rate-limiter.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import { UNRATED_ETAG } from '../../src/store/memory-state.js';
import { sampleWorldBefore } from '../app/prompt/prompt-world.js';
import { createRecordingTransport, installOff } from './outbox-fixtures.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';

const NUDGED = 'A2';
const STEP_MS = 15 * 60_000;
const from = new Date('2020-12-01T00:00:00Z');
const to = new Date('2021-01-19T00:00:00Z');

describe('a simulated reporting period of the sample plan', () => {
  it('sends exactly what the domain schedule says, at its times, only on working days in hours', async () => {
    // A2's board agreed a revised date inside the period, so its owner gets a nudge too.
    const { store, plan, ratings } = await sampleWorldBefore('Jan 2021', (sample) => ({
      ...sample,
      actions: sample.actions.map((a) =>
        a.ref === NUDGED ? { ...a, revisedDue: '2021-01-12' } : a,
      ),
    }));
    // The Director of Education is away at the start; her deputy answers for her.
    await store.people.save({
      email: 'ades@council.example',
      name: null,
      aadObjectId: null,
      awayUntil: '2021-01-08',
      unreachable: null,
    });
    const timer = createManualTimer(from);
    const transport = createRecordingTransport();
    const sentAt = new Map<string, Date>();
    const send = transport.send.bind(transport);
    transport.send = (message, conversation) => {
      sentAt.set(message.key, timer.now());
      return send(message, conversation);
    };
    const scheduler = createScheduler({
      runDue: createRunDue({ ...store, logger: silentLogger }),
      processor: createOutboxProcessor({
        metrics: noSendMetrics,
        ...store,
        transport,
        reach: installOff(store.conversations),
        limiter: createRateLimiter({ clock: timer, limits: TEAMS_RATE_LIMITS }),
        timer,
        logger: silentLogger,
      }),
      lease: createLeaseKeeper({ leases: store.leases, name: 'scheduler', owner: 'a', timer }),
      timer,
      logger: silentLogger,
    });

    // One owner answers every action the day after the first prompt: no reminder for them.
    const answerer = 'sles@council.example';
    const answerOn = new Date('2021-01-04T10:00:00Z');
    let answered = false;
    for (let at = from.getTime(); at < to.getTime(); at += STEP_MS) {
      timer.set(new Date(at));
      if (!answered && at >= answerOn.getTime()) {
        answered = true;
        const roles = plan.roles.filter((r) => r.person === answerer).map((r) => r.code);
        for (const found of await store.actions.listByOwnerRoles(plan.programme.id, roles)) {
          await store.actions.recordUpdate(
            {
              id: `answer-${found.value.ref}`,
              programmeId: plan.programme.id,
              ref: found.value.ref,
              periodId: 'Jan 2021',
              rating: 'Green',
              note: '',
              evidence: null,
              proposedDue: null,
              rolledOver: false,
              by: answerer,
              at: answerOn.toISOString(),
              source: 'card',
            },
            found.etag === '' ? UNRATED_ETAG : found.etag,
          );
        }
      }
      await scheduler.tick();
    }

    const updates = [...ratings, ...(await store.actions.historyOfProgramme(plan.programme.id))];
    const people = plan.people.map((p) =>
      p.email === 'ades@council.example' ? { ...p, awayUntil: '2021-01-08' } : p,
    );
    const expected: ScheduledMessage[] = plan.programme.periods.flatMap((period) =>
      planPeriod({ ...plan, people, updates, periodId: period.id }).messages.filter(
        (m) => m.sendAt >= from && m.sendAt < to && m.sendAt < m.until,
      ),
    );

    expect([...sentAt.keys()].sort()).toEqual(expected.map((m) => m.key).sort());
    expect(transport.delivered).toHaveLength(expected.length);
    for (const message of expected) {
      expect(sentAt.get(message.key)?.toISOString(), message.key).toBe(
        message.sendAt.toISOString(),
      );
    }
    for (const at of sentAt.values()) {
      expect(isSendingTime(at, plan.programme.timeZone, plan.programme.rules)).toBe(true);
    }
    const kinds = new Set(expected.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['escalation', 'nudge', 'prompt', 'reminder']);
    const nudge = expected.find((m) => m.kind === 'nudge');
    expect([nudge?.refs, nudge?.sendAt.toISOString()]).toEqual([
      [NUDGED],
      '2021-01-05T09:00:00.000Z',
    ]);
    const days = new Set(
      [...sentAt.values()].map((at) => localDateTimeOf(at, 'Europe/London').date),
    );
    expect([...days].filter((d) => ['2020-12-25', '2020-12-28', '2021-01-01'].includes(d))).toEqual(
      [],
    );
    const summary = (m: ScheduledMessage) => `${m.kind} to ${m.recipient}`;
    const forAdes = expected.filter((m) =>
      m.sections.some((s) => s.onBehalfOf === 'ades@council.example'),
    );
    expect(forAdes.map(summary)).toContain('prompt to slsesend@council.example');
    expect(expected.map(summary)).toContain(`prompt to ${answerer}`);
    expect(expected.map(summary)).not.toContain(`reminder to ${answerer}`);
  }, 120_000);
});
