import { formatDate, parseImportDate } from '../../domain/dates.js';
import { ONGOING, type DueDate, type IsoDate } from '../../domain/local-date.js';
import { problemAt, type ImportProblem, type ProblemPlace } from './import-problem.js';

/**
 * Reads the dates of one workbook. A numeric date such as 04/03/2021 is read the British way
 * (4 March) unless the same workbook also has a date that can only be month first
 * (03/31/2021): then nobody can tell which the writer meant, and each such date is refused
 * with its place, rather than quietly read a month out.
 */
export interface DateReader {
  /** A due date cell: blank is null, "Ongoing" is allowed. */
  dueDate(text: string, place: ProblemPlace): DueDate | null;
  /** A calendar date: a real day is needed, so "Ongoing" is a problem here. */
  day(text: string, place: ProblemPlace): IsoDate | null;
  /** Call once every sheet is read: reports the dates the workbook leaves in doubt. */
  finish(): void;
}

interface NumericCell {
  readonly text: string;
  readonly place: ProblemPlace;
  readonly value: IsoDate;
}

export function createDateReader(problems: ImportProblem[]): DateReader {
  const either: NumericCell[] = [];
  let monthFirst: NumericCell | null = null;

  const read = (text: string, place: ProblemPlace): DueDate | null => {
    if (text === '') return null;
    const parsed = parseImportDate(text);
    if (!parsed.ok) {
      const code = parsed.ambiguous ? 'AMBIGUOUS_DATE' : 'UNREADABLE_DATE';
      problems.push(problemAt(place, code, text, { reason: parsed.reason }));
      return null;
    }
    if (parsed.value !== ONGOING) {
      if (parsed.order === 'either') either.push({ text, place, value: parsed.value });
      if (parsed.order === 'month-first' && monthFirst === null) {
        monthFirst = { text, place, value: parsed.value };
      }
    }
    return parsed.value;
  };

  return {
    dueDate: read,
    day(text, place) {
      const value = read(text, place);
      if (value !== ONGOING) return value;
      const reason = 'A calendar date must be a day, not "Ongoing".';
      problems.push(problemAt(place, 'UNREADABLE_DATE', text, { reason }));
      return null;
    },
    finish() {
      const example: NumericCell | null = monthFirst;
      if (example === null) return;
      for (const cell of either) {
        const [year, month, day] = cell.value.split('-').map(Number) as [number, number, number];
        const other = `${String(year)}-${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}`;
        const reason =
          `"${cell.text}" could be ${formatDate(cell.value)} or ${formatDate(other)}: this workbook ` +
          `also has "${example.text}" (${example.place.sheet}, row ${String(example.place.row ?? '')}), ` +
          'which can only be month first.';
        problems.push(problemAt(cell.place, 'AMBIGUOUS_DATE', cell.text, { reason }));
      }
    },
  };
}
