import { addWorkingDays, pastWorkingDayDeadline, type HolidayCalendar, CHINA_HOLIDAYS } from '@lib/standards';

/**
 * Whose delay a rectification order shows (docs/domain.md "Rectification orders"). Pure; the SQL in
 * order-deadlines-sql.ts says the same for lists and scans.
 *
 * - The operator is late when the order is still open after its due date, or was answered only after it. An order
 *   answered by its due date waits for the regulator: it is not overdue, and it does not raise the facility's risk.
 * - The regulator is late when a response waits more than `verificationWorkingDays` working days for verification.
 */
export interface OrderTimes {
  status: 'open' | 'responded' | 'resolved';
  /** The last day to complete the rectification (YYYY-MM-DD). */
  dueOn: string;
  /** The day of the operator's response (Asia/Shanghai), when responded. */
  respondedOn: string | null;
}

/** Overdue for the operator on `today`. */
export function orderOverdue(o: OrderTimes, today: string): boolean {
  if (o.status === 'open') return o.dueOn < today;
  if (o.status === 'responded') return o.respondedOn !== null && o.respondedOn > o.dueOn;
  return false;
}

/** The last day for the regulator to verify a response given on `respondedOn`. */
export function verificationDueOn(respondedOn: string, workingDays: number, calendar: HolidayCalendar = CHINA_HOLIDAYS): string {
  return addWorkingDays(respondedOn, workingDays, calendar);
}

/** A response waiting for verification longer than `workingDays` working days on `today`. */
export function verificationOverdue(
  o: OrderTimes,
  today: string,
  workingDays: number,
  calendar: HolidayCalendar = CHINA_HOLIDAYS,
): boolean {
  return o.status === 'responded' && o.respondedOn !== null && pastWorkingDayDeadline(o.respondedOn, today, workingDays, calendar);
}
