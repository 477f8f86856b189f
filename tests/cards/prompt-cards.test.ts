import { describe, expect, it } from 'vitest';
import { createMessageViews } from '../../src/app/prompt/message-view.js';
import { outboxRowOf } from '../../src/app/prompt/outbox-row.js';
import { renderEscalationCard } from '../../src/cards/escalation.card.js';
import { renderPromptCard } from '../../src/cards/prompt.card.js';
import { planPeriod } from '../../src/domain/prompt-schedule.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import { sampleWorldBefore } from '../app/prompt/prompt-world.js';

const now = new Date('2021-01-15T09:00:00Z');

async function viewsOfJanuary() {
  const { store, plan, ratings } = await sampleWorldBefore('Jan 2021');
  const messages = planPeriod({ ...plan, updates: ratings, periodId: 'Jan 2021' }).messages;
  const views = createMessageViews({ ...store, clock: createManualTimer(now) });
  const viewOf = async (kind: string) => {
    const message = messages.find((m) => m.kind === kind);
    if (!message) throw new Error(`No ${kind} in the plan`);
    const result = await views.viewOf(outboxRowOf(message, now));
    if (!result.ok) throw new Error(result.code);
    return { message, view: result.view };
  };
  return { viewOf };
}

describe('the cards the scheduler sends', () => {
  it('a prompt lists every action of the owner with its rating as a word, its due date and steps', async () => {
    const { viewOf } = await viewsOfJanuary();
    const { message, view } = await viewOf('prompt');
    const card = JSON.stringify(renderPromptCard(view).content);
    for (const ref of message.refs)
      expect(card).toContain(`"verb":"edit","data":{"programmeId":"wsoa","ref":"${ref}"}`);
    expect(card).toContain('"title":"Update"');
    expect(card).toContain('Current rating: **Not yet rated**');
    expect(card).toContain('closes on Fri 15 Jan 2021');
    expect(card).toMatch(/a\) .+ · (Due|Ongoing|No due date)/);
  });

  it('the closing-day list for a lead names each missing update, its owner and a Chase button', async () => {
    const { viewOf } = await viewsOfJanuary();
    const { message, view } = await viewOf('escalation');
    const card = JSON.stringify(renderEscalationCard(view).content);
    expect(card).toContain(`${message.refs.length} update`);
    expect(card).toContain('"verb":"chase"');
    expect(card).toContain(`"refs":"${message.refs.join(',')}"`);
    expect(card).toMatch(/owner [a-z0-9.]+@[a-z.]+/);
  });
});
