import { isoDateOf, parseImportDate } from '../../domain/dates.js';
import { ONGOING, type IsoDate } from '../../domain/local-date.js';
import type { MeasureUnit } from '../../domain/measure.js';
import { checkMeasureValue } from '../../domain/measure-value.js';

/** One figure in a list cell: "England 60% (2020)", "70 (Mar 2022)", "75 by July 2021". */
export interface ListedFigure {
  readonly name: string;
  readonly value: number;
  readonly asAt: string | null;
  readonly date: IsoDate | null;
}

export type FigureRead =
  | { readonly ok: true; readonly figures: readonly ListedFigure[] }
  | { readonly ok: false; readonly entry: string; readonly reason: string };

/** A name (optional), a figure with its unit, then a date in brackets or after "by" or "at". */
const ENTRY =
  /^(.*?)[\s:=]*([-+]?£?[\d,]*\.?\d+\s*(?:%|days?)?)\s*(?:\((.+)\)|(?:by|at|in)\s+(.+))?$/i;

/**
 * Reads a cell listing figures separated by semicolons or line breaks, each checked against
 * the measure's unit. The first entry that cannot be read is returned with why.
 */
export function readFigureList(text: string, unit: MeasureUnit): FigureRead {
  const figures: ListedFigure[] = [];
  for (const entry of text.split(/[;\n]/).map((part) => part.trim())) {
    if (entry === '') continue;
    const match = ENTRY.exec(entry);
    if (!match) return { ok: false, entry, reason: 'no figure was found in it' };
    const checked = checkMeasureValue({ code: 'this measure', unit }, match[2] ?? '');
    if (!checked.ok) return { ok: false, entry, reason: checked.message };
    const asAt = (match[3] ?? match[4] ?? '').trim();
    const date = asAt === '' ? null : readAsAt(asAt);
    if (date === undefined) return { ok: false, entry, reason: `"${asAt}" is not a date` };
    figures.push({
      name: (match[1] ?? '').trim().replace(/[,:]$/, ''),
      value: checked.value,
      asAt: asAt === '' ? null : asAt,
      date,
    });
  }
  return { ok: true, figures };
}

/** A year alone ("2020") means its last day, as a month alone means the month's last day. */
export function readAsAt(text: string): IsoDate | undefined {
  const year = /^(\d{4})$/.exec(text.trim());
  if (year) return isoDateOf(Number(year[1]), 12, 31);
  const parsed = parseImportDate(text);
  return parsed.ok && parsed.value !== ONGOING ? parsed.value : undefined;
}
