import { readFile } from 'node:fs/promises';
import { AppManifestUtils } from '@microsoft/app-manifest';
import type { TeamsManifest } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { buildAppPackage, fillManifest } from '../../scripts/package.js';
import { readPng } from './read-png.js';
import { readZip } from './read-zip.js';

const env = {
  MicrosoftAppId: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
  BOT_DOMAIN: 'tracker.example.org',
};

/** The schema the template names, from the copy @microsoft/app-manifest ships: no network. */
async function schemaFor(manifest: Record<string, unknown>): Promise<object> {
  const version = String(manifest['manifestVersion']);
  const path = `node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  return JSON.parse(await readFile(path, 'utf8')) as object;
}

async function validate(manifest: Record<string, unknown>): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(
    manifest as unknown as TeamsManifest,
    (await schemaFor(manifest)) as never,
  );
}

describe('the Teams app package', () => {
  it('fills the manifest from the environment and it validates against its schema', async () => {
    const manifest = await fillManifest(env);
    expect(await validate(manifest)).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest).toMatchObject({
      id: env.MicrosoftAppId,
      validDomains: [env.BOT_DOMAIN],
      webApplicationInfo: {
        id: env.MicrosoftAppId,
        resource: `api://${env.BOT_DOMAIN}/${env.MicrosoftAppId}`,
      },
      bots: [{ botId: env.MicrosoftAppId, supportsFiles: true }],
      staticTabs: expect.arrayContaining([
        expect.objectContaining({
          contentUrl: 'https://tracker.example.org/tab',
          scopes: ['personal'],
        }),
      ]) as unknown,
      configurableTabs: [expect.objectContaining({ scopes: ['team', 'groupChat'] })],
    });
  });

  it('signs the tab in to the app registration when the bot is a managed identity', async () => {
    const tabAppId = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
    const manifest = await fillManifest({ ...env, TAB_APP_ID: tabAppId });
    expect(await validate(manifest)).toEqual([]);
    expect(manifest).toMatchObject({
      webApplicationInfo: { id: tabAppId, resource: `api://${env.BOT_DOMAIN}/${tabAppId}` },
      bots: [{ botId: env.MicrosoftAppId }],
    });
  });

  it('lists the bot commands for personal chat, teams and group chats', async () => {
    const manifest = await fillManifest(env);
    const bot = (
      manifest['bots'] as { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[]
    )[0];
    const scopes = bot?.commandLists.flatMap((list) => list.scopes);
    expect(scopes?.sort()).toEqual(['groupChat', 'personal', 'team']);
    const personal = bot?.commandLists.find((l) => l.scopes.includes('personal'));
    expect(personal?.commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['mine', 'update', 'status']),
    );
  });

  it('is checked by a validator that does find mistakes', async () => {
    const manifest = { ...(await fillManifest(env)), accentColor: 'blue', id: 'not-a-guid' };
    expect((await validate(manifest)).length).toBeGreaterThan(0);
  });

  it('says which settings are missing and where to find them', async () => {
    await expect(fillManifest({})).rejects.toThrow(
      /MicrosoftAppId is not set[\s\S]*BOT_DOMAIN is not set/,
    );
    await expect(
      fillManifest({ ...env, BOT_DOMAIN: 'https://tracker.example.org/' }),
    ).rejects.toThrow(/host name only/);
  });

  it('zips the manifest with a 192×192 colour icon and a 32×32 white-on-transparent outline', async () => {
    const files = readZip(await buildAppPackage(env));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as Record<
      string,
      unknown
    >;
    expect(manifest).toEqual(await fillManifest(env));
    const colour = readPng(files.get('color.png') ?? Buffer.alloc(0));
    expect([colour.width, colour.height]).toEqual([192, 192]);
    const outline = readPng(files.get('outline.png') ?? Buffer.alloc(0));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) transparent += 1;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
  });
});
