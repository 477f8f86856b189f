/**
 * A calendar date with no time of day, written `YYYY-MM-DD` (ISO 8601). Due dates, closing
 * dates and board dates are local dates: they mean a day in the programme's time zone.
 */
export type IsoDate = string;

/** A due date is a day, or "Ongoing" for work with no end. */
export const ONGOING = 'Ongoing';
// Both are strings; the union is kept because it says what the value may be.
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
export type DueDate = IsoDate | typeof ONGOING;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real `YYYY-MM-DD` date (so 2021-02-30 is not). */
export function isIsoDate(text: string): text is IsoDate {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The date a due date falls on, or undefined for "Ongoing". */
export function dueDay(due: DueDate | null): IsoDate | undefined {
  return due === null || due === ONGOING ? undefined : due;
}
