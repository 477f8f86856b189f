import { describe, expect, it } from 'vitest';
import {
  answerQuery,
  isFallingRating,
  signOffFrom,
  signOffLines,
  signOffProblems,
  signOffStates,
} from '../../src/domain/sign-off.js';

const lines = signOffLines([
  { ref: 'B1', title: 'Indicators', rating: 'Amber', note: 'Delayed', previous: 'Green' },
  { ref: 'B2', title: 'Parents', rating: 'Green', note: 'On track', previous: 'Green' },
]);
const base = {
  programmeId: 'wsoa',
  workstream: 'B',
  periodId: 'Jan 2021',
  by: 'slsppep@council.example',
  at: '2021-01-16T10:00:00.000Z',
};

describe('a falling rating', () => {
  it('is Blue to anything, or Green to Amber or Red', () => {
    expect(isFallingRating('Blue', 'Green')).toBe(true);
    expect(isFallingRating('Blue', 'Red')).toBe(true);
    expect(isFallingRating('Green', 'Amber')).toBe(true);
    expect(isFallingRating('Green', 'Red')).toBe(true);
    expect(isFallingRating('Amber', 'Red')).toBe(false);
    expect(isFallingRating('Amber', 'Green')).toBe(false);
    expect(isFallingRating(null, 'Red')).toBe(false);
    expect(lines.map((l) => l.falling)).toEqual([true, false]);
  });
});

describe('signing off a workstream', () => {
  it('needs Agree or Query for every action, and a note with each query', () => {
    expect(
      signOffProblems(lines, [
        { ref: 'B1', verdict: 'query', note: ' ' },
        { ref: 'X9', verdict: 'agree', note: '' },
      ]),
    ).toEqual([
      { ref: 'X9', message: 'X9 is not an action of this workstream.' },
      { ref: 'B1', message: 'Say what you are asking about B1: its owner answers the query.' },
      { ref: 'B2', message: 'Choose Agree or Query for B2.' },
    ]);
  });

  it('records the verdicts and raises a query for each action queried', () => {
    const drafts = [
      { ref: 'B1', verdict: 'query', note: 'Why Amber when b) is done?' },
      { ref: 'b2', verdict: 'agree', note: '' },
    ];
    expect(signOffProblems(lines, drafts)).toEqual([]);
    const { signOff, queries } = signOffFrom(base, lines, drafts);
    expect(signOff.items.map((i) => [i.ref, i.verdict, i.note])).toEqual([
      ['B1', 'query', 'Why Amber when b) is done?'],
      ['B2', 'agree', null],
    ]);
    expect(queries).toMatchObject([
      {
        id: 'Jan 2021|B|B1',
        ref: 'B1',
        question: 'Why Amber when b) is done?',
        rating: 'Amber',
        answer: null,
      },
    ]);
  });

  it('lets only the owner answer a query, once, with words or a revised update', () => {
    const [query] = signOffFrom(base, lines, [
      { ref: 'B1', verdict: 'query', note: 'Why?' },
      { ref: 'B2', verdict: 'agree', note: '' },
    ]).queries;
    if (!query) throw new Error('expected a query');
    const answer = {
      by: 'slsppep@council.example',
      at: '2021-01-17T09:00:00.000Z',
      text: 'c) slipped.',
      revised: false,
    };
    expect(answerQuery(query, answer, false)).toMatchObject({ code: 'NOT_OWNER' });
    expect(answerQuery(query, { ...answer, text: ' ' }, true)).toMatchObject({
      code: 'ANSWER_REQUIRED',
    });
    expect(answerQuery(query, { ...answer, text: '', revised: true }, true).ok).toBe(true);
    const answered = answerQuery(query, answer, true);
    if (!answered.ok) throw new Error('expected the answer to be taken');
    expect(answerQuery(answered.query, answer, true)).toMatchObject({ code: 'ALREADY_ANSWERED' });
    expect(signOffStates(['B'], 'Jan 2021', [], [query])[0]?.openQueries).toHaveLength(1);
    expect(signOffStates(['B'], 'Jan 2021', [], [answered.query])[0]?.openQueries).toHaveLength(0);
  });

  it('says per workstream whether its lead has signed off', () => {
    const { signOff } = signOffFrom(base, lines, []);
    expect(signOffStates(['A', 'B'], 'Jan 2021', [signOff], [])).toEqual([
      { workstream: 'A', signedOff: null, openQueries: [] },
      {
        workstream: 'B',
        signedOff: { by: 'slsppep@council.example', at: '2021-01-16T10:00:00.000Z' },
        openQueries: [],
      },
    ]);
  });
});
