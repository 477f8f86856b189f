import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Settings that decide who gets in, what they see, and where the service connects. */
const SECURITY_SETTINGS = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'ALLOWED_TENANTS',
  'ADMINS',
  'REPORT_LINK_SECRET',
  'PUBLIC_BASE_URL',
  'BOT_DOMAIN',
  'FILE_HOSTS',
  'TAB_OPENID_METADATA_URL',
  'HOST',
  'ToBotFromChannelTokenIssuer',
  'AZURE_STORAGE_ACCOUNT_URL',
  'AZURE_CLIENT_ID',
  'AZURE_STORAGE_CONNECTION_STRING',
];

async function sourceText(): Promise<string> {
  const entries = await readdir('src', { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.ts'));
  const texts = await Promise.all(files.map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
  return texts.join('\n');
}

describe('docs/security.md', () => {
  it('gives every setting that affects security a row with its safe default', async () => {
    const doc = await readFile('docs/security.md', 'utf8');
    const settingsTable = doc.slice(doc.indexOf('## Settings that affect security'));
    const missing = SECURITY_SETTINGS.filter(
      (name) => !new RegExp(`^\\| [^|]*\`${name}\``, 'm').test(settingsTable),
    );
    expect(missing).toEqual([]);
  });

  it('names only settings the service really reads', async () => {
    const source = await sourceText();
    const unread = SECURITY_SETTINGS.filter((name) => !source.includes(name));
    expect(unread).toEqual([]);
  });

  it('states the limits the code enforces', async () => {
    const doc = await readFile('docs/security.md', 'utf8');
    const { REQUEST_LIMITS } = await import('../../src/server/bounded-body.js');
    const { XLSX_LIMITS } = await import('../../src/app/import/xlsx-limits.js');
    expect(doc).toContain(`${REQUEST_LIMITS.maxBodyBytes / 1024} KB`);
    expect(doc).toContain(`${REQUEST_LIMITS.requestTimeoutMs / 1000} s`);
    expect(doc).toContain(`${XLSX_LIMITS.maxRowsPerSheet.toLocaleString('en-GB')} rows a sheet`);
    expect(doc).toContain(`${XLSX_LIMITS.maxEntryBytes / (1024 * 1024)} MB per part`);
  });
});
