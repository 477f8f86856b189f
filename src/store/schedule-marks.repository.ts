/**
 * What the scheduler's leader reads each minute to tell whether anything a programme's
 * schedule is planned from (its settings and calendar, plan, ratings, roles, who is away,
 * board channels and governance) has changed since it last planned, without reading those.
 */
export interface ScheduleMarkRepository {
  /**
   * An opaque mark: two equal marks mean nothing the schedule reads of this programme changed
   * in between. A few small reads, whatever the size of the programme.
   */
  read(programmeId: string): Promise<string>;
  /**
   * Records a change that leaves no other mark: someone away or back, for the programmes
   * where they hold a role. The store's own writes of roles, links and governance call it.
   */
  touch(programmeId: string): Promise<void>;
}
