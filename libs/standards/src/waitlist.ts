import { CLASS_STANDARD, SINGLE_AGE_GROUPS, ageGroupRange } from './classes.js';
import type { AgeGroupName } from './registry-types.js';

/**
 * Parents' applications and the waitlist (docs/api.md "Parents: applications and the waitlist"), as data and small pure
 * rules. The queue order is a list of keys, so that the city can add a priority later without touching the SQL
 * that ranks (libs/applications builds its ORDER BY from this list).
 */
export const APPLICATION_STATUSES = ['waiting', 'placed', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/**
 * A choice's place in one facility's queue: `waiting` (queued), `offered` (an open offer holds a place), `placed`
 * (accepted here), `declined` / `expired` (an offer here was declined or ran out: the choice leaves this queue),
 * `withdrawn` (the application was withdrawn or placed elsewhere).
 */
export const CHOICE_STATUSES = ['waiting', 'offered', 'placed', 'declined', 'expired', 'withdrawn'] as const;
export type ChoiceStatus = (typeof CHOICE_STATUSES)[number];
/** Choices that stand in the queue (and get a position). */
export const QUEUED_CHOICE_STATUSES = ['waiting', 'offered'] as const satisfies readonly ChoiceStatus[];
export const OFFER_STATUSES = ['open', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The age groups a queue is kept for: the single-age groups (a child of 6..36 months is in exactly one). */
export const QUEUE_AGE_GROUPS = SINGLE_AGE_GROUPS;
export type QueueAgeGroup = (typeof QUEUE_AGE_GROUPS)[number];

export const WAITLIST_RULES = {
  /** Ranked choices per application. */
  maxChoices: 3,
  /** The child's age in the start month, in completed months (the classes' range: 6..36). */
  minAgeMonths: CLASS_STANDARD.ageGroups.infant.minMonths,
  maxAgeMonths: CLASS_STANDARD.ageGroups.preschool.maxMonths,
  /** An offer's expiry: from today to this many days ahead. */
  maxOfferDays: 30,
} as const;

/**
 * Queue order: earlier keys first. `startMonth`: the month the place is wanted from (sooner first); `appliedAt`:
 * when the application was made (earlier first). A later priority (e.g. siblings, a parent's shift work) is one
 * more key here and one more column in libs/applications' QUEUE_COLUMNS.
 */
export type QueueKey = 'startMonth' | 'appliedAt';
export interface QueueRule {
  key: QueueKey;
  direction: 'asc' | 'desc';
}
export const QUEUE_ORDER: readonly QueueRule[] = [
  { key: 'startMonth', direction: 'asc' },
  { key: 'appliedAt', direction: 'asc' },
];

/** One queued choice as the order sees it (`id` breaks ties, so the order is total). */
export interface QueueEntry {
  id: string;
  startMonth: string;
  appliedAt: string;
}

export function compareInQueue(a: QueueEntry, b: QueueEntry, order: readonly QueueRule[] = QUEUE_ORDER): number {
  for (const rule of order) {
    const x = a[rule.key];
    const y = b[rule.key];
    if (x !== y) return (x < y ? -1 : 1) * (rule.direction === 'asc' ? 1 : -1);
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(s: string): boolean {
  return MONTH.test(s);
}

/** Completed months from the birth month to the start month (born in May, starting in November: 6). */
export function ageInMonths(birthMonth: string, startMonth: string): number {
  const [by, bm] = birthMonth.split('-').map(Number) as [number, number];
  const [sy, sm] = startMonth.split('-').map(Number) as [number, number];
  return sy * 12 + sm - (by * 12 + bm);
}

/** Whether a child of this age may apply (6..36 months in the start month). */
export function ageInRange(ageMonths: number): boolean {
  return ageMonths >= WAITLIST_RULES.minAgeMonths && ageMonths <= WAITLIST_RULES.maxAgeMonths;
}

/** The queue a child of this age stands in: its single-age group, or null outside 6..36 months. */
export function queueGroupOf(ageMonths: number): QueueAgeGroup | null {
  return (
    QUEUE_AGE_GROUPS.find((g) => {
      const r = ageGroupRange(g);
      return r.minMonths <= ageMonths && ageMonths <= r.maxMonths;
    }) ?? null
  );
}

/** Whether a class of `group` takes a child of `ageMonths` (a mixed class takes 18..36). */
export function classTakesAge(group: AgeGroupName, ageMonths: number): boolean {
  const r = ageGroupRange(group);
  return r.minMonths <= ageMonths && ageMonths <= r.maxMonths;
}

/**
 * A child's label is a first name or nickname: 1..20 characters, and never an ID number or a phone number
 * (no run of 6 or more digits), so that nothing identifying is stored by mistake.
 */
export function labelProblem(label: string): 'required' | 'too_long' | 'identifying' | null {
  const t = label.trim();
  if (t.length === 0) return 'required';
  if ([...t].length > 20) return 'too_long';
  if (/\d{6,}/.test(t.replace(/[\s-]/g, ''))) return 'identifying';
  return null;
}

/** The current month in Asia/Shanghai, `YYYY-MM`. */
export function monthInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}
