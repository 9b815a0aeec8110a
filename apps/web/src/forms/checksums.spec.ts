import { describe, expect, it } from '@jest/globals';
import { creditCodeCheckChar, isValidCreditCode, isValidResidentId, residentIdCheckChar } from './checksums';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard’s published example, with X as the check character', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it('computes the check character from the first 17 digits', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    const id = `22010219900307123${residentIdCheckChar('22010219900307123')}`;
    expect(isValidResidentId(id)).toBe(true);
  });

  it('refuses a wrong check character, a wrong length and letters', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('11010519491231002')).toBe(false);
    expect(isValidResidentId('1101051949123100AX')).toBe(false);
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('accepts a published example', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('computes the check character, which may be a letter', () => {
    const code = `91220102MA0000000${creditCodeCheckChar('91220102MA0000000')}`;
    expect(isValidCreditCode(code)).toBe(true);
    expect(isValidCreditCode(code.toLowerCase())).toBe(true);
  });

  it('refuses a wrong check character and characters outside the alphabet (I, O, S, V, Z)', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100YO3')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
  });
});
