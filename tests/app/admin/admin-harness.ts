import { createReadRule } from '../../../src/app/read-rule.js';
import type { Actor } from '../../../src/app/admin/actor.js';
import { createAdminDirectory } from '../../../src/app/admin/admin-directory.js';
import { createAdminsUseCase } from '../../../src/app/admin/admins.use-case.js';
import { createCalendarUseCase } from '../../../src/app/admin/calendar.use-case.js';
import { createLinksUseCase } from '../../../src/app/admin/links.use-case.js';
import { createProgrammeResolution } from '../../../src/app/programme-resolution.use-case.js';
import { createRolesUseCase } from '../../../src/app/admin/roles.use-case.js';
import type { Clock } from '../../../src/app/clock.js';
import { parsePlan } from '../../../src/app/import/parse-plan.js';
import { createMemoryAdminRepository } from '../../../src/store/memory-admin.repository.js';
import { createMemoryLinkRepository } from '../../../src/store/memory-link.repository.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { readFixture } from '../import/plan-workbooks.js';

export const ADMIN: Actor = { kind: 'person', email: 'Admin@Council.example', aadObjectId: null };
export const OWNER: Actor = { kind: 'person', email: 'ades@council.example', aadObjectId: null };
export const TERMINAL: Actor = { kind: 'terminal', user: 'ops' };

/** Every admin use case over one memory store holding the sample plan as "wsoa". */
export async function adminHarness(now = new Date('2020-03-02T10:00:00Z')) {
  const store = createMemoryStore();
  const admins = createMemoryAdminRepository();
  const links = createMemoryLinkRepository();
  const clock: Clock = { now: () => now };
  const parsed = parsePlan(await readFixture('sample'), { id: 'wsoa', name: 'Thurrock WSoA' });
  if (!parsed.ok) throw new Error('The sample plan should be valid.');
  await store.plans.replace(parsed.plan);
  const directory = createAdminDirectory({ configured: ['admin@council.example'], admins });
  return {
    store,
    links,
    roles: createRolesUseCase({ directory, ...store }),
    calendar: createCalendarUseCase({ directory, ...store, clock }),
    linking: createLinksUseCase({ directory, ...store, links, clock }),
    adminList: createAdminsUseCase({ directory, admins, clock }),
    resolution: createProgrammeResolution({
      ...store,
      links,
      readRule: createReadRule({ roles: store.roles, openToEveryone: false }),
    }),
  };
}
