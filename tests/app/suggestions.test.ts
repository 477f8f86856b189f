import { describe, expect, it } from 'vitest';
import { closestMatches, editDistance } from '../../src/app/suggestions.js';

describe('did-you-mean suggestions', () => {
  it('counts single-letter edits without regard to case', () => {
    expect(editDistance('stauts', 'status')).toBe(2);
    expect(editDistance('EHC5', 'ehc5')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('offers the closest codes first and nothing for nonsense', () => {
    const codes = ['A1', 'A2', 'A3', 'EHC', 'EHC1', 'JC17'];
    expect(closestMatches('A22', codes)).toEqual(['A2']);
    expect(closestMatches('EHX', codes)).toEqual(['EHC']);
    expect(closestMatches('quarterly', codes)).toEqual([]);
  });
});
