/**
 * Azure refuses `/`, `\`, `#`, `?` and control characters in PartitionKey and RowKey, and we
 * use `|` to join key parts, so every part goes through `encodeKeyPart`. The escape is `%`
 * followed by two hex digits (the characters escaped are all below U+00A0), so it round-trips.
 */
// eslint-disable-next-line no-control-regex -- control characters are what Azure refuses in keys
const ESCAPED = /[%/\\#?|\u0000-\u001f\u007f-\u009f]/g;

export function encodeKeyPart(text: string): string {
  return text.replace(ESCAPED, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function decodeKeyPart(key: string): string {
  return key.replace(/%([0-9a-f]{2})/g, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Codes and refs are looked up without regard to case: the key is the upper-cased text. */
export function codeKey(code: string): string {
  return encodeKeyPart(code.trim().toUpperCase());
}

/** Emails are keys in lower case, as `normaliseEmail` writes them. */
export function emailKey(email: string): string {
  return encodeKeyPart(email.trim().toLowerCase());
}

/** Joins encoded parts; safe because `|` never survives encoding. */
export function joinKey(...parts: readonly string[]): string {
  return parts.join('|');
}

/** The smallest string greater than every key starting with `prefix|`. */
export function prefixEnd(prefix: string): string {
  return `${prefix}}`;
}

/** Plan order for references: A2 before A10, then exact text so the order is total. */
const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareRefs(a: string, b: string): number {
  // One collator for all calls: `localeCompare` with options builds a new one every time.
  const natural = naturalOrder.compare(a, b);
  if (natural !== 0) return natural;
  return a < b ? -1 : a > b ? 1 : 0;
}

const LATEST_MS = 9_999_999_999_999;

/**
 * Sorts updates newest first when compared as plain strings (Table rows come back in RowKey
 * order): inverted milliseconds, then the update id.
 */
export function historyOrderKey(update: { readonly at: string; readonly id: string }): string {
  const ms = Date.parse(update.at);
  if (Number.isNaN(ms)) {
    throw new Error(`Status update ${update.id} has an unreadable time "${update.at}".`);
  }
  return joinKey(String(LATEST_MS - ms).padStart(13, '0'), encodeKeyPart(update.id));
}
