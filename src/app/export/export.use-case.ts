import { localDateOf } from '../../domain/calendar.js';
import type { MeasureStanding } from '../../domain/measure-digest.js';
import { measureProgress } from '../../domain/measure-progress.js';
import type { Clock } from '../clock.js';
import { loadProgrammeSnapshot } from '../digest/programme-snapshot.js';
import type { ProgrammeSnapshot, SnapshotPorts } from '../digest/programme-snapshot.js';
import { packGovernanceOf, type PackGovernance } from './pack-governance.js';
import { ratingGridOf, type RatingGrid } from './rating-grid.js';

export interface ExportOptions extends SnapshotPorts {
  readonly clock: Clock;
}

/** What a board pack shows, as data: src/render/board-pack writes it as an `.xlsx`. */
export interface BoardPack {
  /** `wsoa-board-pack-2021-01-25.xlsx`: the programme and the local day it was made. */
  readonly fileName: string;
  readonly snapshot: ProgrammeSnapshot;
  /** When the pack was made, stamped in the workbook's properties. */
  readonly created: Date;
  /** The update that counts for each action in each period, as the grid shows it. */
  readonly grid: RatingGrid;
  /** Each measure with where it stands on its latest value, in the plan's order. */
  readonly measures: readonly MeasureStanding[];
  /** Each action's dates, steps and sign-off, and the history of every decision. */
  readonly governance: PackGovernance;
  readonly actions: number;
  readonly periods: number;
}

export type ExportResult =
  | { readonly ok: true; readonly value: BoardPack }
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND'; readonly programmeId: string };

export interface ExportUseCase {
  boardPack(programmeId: string): Promise<ExportResult>;
}

export function createExportUseCase(options: ExportOptions): ExportUseCase {
  return {
    async boardPack(programmeId) {
      const snapshot = await loadProgrammeSnapshot(options, programmeId);
      if (!snapshot) return { ok: false, code: 'PROGRAMME_NOT_FOUND', programmeId };
      const now = options.clock.now();
      const { programme } = snapshot;
      const day = localDateOf(now, programme.timeZone);
      return {
        ok: true,
        value: {
          fileName: `${programme.id}-board-pack-${day}.xlsx`,
          snapshot,
          created: now,
          grid: ratingGridOf(snapshot),
          measures: snapshot.measures.map((measure) => ({
            measure,
            progress: measureProgress(measure, programme.periods, snapshot.measureValues),
          })),
          governance: packGovernanceOf(snapshot, day),
          actions: snapshot.actions.length,
          periods: programme.periods.length,
        },
      };
    },
  };
}
