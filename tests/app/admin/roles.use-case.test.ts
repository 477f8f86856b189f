import { describe, expect, it } from 'vitest';
import { ADMIN, OWNER, TERMINAL, adminHarness } from './admin-harness.js';

describe('roles use case', () => {
  it('lists every role of the programme with its person and deputy', async () => {
    const { roles } = await adminHarness();
    const result = await roles.list(ADMIN, 'wsoa');
    if (!result.ok) throw new Error(result.code);
    expect(result.value).toHaveLength(11);
    expect(result.value.find((role) => role.code === 'ADES')).toMatchObject({
      person: 'ades@council.example',
      deputy: 'slsesend@council.example',
    });
  });

  it('assigns a person to a role, written in lower case, and says who held it before', async () => {
    const { roles, store } = await adminHarness();
    const result = await roles.assign(ADMIN, 'wsoa', 'ades', 'New.Person@Council.example');
    expect(result).toMatchObject({ ok: true, value: { previous: 'ades@council.example' } });
    expect((await store.roles.get('wsoa', 'ADES'))?.person).toBe('new.person@council.example');
    expect((await store.roles.rolesOf('new.person@council.example')).map((r) => r.role)).toEqual([
      'ADES',
    ]);
  });

  it('adds a role the plan does not have when given its title, marked as added with /assign', async () => {
    const { roles, store } = await adminHarness();
    const result = await roles.assign(ADMIN, 'wsoa', 'chair', 'Chris.Chair@council.example', {
      title: ' Chair of the SEND Improvement Board ',
    });
    expect(result).toMatchObject({ ok: true, value: { previous: null, added: true } });
    expect(await store.roles.get('wsoa', 'CHAIR')).toEqual({
      programmeId: 'wsoa',
      code: 'CHAIR',
      title: 'Chair of the SEND Improvement Board',
      person: 'chris.chair@council.example',
      deputy: null,
      assigned: true,
    });
    // A workbook role keeps its title and stays the workbook's.
    await roles.assign(ADMIN, 'wsoa', 'ADES', 'new@council.example', { title: 'Something else' });
    const ades = await store.roles.get('wsoa', 'ADES');
    expect([ades?.title, ades?.assigned]).toEqual([
      'Assistant Director Education and Skills',
      undefined,
    ]);
  });

  it('sets a deputy, and "none" takes the deputy away', async () => {
    const { roles, store } = await adminHarness();
    await roles.setDeputy(ADMIN, 'wsoa', 'CD', 'deputy@council.example');
    expect((await store.roles.get('wsoa', 'CD'))?.deputy).toBe('deputy@council.example');
    await roles.setDeputy(ADMIN, 'wsoa', 'CD', 'none');
    expect((await store.roles.get('wsoa', 'CD'))?.deputy).toBeNull();
  });

  it('refuses an unknown role, a programme that does not exist and a name instead of an email', async () => {
    const { roles } = await adminHarness();
    expect(await roles.assign(ADMIN, 'wsoa', 'XYZ', 'a@council.example')).toEqual({
      ok: false,
      code: 'ROLE_NOT_FOUND',
    });
    expect(await roles.assign(ADMIN, 'nope', 'ADES', 'a@council.example')).toEqual({
      ok: false,
      code: 'PROGRAMME_NOT_FOUND',
    });
    expect(await roles.assign(ADMIN, 'wsoa', 'ADES', 'Jane Smith')).toEqual({
      ok: false,
      code: 'INVALID_EMAIL',
    });
  });

  it('refuses someone who is not an admin and changes nothing', async () => {
    const { roles, store } = await adminHarness();
    expect(await roles.assign(OWNER, 'wsoa', 'ADES', 'me@council.example')).toEqual({
      ok: false,
      code: 'NOT_ADMIN',
    });
    expect(await roles.list(OWNER, 'wsoa')).toEqual({ ok: false, code: 'NOT_ADMIN' });
    expect((await store.roles.get('wsoa', 'ADES'))?.person).toBe('ades@council.example');
  });

  it('lets the terminal act as an admin', async () => {
    const { roles } = await adminHarness();
    expect((await roles.assign(TERMINAL, 'wsoa', 'DCO', 'dco2@ccg.example')).ok).toBe(true);
  });
});
