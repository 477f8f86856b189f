import { describe, expect, it } from 'vitest';
import {
  MAX_NOTE_LENGTH,
  validateUpdate,
  type UpdateDraft,
} from '../../src/domain/update-validation.js';

const draft = (overrides: Partial<UpdateDraft>): UpdateDraft => ({
  rating: 'Green',
  note: '',
  evidence: null,
  proposedDue: null,
  currentDue: '2021-03-31',
  ...overrides,
});

function problems(overrides: Partial<UpdateDraft>): [string, string][] {
  const result = validateUpdate(draft(overrides));
  return result.ok ? [] : result.problems.map((p) => [p.field, p.message]);
}

describe('validating an update', () => {
  it('accepts Green with no note', () => {
    expect(validateUpdate(draft({}))).toEqual({ ok: true });
  });

  it('asks for a note on Red and on Amber, saying what it should cover', () => {
    expect(problems({ rating: 'Red' })).toEqual([
      ['note', 'Red needs a note: say what is late and what is being done about it.'],
    ]);
    expect(problems({ rating: 'Amber', note: '   ' })).toEqual([
      ['note', 'Amber needs a note: say what is late and what is being done about it.'],
    ]);
    expect(
      problems({ rating: 'Amber', note: 'Recruitment delayed; agency cover from March.' }),
    ).toEqual([]);
  });

  it('asks for evidence on Blue, and takes a note or a link as evidence', () => {
    expect(problems({ rating: 'Blue' })).toEqual([
      [
        'evidence',
        'Blue (completed and embedded) needs evidence: add a link, or a note saying what shows the work is done.',
      ],
    ]);
    expect(
      problems({ rating: 'Blue', evidence: 'https://council.example/board/minutes-jan' }),
    ).toEqual([]);
    expect(problems({ rating: 'Blue', note: 'Signed off by the board on 12 January.' })).toEqual(
      [],
    );
  });

  it('refuses a missing or unknown rating and names the choices', () => {
    expect(problems({ rating: null })).toEqual([
      ['rating', 'Choose a rating: Blue, Green, Amber, Red.'],
    ]);
    expect(problems({ rating: 'Purple' })).toEqual([
      ['rating', '"Purple" is not a rating. Choose one of Blue, Green, Amber, Red.'],
    ]);
  });

  it('refuses a proposed date that is not later than the current due date', () => {
    expect(problems({ proposedDue: '2021-03-31' })).toEqual([
      [
        'proposedDue',
        'A revised date must be later than the current due date (31 Mar 2021). Choose a date after it, or leave it blank.',
      ],
    ]);
    expect(problems({ proposedDue: '2021-01-10' })).toHaveLength(1);
    expect(problems({ proposedDue: '2021-04-01' })).toEqual([]);
  });

  it('refuses a proposed date that is not a real date', () => {
    expect(problems({ proposedDue: '2021-02-30' })).toEqual([
      [
        'proposedDue',
        '"2021-02-30" is not a date. Give the revised date as year-month-day, for example 2021-03-31.',
      ],
    ]);
  });

  it('accepts any real proposed date for an action that is ongoing or has no date', () => {
    expect(problems({ proposedDue: '2020-01-01', currentDue: 'Ongoing' })).toEqual([]);
    expect(problems({ proposedDue: '2020-01-01', currentDue: null })).toEqual([]);
  });

  it('refuses a note over 4,000 characters and says how long it is', () => {
    expect(problems({ note: 'x'.repeat(MAX_NOTE_LENGTH) })).toEqual([]);
    expect(problems({ note: 'x'.repeat(4321) })).toEqual([
      [
        'note',
        'The note is 4,321 characters long; the most is 4,000. Shorten it, or link to a longer document.',
      ],
    ]);
  });

  it('lists every problem at once so the owner can fix them together', () => {
    const result = validateUpdate(draft({ rating: 'Red', proposedDue: 'next month' }));
    expect(result).toMatchObject({ ok: false, code: 'INVALID_UPDATE' });
    expect(problems({ rating: 'Red', proposedDue: 'next month' }).map(([field]) => field)).toEqual([
      'note',
      'proposedDue',
    ]);
  });
});
