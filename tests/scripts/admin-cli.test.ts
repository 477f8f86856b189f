import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../scripts/admin/run-admin.js';
import { createMemoryAdminRepository } from '../../src/store/memory-admin.repository.js';
import { createMemoryLinkRepository } from '../../src/store/memory-link.repository.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { workbookFolder } from '../app/import/plan-workbooks.js';

function cli() {
  const store = createMemoryStore();
  const admins = createMemoryAdminRepository();
  const links = createMemoryLinkRepository();
  let lines: string[] = [];
  const options = {
    store,
    admins,
    links,
    configuredAdmins: ['admin@council.example'],
    clock: { now: () => new Date('2020-03-02T10:00:00Z') },
    user: 'ops',
    out: (line: string) => lines.push(line),
  };
  return {
    store,
    links,
    run: async (...argv: string[]) => {
      lines = [];
      const code = await runAdmin(argv, options);
      return { code, text: lines.join('\n') };
    },
  };
}

const sample = workbookFolder('sample');

describe('npm run admin', () => {
  it('previews an import with --dry-run and writes nothing', async () => {
    const { run, store } = cli();
    const result = await run(
      'import',
      sample,
      '--programme',
      'wsoa',
      '--name',
      'Thurrock WSoA',
      '--dry-run',
    );
    expect(result.code).toBe(0);
    expect(result.text).toContain(
      'Thurrock WSoA (wsoa): 3 workstreams, 12 actions, 60 steps, 11 roles, 8 periods, 13 past ratings, 4 measures, 2 past measure values.',
    );
    expect(result.text).toContain('Dry run: nothing was written.');
    expect(await store.programmes.list()).toEqual([]);
  });

  it('imports a plan, then says "no changes" when the same one is imported again', async () => {
    const { run, store } = cli();
    expect((await run('import', sample, '--programme', 'wsoa')).text).toContain(
      'Imported: the plan is now in place.',
    );
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);
    const again = await run('import', sample);
    expect(again.text).toContain(
      'No changes: the stored plan is already the same as this workbook.',
    );
    expect(again.text).toContain('Nothing to write.');
  });

  it('names the programme after the folder when none exists and no id is given', async () => {
    const { run, store } = cli();
    await run('import', sample);
    expect((await store.programmes.list()).map((p) => p.id)).toEqual(['sample']);
  });

  it('lists every problem of a broken workbook with its place, and exits with 1', async () => {
    const { run, store } = cli();
    const result = await run(
      'import',
      workbookFolder('broken/unknown-workstream'),
      '--programme',
      'small',
    );
    expect(result.code).toBe(1);
    expect(result.text).toBe(
      'The workbook has 1 problem; nothing was imported.\n' +
        '  actions, row 5, column Workstream (A): "Z" is not a workstream in the Workstreams sheet. Use one of its codes, or add the workstream there.',
    );
    expect(await store.programmes.list()).toEqual([]);
  });

  it('assigns people and deputies to roles and lists them', async () => {
    const { run } = cli();
    await run('import', sample, '--programme', 'wsoa');
    expect((await run('assign', 'dco', 'New.DCO@ccg.example')).text).toBe(
      'DCO is now new.dco@ccg.example (was dco@ccg.example).',
    );
    expect((await run('deputy', 'DCO', 'cover@ccg.example')).text).toBe(
      'deputy of DCO is now cover@ccg.example (was nobody).',
    );
    expect((await run('roles')).text).toContain(
      'DCO        new.dco@ccg.example, deputy cover@ccg.example  — Designated Clinical Officer',
    );
    const bad = await run('assign', 'NOPE', 'x@council.example');
    expect(bad).toEqual({
      code: 1,
      text: 'There is no role with that code in this programme. Run "npm run admin -- roles" to list them; to add one the plan does not have, give its title: assign CHAIR EMAIL Chair of the board.',
    });
    expect(
      (await run('assign', 'chair', 'chair@council.example', 'Chair', 'of', 'the', 'board')).text,
    ).toBe(
      'CHAIR is now chair@council.example (a new role the workbook does not have; a re-import keeps it).',
    );
  });

  it('shows the calendar with British dates and the period open now', async () => {
    const { run } = cli();
    await run('import', sample, '--programme', 'wsoa');
    const { text } = await run('calendar');
    expect(text).toContain('Apr 2020   closes 24 Apr 2020, board meets 6 May 2020  ← open now');
  });

  it('adds and lists admins, and links a board channel', async () => {
    const { run, links } = cli();
    await run('import', sample, '--programme', 'wsoa');
    expect((await run('admins', 'add', 'colleague@council.example')).text).toBe(
      'colleague@council.example is now an admin.',
    );
    expect((await run('admins')).text).toBe(
      'admin@council.example  (from ADMINS)\ncolleague@council.example  (added by terminal:ops on 2020-03-02)',
    );
    expect((await run('link', 'board', '19:board@thread.tacv2')).code).toBe(0);
    expect((await links.listBoard('wsoa')).map((l) => l.conversationKey)).toEqual([
      '19:board@thread.tacv2',
    ]);
  });

  it('explains how to use it when the verb is unknown, and exits with 2', async () => {
    const { run } = cli();
    const result = await run('frobnicate');
    expect(result.code).toBe(2);
    expect(result.text).toContain('"frobnicate" is not something this command does.');
    expect(result.text).toContain('npm run admin -- import');
  });

  it('says a file cannot be read, rather than failing, for a missing path or a broken xlsx', async () => {
    const { run } = cli();
    const missing = await run('import', join(tmpdir(), 'no-such-plan.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.text).toMatch(/^no-such-plan\.xlsx: The file could not be read \(ENOENT/);
    const folder = await mkdtemp(join(tmpdir(), 'admin-cli-'));
    try {
      await writeFile(join(folder, 'plan.xlsx'), 'this is not a spreadsheet');
      const broken = await run('import', join(folder, 'plan.xlsx'));
      expect(broken.code).toBe(1);
      expect(broken.text).toContain('plan.xlsx: The file could not be read');
      expect(broken.text).toContain('Save it again as .xlsx or .csv and send it again.');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
