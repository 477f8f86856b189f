import type { GovernanceSettingsRepository } from './governance-settings.repository.js';
import type { LinkRepository } from './link.repository.js';
import type { RoleRepository } from './role.repository.js';
import type { ScheduleMarkRepository } from './schedule-marks.repository.js';

interface Touched {
  readonly roles: RoleRepository;
  readonly links: LinkRepository;
  readonly governance: GovernanceSettingsRepository;
}

/**
 * The writes that change what a programme's schedule is planned from but leave no row the
 * leader reads anyway, each followed by a touch of the programme's mark: a role's holder or
 * deputy, a board channel, whether leads sign off. After the write, so a leader that reads
 * the new mark also reads what changed.
 */
export function withScheduleTouches<T extends Touched>(
  store: T,
  marks: Pick<ScheduleMarkRepository, 'touch'>,
): T {
  const { roles, links, governance } = store;
  return {
    ...store,
    roles: {
      list: (id) => roles.list(id),
      get: (id, code) => roles.get(id, code),
      rolesOf: (email) => roles.rolesOf(email),
      save: async (role) => {
        await roles.save(role);
        await marks.touch(role.programmeId);
      },
    },
    links: {
      get: (key) => links.get(key),
      listBoard: (id) => links.listBoard(id),
      save: async (link) => {
        const before = await links.get(link.conversationKey);
        await links.save(link);
        await marks.touch(link.programmeId);
        // A chat moved to another programme leaves the first one's board channels too.
        if (before && before.programmeId !== link.programmeId)
          await marks.touch(before.programmeId);
      },
      remove: async (key) => {
        const before = await links.get(key);
        const removed = await links.remove(key);
        if (before) await marks.touch(before.programmeId);
        return removed;
      },
    },
    governance: {
      get: (id) => governance.get(id),
      save: async (settings) => {
        await governance.save(settings);
        await marks.touch(settings.programmeId);
      },
    },
  };
}
