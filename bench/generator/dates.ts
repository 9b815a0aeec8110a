/** Day arithmetic in UTC milliseconds: fast enough for millions of rows, and independent of the machine's zone. */
export const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_MS = 8 * 3_600_000;

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** An instant during office hours (09:00–17:00 Asia/Shanghai) of the Shanghai day containing `ms`. */
export function officeHours(ms: number, share: number): number {
  const dayStart = Math.floor((ms + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
  return dayStart + 9 * 3_600_000 + Math.floor(share * 8 * 3_600_000);
}

/** Midnight UTC of a YYYY-MM-DD, or of today. */
export function parseDay(day: string | undefined): number {
  const ms = day ? Date.parse(`${day}T00:00:00Z`) : Math.floor(Date.now() / DAY_MS) * DAY_MS;
  if (Number.isNaN(ms)) throw new Error(`not a date: ${day}`);
  return ms;
}
