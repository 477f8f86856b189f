import { describe, expect, it } from 'vitest';
import { classifyDeliveryFailure } from '../../src/scheduler/delivery-failure.js';

describe('classifying a refused send', () => {
  it.each([429, 412, 408, 500, 502, 503, 504, 0])('retries %i later', (status) => {
    expect(classifyDeliveryFailure(status, null)).toEqual({ kind: 'transient' });
  });

  it.each([400, 401, 403, 404, 413])('never retries %i', (status) => {
    expect(classifyDeliveryFailure(status, null).kind).toBe('permanent');
  });

  it('says a 413 was too big and is not sent again', () => {
    const result = classifyDeliveryFailure(413, 'MessageSizeTooBig');
    expect(result).toMatchObject({ kind: 'permanent', unreachable: null });
    expect(result.kind === 'permanent' && result.reason).toContain('too big');
  });

  it('says a message over the budget was never sent, so the admin looks at its size', () => {
    const result = classifyDeliveryFailure(413, 'OverBudget');
    expect(result.kind === 'permanent' && result.reason).toContain('MESSAGE_BUDGET_KB');
  });

  it('tells a person who blocked the bot from one whose app was removed', () => {
    expect(classifyDeliveryFailure(403, 'ConversationBlockedByUser')).toMatchObject({
      unreachable: 'blocked',
    });
    expect(classifyDeliveryFailure(403, 'BotNotInConversationRoster')).toMatchObject({
      unreachable: 'not-installed',
    });
    expect(classifyDeliveryFailure(404, 'ConversationNotFound')).toMatchObject({
      unreachable: 'not-installed',
    });
  });

  it('points at the bot settings on a 401', () => {
    const result = classifyDeliveryFailure(401, 'BotNotRegistered');
    expect(result.kind === 'permanent' && result.reason).toContain('MicrosoftAppPassword');
  });
});
