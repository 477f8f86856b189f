import { describe, expect, it } from 'vitest';
import { governanceWorld, person } from './governance-world.js';

const lead = person('slsppep@council.example');

describe('sign-off use case', () => {
  it('shows the lead every action of the workstream with its rating and note, flagging a fall', async () => {
    const world = await governanceWorld('2021-01-18T10:00:00Z');
    const sheet = await world.signOff.sheet(world.programme, 'b', 'Jan 2021');
    if (!sheet.ok) throw new Error(sheet.code);
    expect(sheet.sheet.lines.map((l) => [l.ref, l.rating])).toEqual([
      ['B1', 'Amber'],
      ['B2', 'Amber'],
      ['B3', 'Amber'],
      ['B4', 'Amber'],
      ['B5', 'Amber'],
    ]);
    expect(sheet.sheet.lines.some((l) => l.falling)).toBe(false);
  });

  it('records a sign-off, sends each query to the action’s owner, and the owner answers it once', async () => {
    const world = await governanceWorld('2021-01-18T10:00:00Z');
    const drafts = ['B1', 'B2', 'B3', 'B4', 'B5'].map((ref) => ({
      ref,
      verdict: ref === 'B1' ? 'query' : 'agree',
      note: ref === 'B1' ? 'Is b) really delayed?' : '',
    }));
    const result = await world.signOff.submit(
      world.programme,
      { workstream: 'B', periodId: 'Jan 2021', drafts },
      lead,
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.queries.map((q) => [q.query.ref, q.owners])).toEqual([
      ['B1', ['slsp@council.example']],
    ]);
    const states = await world.signOff.states(world.programme, 'Jan 2021');
    expect(
      states.map((s) => [s.workstream, s.signedOff?.by ?? null, s.openQueries.length]),
    ).toEqual([
      ['A', null, 0],
      ['B', 'slsppep@council.example', 1],
      ['C', null, 0],
    ]);
    const queryId = result.queries[0]?.query.id ?? '';
    expect(
      await world.signOff.answer(world.programme, { queryId, text: 'Yes.', revised: false }, lead),
    ).toMatchObject({ code: 'NOT_OWNER' });
    const answered = await world.signOff.answer(
      world.programme,
      { queryId, text: 'Consultation moved to March.', revised: false },
      person('slsp@council.example'),
    );
    expect(answered.ok && answered.query.answer?.text).toBe('Consultation moved to March.');
    expect((await world.signOff.states(world.programme, 'Jan 2021'))[1]?.openQueries).toEqual([]);
    expect(
      await world.signOff.submit(
        world.programme,
        { workstream: 'B', periodId: 'Jan 2021', drafts },
        lead,
      ),
    ).toMatchObject({ code: 'ALREADY_SIGNED_OFF' });
  });

  it('refuses someone who does not lead the workstream, and a query with no note', async () => {
    const world = await governanceWorld('2021-01-18T10:00:00Z');
    const drafts = ['B1', 'B2', 'B3', 'B4', 'B5'].map((ref) => ({
      ref,
      verdict: 'agree',
      note: '',
    }));
    expect(
      await world.signOff.submit(
        world.programme,
        { workstream: 'B', periodId: 'Jan 2021', drafts },
        person('ades@council.example'),
      ),
    ).toMatchObject({ code: 'NOT_LEAD' });
    const bad = drafts.map((d) => (d.ref === 'B3' ? { ...d, verdict: 'query' } : d));
    const result = await world.signOff.submit(
      world.programme,
      { workstream: 'B', periodId: 'Jan 2021', drafts: bad },
      lead,
    );
    expect(
      result.ok === false &&
        result.code === 'INVALID_SIGN_OFF' &&
        result.problems.map((p) => p.ref),
    ).toEqual(['B3']);
  });

  it('flags a rating that fell since the last period', async () => {
    const world = await governanceWorld('2021-01-18T10:00:00Z');
    // A5 was Red in Jan 2020 and Green in Jan 2021; rate it Amber in Apr 2021.
    const a5 = await world.store.actions.get('wsoa', 'A5');
    if (!a5) throw new Error('A5 is in the sample');
    await world.store.actions.recordUpdate(
      {
        id: 'u-a5',
        programmeId: 'wsoa',
        ref: 'A5',
        periodId: 'Apr 2021',
        rating: 'Amber',
        note: 'Portal delayed.',
        evidence: null,
        proposedDue: null,
        rolledOver: false,
        by: 'slbi@council.example',
        at: '2021-04-20T10:00:00.000Z',
        source: 'card',
      },
      a5.etag,
    );
    const sheet = await world.signOff.sheet(world.programme, 'A', 'Apr 2021');
    const line = sheet.ok ? sheet.sheet.lines.find((l) => l.ref === 'A5') : undefined;
    expect(line).toMatchObject({ rating: 'Amber', previous: 'Green', falling: true });
  });
});
