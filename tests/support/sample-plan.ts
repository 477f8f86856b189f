import { readFileSync } from 'node:fs';
import type { Action, CurrentStatus, Step } from '../../src/domain/action.js';
import { parseImportDate } from '../../src/domain/dates.js';
import type { DueDate } from '../../src/domain/local-date.js';
import type { Measure } from '../../src/domain/measure.js';
import type { MeasureValue } from '../../src/domain/measure-value.js';
import type { Person, Role } from '../../src/domain/people.js';
import {
  DEFAULT_RULES,
  DEFAULT_TIME_ZONE,
  type Programme,
  type ReportingPeriod,
  type Workstream,
} from '../../src/domain/programme.js';
import { parseRating } from '../../src/domain/rating.js';
import type { StatusUpdate } from '../../src/domain/status-update.js';
import { loadSampleMeasures } from './sample-measures.js';

/**
 * The Thurrock SEND Written Statement of Action, loaded from `samples/thurrock-wsoa/` (a copy of `shared/samples/`)
 * into domain objects. A plain reader for tests only: the real importer (header synonyms,
 * row-and-column errors, xlsx) is its own piece of work.
 */
export interface SamplePlan {
  readonly programme: Programme;
  readonly workstreams: readonly Workstream[];
  readonly actions: readonly Action[];
  readonly roles: readonly Role[];
  readonly people: readonly Person[];
  /** The Ratings sheet as imported updates, oldest period first. */
  readonly updates: readonly StatusUpdate[];
  readonly measures: readonly Measure[];
  /** The Measure values sheet as imported values. */
  readonly measureValues: readonly MeasureValue[];
}

export const SAMPLE_PROGRAMME_ID = 'wsoa';

const SAMPLE_FOLDER = new URL('../../samples/thurrock-wsoa/', import.meta.url);

/** Reads CSV text into rows of fields: quoted fields may hold commas, newlines and `""`. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/** Rows as records keyed by the header row's names, exactly as written. */
function readSheet(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`${name}.csv`, SAMPLE_FOLDER), 'utf8');
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`The sample sheet ${name}.csv is empty.`);
  return rows.map((cells) =>
    Object.fromEntries(header.map((column, i) => [column.trim(), (cells[i] ?? '').trim()])),
  );
}

function cell(record: Record<string, string>, column: string): string {
  const value = record[column];
  if (value === undefined) throw new Error(`The sample has no column "${column}".`);
  return value;
}

function dueDate(text: string, where: string): DueDate | null {
  if (text === '') return null;
  const parsed = parseImportDate(text);
  if (!parsed.ok)
    throw new Error(`The sample's ${where} has a bad date "${text}": ${parsed.message}`);
  return parsed.value;
}

function isoDate(text: string, where: string): string {
  const value = dueDate(text, where);
  if (value === null || value === 'Ongoing') {
    throw new Error(`The sample's ${where} needs a date, not "${text}".`);
  }
  return value;
}

function loadProgramme(): Programme {
  const periods: ReportingPeriod[] = readSheet('calendar').map((record, i) => ({
    id: cell(record, 'Period'),
    closes: isoDate(cell(record, 'Closes'), `calendar row ${i + 2}`),
    boardMeeting: dueDate(cell(record, 'Board meeting'), `calendar row ${i + 2}`),
  }));
  return {
    id: SAMPLE_PROGRAMME_ID,
    name: 'Thurrock SEND Written Statement of Action',
    timeZone: DEFAULT_TIME_ZONE,
    periods,
    rules: DEFAULT_RULES,
  };
}

function loadUpdates(programme: Programme): StatusUpdate[] {
  return readSheet('ratings').map((record, i) => {
    const ref = cell(record, 'Ref');
    const periodId = cell(record, 'Period');
    const period = programme.periods.find((p) => p.id === periodId);
    const rating = parseRating(cell(record, 'Rating'));
    if (!period || !rating) throw new Error(`The sample's ratings row ${i + 2} is not valid.`);
    return {
      id: `import|${programme.id}|${ref}|${periodId}`,
      programmeId: programme.id,
      ref,
      periodId,
      rating,
      note: cell(record, 'Note'),
      evidence: null,
      proposedDue: null,
      rolledOver: false,
      by: 'import',
      // Imported ratings carry no time of their own: the period's close, at midday UTC.
      at: `${period.closes}T12:00:00.000Z`,
      source: 'import',
    };
  });
}

function currentStatus(ref: string, updates: readonly StatusUpdate[]): CurrentStatus | null {
  const latest = updates.filter((u) => u.ref === ref).at(-1);
  if (!latest) return null;
  const { id: updateId, periodId, rating, note, at, by } = latest;
  return { updateId, periodId, rating, note, at, by };
}

function loadActions(programmeId: string, updates: readonly StatusUpdate[]): Action[] {
  const actions: Action[] = [];
  const steps = new Map<string, { readonly owner: string; readonly list: Step[] }>();
  readSheet('actions').forEach((record, i) => {
    const where = `actions row ${i + 2}`;
    const ref = cell(record, 'Ref');
    const letter = cell(record, 'Step');
    const due = dueDate(cell(record, 'Due'), where);
    const revisedDue = dueDate(cell(record, 'Revised due'), where);
    const ownerRole = cell(record, 'Owner');
    if (letter === '') {
      const contributors = cell(record, 'Contributors');
      const own: Step[] = [];
      steps.set(ref, { owner: ownerRole, list: own });
      actions.push({
        programmeId,
        workstream: cell(record, 'Workstream'),
        ref,
        title: cell(record, 'Title'),
        ownerRole,
        contributors: contributors === '' ? [] : contributors.split(';').map((c) => c.trim()),
        due,
        revisedDue,
        proposedDue: null,
        outcomes: cell(record, 'Outcomes and measures'),
        steps: own,
        current: currentStatus(ref, updates),
      });
      return;
    }
    const parent = steps.get(ref);
    if (!parent)
      throw new Error(`The sample's ${where} is a step of ${ref} before its action row.`);
    parent.list.push({
      letter,
      title: cell(record, 'Title'),
      ownerRole: parent.owner === ownerRole ? null : ownerRole,
      due,
      revisedDue,
    });
  });
  return actions;
}

function person(email: string): Person {
  return { email, name: null, aadObjectId: null, awayUntil: null, unreachable: null };
}

/** Loads the sample plan afresh (the objects are readonly, but a fresh copy costs little). */
export function loadSamplePlan(): SamplePlan {
  const programme = loadProgramme();
  const updates = loadUpdates(programme);
  const orNull = (text: string): string | null => (text === '' ? null : text.toLowerCase());
  const roles: Role[] = readSheet('roles').map((record) => ({
    programmeId: programme.id,
    code: cell(record, 'Role'),
    title: cell(record, 'Title'),
    person: orNull(cell(record, 'Person')),
    deputy: orNull(cell(record, 'Deputy')),
  }));
  const emails = new Set(roles.flatMap((r) => [r.person, r.deputy]).filter((e) => e !== null));
  return {
    programme,
    workstreams: readSheet('workstreams').map((record) => ({
      programmeId: programme.id,
      code: cell(record, 'Code'),
      name: cell(record, 'Name'),
      leadRole: cell(record, 'Lead'),
      aim: cell(record, 'Aim'),
    })),
    actions: loadActions(programme.id, updates),
    roles,
    people: [...emails].map(person),
    updates,
    ...loadSampleMeasures(programme, readSheet),
  };
}
