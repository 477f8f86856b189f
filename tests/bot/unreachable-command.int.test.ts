import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIVEN_UP, type OutboxMessage } from '../../src/store/outbox.repository.js';
import {
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

const PERMISSION = 'TeamsAppInstallation.ReadWriteSelfForUser.All';

function failedRow(recipient: string, notBefore: string, lastError: string): OutboxMessage {
  return {
    key: `wsoa|Apr 2021|prompt|${recipient}`,
    programmeId: 'wsoa',
    periodId: 'Apr 2021',
    kind: 'prompt',
    recipient,
    payload: {},
    state: 'failed',
    attempts: 1,
    lastError,
    notBefore,
    activityId: null,
    updatedAt: '2021-04-09T09:00:05.000Z',
  };
}

describe('/unreachable for admins', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
    const { store } = harness;
    const waiting = {
      reason: 'not-installed' as const,
      since: '2021-04-09T09:00:00.000Z',
      detail: `They have not opened the app, and it cannot be installed for them until an admin grants ${PERMISSION} (docs/deploy.md, step 7).`,
      permission: PERMISSION,
    };
    for (const email of ['ann@council.example', 'bob@council.example']) {
      await store.people.save({
        email,
        name: null,
        aadObjectId: null,
        awayUntil: null,
        unreachable: waiting,
      });
    }
    await store.people.save({
      email: 'cat@council.example',
      name: null,
      aadObjectId: null,
      awayUntil: null,
      unreachable: {
        reason: 'blocked',
        since: '2021-04-09T09:00:00.000Z',
        detail: 'They have blocked the bot in Teams (403 ConversationBlockedByUser).',
        permission: null,
      },
    });
    await store.outbox.add(
      failedRow(
        'dan@council.example',
        GIVEN_UP,
        'Teams refused the message as too big (413 MessageSizeTooBig); it was not sent again.',
      ),
    );
    await store.outbox.add(
      failedRow('eve@council.example', '2021-04-09T09:05:00.000Z', '429 Throttled'),
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('names the missing permission once, each person with their reason, and each failed message with its reason', async () => {
    const reply = await replyTo(
      harness,
      harness.channel.message('/unreachable', people.admin, 'personal'),
    );
    const text = textOf(cardOf(reply)).replace(/\s+/g, ' ');
    expect(text.split(PERMISSION)).toHaveLength(2);
    expect(text).toContain('3 people could not be reached');
    expect(text).toContain(
      'ann@council.example has not opened the app and waits on that permission',
    );
    expect(text).toContain('bob@council.example has not opened the app');
    expect(text).toContain('cat@council.example: They have blocked the bot in Teams');
    expect(text).toContain('1 message will not be sent again');
    expect(text).toContain(
      'prompt for dan@council.example (Apr 2021), 2021-04-09: Teams refused the message as too big',
    );
    // Still being retried after a 429: not a failure an admin needs to act on yet.
    expect(text).not.toContain('eve@council.example');
  });

  it('is for admins only', async () => {
    const reply = await replyTo(
      harness,
      harness.channel.message('/unreachable', people.owner, 'personal'),
    );
    expect(textOf(cardOf(reply))).not.toContain('ann@council.example');
  });
});
