import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRefs, decodeKeyPart, encodeKeyPart } from '../../src/store/keys.js';

// eslint-disable-next-line no-control-regex -- control characters are what Azure refuses in keys
const REFUSED_IN_AZURE_KEYS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

describe('table key encoding', () => {
  it('gives back exactly the text it was given, whatever the characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(decodeKeyPart(encodeKeyPart(text))).toBe(text);
      }),
    );
  });

  it('never leaves a character Azure refuses, or the separator', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const key = encodeKeyPart(text);
        expect(key).not.toMatch(REFUSED_IN_AZURE_KEYS);
        expect(key).not.toContain('|');
      }),
    );
  });

  it('orders references as a plan does: A2 before A10, any case', () => {
    expect(['A10', 'a2', 'B1', 'A1'].sort(compareRefs)).toEqual(['A1', 'a2', 'A10', 'B1']);
  });
});
