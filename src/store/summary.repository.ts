import type { StatusSummary } from '../domain/status-summary.js';

/** One workstream's summary, with what a status card names it by. */
export interface WorkstreamSummary {
  readonly code: string;
  readonly name: string;
  readonly summary: StatusSummary;
}

/**
 * What `/status` shows for a programme and for a workstream, kept up to date by every write
 * (an update, a plan import) rather than recomputed from every action when asked, so reading
 * it costs the same whatever the programme's size.
 */
export interface SummaryRepository {
  /**
   * Every workstream's summary of the programme's active plan, in the plan's order (as `workstreams.list`);
   * empty when the programme has no plan. One partition query.
   */
  listByProgramme(programmeId: string): Promise<WorkstreamSummary[]>;
  /** Case-insensitive on `code`; null when the plan has no such workstream. One point read. */
  get(programmeId: string, code: string): Promise<WorkstreamSummary | null>;
}
