/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  readonly width: number;
  readonly height: number;
}

/**
 * Reads the size from a PNG's IHDR chunk, which the format requires to come first, and
 * throws when the bytes are not a PNG.
 */
export function readPngHeader(bytes: Buffer): PngHeader {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('Not a PNG: the signature is missing.');
  }
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG: the first chunk is not IHDR.');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function pngFromDataUri(uri: string): Buffer {
  const prefix = 'data:image/png;base64,';
  if (!uri.startsWith(prefix)) throw new Error(`Not a PNG data URI: ${uri.slice(0, 40)}`);
  return Buffer.from(uri.slice(prefix.length), 'base64');
}
