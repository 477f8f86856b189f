import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parsePlan } from '../../src/app/import/parse-plan.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import type { Store } from '../../src/store/store.js';
import { startBot } from '../support/start-bot.js';
import { startTestChannel, type TestChannel } from '../support/test-channel/test-channel.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { seedSamplePlan } from '../app/seed-sample.js';
import { readFixture } from '../app/import/plan-workbooks.js';
import type { BotServer } from '../../src/server/create-server.js';
import { cardOf, createSampleBot, people, seatTheChair, textOf } from './bot-harness.js';

/** One storage request of a turn: what it asked, when it went and when its answer came. */
interface Sent {
  readonly what: string;
  readonly start: number;
  end: number;
}

/** How many requests in a row the turn waited on: 1 when all went out before any answered. */
function rounds(sent: readonly Sent[]): number {
  const depth = new Map<Sent, number>();
  for (const request of [...sent].sort((a, b) => a.start - b.start)) {
    const before = sent.filter((other) => other.end <= request.start);
    depth.set(request, 1 + Math.max(0, ...before.map((other) => depth.get(other) ?? 0)));
  }
  return Math.max(0, ...depth.values());
}

const BOARD = '19:send-board@thread.tacv2';

describe('a command reads ahead for the programme its chat chose last time', () => {
  let store: Store;
  let channel: TestChannel;
  let bot: BotServer;
  const sent: Sent[] = [];
  const pending = new Map<object, Sent>();

  beforeAll(async () => {
    store = await createTablesStore({
      connection: { connectionString: inject('azuriteConnectionString') },
      tablePrefix: uniqueTablePrefix('ahead'),
      onRequest: (request) => {
        const one = { what: decodeURIComponent(request.url), start: performance.now(), end: 0 };
        sent.push(one);
        pending.set(request, one);
      },
      onAnswer: (request) => {
        const one = pending.get(request);
        if (one) one.end = performance.now();
        pending.delete(request);
      },
    });
    await seedSamplePlan(store);
    await seatTheChair(store);
    const send = parsePlan(await readFixture('small'), { id: 'send', name: 'SEND Strategy' });
    if (!send.ok) throw new Error('The small plan should be valid.');
    await store.plans.replace(send.plan);
    await store.links.save({
      conversationKey: BOARD,
      programmeId: 'wsoa',
      board: true,
      linkedBy: people.admin.email,
      linkedAt: '2021-03-01T10:00:00Z',
    });
    channel = await startTestChannel();
    bot = await startBot({ env: channel.botEnv(), bot: createSampleBot(store) });
  });

  afterAll(async () => {
    await bot?.close();
    await channel?.stop();
  });

  /** The chair asks in the board's channel; the reply's text and the turn's storage requests. */
  async function ask(text: string) {
    const activity = channel.message(text, people.chair, 'channel', BOARD);
    sent.length = 0;
    await channel.send(bot.url, activity);
    const reply = await channel.waitFor(
      (call) => call.activityId === activity.id && call.kind === 'reply',
    );
    return { text: textOf(cardOf(reply)), requests: [...sent] };
  }

  it('asks storage once, all at once, when the linked channel asks again, and not for the sender’s roles', async () => {
    // Who the chair is and where the channel is are recorded on first contact, not counted.
    await ask('/help');
    const first = await ask('/status');
    expect(first.text).toContain('Thurrock SEND Written Statement of Action: status');
    expect(rounds(first.requests)).toBe(2);

    const again = await ask('/status');
    expect(again.text).toContain('Thurrock SEND Written Statement of Action: status');
    // The programmes with the channel's link (one query) and the summaries, sent together.
    expect(again.requests).toHaveLength(2);
    expect(rounds(again.requests)).toBe(1);
    expect(again.requests.some((r) => r.what.includes("'by|"))).toBe(false);

    await ask('/status A');
    const workstream = await ask('/status A');
    expect(workstream.text).toContain('A · Records and oversight');
    // The workstream's actions go out with the resolution's reads, before any has answered.
    const [list] = workstream.requests.filter((r) => r.what.includes("PartitionKey eq 'WSOA|A'"));
    const firstAnswer = Math.min(...workstream.requests.map((r) => r.end));
    expect(list?.start).toBeLessThan(firstAnswer);
  });

  it('answers for the programme the channel is linked to now when the guess is wrong', async () => {
    await ask('/status');
    await store.links.save({
      conversationKey: BOARD,
      programmeId: 'send',
      board: true,
      linkedBy: people.admin.email,
      linkedAt: '2021-03-01T11:00:00Z',
    });
    const moved = await ask('/status');
    expect(moved.text).toContain('SEND Strategy: status');
    expect(moved.text).not.toContain('Thurrock WSoA');
    // The guess (wsoa) was read in vain, then send's summaries after the resolution.
    expect(rounds(moved.requests)).toBe(2);
    expect(rounds((await ask('/status')).requests)).toBe(1);

    const wrongWorkstream = await ask('/status A');
    expect(wrongWorkstream.text).toContain('SEND Strategy · as at');
    expect(wrongWorkstream.text).not.toContain('Thurrock');
  });
});
