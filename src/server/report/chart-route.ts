import type { Request, Response, Server } from 'restify';
import type { ReportLinks } from '../../app/digest/report-link.js';
import type { ReportUseCase } from '../../app/digest/report.use-case.js';
import { drawDigestChart } from '../../render/chart/digest-chart.js';
import type { Logger } from '../../app/logger.js';

export interface ChartRouteOptions {
  readonly reports: Pick<ReportUseCase, 'chart'>;
  readonly logger: Logger;
  /** Checks the digest's signed chart links; without it (local use) the chart is open. */
  readonly links?: Pick<ReportLinks, 'checkChart'>;
}

/**
 * Teams fetches the picture once for everyone who sees the card, from another origin. The
 * address is signed and expires, so a cache may keep it for an hour; the picture may not
 * run anything, nor be read as anything but a PNG.
 */
const PNG_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'image/png',
  'Cache-Control': 'public, max-age=3600',
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Refusals are short plain text: whoever sees them opened an image address by hand. */
function sendText(res: Response, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(text);
}

function programmeParam(params: unknown): string {
  if (typeof params !== 'object' || params === null || !('programme' in params)) return '';
  return typeof params.programme === 'string' ? params.programme : '';
}

/** `GET /report/:programme/chart.png?period=…[&workstream=…]`: the chart a digest card shows. */
export function registerChartRoute(server: Server, options: ChartRouteOptions): void {
  server.get('/report/:programme/chart.png', async (req: Request, res: Response) => {
    const programmeId = programmeParam(req.params as unknown);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const period = url.searchParams.get('period')?.trim() || undefined;
    const workstream = url.searchParams.get('workstream')?.trim() || undefined;
    const check =
      options.links?.checkChart(programmeId, {
        period,
        workstream,
        expires: url.searchParams.get('expires') ?? undefined,
        sig: url.searchParams.get('sig') ?? undefined,
      }) ?? 'open';
    if (check === 'invalid' || check === 'expired') {
      const why = check === 'expired' ? 'has expired' : 'is not complete or not valid';
      sendText(
        res,
        403,
        `This link to the digest's chart ${why}. Open the latest digest in Teams, or type /digest for a fresh one.`,
      );
      return;
    }
    try {
      const result = await options.reports.chart(programmeId, period, workstream);
      if (result.ok) {
        const { png } = drawDigestChart(result.value);
        res.writeHead(200, { ...PNG_HEADERS, 'Content-Length': String(png.length) });
        res.end(png);
        return;
      }
      const what =
        result.code === 'PROGRAMME_NOT_FOUND'
          ? `There is no programme "${programmeId}".`
          : result.code === 'PERIOD_NOT_FOUND'
            ? `Programme "${programmeId}" has no period "${result.periodId}".`
            : `Programme "${programmeId}" has no workstream "${result.workstream}".`;
      sendText(res, 404, `${what} Check the link, or type /digest for a fresh one.`);
    } catch (error: unknown) {
      options.logger.error('The digest chart could not be drawn', {
        programmeId,
        period,
        workstream,
        error: error instanceof Error ? error.message : String(error),
      });
      sendText(
        res,
        500,
        'The chart could not be drawn. Please try again in a minute; if it keeps happening, tell your programme admin.',
      );
    }
  });
}
