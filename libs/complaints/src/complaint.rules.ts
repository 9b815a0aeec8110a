import { randomInt } from 'node:crypto';
import { addWorkingDays, CHINA_HOLIDAYS, type ComplaintStatus, type HolidayCalendar } from '@lib/standards';

/**
 * Receipt codes: 12 characters from 30 that cannot be confused when read aloud or copied (no 0/O, 1/I/L, U),
 * drawn with a CSPRNG: 30^12 ≈ 5.3 × 10^17 codes (59 bits), so guessing one of a million live codes at the public
 * rate limit (120 a minute per client) takes about 8,000 years.
 */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_LENGTH = 12;
export const RECEIPT_SHAPE = new RegExp(`^[${RECEIPT_ALPHABET}]{${RECEIPT_LENGTH}}$`);

export function newReceiptCode(draw: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) code += RECEIPT_ALPHABET[draw(RECEIPT_ALPHABET.length)];
  return code;
}

/** Deadlines in working days (configuration; docs/api.md "Complaints (投诉举报)": 1 to start investigating, 15 to close). */
export interface ComplaintDeadlines {
  acknowledgeWorkingDays: number;
  closeWorkingDays: number;
}
export const DEFAULT_COMPLAINT_DEADLINES: ComplaintDeadlines = { acknowledgeWorkingDays: 1, closeWorkingDays: 15 };

/**
 * The deadlines of a complaint received on `receivedOn`, in working days of the registry's calendar of review deadlines
 * (libs/standards working-days.ts: weekends, national holidays and make-up working days); the first day counted is the
 * day after receipt.
 */
export function dueDates(
  receivedOn: string,
  deadlines: ComplaintDeadlines = DEFAULT_COMPLAINT_DEADLINES,
  calendar: HolidayCalendar = CHINA_HOLIDAYS,
): { acknowledgeDueOn: string; closeDueOn: string } {
  return {
    acknowledgeDueOn: addWorkingDays(receivedOn, deadlines.acknowledgeWorkingDays, calendar),
    closeDueOn: addWorkingDays(receivedOn, deadlines.closeWorkingDays, calendar),
  };
}

/** Overdue: still `received` after its acknowledgement day, or not closed after its closing day. */
export function overdue(
  c: { status: ComplaintStatus; acknowledgeDueOn: string; closeDueOn: string },
  today: string,
): 'acknowledge' | 'close' | null {
  if (c.status === 'closed') return null;
  if (c.status === 'received' && today > c.acknowledgeDueOn) return 'acknowledge';
  if (today > c.closeDueOn) return 'close';
  return null;
}

export type ComplaintAction = 'investigate' | 'close';
const TRANSITIONS: Record<ComplaintAction, Partial<Record<ComplaintStatus, ComplaintStatus>>> = {
  investigate: { received: 'investigating' },
  close: { received: 'closed', investigating: 'closed' },
};
export function transition(from: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  return TRANSITIONS[action][from] ?? null;
}

/** Who may close: the assigned agency, or health (which also closes what was never assigned). */
export function mayClose(assigned: string | null, agency: string | null): boolean {
  return agency === 'health' || (assigned !== null && assigned === agency);
}

/** Open reports of a provider at places within this distance of each other form one group (docs/api.md "Complaints (投诉举报)"). */
export const UNREGISTERED_GROUP_M = 100;
/** A group with this many open reports raises `unregistered_provider`. */
export const UNREGISTERED_ALERT_REPORTS = 3;

/**
 * Text a member of the public typed: control characters other than tab and line breaks are refused (they hide
 * text in logs and break exports); everything else, HTML included, is kept as text and escaped where shown.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
