import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/app/import/parse-plan.js';
import { readFixture } from '../app/import/plan-workbooks.js';
import type { TestScope } from '../support/test-channel/test-channel.js';
import {
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

/** The commands a card's buttons would send, as a person pressing them. */
function buttonCommands(card: Record<string, unknown>): string[] {
  const actions = card['actions'] as { data?: { msteams?: { value?: string } } }[] | undefined;
  return (actions ?? []).map((action) => action.data?.msteams?.value ?? '');
}

describe('several programmes in one installation', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
    // A second programme, "send", where Sam (P16SM in wsoa) is the lead as well.
    const send = parsePlan(await readFixture('small'), { id: 'send', name: 'SEND Strategy' });
    if (!send.ok) throw new Error('The small plan should be valid.');
    await harness.store.plans.replace({
      ...send.plan,
      roles: send.plan.roles.map((role) =>
        role.code === 'LEAD' ? { ...role, person: people.owner.email } : role,
      ),
    });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function ask(text: string, scope: TestScope = 'personal', conversationId?: string) {
    const activity = harness.channel.message(text, people.owner, scope, conversationId);
    return cardOf(await replyTo(harness, activity));
  }

  it('asks a person with a part in both which programme, with a button that runs the command for it', async () => {
    const question = await ask('/status C');
    expect(textOf(question)).toContain('Which programme?');
    expect(textOf(question)).toContain('You have a part in 2 programmes');
    expect(buttonCommands(question).sort()).toEqual(['/status send:C', '/status wsoa:C']);

    const wsoa = buttonCommands(question).find((command) => command.includes('wsoa:'));
    const answer = textOf(await ask(wsoa ?? ''));
    expect(answer).toContain('C · Quality of EHC plans and annual reviews');
  });

  it('asks the same for plain /status and /mine, and each button answers for its programme', async () => {
    const question = await ask('/status');
    expect(buttonCommands(question).sort()).toEqual(['/status send:', '/status wsoa:']);
    const [send, wsoa] = buttonCommands(question).sort();
    expect(textOf(await ask(send ?? ''))).toContain('SEND Strategy');
    expect(textOf(await ask(wsoa ?? ''))).toContain('A · Records and oversight');

    expect(buttonCommands(await ask('/mine')).sort()).toEqual(['/mine send:', '/mine wsoa:']);
  });

  it('answers in a channel linked to one programme for that programme, without asking', async () => {
    await harness.store.links.save({
      conversationKey: '19:send-board@thread.tacv2',
      programmeId: 'send',
      board: true,
      linkedBy: people.admin.email,
      linkedAt: '2021-03-01T10:00:00.000Z',
    });
    const answer = textOf(await ask('/status', 'channel', '19:send-board@thread.tacv2'));
    expect(answer).not.toContain('Which programme?');
    expect(answer).toContain('SEND Strategy');
  });
});
