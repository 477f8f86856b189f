import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/domain/measure.js';
import { buildMeasureDigest, measuresFor } from '../../src/domain/measure-digest.js';
import type { MeasureValue } from '../../src/domain/measure-value.js';
import type { Rating } from '../../src/domain/rating.js';
import type { StatusUpdate } from '../../src/domain/status-update.js';

const programme = {
  periods: [
    { id: 'Oct 2020', closes: '2020-10-23', boardMeeting: null },
    { id: 'Jan 2021', closes: '2021-01-15', boardMeeting: null },
    { id: 'Apr 2021', closes: '2021-04-23', boardMeeting: null },
  ],
};
const actions = [
  { ref: 'A1', workstream: 'A' },
  { ref: 'A2', workstream: 'A' },
  { ref: 'B1', workstream: 'B' },
];

const measure = (code: string, fields: Partial<Measure> = {}): Measure => ({
  programmeId: 'wsoa',
  code,
  name: `Measure ${code}`,
  unit: '%',
  better: 'higher',
  baseline: { value: 60, date: '2020-10-23' },
  target: { value: 80, date: '2021-04-23' },
  interimTargets: [],
  comparators: [],
  refs: [],
  workstreams: [],
  reportedBy: 'ADES',
  frequency: 'each period',
  source: '',
  ...fields,
});

const value = (code: string, periodId: string, figure: number): MeasureValue => ({
  id: `${code}-${periodId}`,
  programmeId: 'wsoa',
  code,
  periodId,
  value: figure,
  note: '',
  by: 'x@council.example',
  at: '2021-01-10T10:00:00.000Z',
  source: 'command',
});

const rated = (ref: string, periodId: string, rating: Rating): StatusUpdate => ({
  id: `${ref}-${periodId}`,
  programmeId: 'wsoa',
  ref,
  periodId,
  rating,
  note: '',
  evidence: null,
  proposedDue: null,
  rolledOver: false,
  by: 'x@council.example',
  at: '2021-01-10T10:00:00.000Z',
  source: 'card',
});

describe('measures in the digest', () => {
  it('warns when a measure is off track while every action it belongs to is Green', () => {
    const digest = buildMeasureDigest({
      programme,
      periodId: 'Jan 2021',
      measures: [measure('PLANS', { workstreams: ['A'] })],
      values: [value('PLANS', 'Jan 2021', 62)],
      actions,
      updates: [rated('A1', 'Jan 2021', 'Green'), rated('A2', 'Oct 2020', 'Green')],
      workstream: null,
    });
    expect(digest.warnings).toEqual([
      {
        kind: 'measure-off-track',
        code: 'PLANS',
        refs: ['A1', 'A2'],
        message:
          'PLANS is off track (62% against 69.2% on the line to its target) while A1, A2 are all Green.',
      },
    ]);
  });

  it('does not warn when an action already says Amber, or when the measure is on track', () => {
    const input = {
      programme,
      periodId: 'Jan 2021',
      measures: [measure('PLANS', { refs: ['A1', 'A2'] })],
      actions,
      workstream: null,
    };
    const amber = buildMeasureDigest({
      ...input,
      values: [value('PLANS', 'Jan 2021', 62)],
      updates: [rated('A1', 'Jan 2021', 'Green'), rated('A2', 'Jan 2021', 'Amber')],
    });
    expect(amber.warnings).toEqual([]);
    const onTrack = buildMeasureDigest({
      ...input,
      values: [value('PLANS', 'Jan 2021', 75)],
      updates: [rated('A1', 'Jan 2021', 'Green'), rated('A2', 'Jan 2021', 'Green')],
    });
    expect(onTrack.warnings).toEqual([]);
    expect(onTrack.standings[0]?.progress.track).toBe('on track');
  });

  it('shows each measure as its board saw it: values after the period are left out', () => {
    const digest = buildMeasureDigest({
      programme,
      periodId: 'Jan 2021',
      measures: [measure('PLANS', { refs: ['A1'] })],
      values: [
        value('PLANS', 'Oct 2020', 60),
        value('PLANS', 'Jan 2021', 70),
        value('PLANS', 'Apr 2021', 50),
      ],
      actions,
      updates: [],
      workstream: null,
    });
    expect(digest.standings[0]?.progress.latest?.value).toBe(70);
    expect(digest.standings[0]?.progress.direction).toBe('improving');
  });

  it('narrows to a workstream’s measures, and finds an action’s', () => {
    const measures = [
      measure('PLANS', { refs: ['A1'] }),
      measure('NEET', { workstreams: ['B'] }),
      measure('BOTH', { refs: ['B1'], workstreams: ['A'] }),
    ];
    expect(measuresFor(measures, actions, { workstream: 'a' }).map((m) => m.code)).toEqual([
      'PLANS',
      'BOTH',
    ]);
    expect(measuresFor(measures, actions, { workstream: 'B' }).map((m) => m.code)).toEqual([
      'NEET',
      'BOTH',
    ]);
    expect(measuresFor(measures, actions, { ref: 'b1' }).map((m) => m.code)).toEqual(['BOTH']);
  });
});
