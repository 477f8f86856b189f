import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';

/** How long a digest's link to the full report works: past the board meeting it was for. */
export const REPORT_LINK_DAYS = 35;
const MS_PER_DAY = 86_400_000;

export interface ReportLinkOptions {
  /** PUBLIC_BASE_URL; null for no links at all (a local run). */
  readonly publicBaseUrl: string | null;
  /**
   * Signs the links so only people sent a digest can open the report. Null leaves the
   * report open to anyone who can reach the server (local use, loopback only).
   */
  readonly secret: string | null;
  readonly clock: Clock;
}

/** What a report request carried, for checking its signature. */
export interface ReportLinkQuery {
  readonly period: string | undefined;
  readonly expires: string | undefined;
  readonly sig: string | undefined;
}

export type ReportLinkCheck = 'open' | 'valid' | 'expired' | 'invalid';

export interface ReportLinks {
  /** The report's address for a digest of this period; null when no base URL is set. */
  urlFor(programmeId: string, periodId: string): string | null;
  check(programmeId: string, query: ReportLinkQuery): ReportLinkCheck;
}

function signature(secret: string, programmeId: string, periodId: string, expires: string) {
  return createHmac('sha256', secret)
    .update(`report\n${programmeId}\n${periodId}\n${expires}`)
    .digest('base64url');
}

export function createReportLinks(options: ReportLinkOptions): ReportLinks {
  const base = options.publicBaseUrl?.trim().replace(/\/+$/, '') ?? '';
  const secret = options.secret === null || options.secret === '' ? null : options.secret;
  return {
    urlFor(programmeId, periodId) {
      if (base === '') return null;
      const path = `${base}/report/${encodeURIComponent(programmeId)}?period=${encodeURIComponent(periodId)}`;
      if (secret === null) return path;
      const expires = String(
        Math.floor((options.clock.now().getTime() + REPORT_LINK_DAYS * MS_PER_DAY) / 1000),
      );
      return `${path}&expires=${expires}&sig=${signature(secret, programmeId, periodId, expires)}`;
    },

    check(programmeId, { period, expires, sig }) {
      if (secret === null) return 'open';
      if (period === undefined || expires === undefined || sig === undefined) return 'invalid';
      const wanted = Buffer.from(signature(secret, programmeId, period, expires));
      const given = Buffer.from(sig);
      if (wanted.length !== given.length || !timingSafeEqual(wanted, given)) return 'invalid';
      return Number(expires) * 1000 > options.clock.now().getTime() ? 'valid' : 'expired';
    },
  };
}
