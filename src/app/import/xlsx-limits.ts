import { inflateRawSync } from 'node:zlib';

/**
 * How big an `.xlsx` may be once unpacked. A plan of 1,000 actions with two years of monthly
 * ratings is about 25,000 rows and a few megabytes of XML; the workbook reader needs several
 * kilobytes of memory per row, so these keep one import well under 300 MB. docs/security.md
 * lists them.
 */
export const XLSX_LIMITS = {
  /** Parts in the archive; a saved workbook has a few dozen. */
  maxEntries: 500,
  /** One part, unpacked. */
  maxEntryBytes: 32 * 1024 * 1024,
  /** All parts together, unpacked. */
  maxTotalBytes: 64 * 1024 * 1024,
  /** Rows in one sheet. */
  maxRowsPerSheet: 30_000,
  /** Rows in all sheets together. */
  maxRowsTotal: 60_000,
} as const;

/** Why the workbook is refused, where, and the limit it passed. */
export interface XlsxLimitBreach {
  /** The sheet's name as Excel shows it, or null for the archive as a whole. */
  readonly sheet: string | null;
  readonly what: 'parts' | 'part size' | 'unpacked size' | 'rows' | 'packing';
  readonly found: number;
  readonly limit: number;
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class NotAZip extends Error {}

/** The archive's table of contents, read from the end of the file without unpacking anything. */
function entriesOf(zip: Buffer): ZipEntry[] {
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= searchFrom; at -= 1) {
    if (zip.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new NotAZip('it is not an .xlsx file (no zip directory)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) {
      throw new NotAZip('its zip directory is damaged');
    }
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Unpacks one part, stopping at `limit` bytes whatever its header claims; null past that. */
function unpack(zip: Buffer, entry: ZipEntry, limit: number): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) {
    throw new NotAZip(`its part ${entry.name} is damaged`);
  }
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const packed = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return packed.length > limit ? null : packed;
  try {
    return inflateRawSync(packed, { maxOutputLength: limit });
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw new NotAZip(`its part ${entry.name} cannot be unpacked`);
  }
}

/** Excel's sheet names by part path (`xl/worksheets/sheet1.xml` → "Actions"). */
function sheetNames(zip: Buffer, entries: readonly ZipEntry[]): Map<string, string> {
  const text = (name: string): string => {
    const entry = entries.find((each) => each.name === name);
    const bytes = entry ? unpack(zip, entry, 1024 * 1024) : null;
    return bytes?.toString('utf8') ?? '';
  };
  const targets = new Map<string, string>();
  for (const match of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const names = new Map<string, string>();
  for (const match of text('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(match[0])?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) names.set(part, name);
  }
  return names;
}

/** Rows in a sheet's XML: each `<row` followed by a space, `>` or `/`. */
function countRows(xml: Buffer): number {
  let rows = 0;
  for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
    const next = xml[at + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f) rows += 1;
  }
  return rows;
}

/**
 * Checks an `.xlsx` before the workbook reader loads it: the number and unpacked sizes of its
 * parts (unpacking each with a cap, so a part that lies about its size is caught too) and the
 * rows in each sheet. Null when it is within the limits; throws when it is not a zip at all.
 */
export function xlsxLimitBreach(content: Uint8Array): XlsxLimitBreach | null {
  const zip = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const entries = entriesOf(zip);
  const limits = XLSX_LIMITS;
  if (entries.length > limits.maxEntries) {
    return { sheet: null, what: 'parts', found: entries.length, limit: limits.maxEntries };
  }
  const names = sheetNames(zip, entries);
  let total = 0;
  let rowsTotal = 0;
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8) {
      return { sheet: null, what: 'packing', found: entry.method, limit: 8 };
    }
    const sheet = names.get(entry.name) ?? null;
    if (entry.declaredSize > limits.maxEntryBytes) {
      return { sheet, what: 'part size', found: entry.declaredSize, limit: limits.maxEntryBytes };
    }
    const bytes = unpack(zip, entry, limits.maxEntryBytes);
    if (bytes === null) {
      return {
        sheet,
        what: 'part size',
        found: limits.maxEntryBytes + 1,
        limit: limits.maxEntryBytes,
      };
    }
    total += bytes.length;
    if (total > limits.maxTotalBytes) {
      return { sheet: null, what: 'unpacked size', found: total, limit: limits.maxTotalBytes };
    }
    if (!entry.name.startsWith('xl/worksheets/') || !entry.name.endsWith('.xml')) continue;
    const rows = countRows(bytes);
    rowsTotal += rows;
    if (rows > limits.maxRowsPerSheet) {
      return { sheet, what: 'rows', found: rows, limit: limits.maxRowsPerSheet };
    }
    if (rowsTotal > limits.maxRowsTotal) {
      return { sheet: null, what: 'rows', found: rowsTotal, limit: limits.maxRowsTotal };
    }
  }
  return null;
}

export { NotAZip };
