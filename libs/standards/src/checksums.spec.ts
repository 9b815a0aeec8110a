import { creditCodeCheckChar, isValidCreditCode, isValidResidentId, maskIdNumber, residentIdCheckChar } from './checksums.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts the sample code of the standard and real codes', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
  });
  it('computes the check character as (31 − Σ weight × value mod 31) mod 31 over the 31-character set', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91220101MA0000000')).toMatch(/^[0-9A-HJ-NPQRTUWXY]$/);
  });
  it('accepts a code generated with its check character, e.g. for a Changchun business (220102)', () => {
    const first17 = '92220102MA17XK0PQ';
    expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(true);
  });
  it('refuses a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91310000MA1FL5LX3E')).toBe(false);
  });
  it('refuses I, O, Z, S and V, which the code never uses', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const first17 = `91350100M000100${letter}4`;
      expect(() => creditCodeCheckChar(first17)).toThrow(RangeError);
      expect(isValidCreditCode(`${first17}3`)).toBe(false);
    }
  });
  it('requires digits for the administrative division code (characters 3–8)', () => {
    const first17 = '91A50100M000100Y4';
    expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(false);
  });
  it('requires exactly 18 capital characters', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });
});

describe('居民身份证号 (GB 11643-1999)', () => {
  const today = '2025-06-01';
  it('accepts the well-known sample 11010519491231002X, also with a lower-case x', () => {
    expect(isValidResidentId('11010519491231002X', today)).toBe(true);
    expect(isValidResidentId('11010519491231002x', today)).toBe(true);
  });
  it('computes the check character as "10X98765432"[Σ weight × digit mod 11]', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    const first17 = '22010219900307123';
    expect(isValidResidentId(first17 + residentIdCheckChar(first17), today)).toBe(true);
  });
  it('refuses a wrong check character', () => {
    expect(isValidResidentId('110105194912310021', today)).toBe(false);
    expect(isValidResidentId('11010519491231002Y', today)).toBe(false);
  });
  it('refuses a birth date that is not a real calendar date', () => {
    for (const birth of ['19900230', '19901301', '19900000']) {
      const first17 = `220102${birth}123`;
      expect(isValidResidentId(first17 + residentIdCheckChar(first17), today)).toBe(false);
    }
  });
  it('refuses a birth date in the future or before 1900', () => {
    for (const birth of ['20250602', '18991231']) {
      const first17 = `220102${birth}123`;
      expect(isValidResidentId(first17 + residentIdCheckChar(first17), today)).toBe(false);
    }
    const born = '22010220250601123';
    expect(isValidResidentId(born + residentIdCheckChar(born), today)).toBe(true);
  });
  it('requires 17 digits and a check character', () => {
    expect(isValidResidentId('1101051949123100X', today)).toBe(false);
    expect(isValidResidentId('1101051949123100X2', today)).toBe(false);
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
  });
});

describe('masked ID numbers (docs/api.md)', () => {
  it('show the first 4 and last 4 characters with * between', () => {
    expect(maskIdNumber('220102199003071234')).toBe('2201**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
  it('never show a short value in full', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('123456789')).toBe('1234*6789');
  });
});
