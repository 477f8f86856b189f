import { describe, expect, it } from 'vitest';
import { createAwayUseCase } from '../../../src/app/away/away.use-case.js';
import { silentLogger } from '../../../src/app/logger.js';
import { createRunDue, type RunDueOptions } from '../../../src/app/prompt/run-due.use-case.js';
import { digestSchedule } from '../../../src/domain/digest-schedule.js';
import type { Store } from '../../../src/store/store.js';
import { sampleWorldBefore } from './prompt-world.js';

// Ten working days before Fri 15 Jan 2021, 1 Jan being a bank holiday: Thu 31 Dec 2020.
const firstPrompt = new Date('2020-12-31T09:00:00Z');
const minutes = (from: Date, n: number): Date => new Date(from.getTime() + n * 60_000);

/** What the whole-programme reads cost: each port the planner reads, counted. */
function countedPorts(store: Store) {
  const calls: Record<string, number> = {};
  const count =
    <A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls[name] = (calls[name] ?? 0) + 1;
      return read(...args);
    };
  const ports: RunDueOptions = {
    programmes: store.programmes,
    workstreams: { list: count('workstreams', (id) => store.workstreams.list(id)) },
    actions: {
      listByProgramme: count('actions', (id) => store.actions.listByProgramme(id)),
      historyOfProgramme: count('history', (id) => store.actions.historyOfProgramme(id)),
    },
    roles: { list: count('roles', (id) => store.roles.list(id)) },
    people: { get: count('people', (email) => store.people.get(email)) },
    outbox: store.outbox,
    governance: { get: count('governance', (id) => store.governance.get(id)) },
    boards: { listBoard: count('boards', (id) => store.links.listBoard(id)) },
    scheduleMarks: { read: count('marks', (id) => store.scheduleMarks.read(id)) },
    logger: silentLogger,
  };
  const taken = (): Record<string, number> => {
    const seen = { ...calls };
    for (const name of Object.keys(calls)) delete calls[name];
    return seen;
  };
  return { ports, taken };
}

async function plannedRows(store: Store) {
  return store.outbox.listByState('planned', 10_000);
}

describe('the leader plans from what changed', () => {
  it('reads only the marks in a quiet minute, and the whole programme when a prompt falls due', async () => {
    const { store } = await sampleWorldBefore('Jan 2021');
    const { ports, taken } = countedPorts(store);
    const runDue = createRunDue(ports);
    expect((await runDue.run(minutes(firstPrompt, -30))).read).toBe(1);
    expect(taken()).toMatchObject({ actions: 1, history: 1, roles: 1, workstreams: 1 });
    for (const at of [-29, -1]) {
      const quiet = await runDue.run(minutes(firstPrompt, at));
      expect(quiet).toMatchObject({ read: 0, planned: 0 });
      expect(taken()).toEqual({ marks: 1 });
    }
    // 09:00, no change since 08:30: the prompts go in this minute, as they always have.
    const due = await runDue.run(firstPrompt);
    expect(due.read).toBe(1);
    const prompts = (await plannedRows(store)).filter((r) => r.kind === 'prompt');
    expect(prompts.length).toBeGreaterThan(3);
    expect(prompts.length).toBe(due.planned);
    expect((await runDue.run(minutes(firstPrompt, 1))).read).toBe(0);
  });

  it('plans again the minute after a Save, and again after a plan import', async () => {
    const { store, plan, ratings } = await sampleWorldBefore('Jan 2021');
    const runDue = createRunDue(countedPorts(store).ports);
    await runDue.run(firstPrompt);
    expect((await runDue.run(minutes(firstPrompt, 1))).read).toBe(0);
    const action = plan.actions[0]!;
    const before = await store.actions.get(plan.programme.id, action.ref);
    const saved = await store.actions.recordUpdate(
      {
        id: 'save-1',
        programmeId: plan.programme.id,
        ref: action.ref,
        periodId: 'Jan 2021',
        rating: 'Green',
        note: 'On track',
        evidence: null,
        proposedDue: null,
        rolledOver: false,
        by: 'ades@council.example',
        at: minutes(firstPrompt, 1).toISOString(),
        source: 'card',
      },
      before!.etag,
    );
    expect(saved.ok).toBe(true);
    expect((await runDue.run(minutes(firstPrompt, 2))).read).toBe(1);
    expect((await runDue.run(minutes(firstPrompt, 3))).read).toBe(0);
    await store.plans.replace({ ...plan, ratings });
    expect((await runDue.run(minutes(firstPrompt, 4))).read).toBe(1);
  });

  it('sends to a newly assigned person in the minute after the role changes', async () => {
    const { store, plan } = await sampleWorldBefore('Jan 2021');
    const runDue = createRunDue(countedPorts(store).ports);
    await runDue.run(firstPrompt);
    const owner = plan.actions[0]!.ownerRole;
    const role = plan.roles.find((r) => r.code === owner)!;
    await store.roles.save({ ...role, person: 'newcomer@council.example', deputy: null });
    const next = await runDue.run(minutes(firstPrompt, 1));
    expect(next.read).toBe(1);
    const rows = await plannedRows(store);
    expect(
      rows.some((r) => r.kind === 'prompt' && r.recipient === 'newcomer@council.example'),
    ).toBe(true);
  });

  it('sends an owner’s prompt to their deputy in the minute after they say they are away', async () => {
    const { store } = await sampleWorldBefore('Jan 2021');
    // Planned at 08:59 from everyone present; the owner goes away before 09:00.
    const runDue = createRunDue(countedPorts(store).ports);
    await runDue.run(minutes(firstPrompt, -31));
    expect((await runDue.run(minutes(firstPrompt, -30))).read).toBe(0);
    const away = createAwayUseCase(store);
    await away.markAway('ades@council.example', ['until', '8', 'Jan'], '2020-12-31');
    expect((await runDue.run(minutes(firstPrompt, -29))).read).toBe(1);
    await runDue.run(firstPrompt);
    const rows = (await plannedRows(store)).filter((r) => r.kind === 'prompt');
    expect(rows.some((r) => r.recipient === 'slsesend@council.example')).toBe(true);
    expect(rows.some((r) => r.recipient === 'ades@council.example')).toBe(false);
    await away.markBack('ades@council.example');
    expect((await runDue.run(minutes(firstPrompt, 1))).read).toBe(1);
  });

  it('posts the digest to a board channel linked after the digest’s time, in the next minute', async () => {
    const { store, plan } = await sampleWorldBefore('Jan 2021');
    const digest = digestSchedule(plan.programme).find((d) => d.periodId === 'Jan 2021')!;
    const runDue = createRunDue(countedPorts(store).ports);
    await runDue.run(minutes(digest.sendAt, 5));
    expect((await runDue.run(minutes(digest.sendAt, 6))).read).toBe(0);
    await store.links.save({
      conversationKey: 'board-channel',
      programmeId: plan.programme.id,
      board: true,
      linkedBy: 'admin@council.example',
      linkedAt: minutes(digest.sendAt, 6).toISOString(),
    });
    expect((await runDue.run(minutes(digest.sendAt, 7))).read).toBe(1);
    const rows = await plannedRows(store);
    expect(rows.some((r) => r.kind === 'digest' && r.recipient === 'board-channel')).toBe(true);
  });

  it('plans everything once in a new instance, and again for a programme whose lease returns', async () => {
    const { store, plan } = await sampleWorldBefore('Jan 2021');
    const id = plan.programme.id;
    const first = createRunDue(countedPorts(store).ports);
    await first.run(firstPrompt, [id]);
    expect((await first.run(minutes(firstPrompt, 1), [id])).read).toBe(0);
    const fresh = createRunDue(countedPorts(store).ports);
    expect((await fresh.run(minutes(firstPrompt, 1), [id])).read).toBe(1);
    await first.run(minutes(firstPrompt, 2), []);
    expect((await first.run(minutes(firstPrompt, 3), [id])).read).toBe(1);
  });
});
