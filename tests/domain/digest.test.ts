import { describe, expect, it } from 'vitest';
import { buildDigestData, type DigestData, type DigestInput } from '../../src/domain/digest.js';
import type { Person } from '../../src/domain/people.js';
import type { Rating } from '../../src/domain/rating.js';
import type { StatusUpdate } from '../../src/domain/status-update.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const plan = loadSamplePlan();
const january: DigestInput = {
  ...plan,
  periodId: 'Jan 2021',
  today: '2021-01-27',
  unreachable: [],
};

function digest(input: Partial<DigestInput> = {}): DigestData {
  const result = buildDigestData({ ...january, ...input });
  if (!result.ok) throw new Error(`Expected a digest, got ${result.code}`);
  return result.value;
}

function update(ref: string, rating: Rating, note: string, at: string): StatusUpdate {
  return {
    id: `card|${ref}|${at}`,
    programmeId: plan.programme.id,
    ref,
    periodId: 'Apr 2021',
    rating,
    note,
    evidence: null,
    proposedDue: null,
    rolledOver: false,
    by: `${ref.toLowerCase()}@council.example`,
    at,
    source: 'card',
  };
}

const april = (updates: StatusUpdate[]): Partial<DigestInput> => ({
  periodId: 'Apr 2021',
  today: '2021-05-03',
  updates: [...plan.updates, ...updates],
});

describe('digest data', () => {
  it("counts January 2021 from the sample's history: Blue 2, Green 3, Amber 7, Red 0", () => {
    const data = digest();
    expect(data.counts).toEqual({ Blue: 2, Green: 3, Amber: 7, Red: 0, 'Not yet rated': 0 });
    // Before January only A5 had a rating (Red, January 2020): not October 2020's, so
    // October counts as the chart's October column does, all not yet rated.
    expect(data.previousPeriod?.id).toBe('Oct 2020');
    expect(data.previousCounts).toEqual({
      Blue: 0,
      Green: 0,
      Amber: 0,
      Red: 0,
      'Not yet rated': 12,
    });
  });

  it('shows A5 improved from Red, compared with its last rating whichever period that was', () => {
    expect(digest().moved.map((m) => [m.ref, m.direction, m.from, m.to])).toEqual([
      ['A5', 'improved', 'Red', 'Green'],
    ]);
  });

  it('lists what is overdue with its effective due date and rating', () => {
    const overdue = digest().overdue.map((o) => [o.ref, o.due, o.rating]);
    expect(overdue).toEqual([
      ['A5', '2020-03-31', 'Green'],
      ['B1', '2020-09-30', 'Amber'],
      ['B2', '2020-10-31', 'Amber'],
      ['B4', '2020-08-31', 'Amber'],
      ['B5', '2020-10-31', 'Amber'],
      ['C1', '2020-07-31', 'Green'],
      ['C2', '2020-07-31', 'Amber'],
    ]);
  });

  it('warns of Greens that look doubtful, with the reason', () => {
    const warnings = digest().warnings.map((w) => [w.kind, 'ref' in w ? w.ref : '', w.message]);
    expect(warnings).toEqual([
      [
        'false-green',
        'A1',
        'Rated Green but 4 of its 4 dated steps are past their dates and not done.',
      ],
      ['false-green', 'A5', 'Rated Green but its due date (31 Mar 2020) has passed.'],
      ['false-green', 'C1', 'Rated Green but its due date (31 Jul 2020) has passed.'],
    ]);
  });

  it('lists who has not reported with their role and person, and keeps Blue actions Blue', () => {
    const data = digest(
      april([update('B3', 'Amber', 'Engagement events resumed online.', '2021-04-12T09:00:00Z')]),
    );
    expect(data.counts).toEqual({ Blue: 2, Green: 0, Amber: 1, Red: 0, 'Not yet rated': 9 });
    expect(data.previousCounts).toEqual({
      Blue: 2,
      Green: 3,
      Amber: 7,
      Red: 0,
      'Not yet rated': 0,
    });
    const waiting = data.notReported.map((n) => [n.ref, n.ownerRole, n.person]);
    expect(waiting).toHaveLength(9);
    expect(waiting).toContainEqual(['A5', 'SLBI', 'slbi@council.example']);
    expect(waiting.map(([ref]) => ref)).not.toContain('A3');
  });

  it('shows a worsened action and warns of a rating rolled over with no new note', () => {
    const c2 = plan.updates.find((u) => u.ref === 'C2' && u.periodId === 'Jan 2021');
    const data = digest(
      april([
        update(
          'A1',
          'Amber',
          'Monitoring paused while the team is restructured.',
          '2021-04-12T09:00:00Z',
        ),
        update('C2', 'Amber', c2?.note ?? '', '2021-04-13T09:00:00Z'),
      ]),
    );
    expect(data.moved.map((m) => [m.ref, m.direction, m.from, m.to])).toEqual([
      ['A1', 'worsened', 'Green', 'Amber'],
    ]);
    expect(data.warnings).toContainEqual({
      kind: 'rolled-over',
      ref: 'C2',
      message: 'Amber again with no new note since the last period.',
    });
  });

  it('lists the notes of the period newest first, the latest of each action only', () => {
    const data = digest(
      april([
        update('B1', 'Amber', 'Dashboard consultation started.', '2021-04-09T10:00:00Z'),
        update('B1', 'Green', 'Dashboard consultation finished early.', '2021-04-20T16:00:00Z'),
        update('B4', 'Amber', 'Visits restarting in May.', '2021-04-14T11:30:00Z'),
        update('B5', 'Green', '', '2021-04-22T08:15:00Z'),
      ]),
    );
    expect(data.notes.map((n) => [n.ref, n.rating, n.note])).toEqual([
      ['B1', 'Green', 'Dashboard consultation finished early.'],
      ['B4', 'Amber', 'Visits restarting in May.'],
    ]);
  });

  it('warns of people who could not be reached, naming their roles', () => {
    const slbi = plan.people.find((p) => p.email === 'slbi@council.example');
    const unreachable: Person[] = slbi
      ? [{ ...slbi, unreachable: { reason: 'blocked', since: '2021-01-04T09:00:00Z' } }]
      : [];
    expect(digest({ unreachable }).warnings).toContainEqual({
      kind: 'unreachable',
      person: 'slbi@council.example',
      roles: ['SLBI'],
      message: 'Could not reach slbi@council.example (SLBI): has blocked the bot.',
    });
    expect(digest({ unreachable, workstream: 'C' }).warnings.map((w) => w.kind)).not.toContain(
      'unreachable',
    );
  });

  it('narrows to one workstream by its code in any case', () => {
    const data = digest({ workstream: 'c' });
    expect(data.workstream?.name).toBe('Quality of EHC plans and annual reviews');
    expect(data.counts).toEqual({ Blue: 0, Green: 1, Amber: 1, Red: 0, 'Not yet rated': 0 });
    expect(data.overdue.map((o) => o.ref)).toEqual(['C1', 'C2']);
  });

  it('says which period or workstream it could not find', () => {
    expect(buildDigestData({ ...january, periodId: 'Jan 2031' })).toEqual({
      ok: false,
      code: 'PERIOD_NOT_FOUND',
    });
    expect(buildDigestData({ ...january, workstream: 'EHC' })).toEqual({
      ok: false,
      code: 'WORKSTREAM_NOT_FOUND',
    });
  });

  it('has no previous counts for the first period', () => {
    expect(digest({ periodId: 'Oct 2019' }).previousCounts).toBeNull();
  });
});
