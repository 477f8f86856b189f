import { describe, expect, it } from 'vitest';
import { parseImportDate, type DateParseResult } from '../../src/domain/dates.js';

function valueOf(result: DateParseResult): string {
  if (!result.ok) throw new Error(`expected a date, got: ${result.message}`);
  return result.value;
}

/**
 * Forms people use when they type a plan by hand, and the day each means. Every row is a form
 * seen in council plans or produced by Excel's own date formats in en-GB.
 */
const FORMS: readonly (readonly [string, string])[] = [
  // Day, month name, year: the British order, short or long names, ordinals, commas.
  ['31 March 2021', '2021-03-31'],
  ['31 Mar 2021', '2021-03-31'],
  ['31st March 2021', '2021-03-31'],
  ['31st of March 2021', '2021-03-31'],
  ['31st March, 2021', '2021-03-31'],
  ['1st April 2021', '2021-04-01'],
  ['2nd Apr 2021', '2021-04-02'],
  ['3rd May 2021', '2021-05-03'],
  ['22nd June 2021', '2021-06-22'],
  ['11th Nov. 2021', '2021-11-11'],
  ['30 Sept 2021', '2021-09-30'],
  ['30 Sept. 2021', '2021-09-30'],
  ['30 Sep 2021', '2021-09-30'],
  ['30 SEPTEMBER 2021', '2021-09-30'],
  // Month name first, as often in minutes and emails.
  ['March 31 2021', '2021-03-31'],
  ['March 31, 2021', '2021-03-31'],
  ['March 31st, 2021', '2021-03-31'],
  ['Mar 31st 2021', '2021-03-31'],
  // With the weekday, when it is the right one.
  ['Wednesday 31 March 2021', '2021-03-31'],
  ['Wed, 31 Mar 2021', '2021-03-31'],
  ['Wed 31st March 2021', '2021-03-31'],
  // Excel's d-mmm-yy and d-mmm-yyyy formats.
  ['31-Mar-21', '2021-03-31'],
  ['31-Mar-2021', '2021-03-31'],
  ['31 Mar 21', '2021-03-31'],
  // Numbers: day first as in Britain; either order when only one reading is a real day.
  ['31/03/2021', '2021-03-31'],
  ['31/3/2021', '2021-03-31'],
  ['31.03.2021', '2021-03-31'],
  ['31-03-2021', '2021-03-31'],
  ['31/03/21', '2021-03-31'],
  ['04/03/2021', '2021-03-04'],
  ['1/2/2021', '2021-02-01'],
  ['03/31/2021', '2021-03-31'],
  ['12/13/2021', '2021-12-13'],
  ['2021/03/31', '2021-03-31'],
  ['31/03/2021 00:00', '2021-03-31'],
  ['31/03/2021 00:00:00', '2021-03-31'],
  // A month alone means its last day.
  ['March 2021', '2021-03-31'],
  ['Mar 2021', '2021-03-31'],
  ['Sept 2021', '2021-09-30'],
  ['March, 2021', '2021-03-31'],
  ['Mar-2021', '2021-03-31'],
  ['03/2021', '2021-03-31'],
  ['Feb 2024', '2024-02-29'],
];

describe('dates as people write them', () => {
  it.each(FORMS)('reads "%s" as %s', (input, expected) => {
    expect(valueOf(parseImportDate(input))).toBe(expected);
  });

  it.each([
    ['04/03/2021', 'either'],
    ['31/03/2021', 'day-first'],
    ['03/31/2021', 'month-first'],
    ['05/05/2021', 'day-first'],
  ])('says how the numbers in "%s" were told apart (%s)', (input, order) => {
    expect(parseImportDate(input)).toMatchObject({ ok: true, order });
  });

  it.each(['Mar 21', 'Mar-21', 'March 21', '21 Mar', '21-Mar'])(
    'refuses "%s" as ambiguous (a day without a year, or a month with a two-digit year)',
    (input) => {
      const result = parseImportDate(input);
      expect(result).toMatchObject({ ok: false, ambiguous: true });
      if (result.ok) return;
      expect(result.message).toContain(`"${input}"`);
      expect(result.message).toContain('31 July 2019');
      expect(result.message).toContain('July 2019');
    },
  );

  it.each(['31st March', '1st of April'])('refuses "%s" because it has no year', (input) => {
    const result = parseImportDate(input);
    expect(result).toMatchObject({ ok: false, reason: `"${input}" has no year.` });
  });

  it('refuses a weekday that does not match the date, naming the right one', () => {
    const result = parseImportDate('Tuesday 31 March 2021');
    expect(result).toMatchObject({ ok: false, ambiguous: true });
    if (!result.ok) expect(result.reason).toContain('31 Mar 2021 is a Wednesday');
  });

  it.each(['31 March 2021 2022', 'March April 2021', 'Monday Tuesday 2021', '31 32 2021'])(
    'refuses "%s", which is not one date',
    (input) => {
      expect(parseImportDate(input).ok).toBe(false);
    },
  );
});
