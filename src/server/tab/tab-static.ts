import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';

/** Where `npm run build:tab` writes the bundle. */
export const DEFAULT_TAB_DIR = fileURLToPath(new URL('../../../dist/tab/', import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A bare file name: no folders, so nothing outside the bundle can be asked for. */
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/i;

/** Serves the built tab under `/tab` (the page) and `/tab/{file}` (its scripts and styles). */
export function registerTabStatic(server: Server, directory: string): void {
  const send = async (res: Response, name: string): Promise<void> => {
    const type = TYPES[extname(name)];
    if (!SAFE_NAME.test(name) || !type) {
      res.send(404, { code: 'NOT_FOUND', message: `There is no tab file called ${name}.` });
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(join(directory, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const hint = name === 'index.html' ? ' Run `npm run build:tab` to build the tab.' : '';
      res.send(404, { code: 'NOT_FOUND', message: `The tab file ${name} is missing.${hint}` });
      return;
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      // Teams shows the tab in an iframe; only Teams, Outlook and Microsoft 365 may frame it.
      'content-security-policy':
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com " +
        'https://*.cloud.microsoft https://*.office.com https://outlook.office.com',
    });
    res.end(body);
  };

  server.get('/tab', async (_req: Request, res: Response) => send(res, 'index.html'));
  server.get('/tab/', async (_req: Request, res: Response) => send(res, 'index.html'));
  server.get('/tab/:file', async (req: Request, res: Response) => {
    const file = (req.params as Record<string, string | undefined>)['file'] ?? '';
    await send(res, file);
  });
}
