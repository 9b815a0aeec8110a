// Parsing what people type into form inputs (always strings) into the API's values. Pure.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A number (decimal point, optional sign); null when empty or not a number. Full-width digits are accepted. */
export function parseNumber(text: string): number | null {
  const value = toHalfWidth(text).trim();
  if (!value || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return null;
  return Number(value);
}

export function parseInteger(text: string): number | null {
  const value = parseNumber(text);
  return value !== null && Number.isInteger(value) ? value : null;
}

/** "1,2" / "1，2" / "1 2" / "-1, 1" → [1, 2] / [-1, 1]; null when any part is not an integer or none is given. */
export function parseFloors(text: string): number[] | null {
  const parts = toHalfWidth(text)
    .split(/[,，、;；\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const floors: number[] = [];
  for (const part of parts) {
    const floor = parseInteger(part);
    if (floor === null) return null;
    if (!floors.includes(floor)) floors.push(floor);
  }
  return floors.sort((a, b) => a - b);
}

export function formatFloors(floors: readonly number[] | undefined | null): string {
  return (floors ?? []).join(',');
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return (
    date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])
  );
}

/** `07:30-17:30` (also with a full-width dash or spaces); normalised, or null when it is not two times. */
export function parseOpeningHours(text: string): string | null {
  const match = /^\s*([01]?\d|2[0-3]):([0-5]\d)\s*[-–—~～至]\s*([01]?\d|2[0-3]):([0-5]\d)\s*$/.exec(toHalfWidth(text));
  if (!match) return null;
  const pad = (value: string) => value.padStart(2, '0');
  return `${pad(match[1]!)}:${match[2]}-${pad(match[3]!)}:${match[4]}`;
}

/** A number as an input shows it: 43.865 → "43.865", null → "". */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : String(value);
}

function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** Days from `from` to `to` (both ISO dates or times); negative when `to` is earlier. */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 86_400_000;
}

/** Today in Asia/Shanghai as `YYYY-MM-DD` (the API's calendar). */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
