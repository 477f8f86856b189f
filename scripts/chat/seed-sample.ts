import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePlan } from '../../src/app/import/parse-plan.js';
import { readCsvFolder } from '../../src/app/import/read-csv.js';
import type { Store } from '../../src/store/store.js';

export const SAMPLE_PROGRAMME_ID = 'wsoa';
const SAMPLE_PROGRAMME_NAME = 'Thurrock SEND Written Statement of Action';

/** The sample plan's CSV folder: `SAMPLE_PLAN_DIR`, else the copy in the repository. */
export function sampleFolder(env: Readonly<Record<string, string | undefined>>): string {
  const candidates = [
    env['SAMPLE_PLAN_DIR'],
    fileURLToPath(new URL('../../samples/thurrock-wsoa/', import.meta.url)),
  ].filter((folder): folder is string => folder !== undefined && folder !== '');
  const found = candidates.find((folder) => existsSync(folder));
  if (found === undefined) {
    throw new Error(
      `The sample plan was not found; looked in ${candidates.join(', ')}. Set SAMPLE_PLAN_DIR to a folder of plan CSV files.`,
    );
  }
  return found;
}

/**
 * Loads the sample plan unless the programme is already stored (a second run keeps whatever
 * was recorded in the first). Returns whether it loaded anything.
 */
export async function seedSamplePlan(store: Store, folder: string): Promise<boolean> {
  if ((await store.programmes.get(SAMPLE_PROGRAMME_ID)) !== null) return false;
  const parsed = parsePlan(await readCsvFolder(folder), {
    id: SAMPLE_PROGRAMME_ID,
    name: SAMPLE_PROGRAMME_NAME,
  });
  if (!parsed.ok) {
    const problems = parsed.problems.map((problem) => JSON.stringify(problem)).join('\n  ');
    throw new Error(`The sample plan in ${folder} has problems:\n  ${problems}`);
  }
  await store.plans.replace(parsed.plan);
  return true;
}
