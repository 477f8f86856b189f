import { formatDate } from '../../domain/dates.js';
import { RATING_ORDER } from '../../domain/rating.js';
import type { DigestData, DigestWarning } from '../../domain/digest.js';
import type { RatingOrNotRated } from '../../domain/rating.js';
import { localDateOf } from '../../domain/zoned-time.js';
import { NO_NAMES, type PeopleNames } from '../../domain/people-names.js';
import type { MeasureDigest } from '../../domain/measure-digest.js';
import { ratingSwatch } from '../swatch.js';
import {
  FULL_DIGEST,
  clip,
  section,
  type DigestLimits,
  type DigestLine,
  type DigestSection,
} from './digest-section.js';
import { governanceSections } from './governance-sections.js';
import type { GovernanceDigest } from '../../domain/governance-digest.js';
import { measureSection, type CardPicture, type MeasureSectionView } from './measure-section.js';

export { FULL_DIGEST, type CardPicture, type DigestLimits, type DigestLine, type DigestSection };

export interface DigestCountRow {
  readonly rating: RatingOrNotRated;
  /** The rating's colour from the one palette, drawn beside its word. */
  readonly swatch: string;
  readonly count: number;
  /** "was 0", or "" when there is no previous period. */
  readonly previous: string;
}

/** The data the digest template is expanded with. */
export interface DigestCardView {
  readonly title: string;
  readonly lines: readonly string[];
  readonly counts: readonly DigestCountRow[];
  readonly chart: { readonly url: string; readonly altText: string } | null;
  readonly sections: readonly DigestSection[];
  /** Null when the programme (or the workstream) has no measures. */
  readonly measures: MeasureSectionView | null;
  /** Said when lists were cut to fit Teams' message size; "" otherwise. */
  readonly summary: string;
  /** The full report's address; "" when no public address is configured. */
  readonly reportUrl: string;
}

export interface DigestViewInput {
  readonly data: DigestData;
  /** The ratings chart (src/render draws it), linked or embedded; null for none. */
  readonly chart: CardPicture | null;
  readonly timeZone: string;
  readonly reportUrl: string | null;
  readonly limits: DigestLimits;
  /** A first line above the rest ("Preview: …"); absent for none. */
  readonly preface?: string;
  /** The measures as at the period; null when there are none. */
  readonly measures: MeasureDigest | null;
  /** The measures chart, linked or embedded; null when none is drawn. */
  readonly measureChart: CardPicture | null;
  /** Revised dates, requests waiting, steps and sign-off. */
  readonly governance: GovernanceDigest;
  /** People by name and job title; absent, by role code and email. */
  readonly names?: PeopleNames;
}

export function buildDigestView(input: DigestViewInput): DigestCardView {
  const { data, limits } = input;
  const names = input.names ?? NO_NAMES;
  const sections = [
    movedSection(data, 'improved', limits),
    movedSection(data, 'worsened', limits),
    overdueSection(data, names, limits),
    notReportedSection(data, names, limits),
    warningsSection(data, input.measures, limits),
    ...governanceSections(input.governance, names, limits),
    notesSection(data, input.timeZone, names, limits),
  ];
  const cut = limits !== FULL_DIGEST || sections.some((section) => section.more !== '');
  return {
    title: `Board digest: ${data.programme.name}`,
    lines: [...(input.preface === undefined ? [] : [input.preface]), ...headerLines(data)],
    counts: RATING_ORDER.map((rating) => ({
      rating,
      swatch: ratingSwatch(rating),
      count: data.counts[rating],
      previous: data.previousCounts ? `was ${data.previousCounts[rating]}` : '',
    })),
    chart: input.chart,
    sections,
    measures: measureSection(input.measures, input.measureChart, limits.itemsPerList),
    summary: cut ? summaryLine(input.reportUrl !== null) : '',
    reportUrl: input.reportUrl ?? '',
  };
}

function headerLines(data: DigestData): string[] {
  const { period, previousPeriod, workstream } = data;
  const scope = workstream
    ? `Workstream ${workstream.code}: ${workstream.name}`
    : 'Whole programme';
  const board = period.boardMeeting ? `; board meets ${formatDate(period.boardMeeting)}` : '';
  const compared = previousPeriod
    ? `Counts by rating, with ${previousPeriod.id} beside them.`
    : 'Counts by rating (the first period, so nothing to compare with).';
  return [scope, `Period ${period.id}: closes ${formatDate(period.closes)}${board}.`, compared];
}

function summaryLine(linked: boolean): string {
  const where = linked ? 'the full report has every item' : 'type /export for the board pack';
  return `This programme is too large for one message, so each list shows its first items; ${where}.`;
}

function movedSection(
  data: DigestData,
  direction: 'improved' | 'worsened',
  limits: DigestLimits,
): DigestSection {
  const moves = data.moved.filter((move) => move.direction === direction);
  const heading = direction === 'improved' ? 'Improved' : 'Worsened';
  const none = `No action ${direction} since the last period.`;
  return section(
    heading,
    none,
    moves,
    (move) => ({
      text: `${move.ref} ${direction} from ${move.from} to ${move.to}: ${clip(move.title, limits.noteLength)}`,
      detail: '',
    }),
    limits,
  );
}

function overdueSection(data: DigestData, names: PeopleNames, limits: DigestLimits): DigestSection {
  return section(
    'Overdue',
    'Nothing is overdue.',
    data.overdue,
    (item) => ({
      text: `${item.ref}, due ${formatDate(item.due)}, ${item.rating}, owner ${names.role(item.ownerRole)}: ${clip(item.title, limits.noteLength)}`,
      detail: '',
    }),
    limits,
  );
}

/** One line per owner role, listing its actions, so a board sees whom to ask. */
function notReportedSection(
  data: DigestData,
  names: PeopleNames,
  limits: DigestLimits,
): DigestSection {
  const byRole = new Map<string, { person: string | null; refs: string[] }>();
  for (const item of data.notReported) {
    const entry = byRole.get(item.ownerRole) ?? { person: item.person, refs: [] };
    entry.refs.push(item.ref);
    byRole.set(item.ownerRole, entry);
  }
  const none = 'Every action has been rated this period.';
  return section(
    'Not yet reported',
    none,
    [...byRole],
    ([role, { person, refs }]) => ({
      text: `${names.role(role)}${person === null ? ' (nobody assigned)' : ''}: ${listRefs(refs, 12)}`,
      detail: '',
    }),
    limits,
  );
}

function listRefs(refs: readonly string[], max: number): string {
  if (refs.length <= max) return refs.join(', ');
  return `${refs.slice(0, max).join(', ')} and ${refs.length - max} more`;
}

const WARNING_LABEL: Readonly<Record<DigestWarning['kind'], string>> = {
  'false-green': 'False green',
  'rolled-over': 'Rolled over',
  unreachable: 'Could not be reached',
};

function warningsSection(
  data: DigestData,
  measures: MeasureDigest | null,
  limits: DigestLimits,
): DigestSection {
  const lines = [
    ...data.warnings.map((warning) =>
      warning.kind === 'unreachable'
        ? `${WARNING_LABEL[warning.kind]}: ${warning.message}`
        : `${WARNING_LABEL[warning.kind]}, ${warning.ref}: ${warning.message}`,
    ),
    // A measure off its line under all-Green actions is a false green the figures show.
    ...(measures?.warnings ?? []).map((warning) => `False green, measure ${warning.message}`),
  ];
  return section('Warnings', 'No warnings.', lines, (text) => ({ text, detail: '' }), limits);
}

function notesSection(
  data: DigestData,
  timeZone: string,
  names: PeopleNames,
  limits: DigestLimits,
): DigestSection {
  const heading = "Owners' notes, newest first";
  return section(
    heading,
    'No notes this period.',
    data.notes,
    (note) => ({
      text: `${note.ref}, ${note.rating}, ${formatDate(localDateOf(new Date(note.at), timeZone))}, ${byWhom(note.by, names)}`,
      detail: clip(note.note, limits.noteLength),
    }),
    limits,
  );
}

function byWhom(by: string, names: PeopleNames): string {
  return by === 'import' ? 'from the imported plan' : `by ${names.person(by)}`;
}
