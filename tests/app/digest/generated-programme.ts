import type { Action } from '../../../src/domain/action.js';
import type { Role } from '../../../src/domain/people.js';
import { DEFAULT_RULES } from '../../../src/domain/programme.js';
import type { Programme, Workstream } from '../../../src/domain/programme.js';
import { RATINGS } from '../../../src/domain/rating.js';
import type { StatusUpdate } from '../../../src/domain/status-update.js';
import type { Plan } from '../../../src/store/plan.repository.js';

export interface GeneratedProgrammeOptions {
  readonly actions: number;
  readonly periods?: number;
  readonly actionsPerWorkstream?: number;
  /** Share of actions left unrated in the last period, 0–1. */
  readonly unrated?: number;
}

const PERIODS = [
  { id: 'Oct 2019', closes: '2019-10-25', boardMeeting: '2019-11-06' },
  { id: 'Jan 2020', closes: '2020-01-24', boardMeeting: '2020-02-05' },
  { id: 'Apr 2020', closes: '2020-04-24', boardMeeting: '2020-05-06' },
  { id: 'Jul 2020', closes: '2020-07-24', boardMeeting: '2020-08-05' },
  { id: 'Oct 2020', closes: '2020-10-23', boardMeeting: '2020-11-04' },
  { id: 'Jan 2021', closes: '2021-01-15', boardMeeting: '2021-01-27' },
  { id: 'Apr 2021', closes: '2021-04-23', boardMeeting: '2021-05-05' },
  { id: 'Jul 2021', closes: '2021-07-23', boardMeeting: '2021-08-04' },
];

/** A small deterministic generator, so every run builds the same programme. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * A programme as large as asked, shaped like a real plan: workstreams of about 25 actions,
 * ratings in every period with notes, some overdue and some not yet rated.
 */
export function generateProgramme(options: GeneratedProgrammeOptions): Plan {
  const random = randomFrom(42);
  const periods = PERIODS.slice(0, options.periods ?? PERIODS.length);
  const perWorkstream = options.actionsPerWorkstream ?? 25;
  const programme: Programme = {
    id: 'big',
    name: `Generated programme of ${options.actions} actions`,
    timeZone: 'Europe/London',
    periods,
    rules: DEFAULT_RULES,
  };
  const workstreamCount = Math.ceil(options.actions / perWorkstream);
  const workstreams: Workstream[] = Array.from({ length: workstreamCount }, (_, i) => ({
    programmeId: programme.id,
    code: `W${i + 1}`,
    name: `Workstream number ${i + 1}`,
    leadRole: `LEAD${i + 1}`,
    aim: 'Improve outcomes for children and young people.',
  }));
  const roles: Role[] = [
    ...workstreams.map((w) => w.leadRole),
    ...Array.from({ length: 60 }, (_, i) => `OWNER${i + 1}`),
  ].map((code) => ({
    programmeId: programme.id,
    code,
    title: `Role ${code}`,
    person: `${code.toLowerCase()}@council.example`,
    deputy: null,
  }));
  const actions: Action[] = [];
  const ratings: StatusUpdate[] = [];
  for (let i = 0; i < options.actions; i += 1) {
    const workstream = workstreams[Math.floor(i / perWorkstream)] ?? workstreams[0];
    if (!workstream) break;
    const ref = `${workstream.code}-${(i % perWorkstream) + 1}`;
    actions.push({
      programmeId: programme.id,
      workstream: workstream.code,
      ref,
      title: `Action ${ref}: deliver the agreed improvement to assessment, planning and review`,
      ownerRole: `OWNER${(i % 60) + 1}`,
      contributors: [],
      due: random() < 0.3 ? '2020-06-30' : '2022-03-31',
      revisedDue: null,
      proposedDue: null,
      outcomes: 'Measured by timeliness and quality audits.',
      steps: [
        {
          letter: 'a',
          title: 'Plan the work',
          ownerRole: null,
          due: '2020-01-31',
          revisedDue: null,
        },
        { letter: 'b', title: 'Do the work', ownerRole: null, due: '2021-12-31', revisedDue: null },
      ],
      current: null,
    });
    periods.forEach((period, p) => {
      const last = p === periods.length - 1;
      if (last && random() < (options.unrated ?? 0.1)) return;
      const rating = RATINGS[Math.floor(random() * RATINGS.length)] ?? 'Amber';
      ratings.push({
        id: `gen|${ref}|${period.id}`,
        programmeId: programme.id,
        ref,
        periodId: period.id,
        rating,
        note: `${rating} in ${period.id}: steps a) and b) progressing; some delay from staffing, recovery plan agreed with the lead and reviewed monthly.`,
        evidence: null,
        proposedDue: null,
        rolledOver: false,
        by: `owner${(i % 60) + 1}@council.example`,
        at: `${period.closes}T${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`,
        source: 'card',
      });
    });
  }
  return { programme, workstreams, actions, roles, ratings };
}
