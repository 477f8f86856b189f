import { describe, expect, it } from 'vitest';
import { parseAdminList } from '../../../src/app/admin/admin-directory.js';
import { ADMIN, OWNER, adminHarness } from './admin-harness.js';

describe('admins use case', () => {
  it('reads ADMINS as emails or object ids separated by commas, semicolons or spaces', () => {
    expect(
      parseAdminList(' A@x.example, 5f3c2a1e-0000-4000-8000-000000000001;b@x.example '),
    ).toEqual(['a@x.example', '5f3c2a1e-0000-4000-8000-000000000001', 'b@x.example']);
    expect(parseAdminList(undefined)).toEqual([]);
  });

  it('lets an admin from ADMINS add another, who can then act as an admin', async () => {
    const { adminList } = await adminHarness();
    const colleague = {
      kind: 'person',
      email: 'colleague@council.example',
      aadObjectId: null,
    } as const;
    expect(await adminList.list(colleague)).toEqual({ ok: false, code: 'NOT_ADMIN' });
    expect(await adminList.add(ADMIN, 'Colleague@Council.example')).toEqual({
      ok: true,
      value: { id: 'colleague@council.example', added: true },
    });
    const listed = await adminList.list(colleague);
    expect(listed).toMatchObject({
      ok: true,
      value: {
        configured: ['admin@council.example'],
        added: [
          {
            id: 'colleague@council.example',
            addedBy: 'Admin@Council.example',
            addedAt: '2020-03-02T10:00:00.000Z',
          },
        ],
      },
    });
  });

  it('recognises an admin added by Entra object id when they write from Teams', async () => {
    const { adminList } = await adminHarness();
    const objectId = '5F3C2A1E-0000-4000-8000-000000000001';
    await adminList.add(ADMIN, objectId);
    const viaTeams = { kind: 'person', email: null, aadObjectId: objectId.toLowerCase() } as const;
    expect((await adminList.list(viaTeams)).ok).toBe(true);
  });

  it('refuses non-admins, ids that are neither an email nor an object id, and removing a configured admin', async () => {
    const { adminList } = await adminHarness();
    expect(await adminList.add(OWNER, 'me@council.example')).toEqual({
      ok: false,
      code: 'NOT_ADMIN',
    });
    expect(await adminList.add(ADMIN, 'Jane Smith')).toEqual({
      ok: false,
      code: 'INVALID_ADMIN_ID',
    });
    expect(await adminList.remove(ADMIN, 'admin@council.example')).toEqual({
      ok: false,
      code: 'CONFIGURED_ADMIN',
    });
  });

  it('removes an added admin, who then gets NOT_ADMIN', async () => {
    const { adminList } = await adminHarness();
    await adminList.add(ADMIN, 'colleague@council.example');
    expect(await adminList.remove(ADMIN, 'colleague@council.example')).toEqual({
      ok: true,
      value: { id: 'colleague@council.example', removed: true },
    });
    const colleague = {
      kind: 'person',
      email: 'colleague@council.example',
      aadObjectId: null,
    } as const;
    expect(await adminList.list(colleague)).toEqual({ ok: false, code: 'NOT_ADMIN' });
  });
});
