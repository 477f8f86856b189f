import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminDirectory } from '../../src/app/admin/admin-directory.js';
import { SAMPLE_PROGRAMME_ID } from '../support/sample-plan.js';
import { objectIdFor, startFakeEntra, type FakeEntra } from '../tab/fake-entra.js';
import { OTHER_PROGRAMME_ID, createSampleDashboard } from '../tab/sample-dashboard.js';
import { startTabServer, type RunningTabServer } from '../tab/tab-server.js';

const APP_ID = '00000000-0000-4000-8000-00000000a99e';
const HOME = '11111111-1111-4111-8111-11111111aaaa';
const ELSEWHERE = '33333333-3333-4333-8333-333333333333';
const DOMAIN = 'tracker.example.org';
const ADMIN_EMAIL = 'chief@council.example';
const OWNER_EMAIL = 'ades@council.example';
/** An admin named in ADMINS by object id only. */
const ADMIN_BY_ID = 'aad-admin-by-object-id';

describe('the tab’s sign-in: who a token names, and which tokens count', () => {
  let entra: FakeEntra;
  let tab: RunningTabServer;

  beforeAll(async () => {
    entra = await startFakeEntra();
    const { dashboard, exports, store } = await createSampleDashboard();
    for (const email of [ADMIN_EMAIL, OWNER_EMAIL]) {
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
      // A multi-tenant app that lists its tenants; written in upper case on purpose.
      auth: {
        appId: APP_ID,
        allowedTenants: [HOME.toUpperCase(), ELSEWHERE],
        botDomain: DOMAIN,
        openIdMetadataUrl: entra.metadataUrl,
      },
      admins: createAdminDirectory({
        configured: [ADMIN_EMAIL, ADMIN_BY_ID],
        admins: { list: () => Promise.resolve([]) },
      }),
    });
  });

  afterAll(async () => {
    await tab?.close();
    await entra?.close();
  });

  const get = (token: string) =>
    fetch(`${tab.url}/api/tab/programmes`, { headers: { authorization: `Bearer ${token}` } });
  const idsOf = async (response: Response) =>
    ((await response.json()) as { programmes: { id: string }[] }).programmes.map((p) => p.id);

  it('does not take another tenant’s user for the admin whose email their token carries', async () => {
    const token = await entra.token({
      tid: ELSEWHERE,
      aud: APP_ID,
      email: ADMIN_EMAIL,
      oid: randomUUID(),
    });
    const response = await get(token);

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'NOT_KNOWN' });
  });

  it('identifies people by object id, whatever name claim the token carries', async () => {
    const token = await entra.token({
      tid: HOME,
      aud: APP_ID,
      email: ADMIN_EMAIL,
      oid: objectIdFor(OWNER_EMAIL),
    });
    const response = await get(token);

    expect(response.status).toBe(200);
    // The owner's programme only: the admin's email in the token gave no admin rights.
    expect(await idsOf(response)).toEqual([SAMPLE_PROGRAMME_ID]);
  });

  it('lets an admin named by object id see every programme', async () => {
    const token = await entra.token({ tid: HOME, aud: APP_ID, email: 'x@x', oid: ADMIN_BY_ID });
    const ids = await idsOf(await get(token));
    expect(ids).toContain(SAMPLE_PROGRAMME_ID);
    expect(ids).toContain(OTHER_PROGRAMME_ID);
  });

  it('compares tenant ids without regard to case', async () => {
    const token = await entra.token({ tid: HOME, aud: APP_ID, email: OWNER_EMAIL });
    expect((await get(token)).status).toBe(200);
  });

  it.each([
    ['the app id', APP_ID],
    ['api://{BOT_DOMAIN}/{appId}', `api://${DOMAIN}/${APP_ID}`],
  ])('accepts the audience %s', async (_, aud) => {
    const token = await entra.token({ tid: HOME, aud, email: OWNER_EMAIL });
    expect((await get(token)).status).toBe(200);
  });

  it.each([
    ['another host’s api:// address ending in the app id', `api://attacker.example/${APP_ID}`, {}],
    ['api://{appId} alone', `api://${APP_ID}`, {}],
    ['no expiry', APP_ID, { expires: false }],
    ['no object id', APP_ID, { oid: null }],
  ] as const)('refuses a token with %s, saying only what to do', async (_, aud, extra) => {
    const token = await entra.token({ tid: HOME, aud, email: OWNER_EMAIL, ...extra });
    const response = await get(token);

    expect(response.status).toBe(401);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.message).not.toMatch(/claim|jwt|jose|aud|exp|oid|[0-9a-f]{8}-/i);
  });
});

describe('the tab when the sign-in keys cannot be fetched', () => {
  it('answers 503 with Retry-After, not 401', async () => {
    const entra = await startFakeEntra();
    const unreachable = entra.metadataUrl;
    const token = await entra.token({ tid: HOME, aud: APP_ID, email: OWNER_EMAIL });
    await entra.close();
    const { dashboard, store } = await createSampleDashboard();
    const tab = await startTabServer({
      dashboard,
      people: store.people,
      auth: { appId: APP_ID, allowedTenants: [HOME], openIdMetadataUrl: unreachable },
    });
    try {
      const response = await fetch(`${tab.url}/api/tab/programmes`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await tab.close();
    }
  });
});
