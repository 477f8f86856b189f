import type { Clock } from './clock.js';
import type { IsoDate } from '../domain/local-date.js';
import type { Programme, ReportingPeriod } from '../domain/programme.js';
import { localDateOf } from '../domain/zoned-time.js';

/** Today's date where the programme is (its time zone), not where the server is. */
export function todayFor(programme: Pick<Programme, 'timeZone'>, clock: Clock): IsoDate {
  return localDateOf(clock.now(), programme.timeZone);
}

/**
 * The period an update made today belongs to: the first whose closing date is today or
 * later. Undefined once the calendar's last period has closed.
 */
export function periodOpenOn(
  programme: Pick<Programme, 'periods'>,
  today: IsoDate,
): ReportingPeriod | undefined {
  return programme.periods.find((period) => period.closes >= today);
}

/**
 * The period named by card data, only when it is the one open today. Card data is input: an
 * old card names a closed period, an edited one may name a future period. Updates, "no change"
 * answers and chases are all for the period open now.
 */
export function namedPeriodIfOpen(
  programme: Pick<Programme, 'periods'>,
  periodId: string,
  today: IsoDate,
): ReportingPeriod | undefined {
  const open = periodOpenOn(programme, today);
  return open?.id === periodId ? open : undefined;
}
