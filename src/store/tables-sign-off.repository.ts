import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { SignOffQuery, WorkstreamSignOff } from '../domain/sign-off.js';
import { codeKey, compareRefs, encodeKeyPart, joinKey } from './keys.js';
import { byRaisedAt, type SignOffRepository } from './sign-off.repository.js';
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
  updateRow,
  type Row,
} from './tables-support.js';

/**
 * One partition per programme: `s|PERIOD|WS` for a sign-off, `q|id` for a query, each as
 * JSON. The sign-off is created (never replaced), so the first one stands; its queries go in
 * the same transaction when they fit, so a sign-off is never seen without them.
 */
const signOffKey = (periodId: string, workstream: string): string =>
  joinKey('s', encodeKeyPart(periodId), codeKey(workstream));
const queryKey = (id: string): string => joinKey('q', encodeKeyPart(id));

function jsonRow(partitionKey: string, rowKey: string, name: string, value: unknown): Row {
  const row: Row = { partitionKey, rowKey };
  putJson(row, name, value);
  assertRowFits(row, `the ${name} ${rowKey}`);
  return row;
}

/** Azure takes at most 100 rows in one transaction. */
const TRANSACTION_ROWS = 100;

/** {@link SignOffRepository} on Azure Tables. */
export function createTablesSignOffRepository(table: TableClient): SignOffRepository {
  async function getQuery(programmeId: string, id: string): Promise<SignOffQuery | null> {
    const row = await readRow(table, codeKey(programmeId), queryKey(id));
    return row ? getJson<SignOffQuery>(row, 'query') : null;
  }

  return {
    async record(signOff, queries) {
      const partitionKey = codeKey(signOff.programmeId);
      const rowKey = signOffKey(signOff.periodId, signOff.workstream);
      const actions: TransactionAction[] = [
        ['create', jsonRow(partitionKey, rowKey, 'signOff', signOff)],
        ...queries.map((q): TransactionAction => [
          'upsert',
          jsonRow(partitionKey, queryKey(q.id), 'query', q),
        ]),
      ];
      for (let i = 0; i < actions.length; i += TRANSACTION_ROWS) {
        try {
          await transact(table, actions.slice(i, i + TRANSACTION_ROWS));
        } catch (error) {
          if (i === 0 && azureStatus(error) === 409) {
            const current = await readRow(table, partitionKey, rowKey);
            if (current) {
              return {
                ok: false,
                code: 'ALREADY_SIGNED_OFF',
                current: getJson<WorkstreamSignOff>(current, 'signOff'),
              };
            }
          }
          throw unexpected(`recording the sign-off of ${signOff.workstream}`, error);
        }
      }
      return { ok: true };
    },

    async listForPeriod(programmeId, periodId) {
      const prefix = joinKey('s', encodeKeyPart(periodId));
      const rows = await queryRows(
        table,
        `${inPartition(codeKey(programmeId))} and ${startsWith('RowKey', prefix)}`,
      );
      return rows
        .map((row) => getJson<WorkstreamSignOff>(row, 'signOff'))
        .sort((a, b) => compareRefs(a.workstream, b.workstream));
    },

    async listQueries(programmeId) {
      const rows = await queryRows(
        table,
        `${inPartition(codeKey(programmeId))} and ${startsWith('RowKey', 'q')}`,
      );
      return rows.map((row) => getJson<SignOffQuery>(row, 'query')).sort(byRaisedAt);
    },

    getQuery,

    async answer(programmeId, id, answer) {
      const row = await readRow(table, codeKey(programmeId), queryKey(id));
      if (!row) return { ok: false, code: 'QUERY_NOT_FOUND' };
      const query = getJson<SignOffQuery>(row, 'query');
      if (query.answer) return { ok: false, code: 'ALREADY_ANSWERED', query };
      const answered: SignOffQuery = { ...query, answer };
      try {
        await updateRow(
          table,
          jsonRow(codeKey(programmeId), queryKey(id), 'query', answered),
          'Replace',
          {
            etag: row.etag,
          },
        );
        return { ok: true, query: answered };
      } catch (error) {
        if (azureStatus(error) !== 412) throw unexpected(`answering query ${id}`, error);
        const winner = await getQuery(programmeId, id);
        if (winner?.answer) return { ok: false, code: 'ALREADY_ANSWERED', query: winner };
        throw unexpected(`answering query ${id}`, error);
      }
    },
  };
}
