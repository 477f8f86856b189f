import type { Action, Step } from '../src/domain/action.js';
import type { Role } from '../src/domain/people.js';
import {
  DEFAULT_RULES,
  DEFAULT_TIME_ZONE,
  type ReportingPeriod,
  type Workstream,
} from '../src/domain/programme.js';
import type { Rating } from '../src/domain/rating.js';
import type { StatusUpdate } from '../src/domain/status-update.js';
import type { Plan } from '../src/store/plan.repository.js';

export const BENCH_PROGRAMME_ID = 'bench';
const WORKSTREAM_CODES = ['EHC', 'ID', 'JC', 'QA', 'PA', 'SC', 'HL', 'TR', 'EY', 'PF'] as const;
const RATINGS: readonly Rating[] = ['Red', 'Amber', 'Green', 'Blue'];

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/**
 * A programme of `actionsPerWorkstream` × 10 actions (1,000 by default), three steps each and
 * a rating for each of the last two periods: the size the issue asks the benchmark to use.
 * Periods run around `today` so one is always open.
 */
export function generateBenchPlan(today: Date, actionsPerWorkstream = 100): Plan {
  const periods: ReportingPeriod[] = [-180, -90, 0, 90].map((offset, index) => {
    const closes = addDays(today, offset + 14);
    return {
      id: `P${index + 1}`,
      closes: isoDay(closes),
      boardMeeting: isoDay(addDays(closes, 12)),
    };
  });
  const roles: Role[] = WORKSTREAM_CODES.map((code) => ({
    programmeId: BENCH_PROGRAMME_ID,
    code: `${code}LEAD`,
    title: `Lead for ${code}`,
    person: `${code.toLowerCase()}.lead@bench.example`,
    deputy: null,
  }));
  // The chair reads the programme as its members do: by holding one of its roles.
  roles.push({
    programmeId: BENCH_PROGRAMME_ID,
    code: 'CHAIR',
    title: 'Chair of the improvement board',
    person: 'chair@bench.example',
    deputy: null,
  });
  const workstreams: Workstream[] = WORKSTREAM_CODES.map((code) => ({
    programmeId: BENCH_PROGRAMME_ID,
    code,
    name: `Workstream ${code}`,
    leadRole: `${code}LEAD`,
    aim: `Improve ${code} outcomes for children and young people.`,
  }));
  const actions: Action[] = [];
  const ratings: StatusUpdate[] = [];
  for (const [w, code] of WORKSTREAM_CODES.entries()) {
    for (let n = 1; n <= actionsPerWorkstream; n += 1) {
      const ref = `${code}${n}`;
      const due = isoDay(addDays(today, ((n * 37) % 400) - 200));
      const steps: Step[] = ['a', 'b', 'c'].map((letter, s) => ({
        letter,
        title: `Step ${letter} of ${ref}: agree, deliver and review the change with partners`,
        ownerRole: null,
        due: isoDay(addDays(today, ((n * 11 + s * 29) % 300) - 150)),
        revisedDue: null,
      }));
      actions.push({
        programmeId: BENCH_PROGRAMME_ID,
        workstream: code,
        ref,
        title: `${ref}: make sure every child's plan is reviewed on time and reflects their needs`,
        ownerRole: `${code}LEAD`,
        contributors: [],
        due,
        revisedDue: null,
        proposedDue: null,
        outcomes: 'Reviews on time; families say the plan reflects their child.',
        steps,
        current: null,
      });
      for (const [p, period] of periods.slice(0, 2).entries()) {
        const rating = RATINGS[(n + w + p) % RATINGS.length] ?? 'Green';
        ratings.push({
          id: `${ref}-${period.id}`,
          programmeId: BENCH_PROGRAMME_ID,
          ref,
          periodId: period.id,
          rating,
          note:
            rating === 'Red' || rating === 'Amber'
              ? 'Delayed by recruitment; interim cover in place.'
              : '',
          evidence: rating === 'Blue' ? 'Audit report' : null,
          proposedDue: null,
          rolledOver: false,
          by: `${code.toLowerCase()}.lead@bench.example`,
          at: `${period.closes}T09:00:00.000Z`,
          source: 'import',
        });
      }
    }
  }
  return {
    programme: {
      id: BENCH_PROGRAMME_ID,
      name: 'Benchmark programme',
      timeZone: DEFAULT_TIME_ZONE,
      periods,
      rules: DEFAULT_RULES,
    },
    workstreams,
    actions,
    roles,
    ratings,
  };
}
