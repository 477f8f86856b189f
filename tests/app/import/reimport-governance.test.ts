import { describe, expect, it } from 'vitest';
import { ADMIN, importHarness, sampleWith } from './import-harness.js';
import { readFixture } from './plan-workbooks.js';
import { previewLines } from '../../../src/cards/import/preview-text.js';
import { withRevisions, type RevisionRequest } from '../../../src/domain/revision.js';
import type { Store } from '../../../src/store/store.js';

const programme = { programmeId: 'wsoa', programmeName: 'Thurrock SEND WSoA' };

/** A later date the board agreed for an action of the sample, against its plan dates. */
async function agree(store: Store, ref: string, toDue: string, at: string): Promise<void> {
  const action = (await store.actions.get('wsoa', ref))?.value;
  if (!action) throw new Error(`No ${ref}`);
  const request: RevisionRequest = {
    id: `r-${ref}`,
    programmeId: 'wsoa',
    ref,
    workstream: action.workstream,
    askedBy: 'slsesend@council.example',
    askedAt: '2021-02-01T09:00:00.000Z',
    reason: 'Backlog of annual reviews',
    fromDue: action.due,
    toDue,
    planDates: { due: action.due, revisedDue: action.revisedDue },
    decision: null,
  };
  await store.revisions.ask(request);
  await store.revisions.decide('wsoa', request.id, {
    outcome: 'approved',
    by: 'cd@council.example',
    at,
    reason: null,
  });
}

/** C2's date moved in the workbook to March 2021; every other action as it was. */
const c2Moved = () =>
  sampleWith('actions', (rows) => {
    const c2 = rows.find((r) => r[1] === 'C2' && r[2] === '');
    if (c2) c2[6] = 'Mar 2021';
  });

describe('a re-import and the revised dates the board agreed', () => {
  it('says, action by action, which agreed revision the workbook’s new dates replace, and which stay', async () => {
    const { store, importer } = importHarness();
    await importer.apply({ actor: ADMIN, workbook: await readFixture('sample'), ...programme });
    await agree(store, 'C2', '2021-04-30', '2021-02-03T10:00:00.000Z');
    await agree(store, 'B1', '2021-06-30', '2021-02-04T10:00:00.000Z');

    const preview = await importer.preview({
      actor: ADMIN,
      workbook: await c2Moved(),
      ...programme,
    });
    if (!preview.ok) throw new Error(preview.code);
    expect(previewLines(preview.value)).toEqual(
      expect.arrayContaining([
        "C2: the workbook sets 31 Mar 2021; the board's revision to 30 Apr 2021, agreed by cd@council.example on 3 Feb 2021, will be replaced.",
        'Revised dates agreed by the board stay for B1: the workbook leaves its dates alone.',
      ]),
    );

    await importer.apply({ actor: ADMIN, workbook: await c2Moved(), ...programme });
    const requests = await store.revisions.listForProgramme('wsoa');
    const due = async (ref: string) => {
      const action = (await store.actions.get('wsoa', ref))?.value;
      return action && withRevisions(action, requests).revisedDue;
    };
    expect(await due('C2')).toBeNull();
    expect((await store.actions.get('wsoa', 'C2'))?.value.due).toBe('2021-03-31');
    expect(await due('B1')).toBe('2021-06-30');
  });

  it('refuses a Confirm when a revision the workbook would replace was agreed after the preview', async () => {
    const { store, importer } = importHarness();
    await importer.apply({ actor: ADMIN, workbook: await readFixture('sample'), ...programme });
    const shown = await importer.preview({ actor: ADMIN, workbook: await c2Moved(), ...programme });
    if (!shown.ok) throw new Error(shown.code);
    await agree(store, 'C2', '2021-04-30', '2021-02-03T10:00:00.000Z');
    const confirmed = await importer.apply({
      actor: ADMIN,
      workbook: await c2Moved(),
      ...programme,
      expectedFingerprint: shown.value.fingerprint,
    });
    expect(confirmed.ok ? 'applied' : confirmed.code).toBe('PREVIEW_OUT_OF_DATE');
  });
});

describe('a re-import and the roles added with /assign', () => {
  const chair = {
    programmeId: 'wsoa',
    code: 'CHAIR',
    title: 'Chair of the SEND Improvement Board',
    person: 'chris.chair@council.example',
    deputy: null,
    assigned: true,
  };

  it('keeps a role added with /assign that the workbook does not have, and says so', async () => {
    const { store, importer } = importHarness();
    await importer.apply({ actor: ADMIN, workbook: await readFixture('sample'), ...programme });
    await store.roles.save(chair);
    const preview = await importer.preview({
      actor: ADMIN,
      workbook: await c2Moved(),
      ...programme,
    });
    if (!preview.ok) throw new Error(preview.code);
    expect(preview.value.changes.roles.removed).toEqual([]);
    expect(previewLines(preview.value)).toContain(
      'Roles added with /assign stay, as the workbook does not have it: CHAIR (Chair of the SEND Improvement Board, chris.chair@council.example).',
    );
    await importer.apply({ actor: ADMIN, workbook: await c2Moved(), ...programme });
    expect(await store.roles.get('wsoa', 'CHAIR')).toEqual(chair);
    expect((await store.roles.rolesOf('chris.chair@council.example')).map((r) => r.role)).toEqual([
      'CHAIR',
    ]);
    const same = await importer.preview({ actor: ADMIN, workbook: await c2Moved(), ...programme });
    expect(same.ok && same.value.unchanged).toBe(true);
  });

  it('removes a role the workbook dropped, and gives a role it now names to the workbook', async () => {
    const { store, importer } = importHarness();
    await importer.apply({ actor: ADMIN, workbook: await readFixture('sample'), ...programme });
    await store.roles.save(chair);
    // A role an earlier workbook had and this one drops: not added with /assign, so it goes.
    await store.roles.save({ ...chair, code: 'OLD', title: 'Old role', assigned: false });
    const workbook = await sampleWith('roles', (rows) => {
      rows.push(['CHAIR', 'Independent chair', 'new.chair@council.example', '']);
    });
    const preview = await importer.preview({ actor: ADMIN, workbook, ...programme });
    if (!preview.ok) throw new Error(preview.code);
    expect(preview.value.keptRoles).toEqual([]);
    expect(previewLines(preview.value)).toContain(
      'Roles: 1 changed (CHAIR: title, person, added with /assign, now in the workbook); 1 removed (OLD).',
    );
    await importer.apply({ actor: ADMIN, workbook, ...programme });
    expect(await store.roles.get('wsoa', 'OLD')).toBeNull();
    expect(await store.roles.get('wsoa', 'CHAIR')).toEqual({
      programmeId: 'wsoa',
      code: 'CHAIR',
      title: 'Independent chair',
      person: 'new.chair@council.example',
      deputy: null,
    });
  });
});
