import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { NOT_RATED } from '../../src/domain/rating.js';
import { summarise, type StatusSummary } from '../../src/domain/status-summary.js';
import { getSummary, putSummary } from '../../src/store/tables-summary-columns.js';

const rowOf = (summary: StatusSummary): Record<string, unknown> => {
  const row = { partitionKey: 'p', rowKey: 'r' };
  putSummary(row, summary);
  return row;
};

const counts = fc.record({
  Blue: fc.nat(),
  Green: fc.nat(),
  Amber: fc.nat(),
  Red: fc.nat(),
  [NOT_RATED]: fc.nat(),
});

/** Days from 1999 to 2060, so gaps of years and of one day both occur. */
const day = fc.integer({ min: 0, max: 22_500 }).map((n) => addDays('1999-12-31', n));

const summary = (days: fc.Arbitrary<string>): fc.Arbitrary<StatusSummary> =>
  fc.record({
    total: fc.nat(),
    counts,
    openByDue: fc
      .dictionary(
        days,
        fc.integer({ min: -3, max: 500 }).filter((n) => n !== 0),
      )
      .map((counts) => new Map(Object.entries(counts))),
    ratedIn: fc.dictionary(fc.constantFrom('P1', 'Oct 2025', 'Q3'), fc.nat()),
  });

describe('a summary as stored', () => {
  it('reads back as it was written, whatever its days and counts', () => {
    fc.assert(
      fc.property(summary(day), (written) => {
        expect(getSummary(rowOf(written))).toEqual(written);
      }),
    );
  });

  it('keeps a day that is not a date as it is', () => {
    fc.assert(
      fc.property(summary(fc.oneof(day, fc.string())), (written) => {
        expect(getSummary(rowOf(written))).toEqual(written);
      }),
    );
  });

  it('reads a row written before the days were packed', () => {
    const before = {
      json: JSON.stringify({
        total: 3,
        counts: { Blue: 1, Green: 1, Amber: 0, Red: 1, [NOT_RATED]: 0 },
        openByDue: { '2026-03-31': 2 },
        ratedIn: { P1: 3 },
      }),
    };
    expect(getSummary(before).openByDue).toEqual(new Map([['2026-03-31', 2]]));
  });

  it('writes a workstream of 1,000 open actions due over 400 days in under a third of the characters', () => {
    const actions = Array.from({ length: 1_000 }, (_, n) => ({
      due: addDays('2026-06-01', (n * 37) % 400),
      revisedDue: null,
      current: null,
    }));
    const kept = summarise(actions);
    const packed = String(rowOf(kept).json).length;
    expect(kept.openByDue.size).toBe(400);
    const unpacked = JSON.stringify({ ...kept, openByDue: Object.fromEntries(kept.openByDue) });
    expect(packed * 3).toBeLessThan(unpacked.length);
  });
});
