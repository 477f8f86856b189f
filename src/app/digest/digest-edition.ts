import { formatDateWithDay } from '../../domain/dates.js';
import { deciderRules } from '../../domain/deciders.js';
import { digestSchedule, type ScheduledDigest } from '../../domain/digest-schedule.js';
import { normaliseEmail } from '../../domain/people.js';
import type { Programme } from '../../domain/programme.js';
import { localDateOf, localTimeOf } from '../../domain/zoned-time.js';
import type { ProgrammeSnapshot } from './programme-snapshot.js';

/**
 * Which digest a reader sees. `sent`: the one last posted to the board channel, as everyone
 * may read it. `draft`: the coming board's, as it stands, for those who prepare the board
 * (its chair, the workstream leads, programme admins). `best`: the draft for them, else sent.
 */
export type DigestEdition = 'sent' | 'draft' | 'best';

/** Who is reading: their email as Teams gave it, and whether they are a programme admin. */
export interface DigestReader {
  readonly email: string | null;
  readonly isAdmin: boolean;
}

/** The period to digest and the line that says which edition it is. */
export interface EditionChoice {
  readonly periodId: string | undefined;
  readonly preface: string | undefined;
}

/**
 * True for an admin, and for whoever holds or deputises for the board chair's role, a role
 * that decides for every workstream, or a workstream's lead role.
 */
export function mayReadDraft(snapshot: ProgrammeSnapshot, reader: DigestReader): boolean {
  if (reader.isAdmin) return true;
  if (reader.email === null) return false;
  const email = normaliseEmail(reader.email);
  const preparing = new Set(
    [
      ...snapshot.workstreams.map((w) => w.leadRole),
      ...deciderRules(snapshot.governance.settings, snapshot.workstreams)
        .filter((rule) => rule.workstreams === 'all')
        .map((rule) => rule.role),
      ...(snapshot.governance.settings.chairRole === null
        ? []
        : [snapshot.governance.settings.chairRole]),
    ].map((code) => code.toUpperCase()),
  );
  return snapshot.roles.some(
    (role) =>
      preparing.has(role.code.toUpperCase()) && (role.person === email || role.deputy === email),
  );
}

function dayOf(programme: Programme, instant: Date): string {
  return formatDateWithDay(localDateOf(instant, programme.timeZone));
}

/** The digest last posted: the latest whose sending time has passed. */
function lastSent(programme: Programme, now: Date): ScheduledDigest | null {
  return (
    digestSchedule(programme)
      .filter((digest) => digest.sendAt <= now)
      .at(-1) ?? null
  );
}

/** The coming board's digest: the first whose meeting has not yet passed. */
function coming(programme: Programme, now: Date): ScheduledDigest | null {
  return digestSchedule(programme).find((digest) => now < digest.until) ?? null;
}

export function sentEdition(programme: Programme, now: Date, draftToo: boolean): EditionChoice {
  const sent = lastSent(programme, now);
  const hint = draftToo ? " Type /digest draft for the coming board's digest as it stands." : '';
  if (sent === null) {
    // A calendar without board meetings has no posting to speak of: the latest period's.
    if (digestSchedule(programme).length === 0) return { periodId: undefined, preface: undefined };
    return {
      periodId: undefined,
      preface: `No digest has been posted to the board yet; this is the latest period's as it stands.${hint}`,
    };
  }
  const meeting = formatDateWithDay(sent.boardMeeting);
  return {
    periodId: sent.periodId,
    preface: `The ${sent.periodId} digest, posted to the board channel on ${dayOf(programme, sent.sendAt)} for the board on ${meeting}; the figures are as they stand now.${hint}`,
  };
}

export function draftEdition(programme: Programme, now: Date): EditionChoice {
  const next = coming(programme, now);
  const sent = lastSent(programme, now);
  const last =
    sent === null ? '' : ` Type /digest sent for the ${sent.periodId} digest the board last had.`;
  if (next === null) {
    return {
      periodId: undefined,
      preface: `Draft, seen only by you: no board meeting is ahead in the calendar, so no digest is scheduled. This is the latest period's.${last}`,
    };
  }
  const when = `${dayOf(programme, next.sendAt)} at ${localTimeOf(next.sendAt, programme.timeZone)}`;
  return {
    periodId: next.periodId,
    preface: `Draft, seen only by you: the ${next.periodId} digest as it stands, due to be posted to the board channel on ${when}.${last}`,
  };
}
