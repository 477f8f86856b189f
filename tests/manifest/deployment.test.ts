import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFile(path, 'utf8');

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Every setting the service reads: `env['X']` / `process.env.X` anywhere in src/, and the keys
 * of the zod schemas in its `*config*.ts` files (which read the environment whole).
 */
async function settingsRead(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const file of await sourceFiles('src')) {
    const text = await read(file);
    for (const m of text.matchAll(/env(?:\[['"]([A-Za-z_]\w*)['"]\]|\.([A-Za-z_]\w*))/g)) {
      names.add(m[1] ?? m[2] ?? '');
    }
    if (/config[^/]*\.ts$/.test(file) && text.includes('z.object(')) {
      for (const m of text.matchAll(/^\s+([A-Z][A-Za-z0-9_]*): /gm)) {
        names.add(m[1] ?? '');
      }
    }
  }
  names.delete('');
  return names;
}

describe('the deployment', () => {
  it('holds no secret in an app setting: the bot is the managed identity, secrets are Key Vault references', async () => {
    const bicep = await read('infra/main.bicep');
    expect(bicep).toContain("param botAppType string = 'UserAssignedMSI'");
    const settings = [...bicep.matchAll(/name: '(\w+)'\s+value: ([^\n]+)/g)];
    const secretSettings = settings.filter(([, name]) =>
      ['MicrosoftAppPassword', 'REPORT_LINK_SECRET'].includes(name ?? ''),
    );
    expect(secretSettings.map(([, name]) => name).sort()).toEqual([
      'MicrosoftAppPassword',
      'REPORT_LINK_SECRET',
    ]);
    for (const [, , value] of secretSettings)
      expect(value).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=/);
    expect(bicep).toContain('keyVaultReferenceIdentity: identity.id');
    expect(bicep).toContain('enableRbacAuthorization: true');
    expect(bicep).toContain('DisableLocalAuth: true');
    expect(bicep).toContain('allowSharedKeyAccess: false');
  });

  it('names every setting the service reads in docs/deploy.md', async () => {
    const docs = await read('docs/deploy.md');
    const settings = await settingsRead();
    expect(settings.size).toBeGreaterThan(10);
    const missing = [...settings].filter((name) => !docs.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('uses every Bicep parameter, and the parameters file names only real ones', async () => {
    const bicep = await read('infra/main.bicep');
    const params = [...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1] ?? '');
    expect(params.length).toBeGreaterThan(5);
    const unused = params.filter(
      (name) => [...bicep.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].length < 2,
    );
    expect(unused).toEqual([]);
    const file = JSON.parse(await read('infra/main.parameters.json')) as {
      parameters: Record<string, unknown>;
    };
    expect(Object.keys(file.parameters).filter((name) => !params.includes(name))).toEqual([]);
    const docs = await read('docs/deploy.md');
    expect(params.filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });

  it('gives the service the storage, identity and bot settings it needs', async () => {
    const bicep = await read('infra/main.bicep');
    for (const setting of [
      'MicrosoftAppId',
      'MicrosoftAppType',
      'MicrosoftAppTenantId',
      'AZURE_STORAGE_ACCOUNT_URL',
      'AZURE_CLIENT_ID',
      'ADMINS',
    ]) {
      expect(bicep).toContain(`name: '${setting}'`);
    }
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toContain(
      "appCommandLine: 'node --disable-warning=DEP0111 --enable-source-maps dist/main.js'",
    );
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
  });
});

describe('the Agents Toolkit project', () => {
  const envKeys = (text: string) =>
    new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? ''));

  it('names only files that exist, and every manifest placeholder is in env/.env.dev', async () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const yml = await read(file);
      const paths = [...yml.matchAll(/(?:path|Path|parameters): (\.\/[\w./-]+)/g)]
        .map((m) => m[1] ?? '')
        .filter((path) => !path.includes('build/') && !path.includes('${{'));
      expect(paths.length).toBeGreaterThan(0);
      // environmentFolderPath names a folder; the rest are files.
      for (const path of paths) {
        if (path === './env') await expect(readdir(path)).resolves.toContain('.env.dev');
        else await expect(readFile(path)).resolves.toBeDefined();
      }
    }
    const defined = envKeys(await read('env/.env.dev'));
    for (const template of [
      'manifest/manifest.template.json',
      'manifest/aad.manifest.json',
      'infra/main.parameters.toolkit.json',
    ]) {
      const used = [...(await read(template)).matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '');
      // The Toolkit makes the permission id itself the first time.
      const missing = used.filter(
        (name) => !defined.has(name) && name !== 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
      );
      expect(missing).toEqual([]);
    }
  });

  it('deploys the staged build to the App Service the Bicep creates, and the Bicep names its outputs for the Toolkit', async () => {
    const yml = await read('m365agents.yml');
    expect(yml).toContain('args: run stage');
    expect(yml).toContain('artifactFolder: ./.deploy');
    expect(yml).toContain('resourceId: ${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    const bicep = await read('infra/main.bicep');
    for (const output of ['BOT_ID', 'BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']) {
      expect(bicep).toContain(`output ${output} string`);
    }
  });
});
