import { addDays } from './dates.js';

/**
 * The working-day calendar of review deadlines (docs/api.md "Change filings (变更备案) and what counts", the review deadline): Monday to Friday, minus the national
 * holidays, plus the make-up working days (调休上班) on weekends, as the State Council's yearly notice sets them.
 * Pure data and functions, so other deadlines (complaints) can reuse them.
 *
 * Keep the current and the next year filled in; the notice appears each November (国务院办公厅关于YYYY年部分节假日安排的通知).
 */
export interface HolidayCalendar {
  /** Days off that would otherwise be working days (and days off on weekends, harmless), YYYY-MM-DD. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休上班), YYYY-MM-DD. */
  workdays: readonly string[];
  /** Years whose days are listed, and where they come from. */
  years: Readonly<Record<number, string>>;
}

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

export const CHINA_HOLIDAYS: HolidayCalendar = {
  years: {
    2025: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)',
    2026: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    2027: 'provisional: the statutory days of 全国年节及纪念日放假办法 (2024) only, without make-up days, until the notice for 2027 is published; replace then',
  },
  holidays: [
    // 2025
    '2025-01-01',
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
    // 2026
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
    // 2027 (provisional, statutory days only)
    '2027-01-01',
    ...range('2027-02-05', '2027-02-08'),
    '2027-04-05',
    ...range('2027-05-01', '2027-05-02'),
    '2027-06-09',
    '2027-09-15',
    ...range('2027-10-01', '2027-10-03'),
  ],
  workdays: [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
};

/** Day of the week of a YYYY-MM-DD date: 0 Sunday … 6 Saturday. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(date: string, calendar: HolidayCalendar = CHINA_HOLIDAYS): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * Working days after `from` up to and including `to` (0 when `to` ≤ `from`): a filing submitted on Friday and
 * looked at on Monday has waited 1 working day.
 */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar = CHINA_HOLIDAYS): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) n++;
  return n;
}

/** The day on which `days` working days after `from` have passed (the review deadline's last day). */
export function addWorkingDays(from: string, days: number, calendar: HolidayCalendar = CHINA_HOLIDAYS): string {
  let d = from;
  for (let n = 0; n < days;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) n++;
  }
  return d;
}

/** Whether something waiting since `since` is past a deadline of `days` working days on `today`. */
export function pastWorkingDayDeadline(since: string, today: string, days: number, calendar: HolidayCalendar = CHINA_HOLIDAYS): boolean {
  return workingDaysBetween(since, today, calendar) > days;
}
