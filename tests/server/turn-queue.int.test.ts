import type { TurnContext } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotServer } from '../../src/server/create-server.js';
import { TURNS_AT_ONCE } from '../../src/server/turn-queue.js';
import { startBot } from '../support/start-bot.js';
import {
  startTestChannel,
  testUser,
  type TestChannel,
} from '../support/test-channel/test-channel.js';

/** A bot whose turns run until let go, counting how many run at once. */
function heldBot() {
  let running = 0;
  let most = 0;
  let started = 0;
  let letGo: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  return {
    bot: {
      async run(context: TurnContext) {
        running += 1;
        started += 1;
        most = Math.max(most, running);
        await held;
        await context.sendActivity(`Answered ${context.activity.text ?? ''}`);
        running -= 1;
      },
    },
    started: () => started,
    most: () => most,
    letGo: () => letGo(),
  };
}

describe('activities arriving together', () => {
  let channel: TestChannel;
  let bot: BotServer;
  const held = heldBot();

  beforeAll(async () => {
    channel = await startTestChannel();
    bot = await startBot({ env: channel.botEnv(), bot: held.bot });
  });

  afterAll(async () => {
    await bot.close();
    await channel.stop();
  });

  it(`are handled ${TURNS_AT_ONCE} at once over HTTP, and every one is answered`, async () => {
    const people = TURNS_AT_ONCE + 16;
    const activities = Array.from({ length: people }, (_, i) =>
      channel.message(`/status ${i}`, testUser(`Person ${i}`, `p${i}@council.example`), 'personal'),
    );
    const answers = Promise.all(activities.map((activity) => channel.send(bot.url, activity)));
    await expect.poll(held.started, { timeout: 20_000 }).toBe(TURNS_AT_ONCE);
    // The rest have arrived and wait: none of them has started.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(held.started()).toBe(TURNS_AT_ONCE);
    held.letGo();
    const statuses = (await answers).map((answer) => answer.status);
    expect(statuses).toEqual(Array.from({ length: people }, () => 200));
    expect(held.most()).toBe(TURNS_AT_ONCE);
    const replies = channel.sent.filter((call) => call.kind === 'reply');
    expect(replies).toHaveLength(people);
  });
});
