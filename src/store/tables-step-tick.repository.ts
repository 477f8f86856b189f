import type { TableClient } from '@azure/data-tables';
import type { StepTick } from '../domain/step-completion.js';
import { codeKey, compareRefs, encodeKeyPart, joinKey } from './keys.js';
import type { StepTickRepository } from './step-tick.repository.js';
import { inPartition, startsWith } from './tables-layout.js';
import { azureStatus, queryRows, unexpected, type ReadRow } from './tables-support.js';

/** One partition per programme; `REF|letter` per ticked step. */
const tickKey = (ref: string, letter: string): string =>
  joinKey(codeKey(ref), encodeKeyPart(letter.toLowerCase()));

function fromRow(row: ReadRow): StepTick {
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

function byRefThenLetter(a: StepTick, b: StepTick): number {
  return compareRefs(a.ref, b.ref) || compareRefs(a.letter, b.letter);
}

/** {@link StepTickRepository} on Azure Tables. */
export function createTablesStepTickRepository(table: TableClient): StepTickRepository {
  async function list(filter: string): Promise<StepTick[]> {
    return (await queryRows(table, filter)).map(fromRow).sort(byRefThenLetter);
  }
  return {
    async tick(tick) {
      const row = {
        partitionKey: codeKey(tick.programmeId),
        rowKey: tickKey(tick.ref, tick.letter),
        ...tick,
        letter: tick.letter.toLowerCase(),
      };
      try {
        await table.upsertEntity(row, 'Replace');
      } catch (error) {
        throw unexpected(`ticking step ${tick.letter}) of ${tick.ref}`, error);
      }
    },
    async untick(programmeId, ref, letter) {
      try {
        await table.deleteEntity(codeKey(programmeId), tickKey(ref, letter));
        return true;
      } catch (error) {
        if (azureStatus(error) === 404) return false;
        throw unexpected(`unticking step ${letter}) of ${ref}`, error);
      }
    },
    listForAction: (programmeId, ref) =>
      list(`${inPartition(codeKey(programmeId))} and ${startsWith('RowKey', codeKey(ref))}`),
    listForProgramme: (programmeId) => list(inPartition(codeKey(programmeId))),
  };
}
