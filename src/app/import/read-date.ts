import { parseImportDate } from '../../domain/dates.js';
import { ONGOING, type DueDate, type IsoDate } from '../../domain/local-date.js';
import { problemAt, type ImportProblem, type ProblemPlace } from './import-problem.js';

/** A due date cell: blank is null, "Ongoing" is allowed; a date it cannot read is a problem. */
export function readDueDate(
  text: string,
  place: ProblemPlace,
  problems: ImportProblem[],
): DueDate | null {
  if (text === '') return null;
  const parsed = parseImportDate(text);
  if (parsed.ok) return parsed.value;
  problems.push(problemAt(place, 'UNREADABLE_DATE', text, { reason: parsed.message }));
  return null;
}

/** A calendar date: a real day is needed, so "Ongoing" is a problem here. */
export function readDay(
  text: string,
  place: ProblemPlace,
  problems: ImportProblem[],
): IsoDate | null {
  if (text === '') return null;
  const parsed = parseImportDate(text);
  if (parsed.ok && parsed.value !== ONGOING) return parsed.value;
  const reason = parsed.ok ? 'A calendar date must be a day, not "Ongoing".' : parsed.message;
  problems.push(problemAt(place, 'UNREADABLE_DATE', text, { reason }));
  return null;
}
