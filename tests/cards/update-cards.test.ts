import { describe, expect, it } from 'vitest';
import { renderReceiptCard } from '../../src/cards/receipt.card.js';
import { renderUpdateFormCard } from '../../src/cards/update-form.card.js';
import type { Action } from '../../src/domain/action.js';
import { stepProgress } from '../../src/domain/step-completion.js';

const action: Action = {
  programmeId: 'p',
  workstream: 'A',
  ref: 'A2',
  title: 'Records of Post 16 provision reviewed',
  ownerRole: 'P16SM',
  contributors: [],
  due: '2021-07-31',
  revisedDue: null,
  proposedDue: null,
  outcomes: '',
  steps: [],
  current: {
    updateId: 'u1',
    periodId: 'Jan 2021',
    rating: 'Green',
    note: 'On track.',
    at: '2021-01-10T10:00:00.000Z',
    by: 'sles@council.example',
  },
};
const period = { id: 'Apr 2021', closes: '2021-04-23' };

type Element = Record<string, unknown>;

function body(content: Readonly<Record<string, unknown>>): Element[] {
  return content['body'] as Element[];
}

function actions(content: Readonly<Record<string, unknown>>): Element[] {
  return (content['actions'] as Element[] | undefined) ?? [];
}

describe('update form card', () => {
  it('saves with Action.Execute "update" and a Submit fallback carrying the same data', () => {
    const card = renderUpdateFormCard({ action, etag: 'W/"1"', period });
    const [save] = actions(card.content);
    expect(save).toMatchObject({
      type: 'Action.Execute',
      verb: 'update',
      title: 'Save',
      data: { ref: 'A2', periodId: 'Apr 2021', etag: 'W/"1"' },
      fallback: {
        type: 'Action.Submit',
        data: { verb: 'update', ref: 'A2', periodId: 'Apr 2021', etag: 'W/"1"' },
      },
    });
    const inputs = body(card.content).filter((e) => String(e['type']).startsWith('Input.'));
    expect(inputs.map((e) => e['id'])).toEqual([
      'rating',
      'note',
      'evidence',
      'proposedDue',
      'revisionReason',
    ]);
  });

  it('lets the owner tick steps done, showing which are done and which are late', () => {
    const withSteps = {
      ...action,
      steps: [
        {
          letter: 'a',
          title: 'Business case',
          ownerRole: null,
          due: '2020-04-30',
          revisedDue: null,
        },
        {
          letter: 'b',
          title: 'Recruit officers',
          ownerRole: null,
          due: '2019-07-31',
          revisedDue: null,
        },
      ],
    };
    const progress = stepProgress(
      withSteps,
      [
        {
          programmeId: 'p',
          ref: 'A2',
          letter: 'a',
          doneOn: '2020-04-01',
          by: 'x',
          at: 'y',
          periodId: 'Apr 2020',
        },
      ],
      '2021-03-01',
    );
    const card = renderUpdateFormCard({ action: withSteps, etag: 'e', period, steps: progress });
    const steps = body(card.content).find((e) => e['id'] === 'stepsDone');
    expect(steps).toMatchObject({
      isMultiSelect: true,
      value: 'a',
      label: 'Steps done (1 of 2 steps done)',
      choices: [
        { title: 'a) Business case', value: 'a' },
        { title: 'b) Recruit officers (late)', value: 'b' },
      ],
    });
  });

  it('puts a problem with a request for a later date beside its fields', () => {
    const card = renderUpdateFormCard({
      action,
      etag: 'e',
      period,
      input: {
        rating: 'Amber',
        note: 'n',
        evidence: '',
        proposedDue: '2021-09-30',
        revisionReason: '',
      },
      revisionProblems: [{ field: 'reason', message: 'Say why a later date is needed.' }],
    });
    expect(JSON.stringify(card.content)).toContain('Say why a later date is needed.');
  });

  it('offers every rating as its word with its meaning', () => {
    const card = renderUpdateFormCard({ action, etag: 'e', period });
    const choiceSet = body(card.content).find((e) => e['id'] === 'rating');
    expect(choiceSet?.['choices']).toEqual([
      { title: 'Blue: Completed and embedded', value: 'Blue' },
      { title: 'Green: On track to deliver by the agreed date', value: 'Green' },
      { title: 'Amber: Started, some delay or medium risk; must be monitored', value: 'Amber' },
      { title: 'Red: Not started, significant delay or risk; must be prioritised', value: 'Red' },
    ]);
  });

  it('shows problems beside their fields and keeps what the person typed', () => {
    const card = renderUpdateFormCard({
      action,
      etag: 'e',
      period,
      input: { rating: 'Amber', note: '', evidence: 'http://x', proposedDue: '2021-01-01' },
      problems: [
        { field: 'note', message: 'Amber needs a note.' },
        { field: 'proposedDue', message: 'A revised date must be later.' },
      ],
    });
    const elements = body(card.content);
    const ids = elements.map((e) => (e['id'] as string | undefined) ?? (e['text'] as string));
    expect(ids.indexOf('Amber needs a note.')).toBe(ids.indexOf('note') + 1);
    expect(ids.indexOf('A revised date must be later.')).toBe(ids.indexOf('proposedDue') + 1);
    expect(elements.find((e) => e['id'] === 'rating')?.['value']).toBe('Amber');
    expect(elements.find((e) => e['id'] === 'evidence')?.['value']).toBe('http://x');
    expect(ids).toContain('2 things to fix before this can be saved:');
  });

  it('on a stale card says "you" when the newer save was the person’s own, from another card', () => {
    const card = renderUpdateFormCard({
      action,
      etag: 'fresh',
      period,
      stale: true,
      viewer: 'SLES@council.example',
    });
    const text = JSON.stringify(card.content);
    expect(text).toContain(
      'You already recorded Green for A2, from another card or chat, after this card was sent.',
    );
    expect(text).toContain('Your note then: On track.');
    expect(text).not.toContain('sles@council.example recorded');
  });

  it('on a stale card says who changed it and offers to save anyway', () => {
    const card = renderUpdateFormCard({ action, etag: 'fresh', period, stale: true });
    const text = JSON.stringify(card.content);
    expect(text).toContain(
      'sles@council.example recorded Green for A2 after this card was sent to you.',
    );
    expect(text).toContain('Their note: On track.');
    expect(text).toContain('Your answers are kept below.');
    expect(actions(card.content)[0]).toMatchObject({
      title: 'Save anyway',
      data: { etag: 'fresh' },
    });
  });
});

describe('receipt card', () => {
  const update = {
    ref: 'A2',
    programmeId: 'wsoa',
    periodId: 'Apr 2021',
    rating: 'Amber' as const,
    note: 'Two posts still vacant.',
    evidence: null,
    proposedDue: null,
  };

  it('says what was recorded, when, and offers Change while the period is open', () => {
    const card = renderReceiptCard({
      update,
      time: '10:42',
      date: '2021-04-01',
      period,
      canChange: true,
    });
    const heading = JSON.stringify(body(card.content)[0]);
    expect(heading).toContain('Recorded Amber for A2 at 10:42');
    // The colour is a swatch beside the word, never the colour of the words.
    expect(heading).toContain('"type":"Image","url":"data:image/png;base64,');
    expect(heading).not.toContain('"color"');
    expect(actions(card.content)[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'edit',
      title: 'Change',
      // The programme travels with the button, so a person in two programmes changes the right one.
      data: { programmeId: 'wsoa', ref: 'A2', periodId: 'Apr 2021' },
    });
    expect(JSON.stringify(card.content)).toContain('until the period closes on 23 Apr 2021');
  });

  it('has no Change button once the period has closed', () => {
    const card = renderReceiptCard({
      update,
      time: '10:42',
      date: '2021-04-01',
      period,
      canChange: false,
    });
    expect(actions(card.content)).toEqual([]);
  });
});
