import { describe, expect, it } from 'vitest';
import { ADMIN, OWNER, importHarness, sampleWith, snapshot } from './import-harness.js';
import { readFixture } from './plan-workbooks.js';
import { seedSamplePlan } from '../seed-sample.js';
import { changesLine } from '../../../src/cards/import/preview-text.js';

const programme = { programmeId: 'wsoa', programmeName: 'Thurrock SEND WSoA' };

describe('import use case', () => {
  it('keeps the Deciders sheet with the programme’s governance, and an admin’s sign-off with it', async () => {
    const { store, importer } = importHarness();
    const workbook = await readFixture('sample');
    expect((await importer.apply({ actor: ADMIN, workbook, ...programme })).ok).toBe(true);
    const kept = await store.governance.get('wsoa');
    expect(kept?.deciders).toEqual(
      expect.arrayContaining([
        { role: 'CD', workstreams: 'all' },
        { role: 'ADES', workstreams: ['A'] },
      ]),
    );
    await store.governance.save({
      ...(kept ?? { programmeId: 'wsoa', chairRole: null, deciders: null }),
      signOff: true,
    });
    // The same workbook again, with workstream B's lead no longer deciding.
    const narrowed = await sampleWith('deciders', (rows) => {
      rows.splice(
        rows.findIndex((row) => row[0] === 'SLSPPEP'),
        1,
      );
    });
    const again = await importer.apply({ actor: ADMIN, workbook: narrowed, ...programme });
    expect(again.ok && again.value.written).toBe(true);
    const after = await store.governance.get('wsoa');
    expect(after?.signOff).toBe(true);
    expect(after?.deciders?.map((rule) => rule.role)).not.toContain('SLSPPEP');
  });

  it('previews a first import of the sample plan as all new, and writes nothing yet', async () => {
    const { importer, writes } = importHarness();
    const result = await importer.preview({
      actor: ADMIN,
      workbook: await readFixture('sample'),
      ...programme,
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.counts).toEqual({
      workstreams: 3,
      actions: 12,
      steps: 60,
      roles: 11,
      periods: 8,
      ratings: 13,
      measures: 4,
      measureValues: 2,
    });
    expect(result.value.changes.newProgramme).toBe(true);
    expect(result.value.changes.actions.added).toHaveLength(12);
    expect(result.value.changes.ratingsAdded).toBe(13);
    expect(writes.count).toBe(0);
  });

  it('applies the sample plan, after which every action, role, period and past rating can be read back', async () => {
    const { store, importer } = importHarness();
    const applied = await importer.apply({
      actor: ADMIN,
      workbook: await readFixture('sample'),
      ...programme,
    });
    expect(applied.ok && applied.value.written).toBe(true);
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);
    expect(await store.roles.list('wsoa')).toHaveLength(11);
    expect((await store.programmes.get('wsoa'))?.periods).toHaveLength(8);
    expect(await store.actions.historyOfProgramme('wsoa')).toHaveLength(13);
    expect((await store.actions.get('wsoa', 'A5'))?.value.current).toMatchObject({
      rating: 'Green',
      periodId: 'Jan 2021',
    });
  });

  it('says "no changes" when the same workbook is imported again, and applying it writes nothing', async () => {
    const { store, importer, writes } = importHarness();
    const workbook = await readFixture('sample');
    await importer.apply({ actor: ADMIN, workbook, ...programme });
    const before = await snapshot(store, 'wsoa');
    const again = await importer.preview({ actor: ADMIN, workbook, ...programme });
    expect(again.ok && again.value.unchanged).toBe(true);
    expect(again.ok && again.value.changes.ratingsAlreadyRecorded).toBe(13);
    const applied = await importer.apply({ actor: ADMIN, workbook, ...programme });
    expect(applied.ok && applied.value.written).toBe(false);
    expect(writes.count).toBe(1);
    expect(await snapshot(store, 'wsoa')).toEqual(before);
  });

  it('shows which actions and roles a changed workbook adds, changes and removes before it is confirmed', async () => {
    const { importer } = importHarness();
    await importer.apply({ actor: ADMIN, workbook: await readFixture('sample'), ...programme });
    const changed = await sampleWith('actions', (rows) => {
      const a3 = rows.find((r) => r[1] === 'A3' && r[2] === '');
      if (a3) a3[3] = 'Governance of the SEND service reviewed (new wording)';
      const c2Step = rows.findIndex((r) => r[1] === 'C2' && r[2] === 'i');
      rows.splice(c2Step, 1);
      rows.push([
        'C',
        'C3',
        '',
        'Joint commissioning of therapies',
        'SLCSC',
        '',
        'Dec 2021',
        '',
        '',
      ]);
    });
    const withRoles = {
      sheets: (
        await sampleWith('roles', (rows) => {
          const cd = rows.find((r) => r[0] === 'CD');
          if (cd) cd[2] = 'new.cd@council.example';
        })
      ).sheets.map((s) =>
        s.name === 'actions' ? (changed.sheets.find((c) => c.name === 'actions') ?? s) : s,
      ),
    };
    const result = await importer.preview({ actor: ADMIN, workbook: withRoles, ...programme });
    if (!result.ok) throw new Error(result.code);
    const { actions, roles } = result.value.changes;
    expect(actions.added).toEqual(['C3']);
    expect(actions.removed).toEqual([]);
    expect(actions.changed).toEqual([
      { key: 'A3', fields: ['title'] },
      { key: 'C2', fields: ['steps'] },
    ]);
    expect(roles.changed).toEqual([{ key: 'CD', fields: ['person'] }]);
    expect(result.value.unchanged).toBe(false);
  });

  it('keeps an action’s history when its title changes', async () => {
    const { store, importer } = importHarness();
    await importer.apply({ actor: ADMIN, workbook: await readFixture('sample'), ...programme });
    const renamed = await sampleWith('actions', (rows) => {
      const a5 = rows.find((r) => r[1] === 'A5' && r[2] === '');
      if (a5) a5[3] = 'One integrated case management system with a portal';
    });
    await importer.apply({ actor: ADMIN, workbook: renamed, ...programme });
    const a5 = await store.actions.get('wsoa', 'A5');
    expect(a5?.value.title).toBe('One integrated case management system with a portal');
    expect((await store.actions.history('wsoa', 'A5')).map((u) => u.periodId)).toEqual([
      'Jan 2021',
      'Jan 2020',
    ]);
  });

  it('finds nothing to change when the plan was loaded from the same sample by other means', async () => {
    const { store, importer } = importHarness();
    await seedSamplePlan(store);
    const result = await importer.preview({
      actor: ADMIN,
      workbook: await readFixture('sample'),
      programmeId: 'wsoa',
    });
    expect(result.ok && result.value.unchanged).toBe(true);
  });

  it('refuses a confirmation when the plan changed after the preview was shown', async () => {
    const { importer } = importHarness();
    const workbook = await readFixture('sample');
    const shown = await importer.preview({ actor: ADMIN, workbook, ...programme });
    if (!shown.ok) throw new Error(shown.code);
    await importer.apply({ actor: ADMIN, workbook: await readFixture('small'), ...programme });
    const confirmed = await importer.apply({
      actor: ADMIN,
      workbook,
      ...programme,
      expectedFingerprint: shown.value.fingerprint,
    });
    expect(confirmed.ok ? 'applied' : confirmed.code).toBe('PREVIEW_OUT_OF_DATE');
  });

  it('refuses someone who is not an admin, and writes nothing', async () => {
    const { importer, writes } = importHarness();
    const result = await importer.apply({
      actor: OWNER,
      workbook: await readFixture('sample'),
      ...programme,
    });
    expect(result.ok ? 'applied' : result.code).toBe('NOT_ADMIN');
    expect(writes.count).toBe(0);
  });
});

describe('preview text', () => {
  it('lists a long run of changes only up to the limit a card can hold, then counts the rest', () => {
    const changes = { added: ['A1', 'A2', 'A3', 'A4'], removed: [], changed: [] };
    expect(changesLine(changes, 2)).toBe('4 added (A1, A2 and 2 more)');
    expect(changesLine(changes)).toBe('4 added (A1, A2, A3, A4)');
  });
});
