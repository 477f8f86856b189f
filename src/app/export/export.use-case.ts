import { localDateOf } from '../../domain/calendar.js';
import type { Clock } from '../clock.js';
import { loadProgrammeSnapshot } from '../digest/programme-snapshot.js';
import type { SnapshotPorts } from '../digest/programme-snapshot.js';
import { writeBoardPack } from './board-pack.js';

export interface ExportOptions extends SnapshotPorts {
  readonly clock: Clock;
}

export interface BoardPackFile {
  /** `wsoa-board-pack-2021-01-25.xlsx`: the programme and the local day it was made. */
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly actions: number;
  readonly periods: number;
}

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExportResult =
  | { readonly ok: true; readonly value: BoardPackFile }
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
      const bytes = await writeBoardPack(snapshot, { created: now });
      return {
        ok: true,
        value: {
          fileName: `${programme.id}-board-pack-${day}.xlsx`,
          bytes,
          actions: snapshot.actions.length,
          periods: programme.periods.length,
        },
      };
    },
  };
}
