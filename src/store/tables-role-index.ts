import { normaliseEmail, type Role } from '../domain/people.js';
import { codeKey, emailKey, joinKey } from './keys.js';
import { peopleKeys, type TablesContext } from './tables-layout.js';
import {
  azureStatus,
  createRow,
  readRow,
  unexpected,
  updateRow,
  type ReadRow,
  type Row,
} from './tables-support.js';

/**
 * The index from an email to the roles it holds (partition `by|email`, one entry per
 * programme, role and capacity), kept exact so that who someone is in a programme is one
 * query: admins' checks, the read rule and owners' updates all trust it.
 *
 * A role row and its holders' entries live in different partitions, so no transaction holds
 * both. Instead every role row carries a `seq` that goes up by one with each change, and
 * `pending` (the holders before the change) until the change has reached the index. Each
 * entry remembers the `seq` that last decided it and is only ever moved forward: a late
 * writer of an older change cannot bring back an entry a newer one took away. Anyone who
 * finds a row still pending finishes it (the next change of that role, or the store's
 * start) before going on. Entries are taken away before new ones are given, so a change cut
 * short leaves fewer people able to act, never more.
 */
export interface Holder {
  readonly email: string;
  readonly as: 'person' | 'deputy';
}

export function holdersOf(role: Role | null): Holder[] {
  if (!role) return [];
  const holders: Holder[] = [];
  if (role.person !== null) holders.push({ email: normaliseEmail(role.person), as: 'person' });
  if (role.deputy !== null) holders.push({ email: normaliseEmail(role.deputy), as: 'deputy' });
  return holders;
}

/** What one version of a role row says the index should hold. */
export interface RoleChange {
  readonly programmeId: string;
  readonly code: string;
  readonly seq: number;
  readonly was: readonly Holder[];
  readonly now: readonly Holder[];
}

/** Brings the index up to `change`: entries taken away first, then the holders' written. */
export async function applyToIndex(tables: TablesContext, change: RoleChange): Promise<void> {
  const same = (a: Holder) => (b: Holder) => a.email === b.email && a.as === b.as;
  const gone = change.was.filter((holder) => !change.now.some(same(holder)));
  await Promise.all(gone.map((holder) => setEntry(tables, change, holder, false)));
  await Promise.all(change.now.map((holder) => setEntry(tables, change, holder, true)));
}

/** The index entry of `holder` for this role, as `change` decides, unless a newer one did. */
async function setEntry(
  tables: TablesContext,
  change: RoleChange,
  holder: Holder,
  held: boolean,
): Promise<void> {
  const partitionKey = peopleKeys.rolesOf(emailKey(holder.email));
  const rowKey = joinKey(codeKey(change.programmeId), codeKey(change.code), holder.as);
  const entry: Row = {
    partitionKey,
    rowKey,
    programmeId: change.programmeId,
    role: change.code,
    as: holder.as,
    seq: change.seq,
    held,
  };
  for (;;) {
    const found = await readRow(tables.roles, partitionKey, rowKey);
    const seq = entrySeq(found);
    if (seq !== null && seq >= change.seq) return;
    try {
      if (found) await updateRow(tables.roles, entry, 'Replace', { etag: found.etag });
      else await createRow(tables.roles, entry);
      return;
    } catch (error) {
      // Someone else moved the entry meanwhile: read it again and weigh their seq.
      const status = azureStatus(error);
      if (status !== 409 && status !== 412) {
        throw unexpected(`writing the role index entry (${partitionKey}, ${rowKey})`, error);
      }
    }
  }
}

/** The seq that decided an entry; null for none or one written before entries had one. */
export function entrySeq(entry: ReadRow | null): number | null {
  const seq = entry?.seq;
  return typeof seq === 'number' ? seq : null;
}
