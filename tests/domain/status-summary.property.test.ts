import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOverdue, isStale } from '../../src/domain/action-facts.js';
import { RATINGS } from '../../src/domain/rating.js';
import {
  changeSummary,
  notReportedIn,
  overdueOn,
  summarise,
  type SummarisedAction,
} from '../../src/domain/status-summary.js';

const day = fc.constantFrom('2026-01-31', '2026-03-31', '2026-06-30', 'Ongoing', null);
const period = fc.constantFrom('Oct 2025', 'Jan 2026', 'Apr 2026');

const summarised: fc.Arbitrary<SummarisedAction> = fc.record({
  due: day,
  revisedDue: fc.constantFrom(null, null, '2026-09-30'),
  current: fc.option(
    fc.record({
      updateId: fc.constant('u'),
      periodId: period,
      rating: fc.constantFrom(...RATINGS),
      note: fc.constant(''),
      at: fc.constant('2026-01-20T10:00:00.000Z'),
      by: fc.constant('owner@example.org'),
    }),
    { nil: null },
  ),
});

describe('status summary', () => {
  it('kept one change at a time, equals the summary worked out from scratch', () => {
    fc.assert(
      fc.property(
        fc.array(summarised, { maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(), fc.option(summarised, { nil: null })), { maxLength: 30 }),
        (start, changes) => {
          const actions: (SummarisedAction | null)[] = [...start];
          let kept = summarise(start);
          for (const [at, next] of changes) {
            const index = actions.length === 0 ? 0 : at % (actions.length + 1);
            kept = changeSummary(kept, actions[index] ?? null, next);
            actions[index] = next;
          }
          const present = actions.filter((a): a is SummarisedAction => a !== null);
          expect(kept).toEqual(summarise(present));
        },
      ),
    );
  });

  it('counts overdue and not reported by the same rules as the action facts', () => {
    fc.assert(
      fc.property(
        fc.array(summarised, { maxLength: 30 }),
        fc.constantFrom('2026-02-01', '2026-04-01', '2026-12-01'),
        period,
        (actions, today, periodId) => {
          const summary = summarise(actions);
          expect(overdueOn(summary, today)).toBe(actions.filter((a) => isOverdue(a, today)).length);
          expect(notReportedIn(summary, periodId)).toBe(
            actions.filter((a) => isStale(a, periodId)).length,
          );
        },
      ),
    );
  });
});
