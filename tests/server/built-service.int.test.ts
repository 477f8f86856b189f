import { readdir, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildService } from '../../scripts/build.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import {
  ROOT,
  errorLines,
  freePort,
  healthOnceUp,
  spawnNode,
  type ServiceProcess,
} from '../support/service-process.js';

/** A build of its own, beside dist/, so other tests' dist/ is left alone. */
const OUT = `.build-test-${process.pid}`;

interface Lock {
  readonly packages: Record<string, { readonly dev?: boolean; readonly devOptional?: boolean }>;
}

/** Packages a production install (`npm ci --omit=dev`) puts in node_modules. */
async function productionPackages(): Promise<Set<string>> {
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
  const names = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev === true || entry.devOptional === true) continue;
    names.add(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  }
  return names;
}

/** The packages the built files import (`from 'x'`, `import('x')`), by package name. */
async function importedPackages(folder: string): Promise<Set<string>> {
  const names = new Set<string>();
  const files = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const file of files.filter((f) => f.isFile() && f.name.endsWith('.js'))) {
    const text = await readFile(join(file.parentPath, file.name), 'utf8');
    for (const match of text.matchAll(/(?:from|import\()\s*["']([^"'./][^"']*)["']/g)) {
      const specifier = match[1] ?? '';
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''));
    }
  }
  return names;
}

describe('the built service', () => {
  let service: ServiceProcess | undefined;
  beforeAll(async () => {
    await buildService({ outdir: OUT });
  }, 120_000);
  afterAll(async () => {
    service?.kill();
    await rm(join(ROOT, OUT), { recursive: true, force: true });
  });

  it('imports only Node and packages that a production install has', async () => {
    const production = await productionPackages();
    for (const devOnly of ['tsx', 'esbuild', 'vitest', 'azurite', 'typescript']) {
      expect(production.has(devOnly)).toBe(false);
    }
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const imported = [...(await importedPackages(join(ROOT, OUT)))];
    expect(imported).toContain('botbuilder');
    // azurite is loaded by path, and only when no storage is configured (local use).
    expect(imported.filter((name) => !builtins.has(name) && !production.has(name))).toEqual([]);
  });

  it('starts as `npm start` starts it, against Azurite started separately: /healthz, the page at /, and a clean stop', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const start = (pkg.scripts['start'] ?? '').split(/\s+/);
    expect(start[0]).toBe('node');
    expect(start.at(-1)).toBe('dist/main.js');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    service = spawnNode({
      args: [...start.slice(1, -1), `${OUT}/main.js`],
      env: {
        PORT: String(port),
        AZURE_STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
        TABLE_PREFIX: uniqueTablePrefix('built'),
        SCHEDULER: 'off',
        LOG_FORMAT: 'json',
      },
    });
    const health = await healthOnceUp(url, service);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: { healthy: true } });

    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    const page = await home.text();
    expect(page).toContain('<h1>Action Tracker</h1>');
    expect(page).toContain('href="/healthz"');
    expect(page).toContain('npm run chat');

    process.kill(service.pid, 'SIGTERM');
    expect(await service.exited).toBe(0);
    const output = service.output();
    expect(errorLines(output)).toEqual([]);
    expect(output).not.toContain('DeprecationWarning');
    expect(output).toContain('"message":"GET / 200"');
  }, 240_000);
});
