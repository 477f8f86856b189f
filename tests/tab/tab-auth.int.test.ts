import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminDirectory } from '../../src/app/admin/admin-directory.js';
import { SAMPLE_PROGRAMME_ID } from '../support/sample-plan.js';
import type { FakeEntra } from './fake-entra.js';
import { objectIdFor, startFakeEntra } from './fake-entra.js';
import { OTHER_PROGRAMME_ID, createSampleDashboard } from './sample-dashboard.js';
import type { RunningTabServer } from './tab-server.js';
import { startTabServer } from './tab-server.js';

const APP_ID = '00000000-0000-4000-8000-00000000a99e';
const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';

describe('the tab API with sign-in', () => {
  let entra: FakeEntra;
  let tab: RunningTabServer;

  beforeAll(async () => {
    entra = await startFakeEntra();
    const { dashboard, exports, store } = await createSampleDashboard();
    // The bot learns each object id when Teams first brings the person to it.
    for (const email of ['ades@council.example', 'dco@ccg.example', 'chief@council.example']) {
      await store.people.save({
        email,
        name: null,
        aadObjectId: objectIdFor(email),
        awayUntil: null,
        unreachable: null,
      });
    }
    tab = await startTabServer({
      dashboard,
      exports,
      people: store.people,
      auth: {
        appId: APP_ID,
        allowedTenants: [TENANT],
        botDomain: 'tracker.example.org',
        openIdMetadataUrl: entra.metadataUrl,
      },
      admins: createAdminDirectory({
        configured: ['chief@council.example'],
        admins: { list: () => Promise.resolve([]) },
      }),
    });
  });

  afterAll(async () => {
    await tab?.close();
    await entra?.close();
  });

  const get = (path: string, token?: string) =>
    fetch(`${tab.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const programmes = async (token: string) =>
    (
      (await (await get('/api/tab/programmes', token)).json()) as { programmes: { id: string }[] }
    ).programmes.map((p) => p.id);

  it('refuses a request with no token', async () => {
    const response = await get('/api/tab/programmes');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'NO_TOKEN' });
  });

  it('refuses a token issued for another app', async () => {
    const token = await entra.token({
      tid: TENANT,
      aud: 'some-other-app',
      email: 'ades@council.example',
    });
    expect((await get('/api/tab/programmes', token)).status).toBe(401);
  });

  it('refuses a token from a tenant that is not allowed', async () => {
    const token = await entra.token({
      tid: OTHER_TENANT,
      aud: APP_ID,
      email: 'ades@council.example',
    });
    const response = await get('/api/tab/programmes', token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'WRONG_TENANT' });
  });

  it('refuses a token signed by a key the metadata does not publish', async () => {
    const token = await entra.token({
      tid: TENANT,
      aud: APP_ID,
      email: 'ades@council.example',
      unknownKey: true,
    });
    expect((await get('/api/tab/programmes', token)).status).toBe(401);
  });

  it('refuses a token whose issuer is not the tenant it names', async () => {
    const token = await entra.token({
      tid: TENANT,
      aud: APP_ID,
      email: 'ades@council.example',
      issuer: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
    });
    expect((await get('/api/tab/programmes', token)).status).toBe(401);
  });

  it('refuses malformed bearer text with 401, not 500', async () => {
    expect((await get('/api/tab/programmes', 'not-a-jwt')).status).toBe(401);
  });

  it('shows a signed-in owner only the programmes they belong to', async () => {
    const token = await entra.token({ tid: TENANT, aud: APP_ID, email: 'ADES@council.example' });
    expect(await programmes(token)).toEqual([SAMPLE_PROGRAMME_ID]);
    const mine = await get(`/api/tab/programmes/${SAMPLE_PROGRAMME_ID}/dashboard`, token);
    expect(mine.status).toBe(200);
    const theirs = await get(`/api/tab/programmes/${OTHER_PROGRAMME_ID}/dashboard`, token);
    expect(theirs.status).toBe(404);
  });

  it('accepts the v1 issuer and the api:// audience that Teams SSO tokens may carry', async () => {
    const token = await entra.token({
      tid: TENANT,
      aud: `api://tracker.example.org/${APP_ID}`,
      email: 'dco@ccg.example',
      issuer: `https://sts.windows.net/${TENANT}/`,
    });
    expect(await programmes(token)).toEqual([SAMPLE_PROGRAMME_ID]);
  });

  it('shows an admin every programme', async () => {
    const token = await entra.token({ tid: TENANT, aud: APP_ID, email: 'chief@council.example' });
    expect((await programmes(token)).sort()).toEqual(
      [OTHER_PROGRAMME_ID, SAMPLE_PROGRAMME_ID].sort(),
    );
  });

  it('answers an unknown rating filter with 400 and the ratings it knows', async () => {
    const token = await entra.token({ tid: TENANT, aud: APP_ID, email: 'ades@council.example' });
    const response = await get(
      `/api/tab/programmes/${SAMPLE_PROGRAMME_ID}/dashboard?rating=Purple`,
      token,
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('Amber');
  });

  it('lets an admin download the board pack and refuses an owner politely', async () => {
    const admin = await entra.token({ tid: TENANT, aud: APP_ID, email: 'chief@council.example' });
    const owner = await entra.token({ tid: TENANT, aud: APP_ID, email: 'ades@council.example' });
    const path = `/api/tab/programmes/${SAMPLE_PROGRAMME_ID}/export`;
    const pack = await get(path, admin);
    expect(pack.status).toBe(200);
    expect(pack.headers.get('content-disposition')).toContain('wsoa-board-pack-2021-01-25.xlsx');
    expect(
      Buffer.from(await pack.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const refused = await get(path, owner);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toContain('admins');
    const list = (await (await get('/api/tab/programmes', owner)).json()) as { canExport: boolean };
    expect(list.canExport).toBe(false);
  });
});
