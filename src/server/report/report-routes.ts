import type { Request, Response, Server } from 'restify';
import type { ReportLinks } from '../../app/digest/report-link.js';
import type { ReportUseCase } from '../../app/digest/report.use-case.js';
import type { Logger } from '../../app/logger.js';
import { registerChartRoute } from './chart-route.js';
import { escapeHtml } from './html.js';
import { renderReportPage } from './report-page.js';

export interface ReportRoutesOptions {
  readonly reports: ReportUseCase;
  readonly logger: Logger;
  /** Checks the digest's signed links; without it (local use) the report is open. */
  readonly links?: Pick<ReportLinks, 'check' | 'checkChart' | 'checkMeasureChart'>;
}

/** Environment settings for signing report links: a secret of its own, else the bot's. */
export function reportLinkSecretFrom(env: Readonly<Record<string, string | undefined>>) {
  return env['REPORT_LINK_SECRET']?.trim() || env['MicrosoftAppPassword']?.trim() || null;
}

/** Inline styles and the chart's data URI only: the page loads nothing else. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function sendPage(res: Response, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  res.end(body);
}

function messagePage(title: string, message: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}

function programmeParam(params: unknown): string {
  if (typeof params !== 'object' || params === null || !('programme' in params)) return '';
  return typeof params.programme === 'string' ? params.programme : '';
}

/**
 * `GET /report/:programme[?period=Jan 2021]`: the full report the digest links to, and
 * `GET /report/:programme/chart.png` and `…/measures.png`: the charts the digest card shows.
 */
export function registerReportRoutes(server: Server, options: ReportRoutesOptions): void {
  registerChartRoute(server, options);
  server.get('/report/:programme', async (req: Request, res: Response) => {
    const programmeId = programmeParam(req.params as unknown);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const period = url.searchParams.get('period')?.trim() || undefined;
    const check =
      options.links?.check(programmeId, {
        period,
        expires: url.searchParams.get('expires') ?? undefined,
        sig: url.searchParams.get('sig') ?? undefined,
      }) ?? 'open';
    if (check === 'invalid' || check === 'expired') {
      const why = check === 'expired' ? 'has expired' : 'is not complete or not valid';
      sendPage(
        res,
        403,
        messagePage(
          'This link to the report does not open it',
          `The link ${why}. Open the report from the latest digest in Teams, or type /digest for a fresh link.`,
        ),
      );
      return;
    }
    try {
      const result = await options.reports.fullReport(programmeId, period);
      if (result.ok) {
        sendPage(res, 200, renderReportPage(result.value));
        return;
      }
      const page =
        result.code === 'PROGRAMME_NOT_FOUND'
          ? messagePage(
              'No such programme',
              `There is no programme "${programmeId}". Check the link, or open the report from the latest digest.`,
            )
          : messagePage(
              'No such period',
              `Programme "${programmeId}" has no period "${period ?? ''}". Check the link, or leave out "period" for the latest.`,
            );
      sendPage(res, 404, page);
    } catch (error: unknown) {
      options.logger.error('The full report could not be made', {
        programmeId,
        period,
        error: error instanceof Error ? error.message : String(error),
      });
      sendPage(
        res,
        500,
        messagePage(
          'The report could not be made',
          'Something went wrong on our side. Please try again in a minute; if it keeps happening, tell your programme admin.',
        ),
      );
    }
  });
}
