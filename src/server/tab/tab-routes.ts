import type { Next, Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AdminDirectory } from '../../app/admin/admin-directory.js';
import type { Dashboard, DashboardFilters, Viewer } from '../../app/dashboard.use-case.js';
import type { ExportUseCase } from '../../app/export/export.use-case.js';
import { boardPackFile, XLSX_CONTENT_TYPE } from '../../render/board-pack/board-pack.js';
import { RATING_ORDER } from '../../domain/rating.js';
import type { Logger } from '../../app/logger.js';
import type { PersonRepository } from '../../store/role.repository.js';
import type { TabAuthFailure, TabAuthOptions, TabTokenValidator } from './tab-auth.js';
import { createTabTokenValidator } from './tab-auth.js';
import { DEFAULT_TAB_DIR, registerTabStatic } from './tab-static.js';

export interface TabRoutesOptions {
  readonly dashboard: Dashboard;
  /** Token checks; leave out for local use with no app id, where the tab needs no sign-in. */
  readonly auth?: TabAuthOptions | undefined;
  /**
   * Who a signed-in object id is: the person store, where the bot records it when Teams
   * first brings that person to it.
   */
  readonly people: Pick<PersonRepository, 'getByAadObjectId'>;
  /** Decides who sees every programme (`ADMINS` and the admins stored); none when left out. */
  readonly admins?: Pick<AdminDirectory, 'isAdmin'>;
  /** Lets admins download the board pack from the tab; without it the tab says to ask the bot. */
  readonly exports?: Pick<ExportUseCase, 'boardPack'>;
  /** Where the built tab lives; defaults to `dist/tab`. */
  readonly staticDir?: string;
  readonly logger: Logger;
}

const filtersSchema = z.object({
  workstream: z.string().trim().min(1).max(20).optional(),
  owner: z.string().trim().min(1).max(40).optional(),
  rating: z.enum(RATING_ORDER as [string, ...string[]]).optional(),
});

type Handler = (req: Request, res: Response, viewer: Viewer) => Promise<void>;

/** What the person is told; the token's details stay in the log. */
const REFUSALS: Readonly<Record<Exclude<TabAuthFailure, 'KEYS_UNAVAILABLE'>, string>> = {
  NO_TOKEN: 'You are not signed in. Open the Action Tracker tab in Teams.',
  BAD_TOKEN: 'Your sign-in could not be checked. Reload the tab in Teams.',
  WRONG_AUDIENCE: 'Your sign-in is for another app. Open the Action Tracker tab in Teams.',
  WRONG_TENANT: 'Action Tracker does not serve your organisation.',
};

/**
 * The dashboard tab: the page under `/tab` and its JSON under `/api/tab/*`. With `auth`, every
 * API call needs the user's Teams token and sees only the programmes the user belongs to.
 */
export function registerTabRoutes(server: Server, options: TabRoutesOptions): void {
  const validate: TabTokenValidator | undefined = options.auth
    ? createTabTokenValidator(options.auth)
    : undefined;

  const signedIn =
    (handler: Handler) =>
    async (req: Request, res: Response): Promise<void> => {
      if (!validate) return handler(req, res, { email: null, isAdmin: true });
      const result = await validate(req.header('authorization'));
      if (!result.ok) {
        // The reason is for the log; the caller learns only what to do.
        options.logger.warn('Tab request refused', { code: result.code, reason: result.reason });
        if (result.code === 'KEYS_UNAVAILABLE') {
          res.header('Retry-After', '5');
          res.send(503, {
            code: result.code,
            message: 'Sign-in cannot be checked just now. Please reload the tab in a minute.',
          });
          return;
        }
        res.send(401, { code: result.code, message: REFUSALS[result.code] });
        return;
      }
      const { aadObjectId } = result.identity;
      const email = (await options.people.getByAadObjectId(aadObjectId))?.email ?? null;
      const isAdmin =
        (await options.admins?.isAdmin({ kind: 'person', email, aadObjectId })) ?? false;
      if (email === null && !isAdmin) {
        res.send(403, {
          code: 'NOT_KNOWN',
          message:
            'Action Tracker does not know you yet. Say hello to the Action Tracker bot in Teams, then reload this tab.',
        });
        return;
      }
      // An admin named only by object id sees everything, as admins do.
      return handler(req, res, { email: email ?? aadObjectId, isAdmin });
    };

  registerTabStatic(server, options.staticDir ?? DEFAULT_TAB_DIR);

  server.get('/api/tab/config', (_req: Request, res: Response, next: Next) => {
    res.send(200, {
      authRequired: validate !== undefined,
      appId: options.auth?.appId ?? null,
    });
    next();
  });

  server.get(
    '/api/tab/programmes',
    signedIn(async (_req, res, viewer) => {
      res.send(200, {
        programmes: await options.dashboard.programmesFor(viewer),
        // The board pack is for admins, as the bot's /export is.
        canExport: options.exports !== undefined && viewer.isAdmin,
      });
    }),
  );

  server.get(
    '/api/tab/programmes/:programme/dashboard',
    signedIn(async (req, res, viewer) => {
      const query = Object.fromEntries(new URL(req.url ?? '/', 'http://tab').searchParams);
      const parsed = filtersSchema.safeParse(query);
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
        res.send(400, {
          code: 'INVALID_FILTER',
          message: `The filter ${where} is not one the dashboard knows. Use: ${RATING_ORDER.join(', ')}.`,
        });
        return;
      }
      const filters = withoutUndefined(parsed.data) as DashboardFilters;
      const result = await options.dashboard.grid(programmeParam(req), filters, viewer);
      if (!result.ok) {
        res.send(404, notFound(result.programmeId));
        return;
      }
      res.send(200, result.value);
    }),
  );

  const exports = options.exports;
  if (exports) {
    server.get(
      '/api/tab/programmes/:programme/export',
      signedIn(async (req, res, viewer) => {
        if (!viewer.isAdmin) {
          res.send(403, {
            code: 'NOT_ADMIN',
            message:
              'Only programme admins can download the board pack. Ask one to send it to you.',
          });
          return;
        }
        const result = await exports.boardPack(programmeParam(req));
        if (!result.ok) {
          res.send(404, notFound(result.programmeId));
          return;
        }
        const file = await boardPackFile(result.value);
        res.writeHead(200, {
          'content-type': XLSX_CONTENT_TYPE,
          'content-disposition': `attachment; filename="${file.fileName.replace(/"/g, '')}"`,
          'content-length': file.bytes.length,
        });
        res.end(file.bytes);
      }),
    );
  }
}

function programmeParam(req: Request): string {
  return (req.params as Record<string, string | undefined>)['programme'] ?? '';
}

function notFound(programmeId: string) {
  return {
    code: 'PROGRAMME_NOT_FOUND',
    message: `There is no programme "${programmeId}" that you belong to. Ask a programme admin to map your role.`,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
