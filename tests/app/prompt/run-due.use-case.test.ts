import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/app/logger.js';
import { createRunDue } from '../../../src/app/prompt/run-due.use-case.js';
import { scheduledPayloadOf } from '../../../src/app/prompt/outbox-row.js';
import { sampleWorldBefore } from './prompt-world.js';

// Ten working days before Fri 15 Jan 2021, 1 Jan being a bank holiday: Thu 31 Dec 2020.
const firstPrompt = new Date('2020-12-31T09:00:00Z');

describe('run what is due', () => {
  it('writes one prompt per owner to the outbox at the first prompt time', async () => {
    const { store } = await sampleWorldBefore('Jan 2021');
    const runDue = createRunDue({ ...store, logger: silentLogger });
    const report = await runDue.run(firstPrompt);
    expect(report.planned).toBeGreaterThan(3);
    const rows = await store.outbox.listByState('planned', 1_000);
    const prompts = rows.filter((r) => r.kind === 'prompt');
    expect(prompts.length).toBe(new Set(prompts.map((r) => r.recipient)).size);
    expect(prompts.every((r) => r.periodId === 'Jan 2021')).toBe(true);
    expect(scheduledPayloadOf(prompts[0] ?? rows[0]!)?.refs.length).toBeGreaterThan(0);
  });

  it('adds nothing when the same minute is planned again, even by a fresh instance', async () => {
    const { store } = await sampleWorldBefore('Jan 2021');
    const first = await createRunDue({ ...store, logger: silentLogger }).run(firstPrompt);
    const again = await createRunDue({ ...store, logger: silentLogger }).run(
      new Date(firstPrompt.getTime() + 60_000),
    );
    expect(again.planned).toBe(0);
    expect(again.alreadyPlanned).toBe(first.planned);
  });

  it('plans nothing at night, at the weekend or on a bank holiday', async () => {
    const { store } = await sampleWorldBefore('Jan 2021');
    const runDue = createRunDue({ ...store, logger: silentLogger });
    for (const at of ['2020-12-31T07:45:00Z', '2021-01-01T09:00:00Z', '2021-01-02T09:00:00Z']) {
      expect((await runDue.run(new Date(at))).planned).toBe(0);
    }
    expect(await store.outbox.listByState('planned', 10)).toEqual([]);
  });

  it('sends an away owner’s prompt to their deputy', async () => {
    const { store } = await sampleWorldBefore('Jan 2021');
    const ades = await store.people.get('ades@council.example');
    await store.people.save({ ...ades!, awayUntil: '2021-01-08' });
    await createRunDue({ ...store, logger: silentLogger }).run(firstPrompt);
    const rows = await store.outbox.listByState('planned', 1_000);
    const deputy = rows.find(
      (r) => r.kind === 'prompt' && r.recipient === 'slsesend@council.example',
    );
    expect(
      scheduledPayloadOf(deputy!)?.sections.some((s) => s.onBehalfOf === 'ades@council.example'),
    ).toBe(true);
    expect(rows.some((r) => r.kind === 'prompt' && r.recipient === 'ades@council.example')).toBe(
      false,
    );
  });
});
