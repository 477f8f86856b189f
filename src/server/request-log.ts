import type { Server } from 'restify';
import type { Logger } from '../app/logger.js';

/**
 * One line per request once it is answered (or abandoned): method, path without the query
 * (report links carry signatures there), status, duration, and for Teams the activity's id and
 * type, which is what to search for when someone says a message went unanswered. Headers are
 * never logged: they carry the tokens.
 */
export function logRequests(server: Server, logger: Logger): void {
  server.pre((req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const path = req.getPath();
      const body: unknown = req.body;
      const activity =
        typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const fields: Record<string, unknown> = {
        method: req.method,
        path,
        status: res.statusCode,
        durationMs,
      };
      if (typeof activity['id'] === 'string') fields['activityId'] = activity['id'];
      if (typeof activity['type'] === 'string') fields['activityType'] = activity['type'];
      if (!res.writableFinished) fields['aborted'] = true;
      logger.info(`${req.method ?? ''} ${path} ${res.statusCode}`, fields);
    });
    return next();
  });
}
