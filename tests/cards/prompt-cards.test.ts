import { describe, expect, it } from 'vitest';
import { createMeasureUseCase } from '../../src/app/measures/measure.use-case.js';
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
  const clock = createManualTimer(now);
  const measures = createMeasureUseCase({ measures: store.measures, roles: store.roles, clock });
  const views = createMessageViews({ ...store, measures, clock });
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
  it('names the away person a deputy stands in for by name and job title, not by email', async () => {
    const { store } = await sampleWorldBefore('Jan 2021');
    await store.people.save({
      email: 'ades@council.example',
      name: 'Alex Ades',
      aadObjectId: null,
      awayUntil: '2021-02-01',
      unreachable: null,
    });
    const clock = createManualTimer(now);
    const measures = createMeasureUseCase({ measures: store.measures, roles: store.roles, clock });
    const views = createMessageViews({ ...store, measures, clock });
    const row = outboxRowOf(
      {
        key: 'wsoa|Jan 2021|prompt|slsesend@council.example',
        kind: 'prompt',
        programmeId: 'wsoa',
        periodId: 'Jan 2021',
        recipient: 'slsesend@council.example',
        role: 'ADES',
        onBehalfOf: 'ades@council.example',
        refs: ['A1'],
        sections: [{ role: 'ADES', onBehalfOf: 'ades@council.example', refs: ['A1'] }],
        sendAt: now,
        until: now,
      },
      now,
    );
    const result = await views.viewOf(row);
    if (!result.ok) throw new Error(result.code);
    const card = JSON.stringify(renderPromptCard(result.view).content);
    expect(card).toContain(
      'Standing in for Alex Ades, Assistant Director Education and Skills while they are away',
    );
    expect(card).not.toContain('ades@council.example');
  });

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
    // Owners by job title from the Roles sheet (none of them has talked to the bot), not email.
    expect(card).toMatch(/owner (Assistant Director|Strategic Lead|Corporate Director)/);
    expect(card).not.toMatch(/owner [a-z0-9.]+@/);
  });
});
