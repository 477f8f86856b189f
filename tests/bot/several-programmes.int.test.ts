import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/app/import/parse-plan.js';
import { readFixture } from '../app/import/plan-workbooks.js';
import type { TestScope } from '../support/test-channel/test-channel.js';
import {
  buttonData,
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
    const periods = [
      ...send.plan.programme.periods,
      { id: 'Apr 2021', closes: '2021-04-23', boardMeeting: null },
    ];
    await harness.store.plans.replace({
      ...send.plan,
      programme: { ...send.plan.programme, periods },
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

  it('records an update from a form in the programme the form was drawn for, not the first one', async () => {
    const before = await harness.store.actions.get('wsoa', 'A1');
    const form = buttonData(await ask('/update send:A1'));
    expect(form).toMatchObject({ programmeId: 'send', ref: 'A1' });

    const press = harness.channel.cardAction('update', { ...form, rating: 'Green' }, people.owner);
    const answer = (await harness.channel.send(harness.bot.url, press)) as {
      body: { value: unknown };
    };
    expect(textOf(answer.body.value)).toContain('for A1 at 10:42');
    const send = await harness.store.actions.get('send', 'A1');
    expect(send?.value.current).toMatchObject({ rating: 'Green', periodId: 'Apr 2021' });
    expect((await harness.store.actions.get('wsoa', 'A1'))?.value.current).toEqual(
      before?.value.current,
    );

    // And the other way round: the programme that sorts last is not lost to the first.
    const wsoaForm = buttonData(await ask('/update wsoa:A2'));
    const wsoaPress = harness.channel.cardAction(
      'update',
      { ...wsoaForm, rating: 'Amber', note: 'Two posts still vacant.' },
      people.owner,
    );
    const wsoaAnswer = (await harness.channel.send(harness.bot.url, wsoaPress)) as {
      body: { value: unknown };
    };
    expect(textOf(wsoaAnswer.body.value)).toContain('for A2 at 10:42');
    const wsoa = await harness.store.actions.get('wsoa', 'A2');
    expect(wsoa?.value.current).toMatchObject({ rating: 'Amber', periodId: 'Apr 2021' });
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
