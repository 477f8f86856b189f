import { localDateOf } from '../../domain/calendar.js';
import type { Person } from '../../domain/people.js';
import type { PeopleNames } from '../../domain/people-names.js';
import { loadPeopleNames } from '../people-names.js';
import type { PersonRepository } from '../../store/role.repository.js';
import type { Clock } from '../clock.js';
import { buildDigest } from './build-digest.js';
import type { DigestResult } from './build-digest.js';
import {
  draftEdition,
  mayReadDraft,
  sentEdition,
  type DigestEdition,
  type DigestReader,
  type EditionChoice,
} from './digest-edition.js';
import { loadProgrammeSnapshot } from './programme-snapshot.js';
import { createReportLinks } from './report-link.js';
import type { ProgrammeSnapshot, SnapshotPorts } from './programme-snapshot.js';

export type { BuiltDigest, DigestResult } from './build-digest.js';
export type { DigestEdition, DigestReader } from './digest-edition.js';

export interface DigestOptions extends SnapshotPorts {
  /** Who could not be reached, for the digest's warnings. */
  readonly people: Pick<PersonRepository, 'listUnreachable' | 'get'>;
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

/** A person asking in chat: the digest last posted, or the coming board's draft. */
export interface DigestReading {
  readonly programmeId: string;
  readonly workstream?: string;
  readonly edition: DigestEdition;
  readonly reader: DigestReader;
}

/** A draft asked for by someone who does not prepare the board. */
export interface DraftRefused {
  readonly ok: false;
  readonly code: 'DRAFT_NOT_ALLOWED';
}

export interface DigestUseCase {
  build(request: DigestRequest): Promise<DigestResult>;
  /** The edition a reader asked for (the draft only for those who prepare the board). */
  read(reading: DigestReading): Promise<DigestResult | DraftRefused>;
}

export function createDigestUseCase(options: DigestOptions): DigestUseCase {
  const links = createReportLinks({
    publicBaseUrl: options.publicBaseUrl,
    secret: options.reportLinkSecret ?? null,
    clock: options.clock,
  });
  interface Loaded {
    readonly snapshot: ProgrammeSnapshot;
    readonly unreachable: readonly Person[];
    readonly names: PeopleNames;
  }

  async function load(programmeId: string): Promise<Loaded | null> {
    const [snapshot, unreachable] = await Promise.all([
      loadProgrammeSnapshot(options, programmeId),
      options.people.listUnreachable(),
    ]);
    if (!snapshot) return null;
    const names = await loadPeopleNames(snapshot.roles, options.people);
    return { snapshot, unreachable, names };
  }

  function assemble(
    request: Pick<DigestRequest, 'workstream'>,
    { snapshot, unreachable, names }: Loaded,
    chosen: EditionChoice,
    now: Date,
  ): DigestResult {
    return buildDigest({
      snapshot,
      today: localDateOf(now, snapshot.programme.timeZone),
      asAt: now.toISOString(),
      unreachable,
      names,
      reportLink: (programmeId, periodId) => links.urlFor(programmeId, periodId),
      chartLink: (programmeId, periodId, workstream) =>
        links.chartUrlFor(programmeId, periodId, workstream),
      measureChartLink: (programmeId, periodId, workstream) =>
        links.measureChartUrlFor(programmeId, periodId, workstream),
      ...(request.workstream !== undefined && { workstream: request.workstream }),
      ...(chosen.periodId !== undefined && { periodId: chosen.periodId }),
      ...(chosen.preface !== undefined && { preface: chosen.preface }),
    });
  }

  return {
    async build(request) {
      const loaded = await load(request.programmeId);
      if (!loaded) return notFound(request.programmeId);
      const chosen = { periodId: request.periodId, preface: request.preface };
      return assemble(request, loaded, chosen, options.clock.now());
    },
    async read({ edition, reader, ...request }) {
      const loaded = await load(request.programmeId);
      if (!loaded) return notFound(request.programmeId);
      const now = options.clock.now();
      const drafts = mayReadDraft(loaded.snapshot, reader);
      if (edition === 'draft' && !drafts) return { ok: false, code: 'DRAFT_NOT_ALLOWED' };
      const chosen =
        edition === 'sent' || !drafts
          ? sentEdition(loaded.snapshot.programme, now, drafts)
          : draftEdition(loaded.snapshot.programme, now);
      return assemble(request, loaded, chosen, now);
    },
  };
}

function notFound(programmeId: string): DigestResult {
  return { ok: false, code: 'PROGRAMME_NOT_FOUND', programmeId };
}
