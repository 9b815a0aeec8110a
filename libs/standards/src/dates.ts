/**
 * Calendar dates as the registry writes them: `YYYY-MM-DD` in Asia/Shanghai (docs/api.md "Conventions").
 * Plain strings compare in calendar order, so the rules compare them directly; these helpers do the arithmetic.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (2023-02-29 is not). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parse(date: string): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parse(date);
  return format(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/** `date` plus `years` years; 29 February falls back to 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parse(date);
  const year = y + years;
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parse(from);
  const [y2, m2, d2] = parse(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving). */
export function todayInShanghai(now: Date = new Date()): string {
  return format(now.getTime() + SHANGHAI_OFFSET_MS);
}

/** Whether `date` is past (strictly before `today`): a document or certificate is valid through its expiry date. */
export function isExpired(date: string, today: string): boolean {
  return date < today;
}

/**
 * Whether `date` falls within the next `days` days: today ≤ date ≤ today + days. An expiry date already past is
 * not "expiring" (see `isExpired`, or `dueForRenewal` for both).
 */
export function expiringSoon(date: string, today: string, days: number): boolean {
  return date >= today && date <= addDays(today, days);
}

/** Whether something expiring on `date` needs renewing: expired already, or expiring within `days` days. */
export function dueForRenewal(date: string, today: string, days: number): boolean {
  return date <= addDays(today, days);
}
