import type { Actor } from '../../src/app/admin/actor.js';
import type { AdminDirectory } from '../../src/app/admin/admin-directory.js';
import {
  createImportUseCase,
  type ImportUseCaseOptions,
} from '../../src/app/import/import.use-case.js';
import { previewLines } from '../../src/cards/import/preview-text.js';
import { programmeIdFromFileName } from '../../src/app/import/programme-id.js';
import { problemLine } from '../../src/cards/import/problem-text.js';
import { readWorkbookPaths } from '../../src/app/import/read-workbook.js';
import type { ProgrammeRepository } from '../../src/store/programme.repository.js';
import type { ExitCode } from './run-admin.js';
import { plural, usage } from './run-admin.js';

export interface ImportVerbOptions {
  readonly out: (line: string) => void;
  readonly store: Omit<ImportUseCaseOptions, 'directory' | 'programmes'> & {
    readonly programmes: ProgrammeRepository;
  };
  readonly directory: AdminDirectory;
  readonly actor: Actor;
  readonly dryRun: boolean;
  readonly programmeId?: string;
  readonly programmeName?: string;
}

/** `import <paths…>`: the preview, then (unless --dry-run) the import itself. */
export async function importVerb(
  paths: readonly string[],
  options: ImportVerbOptions,
): Promise<ExitCode> {
  const { out, store } = options;
  const [first] = paths;
  if (first === undefined) {
    return usage(out, 'Give the workbook: an .xlsx file, a folder of CSV files, or CSV files.');
  }
  const read = await readWorkbookPaths(paths);
  if (!read.ok) {
    out(problemLine(read.problem));
    return 1;
  }
  const all = await store.programmes.list();
  const [only] = all;
  const id =
    options.programmeId ??
    (all.length === 1 && only
      ? only.id
      : all.length === 0
        ? programmeIdFromFileName(first)
        : undefined);
  if (id === undefined) {
    out(`There are several programmes (${all.map((p) => p.id).join(', ')}): add --programme ID.`);
    return 2;
  }
  const importer = createImportUseCase({ ...store, directory: options.directory });
  const request = {
    actor: options.actor,
    workbook: read.workbook,
    programmeId: id,
    ...(options.programmeName === undefined ? {} : { programmeName: options.programmeName }),
  };
  const result = options.dryRun ? await importer.preview(request) : await importer.apply(request);
  if (!result.ok) {
    if (result.code === 'INVALID_WORKBOOK') {
      out(`The workbook has ${plural(result.problems.length, 'problem')}; nothing was imported.`);
      for (const problem of result.problems) out(`  ${problemLine(problem)}`);
    } else {
      out('Only programme admins can import a plan.');
    }
    return 1;
  }
  const preview = 'preview' in result.value ? result.value.preview : result.value;
  for (const line of previewLines(preview)) out(line);
  if (options.dryRun) out('Dry run: nothing was written.');
  else if ('written' in result.value && result.value.written) {
    out('Imported: the plan is now in place.');
  } else out('Nothing to write.');
  return 0;
}
