import { beforeEach, describe, expect, it } from 'vitest';
import {
  createMeasureUseCase,
  type MeasureUseCase,
} from '../../../src/app/measures/measure.use-case.js';
import type { Programme } from '../../../src/domain/programme.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { fixedClock, seedSamplePlan } from '../seed-sample.js';

const ADES = { email: 'ades@council.example', isAdmin: false };
const submission = (code: string, text: string, key = 'activity-1') => ({
  code,
  text,
  note: '',
  source: 'command' as const,
  submissionKey: key,
});

describe('measure use case', () => {
  let store: Store;
  let programme: Programme;
  let measures: MeasureUseCase;
  beforeEach(async () => {
    store = createMemoryStore();
    programme = (await seedSamplePlan(store)).programme;
    // A minute passes between messages, as it would between a value and its correction.
    let minutes = 0;
    const start = fixedClock('2021-04-12T09:00:00Z').now().getTime();
    const clock = { now: () => new Date(start + 60_000 * minutes++) };
    measures = createMeasureUseCase({ ...store, clock });
  });

  it('records a value in the open period, and says which way it moved since the last', async () => {
    const result = await measures.record(programme, submission('ehc20', '78.2%'), ADES);
    if (!result.ok) throw new Error(result.code);
    expect(result.value).toMatchObject({ code: 'EHC20', periodId: 'Apr 2021', value: 78.2 });
    expect(result.progress.direction).toBe('improving');
    expect(result.progress.previous?.value).toBe(75.9);
    expect(await store.measures.historyOf('wsoa', 'EHC20')).toHaveLength(2);
  });

  it('keeps a correction as history, and the same message twice adds nothing', async () => {
    await measures.record(programme, submission('EHC20', '70'), ADES);
    await measures.record(programme, submission('EHC20', '70'), ADES);
    const corrected = await measures.record(
      programme,
      submission('EHC20', '72', 'activity-2'),
      ADES,
    );
    expect(corrected.ok && corrected.progress.latest?.value).toBe(72);
    const history = await store.measures.historyOf('wsoa', 'EHC20');
    expect(history.map((v) => [v.periodId, v.value])).toEqual([
      ['Apr 2021', 72],
      ['Apr 2021', 70],
      ['Jan 2021', 75.9],
    ]);
  });

  it('refuses a percentage over 100 and records nothing', async () => {
    const result = await measures.record(programme, submission('EHC20', '759'), ADES);
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_MEASURE_VALUE',
      message: '759 is not a percentage between 0 and 100. Write, say, 75.9.',
    });
    expect(await store.measures.historyOf('wsoa', 'EHC20')).toHaveLength(1);
  });

  it('refuses someone who does not hold the reporting role, and suggests a close code', async () => {
    const other = await measures.record(programme, submission('EHC20', '70'), {
      email: 'dco@ccg.example',
      isAdmin: false,
    });
    expect(other).toMatchObject({ ok: false, code: 'NOT_REPORTER', role: { code: 'ADES' } });
    const typo = await measures.record(programme, submission('EHC2', '70'), ADES);
    expect(typo).toMatchObject({ ok: false, code: 'MEASURE_NOT_FOUND', suggestions: ['EHC20'] });
  });

  it('lists the measures a role reports, and those of a workstream and of an action', async () => {
    const asked = await measures.reportedBy(programme, ['P16SM']);
    expect(asked.map((s) => s.measure.code)).toEqual(['NEET1618', 'SINTERN', 'APPREN']);
    expect(asked[0]?.progress.latest?.value).toBe(3);
    const actions = (await store.actions.listByProgramme('wsoa')).map((a) => a.value);
    const ofA = await measures.standings(programme, actions, { workstream: 'A' });
    expect(ofA.map((s) => s.measure.code)).toEqual(['EHC20', 'NEET1618', 'SINTERN', 'APPREN']);
    const ofA1 = await measures.standings(programme, actions, { ref: 'A1' });
    expect(ofA1.map((s) => s.measure.code)).toEqual(['EHC20']);
    expect(await measures.standings(programme, actions, { workstream: 'C' })).toEqual([]);
  });
});
