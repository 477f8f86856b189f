import type { TableClient } from '@azure/data-tables';
import type { StepTick } from '../domain/step-completion.js';
import { codeKey, compareRefs, encodeKeyPart, joinKey } from './keys.js';
import type { StepTickRepository } from './step-tick.repository.js';
import { inPartition, startsWith } from './tables-layout.js';
import {
  azureStatus,
  deleteRow,
  queryRows,
  unexpected,
  upsertRow,
  type ReadRow,
} from './tables-support.js';

/**
 * Rows `t|REF|letter`, one per ticked step, in the programme's partition of the revisions
 * table, beside the action's revised-date requests: `/status C2` reads both in one query.
 */
export const tickKeys = {
  tick: (ref: string, letter: string): string =>
    joinKey('t', codeKey(ref), encodeKeyPart(letter.toLowerCase())),
  /** Every tick of one action. */
  of: (ref: string): string => joinKey('t', codeKey(ref)),
  all: 't',
};

export function tickFromRow(row: ReadRow): StepTick {
  return {
    programmeId: String(row.programmeId),
    ref: String(row.ref),
    letter: String(row.letter),
    doneOn: String(row.doneOn),
    by: String(row.by),
    at: String(row.at),
    periodId: String(row.periodId),
  };
}

export function tickRow(tick: StepTick) {
  return {
    partitionKey: codeKey(tick.programmeId),
    rowKey: tickKeys.tick(tick.ref, tick.letter),
    ...tick,
    letter: tick.letter.toLowerCase(),
  };
}

/** By ref, then letter, as every store lists them. */
export function sortTicks(ticks: StepTick[]): StepTick[] {
  return ticks.sort((a, b) => compareRefs(a.ref, b.ref) || compareRefs(a.letter, b.letter));
}

/** {@link StepTickRepository} on Azure Tables. */
export function createTablesStepTickRepository(table: TableClient): StepTickRepository {
  async function list(programmeId: string, prefix: string): Promise<StepTick[]> {
    const filter = `${inPartition(codeKey(programmeId))} and ${startsWith('RowKey', prefix)}`;
    return sortTicks((await queryRows(table, filter)).map(tickFromRow));
  }
  return {
    async tick(tick) {
      try {
        await upsertRow(table, tickRow(tick), 'Replace');
      } catch (error) {
        throw unexpected(`ticking step ${tick.letter}) of ${tick.ref}`, error);
      }
    },
    async untick(programmeId, ref, letter) {
      try {
        await deleteRow(table, codeKey(programmeId), tickKeys.tick(ref, letter));
        return true;
      } catch (error) {
        if (azureStatus(error) === 404) return false;
        throw unexpected(`unticking step ${letter}) of ${ref}`, error);
      }
    },
    listForAction: (programmeId, ref) => list(programmeId, tickKeys.of(ref)),
    listForProgramme: (programmeId) => list(programmeId, tickKeys.all),
  };
}
