import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageRequest } from '../../src/store/tables-store.js';
import { testUser } from '../support/test-channel/test-channel.js';
import { NOW, replyTo, startBotHarness, type BotHarness } from './bot-harness.js';

/**
 * Which of the tables that say who people are a request went to, and how: `people GET`. A
 * transaction's URL names no table (`$batch`): it is `transaction POST`.
 */
function describeRequest(request: StorageRequest): string | null {
  const table = /^\/[^/]+\/([a-z0-9$]+)/.exec(new URL(request.url).pathname)?.[1] ?? '';
  if (table === '$batch') return `transaction ${request.method}`;
  const kind = /(people|conversations)$/.exec(table)?.[1];
  return kind === undefined ? null : `${kind} ${request.method}`;
}

describe('a person’s first message', () => {
  let harness: BotHarness;
  let requests: string[] = [];

  beforeAll(async () => {
    harness = await startBotHarness({
      onRequest: (request) => {
        const described = describeRequest(request);
        if (described !== null) requests.push(described);
      },
    });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const memberLookups = (id: string) =>
    harness.channel.sent.filter(
      (call) => call.kind === 'read' && call.path.endsWith(`/members/${id}`),
    ).length;

  it('asks Teams who they are once and records them and their chat in two requests; the next message costs none', async () => {
    const newcomer = testUser('Nia Newcomer', 'nia.newcomer@council.example');
    requests = [];
    await replyTo(harness, harness.channel.message('/mine', newcomer, 'personal'));

    expect(memberLookups(newcomer.id)).toBe(1);
    // Who has this object id (no one yet); then one transaction: the person, added as no one
    // has the email, with their chat (where prompts look for it) and their index by object id.
    expect([...requests].sort()).toEqual(['people GET', 'transaction POST']);
    expect(await harness.store.people.getByAadObjectId(newcomer.aadObjectId)).toMatchObject({
      email: newcomer.email,
      name: newcomer.name,
    });
    expect(await harness.store.conversations.getPersonalByEmail(newcomer.email)).toMatchObject({
      kind: 'personal',
      aadObjectId: newcomer.aadObjectId,
      reference: { conversation: { id: `a:personal-${newcomer.aadObjectId}` } },
    });

    requests = [];
    await replyTo(harness, harness.channel.message('/mine', newcomer, 'personal'));
    expect(memberLookups(newcomer.id)).toBe(1);
    expect(requests).toEqual([]);
  });

  it('keeps what was known by email before they first wrote, such as being away', async () => {
    const { store, channel } = harness;
    const returning = testUser('Rita Returning', 'rita.returning@council.example');
    const awayUntil = '2021-03-12';
    expect(NOW < awayUntil).toBe(true);
    await store.people.save({
      email: returning.email,
      name: null,
      aadObjectId: null,
      awayUntil,
      unreachable: { reason: 'not-installed', since: '2021-02-01T09:00:00.000Z' },
    });

    requests = [];
    await replyTo(harness, channel.message('/help', returning, 'personal'));
    const made = [...requests].sort();

    expect(await store.people.getByAadObjectId(returning.aadObjectId)).toEqual({
      email: returning.email,
      name: returning.name,
      aadObjectId: returning.aadObjectId,
      awayUntil,
      unreachable: null,
    });
    // Who has this object id (no one); the add, refused as the email is taken; the row that
    // refused it; the person bound to this object id; then their chat, merged onto their row.
    expect(made).toEqual([
      'people GET',
      'people GET',
      'people PATCH',
      'transaction POST',
      'transaction POST',
    ]);
    expect(await store.conversations.getPersonalByEmail(returning.email)).toMatchObject({
      aadObjectId: returning.aadObjectId,
    });
  });
});
