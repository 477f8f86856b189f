import { parseArgs } from 'node:util';
import { formatDate } from '../../src/domain/dates.js';
import type { Actor } from '../../src/app/admin/actor.js';
import { createAdminDirectory } from '../../src/app/admin/admin-directory.js';
import type { AdminResult } from '../../src/app/admin/admin-result.js';
import { createAdminsUseCase } from '../../src/app/admin/admins.use-case.js';
import { createCalendarUseCase } from '../../src/app/admin/calendar.use-case.js';
import { createLinksUseCase } from '../../src/app/admin/links.use-case.js';
import { createRolesUseCase } from '../../src/app/admin/roles.use-case.js';
import type { Clock } from '../../src/app/clock.js';
import type { AdminRepository } from '../../src/store/admin.repository.js';
import type { LinkRepository } from '../../src/store/link.repository.js';
import type { Store } from '../../src/store/store.js';
import { ADMIN_FAILURE_WORDS, USAGE } from './admin-words.js';
import { importVerb } from './import-verb.js';

export interface AdminCliOptions {
  readonly store: Pick<
    Store,
    | 'programmes'
    | 'workstreams'
    | 'actions'
    | 'roles'
    | 'plans'
    | 'measures'
    | 'revisions'
    | 'stepTicks'
    | 'signOffs'
    | 'governance'
  >;
  readonly admins: AdminRepository;
  readonly links: LinkRepository;
  /** From `ADMINS`. */
  readonly configuredAdmins: readonly string[];
  readonly clock: Clock;
  /** Who runs the terminal, recorded as `terminal:<user>`. */
  readonly user: string;
  readonly out: (line: string) => void;
}

/** Exit codes: 0 done, 1 the request was refused or the workbook has problems, 2 bad usage. */
export type ExitCode = 0 | 1 | 2;

/** Runs one admin verb; everything it says goes to `out`. */
export async function runAdmin(
  argv: readonly string[],
  options: AdminCliOptions,
): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      programme: { type: 'string' },
      name: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [verb, ...rest] = positionals;
  const { out, store } = options;
  if (values.help || verb === undefined) {
    out(USAGE);
    return verb === undefined && !values.help ? 2 : 0;
  }
  const actor: Actor = { kind: 'terminal', user: options.user };
  const directory = createAdminDirectory({
    configured: options.configuredAdmins,
    admins: options.admins,
  });
  const clock = options.clock;

  const report = <T>(result: AdminResult<T>, done: (value: T) => void): ExitCode => {
    if (!result.ok) {
      out(ADMIN_FAILURE_WORDS[result.code]);
      return 1;
    }
    done(result.value);
    return 0;
  };

  /** --programme, else the only programme there is. */
  const programmeId = async (): Promise<string | undefined> => {
    if (values.programme) return values.programme;
    const all = await store.programmes.list();
    const [only] = all;
    if (all.length === 1 && only) return only.id;
    out(
      all.length === 0
        ? 'No programme has been imported yet. Import a plan first: npm run admin -- import plan.xlsx'
        : `There are several programmes (${all.map((p) => p.id).join(', ')}): add --programme ID.`,
    );
    return undefined;
  };

  switch (verb) {
    case 'import':
      return importVerb(rest, {
        out,
        store,
        directory,
        actor,
        dryRun: values['dry-run'],
        ...(values.programme === undefined ? {} : { programmeId: values.programme }),
        ...(values.name === undefined ? {} : { programmeName: values.name }),
      });
    case 'programmes': {
      const all = await store.programmes.list();
      if (all.length === 0) out('No programme has been imported yet.');
      for (const programme of all) {
        out(
          `${programme.id}  ${programme.name}  (${plural(programme.periods.length, 'period')}, ${programme.timeZone})`,
        );
      }
      return 0;
    }
    case 'roles': {
      const id = await programmeId();
      if (id === undefined) return 1;
      const result = await createRolesUseCase({ directory, ...store }).list(actor, id);
      return report(result, (roles) => {
        for (const role of roles) {
          const deputy = role.deputy ? `, deputy ${role.deputy}` : '';
          out(`${role.code.padEnd(10)} ${role.person ?? '(vacant)'}${deputy}  — ${role.title}`);
        }
      });
    }
    case 'assign':
    case 'deputy': {
      const [role, email, ...titleWords] = rest;
      if (role === undefined || email === undefined)
        return usage(out, `Give a role and an email: ${verb} ADES someone@council.example`);
      const id = await programmeId();
      if (id === undefined) return 1;
      const roles = createRolesUseCase({ directory, ...store });
      const result =
        verb === 'assign'
          ? await roles.assign(actor, id, role, email, { title: titleWords.join(' ') })
          : await roles.setDeputy(actor, id, role, email);
      return report(result, ({ role: changed, previous, added }) => {
        const now = verb === 'assign' ? changed.person : changed.deputy;
        const what = verb === 'assign' ? '' : 'deputy of ';
        const was = added
          ? 'a new role the workbook does not have; a re-import keeps it'
          : `was ${previous ?? 'nobody'}`;
        out(`${what}${changed.code} is now ${now ?? 'nobody'} (${was}).`);
      });
    }
    case 'calendar': {
      const id = await programmeId();
      if (id === undefined) return 1;
      const result = await createCalendarUseCase({ directory, ...store, clock }).show(actor, id);
      return report(result, (view) => {
        out(`${view.programmeName}: reporting periods (${view.timeZone})`);
        for (const period of view.periods) {
          const board = period.boardMeeting
            ? `board meets ${formatDate(period.boardMeeting)}`
            : 'no board meeting set';
          const open = period.id === view.currentPeriodId ? '  ← open now' : '';
          out(`${period.id.padEnd(10)} closes ${formatDate(period.closes)}, ${board}${open}`);
        }
      });
    }
    case 'admins': {
      const admins = createAdminsUseCase({ directory, admins: options.admins, clock });
      const [action, who] = rest;
      if (action === undefined) {
        return report(await admins.list(actor), (list) => {
          for (const id of list.configured) out(`${id}  (from ADMINS)`);
          for (const admin of list.added)
            out(`${admin.id}  (added by ${admin.addedBy} on ${admin.addedAt.slice(0, 10)})`);
          if (list.configured.length + list.added.length === 0)
            out('There are no admins yet: set ADMINS, or add one here.');
        });
      }
      if ((action !== 'add' && action !== 'remove') || who === undefined)
        return usage(out, 'Use: admins add EMAIL, or admins remove EMAIL.');
      if (action === 'add') {
        return report(await admins.add(actor, who), ({ id, added }) =>
          out(added ? `${id} is now an admin.` : `${id} was already an admin.`),
        );
      }
      return report(await admins.remove(actor, who), ({ id, removed }) =>
        out(removed ? `${id} is no longer an admin.` : `${id} was not an added admin.`),
      );
    }
    case 'link':
    case 'unlink': {
      const [what, conversation] = rest;
      if (
        (what !== 'board' && what !== 'all') ||
        conversation === undefined ||
        (verb === 'link' && what !== 'board')
      ) {
        return usage(
          out,
          `Use: ${verb} board CONVERSATION-ID${verb === 'unlink' ? ' (or unlink all CONVERSATION-ID)' : ''}.`,
        );
      }
      const linking = createLinksUseCase({ directory, ...store, links: options.links, clock });
      if (verb === 'unlink') {
        return report(await linking.unlink(actor, conversation, what === 'board'), (link) =>
          out(
            what === 'board'
              ? `${link.conversationKey} no longer receives the digests of ${link.programmeId}.`
              : `${link.conversationKey} is no longer linked.`,
          ),
        );
      }
      const id = await programmeId();
      if (id === undefined) return 1;
      const request = {
        conversationKey: conversation,
        conversationKind: 'channel' as const,
        programmeId: id,
        board: true,
      };
      return report(await linking.link(actor, request), (link) =>
        out(`${link.conversationKey} now receives the digests of ${link.programmeId}.`),
      );
    }
    default:
      return usage(out, `"${verb}" is not something this command does.`);
  }
}

export function usage(out: (line: string) => void, message: string): 2 {
  out(message);
  out('');
  out(USAGE);
  return 2;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
