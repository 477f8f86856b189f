import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { writeZip } from './zip.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST_DIR = `${root}manifest/`;
export const DEFAULT_PACKAGE_PATH = `${root}dist/action-tracker-teams-app.zip`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const httpsUrl = z.preprocess(blank, z.url().startsWith('https://').optional());

/** The settings the package is filled from; each one's message says what to set. */
const PackageEnv = z.object({
  MicrosoftAppId: z.preprocess(
    blank,
    z
      .string({
        error:
          'MicrosoftAppId is not set: set it to the Azure Bot\'s Microsoft App ID (the deployment\'s "botAppId" output).',
      })
      .trim()
      .regex(GUID, 'MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000.'),
  ),
  BOT_DOMAIN: z.preprocess(
    blank,
    z
      .string({
        error:
          'BOT_DOMAIN is not set: set it to the host name the service answers on (the deployment\'s "botDomain" output).',
      })
      .trim()
      .regex(
        /^[a-z0-9.-]+(:\d+)?$/i,
        'BOT_DOMAIN must be a host name only, such as tracker.azurewebsites.net: no https:// and no path.',
      ),
  ),
  TEAMS_APP_ID: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(GUID, 'TEAMS_APP_ID must be a GUID; leave it unset to use MicrosoftAppId.')
      .optional(),
  ),
  TAB_APP_ID: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(
        GUID,
        'TAB_APP_ID must be a GUID: the client id of the app registration the tab signs people in to; leave it unset when the bot uses that registration too.',
      )
      .optional(),
  ),
  APP_VERSION: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'APP_VERSION must be three numbers such as 1.4.0.')
      .optional(),
  ),
  DEVELOPER_NAME: z.preprocess(blank, z.string().trim().max(32).optional()),
  DEVELOPER_WEBSITE_URL: httpsUrl,
  PRIVACY_URL: httpsUrl,
  TERMS_OF_USE_URL: httpsUrl,
});

export class PackageError extends Error {}

/** The manifest template with every `${{NAME}}` replaced from `env`. */
export async function fillManifest(env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const parsed = PackageEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.message}`);
    throw new PackageError(`The app package cannot be made:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const home = `https://${e.BOT_DOMAIN}/tab`;
  const packageJson = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as {
    version: string;
  };
  const values: Record<string, string> = {
    // The template's names are the Agents Toolkit's, so both fill the same file.
    BOT_ID: e.MicrosoftAppId,
    BOT_DOMAIN: e.BOT_DOMAIN,
    TEAMS_APP_ID: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
    TAB_APP_ID: e.TAB_APP_ID ?? e.MicrosoftAppId,
    APP_VERSION: e.APP_VERSION ?? packageJson.version,
    DEVELOPER_NAME: e.DEVELOPER_NAME ?? 'Action Tracker',
    DEVELOPER_WEBSITE_URL: e.DEVELOPER_WEBSITE_URL ?? home,
    PRIVACY_URL: e.PRIVACY_URL ?? home,
    TERMS_OF_USE_URL: e.TERMS_OF_USE_URL ?? home,
  };
  const template = await readFile(`${MANIFEST_DIR}manifest.template.json`, 'utf8');
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new PackageError(`The manifest template names \${{${name}}}, which has no setting.`);
    }
    // Values go into JSON strings: escape them as JSON does.
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

/** The app package: manifest.json and the two icons, zipped as Teams expects. */
export async function buildAppPackage(env: NodeJS.ProcessEnv): Promise<Buffer> {
  const manifest = await fillManifest(env);
  const icon = (name: string) => readFile(`${MANIFEST_DIR}${name}`);
  return writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: await icon('color.png') },
    { name: 'outline.png', data: await icon('outline.png') },
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  const out = resolve(outIndex > 0 ? (process.argv[outIndex + 1] ?? '') : DEFAULT_PACKAGE_PATH);
  try {
    const zip = await buildAppPackage(process.env);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, zip);
    console.log(`Wrote the Teams app package to ${out} (${zip.length} bytes).`);
    console.log('Upload it in the Teams admin centre (Teams apps > Manage apps > Upload new app).');
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
