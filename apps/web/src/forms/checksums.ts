// Check digits of the identifiers the registry takes, so a typing mistake shows beside the field before the form is
// sent (the API checks them again and answers 400 `checksum`). The rules are libs/standards' (checksums.ts); here
// only what a form adds: input is trimmed and upper-cased first.
//  - 居民身份证号码: GB 11643-1999, ISO 7064 MOD 11-2 over 17 digits; the 18th is 0–9 or X.
//  - 统一社会信用代码: GB 32100-2015, MOD 31 over 17 characters of a 31-character alphabet.
import {
  creditCodeCheckChar as libraryCreditCodeCheckChar,
  isValidCreditCode as libraryIsValidCreditCode,
  isValidResidentId as libraryIsValidResidentId,
  residentIdCheckChar,
} from '@lib/standards';

export { residentIdCheckChar };

/** True when `value` is 18 characters (17 digits and a digit or X) with a correct check character and birth date. */
export function isValidResidentId(value: string): boolean {
  return libraryIsValidResidentId(value.trim().toUpperCase());
}

/** The check character of a unified social credit code from its first 17 characters (either case). */
export function creditCodeCheckChar(first17: string): string {
  return libraryCreditCodeCheckChar(first17.toUpperCase());
}

/** True when `value` is 18 characters of the code alphabet with a correct check character. */
export function isValidCreditCode(value: string): boolean {
  return libraryIsValidCreditCode(value.trim().toUpperCase());
}
