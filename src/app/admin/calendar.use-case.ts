import { ok } from '../../domain/errors.js';
import type { ReportingPeriod } from '../../domain/programme.js';
import { localDateOf } from '../../domain/zoned-time.js';
import type { ProgrammeRepository } from '../../store/programme.repository.js';
import type { Clock } from '../clock.js';
import type { Actor } from './actor.js';
import type { AdminDirectory } from './admin-directory.js';
import { fail, type AdminResult } from './admin-result.js';

export interface CalendarView {
  readonly programmeId: string;
  readonly programmeName: string;
  readonly timeZone: string;
  readonly periods: readonly ReportingPeriod[];
  /** The first period that has not closed yet (today counts as open), or null when all have. */
  readonly currentPeriodId: string | null;
}

export interface CalendarUseCaseOptions {
  readonly directory: AdminDirectory;
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly clock: Clock;
}

/** `/calendar`: the reporting periods, their closing dates and board meetings. */
export function createCalendarUseCase(options: CalendarUseCaseOptions) {
  return {
    async show(actor: Actor, programmeId: string): Promise<AdminResult<CalendarView>> {
      if (!(await options.directory.isAdmin(actor))) return fail('NOT_ADMIN');
      const programme = await options.programmes.get(programmeId);
      if (!programme) return fail('PROGRAMME_NOT_FOUND');
      const today = localDateOf(options.clock.now(), programme.timeZone);
      const current = programme.periods.find((period) => period.closes >= today);
      return ok({
        programmeId: programme.id,
        programmeName: programme.name,
        timeZone: programme.timeZone,
        periods: programme.periods,
        currentPeriodId: current?.id ?? null,
      });
    },
  };
}

export type CalendarUseCase = ReturnType<typeof createCalendarUseCase>;
