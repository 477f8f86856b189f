import { odata, type TableClient } from '@azure/data-tables';
import type { RevisionRequest } from '../domain/revision.js';
import { codeKey, encodeKeyPart, joinKey } from './keys.js';
import { byAskedAt, type RevisionRepository } from './revision.repository.js';
import { inPartition, startsWith } from './tables-layout.js';
import {
  assertRowFits,
  azureStatus,
  getJson,
  putJson,
  queryRows,
  readRow,
  transact,
  unexpected,
  type ReadRow,
  type Row,
} from './tables-support.js';

/**
 * One partition per programme. `r|id` holds a request (as JSON, with its ref for filtering);
 * `w|REF` marks the one request of an action waiting for a decision, so asking is a
 * transaction that fails when the marker exists, and deciding removes the marker in the
 * same transaction that writes the decision at the ETag it read.
 */
const requestKey = (id: string): string => joinKey('r', encodeKeyPart(id));
const waitingKey = (ref: string): string => joinKey('w', codeKey(ref));

function requestRow(request: RevisionRequest): Row {
  const row: Row = {
    partitionKey: codeKey(request.programmeId),
    rowKey: requestKey(request.id),
    ref: codeKey(request.ref),
  };
  putJson(row, 'request', request);
  assertRowFits(row, `the revised date request for ${request.ref}`);
  return row;
}

export const requestFromRow = (row: ReadRow): RevisionRequest =>
  getJson<RevisionRequest>(row, 'request');

/** {@link RevisionRepository} on Azure Tables. */
export function createTablesRevisionRepository(table: TableClient): RevisionRepository {
  async function get(programmeId: string, id: string): Promise<RevisionRequest | null> {
    const row = await readRow(table, codeKey(programmeId), requestKey(id));
    return row ? requestFromRow(row) : null;
  }

  async function waitingFor(programmeId: string, ref: string): Promise<RevisionRequest | null> {
    const marker = await readRow(table, codeKey(programmeId), waitingKey(ref));
    return typeof marker?.requestId === 'string' ? get(programmeId, marker.requestId) : null;
  }

  async function list(programmeId: string, extra = ''): Promise<RevisionRequest[]> {
    const filter = `${inPartition(codeKey(programmeId))} and ${startsWith('RowKey', 'r')}${extra}`;
    return (await queryRows(table, filter)).map(requestFromRow).sort(byAskedAt);
  }

  return {
    async ask(request) {
      const row = requestRow(request);
      const marker: Row = {
        partitionKey: row.partitionKey,
        rowKey: waitingKey(request.ref),
        requestId: request.id,
      };
      try {
        await transact(table, [
          ['create', marker],
          ['create', row],
        ]);
        return { ok: true };
      } catch (error) {
        if (azureStatus(error) !== 409) {
          throw unexpected(`recording a revised date request for ${request.ref}`, error);
        }
        const waiting = await waitingFor(request.programmeId, request.ref);
        if (waiting) return { ok: false, code: 'REQUEST_WAITING', waiting };
        throw unexpected(`recording request ${request.id}, whose id is already taken`, error);
      }
    },

    get,

    listForAction: (programmeId, ref) => list(programmeId, ` and ${odata`ref eq ${codeKey(ref)}`}`),

    listForProgramme: (programmeId) => list(programmeId),

    async decide(programmeId, id, decision) {
      const row = await readRow(table, codeKey(programmeId), requestKey(id));
      if (!row) return { ok: false, code: 'REQUEST_NOT_FOUND' };
      const request = requestFromRow(row);
      if (request.decision) return { ok: false, code: 'ALREADY_DECIDED', request };
      const decided: RevisionRequest = { ...request, decision };
      const marker = { partitionKey: codeKey(programmeId), rowKey: waitingKey(request.ref) };
      try {
        await transact(table, [
          ['update', requestRow(decided), 'Replace', { etag: row.etag }],
          ['delete', marker],
        ]);
        return { ok: true, request: decided };
      } catch (error) {
        const status = azureStatus(error);
        // 412: another decision was written since the read; 404: its transaction took the marker.
        if (status !== 412 && status !== 404) {
          throw unexpected(`recording the decision on request ${id}`, error);
        }
        const winner = await get(programmeId, id);
        if (winner?.decision) return { ok: false, code: 'ALREADY_DECIDED', request: winner };
        throw unexpected(`recording the decision on request ${id}`, error);
      }
    },
  };
}
