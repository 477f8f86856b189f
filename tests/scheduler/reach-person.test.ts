import { describe, expect, it } from 'vitest';
import type { AppInstaller, PersonalInstallResult } from '../../src/app/ports/app-installer.js';
import type { Logger } from '../../src/app/logger.js';
import { createPersonReach } from '../../src/scheduler/reach-person.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { StoredConversation } from '../../src/store/conversation.repository.js';

const chat = {
  userId: 'aad-olu',
  email: 'olu@council.example',
  name: 'Olu',
  chatId: '19:aad-olu_bot@unq.gbl.spaces',
  tenantId: 'tenant',
  alreadyInstalled: false,
};

function installerAnswering(result: PersonalInstallResult): AppInstaller {
  return {
    installForPerson: () => Promise.resolve(result),
    installInTeam: () => Promise.reject(new Error('not used')),
  };
}

function world(result: PersonalInstallResult) {
  const store = createMemoryStore();
  const warnings: string[] = [];
  const logger: Logger = {
    info: () => undefined,
    warn: (message) => void warnings.push(message),
    error: () => undefined,
  };
  const reach = createPersonReach({
    conversations: store.conversations,
    installer: installerAnswering(result),
    conversationOf: (c): StoredConversation => ({
      key: `personal:${c.userId}`,
      kind: 'personal',
      tenantId: c.tenantId,
      aadObjectId: c.userId,
      email: c.email,
      reference: { conversation: { id: c.chatId } },
      updatedAt: '2026-01-01T00:00:00.000Z',
    }),
    logger,
  });
  return { store, reach, warnings };
}

describe('reaching someone who never opened the app', () => {
  it('saves the chat Graph found, so later messages go straight there', async () => {
    const { store, reach } = world({ ok: true, chat });
    const result = await reach.reach('olu@council.example');
    expect(result).toMatchObject({ ok: true, installed: true });
    expect(await store.conversations.getPersonalByEmail('olu@council.example')).toMatchObject({
      key: 'personal:aad-olu',
      reference: { conversation: { id: chat.chatId } },
    });
  });

  it('without consent, names the permission in the log once and in the reason every time', async () => {
    const { reach, warnings } = world({
      ok: false,
      failure: {
        kind: 'no-permission',
        permission: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
        message: '403',
      },
    });
    const first = await reach.reach('a@council.example');
    await reach.reach('b@council.example');
    expect(first).toMatchObject({ ok: false, kind: 'unreachable', reason: 'not-installed' });
    expect(!first.ok && first.detail).toContain('TeamsAppInstallation.ReadWriteSelfForUser.All');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('TeamsAppInstallation.ReadWriteSelfForUser.All');
  });

  it('asks the outbox to retry when Graph throttles, with its Retry-After', async () => {
    const { reach } = world({
      ok: false,
      failure: { kind: 'transient', status: 429, retryAfterMs: 120_000, message: 'throttled' },
    });
    expect(await reach.reach('a@council.example')).toMatchObject({
      ok: false,
      kind: 'retry',
      retryAfterMs: 120_000,
    });
  });
});
