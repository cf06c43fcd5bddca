import { describe, expect, it } from 'vitest';
import { termMonths, type Term } from './terms';

describe('termMonths', () => {
  it('gives the months of each term with a length, and nothing for the others', () => {
    expect([termMonths('P1M'), termMonths('P1Y'), termMonths('P2Y'), termMonths('P3Y')]).toEqual([1, 12, 24, 36]);
    expect(termMonths('none')).toBeUndefined();
    expect(termMonths('unknown')).toBeUndefined();
  });

  it('gives nothing for a stray value, even one naming an inherited property', () => {
    for (const stray of ['toString', 'constructor', '__proto__', 'p1y', '']) expect(termMonths(stray as Term)).toBeUndefined();
  });
});
