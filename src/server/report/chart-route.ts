import type { Request, Response, Server } from 'restify';
import type { ChartLinkQuery, ReportLinkCheck, ReportLinks } from '../../app/digest/report-link.js';
import type { ChartFailure, ReportUseCase } from '../../app/digest/report.use-case.js';
import { drawDigestChart } from '../../render/chart/digest-chart.js';
import { drawMeasureChart } from '../../render/chart/measure-chart-image.js';
import type { Logger } from '../../app/logger.js';

export interface ChartRouteOptions {
  readonly reports: Pick<ReportUseCase, 'chart' | 'measures'>;
  readonly logger: Logger;
  /** Checks the digest's signed chart links; without it (local use) the charts are open. */
  readonly links?: Pick<ReportLinks, 'checkChart' | 'checkMeasureChart'>;
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

/** What a chart's address names, read from its path and query. */
interface ChartRequest {
  readonly programmeId: string;
  readonly period: string | undefined;
  readonly workstream: string | undefined;
}

/** One chart served: how its link is checked, and how it is drawn (null: nothing to draw). */
interface ChartKind {
  readonly path: string;
  readonly name: string;
  readonly check: (programmeId: string, query: ChartLinkQuery) => ReportLinkCheck;
  readonly draw: (request: ChartRequest) => Promise<ReportChartResult<Buffer | null>>;
}

type ReportChartResult<T> = { readonly ok: true; readonly value: T } | ChartFailure;

/**
 * `GET /report/:programme/chart.png?period=…[&workstream=…]`: the ratings chart a digest card
 * shows, and `GET /report/:programme/measures.png?…`: its measures chart, each behind its
 * own signed links.
 */
export function registerChartRoute(server: Server, options: ChartRouteOptions): void {
  const { reports, links } = options;
  serveChart(server, options, {
    path: '/report/:programme/chart.png',
    name: "digest's chart",
    check: (programmeId, query) => links?.checkChart(programmeId, query) ?? 'open',
    draw: async ({ programmeId, period, workstream }) => {
      const result = await reports.chart(programmeId, period, workstream);
      return result.ok ? { ok: true, value: drawDigestChart(result.value).png } : result;
    },
  });
  serveChart(server, options, {
    path: '/report/:programme/measures.png',
    name: "digest's measures chart",
    check: (programmeId, query) => links?.checkMeasureChart(programmeId, query) ?? 'open',
    draw: async ({ programmeId, period, workstream }) => {
      const result = await reports.measures(programmeId, period, workstream);
      return result.ok
        ? { ok: true, value: drawMeasureChart(result.value.standings)?.png ?? null }
        : result;
    },
  });
}

function serveChart(server: Server, options: ChartRouteOptions, kind: ChartKind): void {
  server.get(kind.path, async (req: Request, res: Response) => {
    const programmeId = programmeParam(req.params as unknown);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const period = url.searchParams.get('period')?.trim() || undefined;
    const workstream = url.searchParams.get('workstream')?.trim() || undefined;
    const check = kind.check(programmeId, {
      period,
      workstream,
      expires: url.searchParams.get('expires') ?? undefined,
      sig: url.searchParams.get('sig') ?? undefined,
    });
    if (check === 'invalid' || check === 'expired') {
      const why = check === 'expired' ? 'has expired' : 'is not complete or not valid';
      sendText(
        res,
        403,
        `This link to the ${kind.name} ${why}. Open the latest digest in Teams, or type /digest for a fresh one.`,
      );
      return;
    }
    try {
      const result = await kind.draw({ programmeId, period, workstream });
      if (result.ok && result.value !== null) {
        res.writeHead(200, { ...PNG_HEADERS, 'Content-Length': String(result.value.length) });
        res.end(result.value);
        return;
      }
      const what = result.ok
        ? `No measure of programme "${programmeId}" has a value for that period yet.`
        : result.code === 'PROGRAMME_NOT_FOUND'
          ? `There is no programme "${programmeId}".`
          : result.code === 'PERIOD_NOT_FOUND'
            ? `Programme "${programmeId}" has no period "${result.periodId}".`
            : `Programme "${programmeId}" has no workstream "${result.workstream}".`;
      sendText(res, 404, `${what} Check the link, or type /digest for a fresh one.`);
    } catch (error: unknown) {
      options.logger.error(`The ${kind.name} could not be drawn`, {
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
