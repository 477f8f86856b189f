import { describe, expect, it } from 'vitest';
import { createAdminDirectory } from '../../../src/app/admin/admin-directory.js';
import { createGovernanceUseCase } from '../../../src/app/admin/governance.use-case.js';
import { createMemoryAdminRepository } from '../../../src/store/memory-admin.repository.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { seedSamplePlan } from '../seed-sample.js';
import { ADMIN, OWNER } from './admin-harness.js';

async function harness() {
  const store = createMemoryStore();
  await seedSamplePlan(store);
  const directory = createAdminDirectory({
    configured: ['admin@council.example'],
    admins: createMemoryAdminRepository(),
  });
  return createGovernanceUseCase({ directory, ...store });
}

describe('governance admin use case', () => {
  it('shows the default: each workstream’s lead decides for its own actions', async () => {
    const governance = await harness();
    const shown = await governance.show(ADMIN, 'wsoa');
    expect(shown.ok && shown.value.rules).toEqual([
      { role: 'ADES', workstreams: ['A'] },
      { role: 'SLSPPEP', workstreams: ['B'] },
      { role: 'SLSESEND', workstreams: ['C'] },
    ]);
    expect(shown.ok && shown.value.governance.signOff).toBe(false);
  });

  it('names the board chair’s role as the plan spells it, and turns sign-off on', async () => {
    const governance = await harness();
    const chair = await governance.change(ADMIN, 'wsoa', { kind: 'chair', role: 'cd' });
    expect(chair.ok && chair.value.rules[0]).toEqual({ role: 'CD', workstreams: 'all' });
    const signOff = await governance.change(ADMIN, 'wsoa', { kind: 'sign-off', on: true });
    expect(signOff.ok && signOff.value.governance).toMatchObject({
      chairRole: 'CD',
      signOff: true,
    });
  });

  it('refuses someone who is not an admin, and a role the plan does not have', async () => {
    const governance = await harness();
    expect(await governance.change(OWNER, 'wsoa', { kind: 'sign-off', on: true })).toEqual({
      ok: false,
      code: 'NOT_ADMIN',
    });
    expect(await governance.change(ADMIN, 'wsoa', { kind: 'chair', role: 'MAYOR' })).toEqual({
      ok: false,
      code: 'ROLE_NOT_FOUND',
    });
  });
});
