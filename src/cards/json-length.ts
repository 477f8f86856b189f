/**
 * The length of `JSON.stringify(value)` in UTF-16 code units, exactly, without writing the JSON
 * again for what was measured before: a deep-frozen part of a card (a list line drawn once and
 * shared by every card that shows it) is measured once and remembered. A list cut to fit the
 * message budget is weighed three or four times a reply with the same lines in each.
 */
export function jsonLength(value: unknown): number {
  // The top level as JSON.stringify has it: undefined, a function or a symbol is no JSON.
  return measure(value) ?? 0;
}

/** Lengths of deep-frozen objects and arrays: they cannot change, so neither can their JSON. */
const measured = new WeakMap<object, number>();
/** Values frozen all the way down by whoever made them, measured in one go when first met. */
const frozenWhole = new WeakSet<object>();

/**
 * Says that `value` is frozen all the way down (as a list line drawn ahead is), so the first
 * time it is measured JSON.stringify measures it whole, which is quicker than field by field.
 */
export function frozenThroughout(value: object): void {
  if (Object.isFrozen(value)) frozenWhole.add(value);
}

/** The JSON length of each key seen, quoted. */
const keyLengths = new Map<string, number>();

/** A value's JSON length; undefined where JSON leaves the value out (undefined, functions). */
function measure(value: unknown): number | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value).length;
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      return value === null ? 4 : measureObject(value);
    case 'bigint':
      // JSON.stringify throws on a bigint; so does this, the same way.
      return JSON.stringify(value).length;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
}

function measureObject(value: object): number {
  const known = measured.get(value);
  if (known !== undefined) return known;
  // What JSON.stringify writes otherwise than as its fields (toJSON, a boxed string or number)
  // is measured by JSON.stringify itself.
  if (
    typeof (value as { toJSON?: unknown }).toJSON === 'function' ||
    value instanceof String ||
    value instanceof Number ||
    value instanceof Boolean
  ) {
    return JSON.stringify(value).length;
  }
  if (frozenWhole.has(value)) {
    const whole = JSON.stringify(value).length;
    measured.set(value, whole);
    return whole;
  }
  const length = Array.isArray(value) ? measureArray(value) : measureRecord(value);
  if (isDeepFrozen(value)) measured.set(value, length);
  return length;
}

function measureArray(values: readonly unknown[]): number {
  // "[", "]", and a comma between items; a hole or an undefined item is written null.
  let length = 2 + Math.max(0, values.length - 1);
  for (let i = 0; i < values.length; i += 1) length += measure(values[i]) ?? 4;
  return length;
}

function measureRecord(record: object): number {
  let length = 2;
  let fields = 0;
  for (const key of Object.keys(record)) {
    const inner = measure((record as Record<string, unknown>)[key]);
    if (inner === undefined) continue;
    length += keyLength(key) + 1 + inner;
    fields += 1;
  }
  return length + Math.max(0, fields - 1);
}

function keyLength(key: string): number {
  let length = keyLengths.get(key);
  if (length === undefined) {
    length = JSON.stringify(key).length;
    // Card keys are few and fixed; people's text is never a key, so this stays small.
    if (keyLengths.size < 10_000) keyLengths.set(key, length);
  }
  return length;
}

/** Frozen, and everything in it frozen or a primitive (or already remembered, so frozen). */
function isDeepFrozen(value: object): boolean {
  if (!Object.isFrozen(value)) return false;
  for (const inner of Object.values(value) as unknown[]) {
    if (inner !== null && typeof inner === 'object' && !measured.has(inner)) return false;
  }
  return true;
}
