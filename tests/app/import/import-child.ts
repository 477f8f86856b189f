/**
 * Imports a CSV folder into Azure Tables and reports each stage on stdout, for the crash test
 * to kill part-way. Settings come from the environment the test gives it.
 */
import { createAdminDirectory } from '../../../src/app/admin/admin-directory.js';
import { createImportUseCase } from '../../../src/app/import/import.use-case.js';
import { readCsvFolder } from '../../../src/app/import/read-csv.js';
import { createTablesStore } from '../../../src/store/tables-store.js';

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`The import child needs ${name}.`);
  return value;
}

const store = await createTablesStore({
  connection: { connectionString: setting('IMPORT_CONNECTION_STRING') },
  tablePrefix: setting('IMPORT_TABLE_PREFIX'),
});
const directory = createAdminDirectory({ configured: [], admins: store.admins });
const importer = createImportUseCase({ ...store, directory });
const request = {
  actor: { kind: 'terminal', user: 'crash-test' } as const,
  workbook: await readCsvFolder(setting('IMPORT_FOLDER')),
  programmeId: setting('IMPORT_PROGRAMME'),
};
const preview = await importer.preview(request);
if (!preview.ok) throw new Error(`The workbook should be valid: ${preview.code}`);
process.stdout.write('writing\n');
const applied = await importer.apply({
  ...request,
  expectedFingerprint: preview.value.fingerprint,
});
process.stdout.write(applied.ok && applied.value.written ? 'done\n' : 'not written\n');
