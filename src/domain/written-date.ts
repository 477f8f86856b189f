/**
 * Dates as people type them into a plan: "31 March 2021", "March 31st, 2021", "Wed 31 Mar
 * 2021", "31-Mar-21", "31/03/2021", "Sept 2021". Kept apart from `dates.ts` because it is a
 * small parser of its own; `parseImportDate` there is the one entry point.
 */

/** A reading, or why there is none. `order` says how a numeric day and month were told apart. */
export type WrittenDate =
  | {
      readonly ok: true;
      readonly year: number;
      readonly month: number;
      /** Null for a month on its own ("March 2021"), which means its last day. */
      readonly day: number | null;
      /** Named: words or a year first; the rest are numeric day/month in some order. */
      readonly order: NumericOrder | 'named';
      /** The weekday written before the date (0 = Sunday), to check against the day. */
      readonly weekday: number | null;
    }
  | { readonly ok: false; readonly reason: 'AMBIGUOUS' | 'NO_YEAR' | 'UNREADABLE' };

/**
 * `day-first`: only the British reading is possible (31/03/2021) or both give the same day.
 * `month-first`: only the American one is (03/31/2021). `either`: both are real days
 * (04/03/2021); it is read the British way unless the workbook shows it was written otherwise.
 */
export type NumericOrder = 'day-first' | 'month-first' | 'either';

const LONG_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const LONG_DAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** "31/03/2021", "31.3.21", "03-31-2021"; the year last, two or four digits. */
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
/** "2021/03/31": a year first is always followed by the month. */
const YEAR_FIRST_NUMERIC = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
/** "07/2019": a month and a year. */
const MONTH_YEAR_NUMERIC = /^(\d{1,2})[/.-](\d{4})$/;
/** A time a spreadsheet export may add after the day ("31/03/2021 00:00:00"). */
const TRAILING_TIME = /\s+\d{1,2}:\d{2}(:\d{2})?$/;
const ORDINAL = /^(\d{1,2})(st|nd|rd|th)$/;

type Token =
  | { readonly kind: 'month'; readonly value: number }
  | { readonly kind: 'weekday'; readonly value: number }
  | { readonly kind: 'year'; readonly value: number }
  /** One or two digits: a day, or a two-digit year. */
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'ordinal'; readonly value: number };

/** Reads a written date, lower case and trimmed; undefined when it is not one of these forms. */
export function readWrittenDate(text: string): WrittenDate | undefined {
  const bare = text.replace(TRAILING_TIME, '');
  return readNumeric(bare) ?? readWords(bare);
}

function readNumeric(text: string): WrittenDate | undefined {
  const yearFirst = YEAR_FIRST_NUMERIC.exec(text);
  if (yearFirst) {
    const [, year, month, day] = yearFirst.map(Number) as [number, number, number, number];
    return reading(year, month, day, 'named');
  }
  const monthYear = MONTH_YEAR_NUMERIC.exec(text);
  if (monthYear) {
    const [, month, year] = monthYear.map(Number) as [number, number, number];
    return month >= 1 && month <= 12 ? reading(year, month, null, 'named') : unreadable();
  }
  const match = NUMERIC.exec(text);
  if (!match) return undefined;
  const [, first, second] = match.map(Number) as [number, number, number];
  const year = fullYear(match[3] ?? '');
  if (first > 12 && second <= 12) return reading(year, second, first, 'day-first');
  if (first <= 12 && second > 12) return reading(year, first, second, 'month-first');
  if (first <= 12 && second <= 12) {
    return reading(year, second, first, first === second ? 'day-first' : 'either');
  }
  // Neither part can be a month: the day will be refused as not real.
  return reading(year, second, first, 'day-first');
}

function readWords(text: string): WrittenDate | undefined {
  const tokens = tokensOf(text);
  if (!tokens) return undefined;
  const weekday = tokens[0]?.kind === 'weekday' ? tokens[0].value : null;
  const rest = weekday === null ? tokens : tokens.slice(1);
  if (rest.some((t) => t.kind === 'weekday')) return undefined;
  const months = rest.filter((t) => t.kind === 'month');
  if (months.length !== 1 || !months[0]) return undefined;
  const month = months[0].value;
  const others = rest.filter((t) => t.kind !== 'month');
  const monthAt = rest.indexOf(months[0]);
  const [a, b] = others;
  if (others.length === 1 && a) {
    // "March 2021"; "March 21" or "21 Mar" could be a day or a two-digit year.
    if (a.kind === 'year') return reading(a.value, month, null, 'named', weekday);
    if (a.kind === 'ordinal') return { ok: false, reason: 'NO_YEAR' };
    return { ok: false, reason: 'AMBIGUOUS' };
  }
  if (others.length !== 2 || !a || !b) return undefined;
  // "2021 March 31": a four-digit year first, then the day.
  if (a.kind === 'year' && monthAt <= 1 && b.kind !== 'year') {
    return reading(a.value, month, b.value, 'named', weekday);
  }
  if (a.kind === 'year') return undefined;
  // The day comes first among the numbers ("31 March 2021", "March 31st, 2021").
  const year = b.kind === 'year' ? b.value : b.kind === 'number' ? fullYear(String(b.value)) : 0;
  if (year === 0) return undefined;
  return reading(year, month, a.value, 'named', weekday);
}

/** Words and numbers, with commas, full stops, hyphens, slashes and "of" as separators. */
function tokensOf(text: string): Token[] | undefined {
  const words = text
    .replace(/[,/-]/g, ' ')
    .replace(/\.(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && word !== 'of' && word !== 'the');
  if (words.length < 2 || words.length > 4) return undefined;
  const tokens: Token[] = [];
  for (const word of words) {
    const token = tokenOf(word);
    if (!token) return undefined;
    tokens.push(token);
  }
  return tokens;
}

function tokenOf(word: string): Token | undefined {
  if (/^\d{4}$/.test(word)) return { kind: 'year', value: Number(word) };
  if (/^\d{1,2}$/.test(word)) return { kind: 'number', value: Number(word) };
  const ordinal = ORDINAL.exec(word);
  if (ordinal) return { kind: 'ordinal', value: Number(ordinal[1]) };
  const month = prefixOf(LONG_MONTHS, word);
  if (month !== undefined) return { kind: 'month', value: month + 1 };
  const weekday = prefixOf(LONG_DAYS, word);
  if (weekday !== undefined) return { kind: 'weekday', value: weekday };
  return undefined;
}

/** Index of the name `word` starts (three letters at least: "Sept", "Wed", "Thurs"). */
function prefixOf(names: readonly string[], word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = names.findIndex((name) => name.startsWith(word));
  return index === -1 ? undefined : index;
}

/** Two-digit years as Excel reads them when typed: 00–29 are 2000s, 30–99 are 1900s. */
function fullYear(text: string): number {
  const value = Number(text);
  if (text.length === 4) return value;
  return value < 30 ? 2000 + value : 1900 + value;
}

function reading(
  year: number,
  month: number,
  day: number | null,
  order: NumericOrder | 'named',
  weekday: number | null = null,
): WrittenDate {
  return { ok: true, year, month, day, order, weekday };
}

function unreadable(): WrittenDate {
  return { ok: false, reason: 'UNREADABLE' };
}
