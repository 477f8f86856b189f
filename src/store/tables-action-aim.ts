import { codeKey, joinKey } from './keys.js';
import type { TablesContext } from './tables-layout.js';

/**
 * Where a read found an action: its plan version and workstream, given out with the action
 * (`FoundAction.aim`) so the Save of a form drawn from it can read the action's partition at
 * once, beside the programme row rather than after it. An aim is trusted only when the
 * partition's fence names exactly its version (see tables-version-fence.ts): a plan promoted
 * since raises the fence past it, and every update's transaction checks the fence by ETag.
 */
export interface Aim {
  readonly version: string;
  readonly workstream: string;
}

export function aimText(aim: Aim): string {
  return `${aim.version}:${aim.workstream}`;
}

/** The aim an earlier read gave out, or null for anything else (a card from before aims). */
export function parseAim(text: string | undefined): Aim | null {
  if (text === undefined) return null;
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return null;
  return { version: text.slice(0, colon), workstream: text.slice(colon + 1) };
}

/** Versions aims were just checked at, so the Save that follows writes by the same one. */
const LIFE_MS = 5_000;
const checkedBy = new WeakMap<TablesContext, Map<string, { version: string; at: number }>>();

function checkedIn(tables: TablesContext) {
  const found = checkedBy.get(tables) ?? new Map<string, { version: string; at: number }>();
  checkedBy.set(tables, found);
  if (found.size > 1_000) found.clear();
  return found;
}

const keyOf = (programmeId: string, ref: string) => joinKey(codeKey(programmeId), codeKey(ref));

export function noteAimChecked(
  tables: TablesContext,
  programmeId: string,
  ref: string,
  version: string,
): void {
  checkedIn(tables).set(keyOf(programmeId, ref), { version, at: Date.now() });
}

/** The version an aim at this action was checked at in the last few seconds; used once. */
export function takeAimChecked(
  tables: TablesContext,
  programmeId: string,
  ref: string,
): string | null {
  const checked = checkedIn(tables);
  const key = keyOf(programmeId, ref);
  const found = checked.get(key);
  checked.delete(key);
  return found && Date.now() - found.at < LIFE_MS ? found.version : null;
}
