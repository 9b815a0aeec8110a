// Check digits of the identifiers the registry takes, so a typing mistake shows beside the field
// before the form is sent (the API checks them again and answers 400 `checksum`).
//  - 居民身份证号码: GB 11643-1999, ISO 7064 MOD 11-2 over 17 digits; the 18th is 0–9 or X.
//  - 统一社会信用代码: GB 32100-2015, MOD 31 over 17 characters of a 31-character alphabet.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of a resident ID number from its first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('17 digits expected');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** True when `value` is 18 characters (17 digits and a digit or X) with a correct check character. */
export function isValidResidentId(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a unified social credit code from its first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  const code = first17.toUpperCase();
  if (code.length !== 17) throw new Error('17 characters expected');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_ALPHABET.indexOf(code[i]!);
    if (value < 0) throw new Error(`not in the code alphabet: ${code[i]}`);
    sum += value * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** True when `value` is 18 characters of the code alphabet with a correct check character. */
export function isValidCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
