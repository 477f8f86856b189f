import { localDateOf } from '../../domain/calendar.js';
import type { PersonRepository } from '../../store/role.repository.js';
import type { Clock } from '../clock.js';
import { buildDigest } from './build-digest.js';
import type { DigestResult } from './build-digest.js';
import { loadProgrammeSnapshot } from './programme-snapshot.js';
import { createReportLinks } from './report-link.js';
import type { SnapshotPorts } from './programme-snapshot.js';

export type { BuiltDigest, DigestResult } from './build-digest.js';

export interface DigestOptions extends SnapshotPorts {
  /** Who could not be reached, for the digest's warnings. */
  readonly people: Pick<PersonRepository, 'listUnreachable'>;
  readonly clock: Clock;
  /**
   * Public address of this service (PUBLIC_BASE_URL): the card links the full report there
   * and shows the chart from there. Null (a local run) embeds the chart in the card.
   */
  readonly publicBaseUrl: string | null;
  /** Signs report links (REPORT_LINK_SECRET); absent or null leaves them unsigned. */
  readonly reportLinkSecret?: string | null;
}

export interface DigestRequest {
  readonly programmeId: string;
  /** A workstream code (`/digest EHC`); absent for the whole programme. */
  readonly workstream?: string;
  /** A period id ("Jan 2021"); absent for the latest period that has closed. */
  readonly periodId?: string;
  /** A first line above the rest ("Preview: …"). */
  readonly preface?: string;
}

export interface DigestUseCase {
  build(request: DigestRequest): Promise<DigestResult>;
}

export function createDigestUseCase(options: DigestOptions): DigestUseCase {
  const links = createReportLinks({
    publicBaseUrl: options.publicBaseUrl,
    secret: options.reportLinkSecret ?? null,
    clock: options.clock,
  });
  return {
    async build(request) {
      const [snapshot, unreachable] = await Promise.all([
        loadProgrammeSnapshot(options, request.programmeId),
        options.people.listUnreachable(),
      ]);
      if (!snapshot) {
        return { ok: false, code: 'PROGRAMME_NOT_FOUND', programmeId: request.programmeId };
      }
      const now = options.clock.now();
      return buildDigest({
        snapshot,
        today: localDateOf(now, snapshot.programme.timeZone),
        asAt: now.toISOString(),
        unreachable,
        reportLink: (programmeId, periodId) => links.urlFor(programmeId, periodId),
        chartLink: (programmeId, periodId, workstream) =>
          links.chartUrlFor(programmeId, periodId, workstream),
        ...(request.workstream !== undefined && { workstream: request.workstream }),
        ...(request.periodId !== undefined && { periodId: request.periodId }),
        ...(request.preface !== undefined && { preface: request.preface }),
      });
    },
  };
}
