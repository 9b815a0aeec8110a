import { isCalendarDate, todayInShanghai } from './dates.js';

/**
 * 统一社会信用代码 — unified social credit code, GB 32100-2015 (法人和其他组织统一社会信用代码编码规则).
 *
 * 18 characters: registration authority (1) + organisation type (1) + administrative division code (6, GB/T 2260)
 * + organisation identifier (9) + check character (1), written with the 31 characters below (digits and capital
 * letters without I, O, Z, S, V).
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * The check character of a credit code from its first 17 characters: C18 = (31 − Σ(Ci × Wi) mod 31) mod 31,
 * written with the charset. Throws when `first17` is not 17 characters of the charset.
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('a credit code check character needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not a credit code character`);
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

const CREDIT_CODE_SHAPE = new RegExp(`^[${CREDIT_CODE_CHARSET}]{2}\\d{6}[${CREDIT_CODE_CHARSET}]{10}$`);

/**
 * Whether a credit code is well formed (GB 32100-2015): 18 characters of the charset, the 2-character
 * registration-authority/type prefix from the charset, positions 3–8 digits (the administrative division code),
 * and the check character right. Capital letters only: callers normalise input (trim, upper-case) before.
 */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string' || !CREDIT_CODE_SHAPE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/**
 * 公民身份号码 — resident ID number, GB 11643-1999: address code (6) + birth date YYYYMMDD (8) + sequence (3)
 * + check character, ISO 7064 MOD 11-2.
 */
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const RESIDENT_ID_CHECK = '10X98765432';

/** The check character of a resident ID from its first 17 digits: "10X98765432"[Σ(Ai × Wi) mod 11]. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('a resident ID check character needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return RESIDENT_ID_CHECK[sum % 11]!;
}

/**
 * Whether a resident ID number is valid (GB 11643-1999): 17 digits and a check character (0–9 or X; a lower-case
 * x is accepted), the checksum right, and the birth date (characters 7–14) a real calendar date from 1900 on and
 * not after `today` (YYYY-MM-DD; by default today in Asia/Shanghai).
 */
export function isValidResidentId(id: string, today: string = todayInShanghai()): boolean {
  if (typeof id !== 'string' || !/^\d{17}[\dXx]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birth) || birth < '1900-01-01' || birth > today) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/**
 * An ID number as it may be shown (docs/api.md "Classes (places) and staff"): the first 4 and the last 4 characters
 * with `*` between (`2201**********1234`). A value of 8 characters or fewer is masked entirely, so a short
 * value never shows in full.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
