import { describe, expect, it } from 'vitest';
import { sheetName } from '../../src/render/board-pack/pack-style.js';

describe('board pack sheet names', () => {
  it('drops the characters Excel refuses and keeps to 31 characters', () => {
    expect(sheetName('EHC Health/Care: plans? [new]*', new Set())).toBe(
      'EHC Health Care plans new',
    );
    expect(sheetName('W1 A workstream with a very long name indeed', new Set())).toHaveLength(31);
  });

  it('numbers a name already taken, ignoring case', () => {
    expect(sheetName('Grid', new Set(['grid']))).toBe('Grid (2)');
    expect(sheetName('A', new Set(['a', 'a (2)']))).toBe('A (3)');
  });
});
