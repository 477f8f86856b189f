import { crc32, deflateSync } from 'node:zlib';
import { RATING_COLOUR, type RatingOrNotRated } from '../domain/rating.js';

/**
 * A one-pixel PNG of one colour, as a data URI, for a card to draw as a square or a bar
 * beside a rating's word. Cards may name only the host's colours for text (Teams' Amber is
 * 1.47:1 on white), so the palette's own colour reaches the card as a picture: about 90
 * characters, the same in every theme.
 */
export function swatchDataUri(hex: string): string {
  const cached = swatches.get(hex);
  if (cached) return cached;
  const uri = `data:image/png;base64,${onePixelPng(hex).toString('base64')}`;
  swatches.set(hex, uri);
  return uri;
}

const swatches = new Map<string, string>();

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function onePixelPng(hex: string): Buffer {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16)) as [number, number, number];
  // Width 1, height 1, 8 bits a channel, RGB, default compression, filter and no interlace.
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  // One row: filter byte 0, then the pixel.
  const pixels = deflateSync(Buffer.from([0, r, g, b]));
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The rating's colour from the one palette, as a swatch to draw beside its word. */
export function ratingSwatch(rating: RatingOrNotRated): string {
  return swatchDataUri(RATING_COLOUR[rating]);
}
