import { addDays } from '@lib/standards';
import type { Checklist, ItemAnswer, Outcome, Severity } from '../inspection-rules.types.js';
import type { InspectionConfig } from './inspection-config.js';

/**
 * How an inspection's answers become its outcome, score and rectification orders (docs/domain.md "Inspection
 * checklists", docs/api.md "Inspections and rectification orders"). Pure: the service stores what these return.
 */

export interface AnswerProblems {
  /** Codes of the checklist with no answer, in checklist order. */
  missing: string[];
  /** Answered codes that are not on the checklist, each once, in the order given. */
  unknown: string[];
  /** Codes answered more than once, each once, in the order given. */
  duplicate: string[];
}

export interface FailedItem {
  code: string;
  severity: Severity;
}

export interface Evaluation {
  outcome: Outcome;
  /** 100 less the penalties of the failed items, never below 0. */
  score: number;
  /** The failed items, in checklist order: one rectification order each. */
  failed: FailedItem[];
}

/** Whether `validateAnswers` (or `validateCorrections`) found nothing wrong. */
export function answersValid(problems: Partial<AnswerProblems>): boolean {
  return !problems.missing?.length && !problems.unknown?.length && !problems.duplicate?.length;
}

/** Every item of the checklist answered exactly once: lists what is missing, unknown and repeated. */
export function validateAnswers(checklist: Checklist, answers: readonly ItemAnswer[]): AnswerProblems {
  const answered = new Set(answers.map((a) => a.code));
  const missing = checklist.items.map((i) => i.code).filter((code) => !answered.has(code));
  return { missing, ...validateCorrections(checklist, answers) };
}

/** An amendment's corrected items: each on the checklist and named once (it need not name every item). */
export function validateCorrections(checklist: Checklist, corrections: readonly ItemAnswer[]): Omit<AnswerProblems, 'missing'> {
  const known = new Set(checklist.items.map((i) => i.code));
  const seen = new Set<string>();
  const unknown = new Set<string>();
  const duplicate = new Set<string>();
  for (const { code } of corrections) {
    if (!known.has(code)) unknown.add(code);
    if (seen.has(code)) duplicate.add(code);
    seen.add(code);
  }
  return { unknown: [...unknown], duplicate: [...duplicate] };
}

/**
 * The outcome and score of a complete set of answers: `fail` if any critical item fails, `rectify` if any other item
 * fails, else `pass`; the score is 100 less the configured penalty per failed item, not below 0. An item answered
 * `na` neither passes nor fails. The severity is the checklist's, never the caller's. Throws RangeError when the
 * answers are not valid for the checklist (validate first and answer 400).
 */
export function evaluate(checklist: Checklist, answers: readonly ItemAnswer[], config: InspectionConfig): Evaluation {
  const problems = validateAnswers(checklist, answers);
  if (!answersValid(problems)) {
    throw new RangeError(`answers do not fit the ${checklist.domain} checklist v${checklist.version}: ${JSON.stringify(problems)}`);
  }
  const results = new Map(answers.map((a) => [a.code, a.result]));
  const failed = checklist.items.filter((i) => results.get(i.code) === 'fail').map(({ code, severity }) => ({ code, severity }));
  const penalty = failed.reduce((sum, f) => sum + config.penalties[f.severity], 0);
  const outcome: Outcome = failed.some((f) => f.severity === 'critical') ? 'fail' : failed.length > 0 ? 'rectify' : 'pass';
  return { outcome, score: Math.max(0, 100 - penalty), failed };
}

/**
 * The effective answers of an amended inspection: the original answers with each amendment's corrected items
 * applied in order, so a later amendment overrides an earlier one item by item. A corrected answer replaces the whole
 * answer (its note too). Original order is kept; a corrected code absent from the original is appended.
 */
export function applyAmendments(original: readonly ItemAnswer[], amendments: readonly { items: readonly ItemAnswer[] }[]): ItemAnswer[] {
  const effective = new Map(original.map((a) => [a.code, a]));
  for (const amendment of amendments) for (const item of amendment.items) effective.set(item.code, item);
  return [...effective.values()].map((a) => ({ ...a }));
}

/**
 * What an amendment does to the inspection's rectification orders, comparing the failed items of the effective
 * answers before and after it: items that now fail and did not get an order (`open`), and items that no longer fail
 * (now `pass` or `na`) whose orders are resolved (`resolve`). Items failing before and after keep their order.
 */
export function amendmentOrderChanges(
  before: readonly FailedItem[],
  after: readonly FailedItem[],
): { open: FailedItem[]; resolve: string[] } {
  const wasFailing = new Set(before.map((f) => f.code));
  const nowFailing = new Set(after.map((f) => f.code));
  return {
    open: after.filter((f) => !wasFailing.has(f.code)),
    resolve: before.filter((f) => !nowFailing.has(f.code)).map((f) => f.code),
  };
}

/** The due date of an order for a failed item: the inspection's date (YYYY-MM-DD, Asia/Shanghai) + the severity's days. */
export function dueOn(inspectedOn: string, severity: Severity, config: InspectionConfig): string {
  return addDays(inspectedOn, config.dueDays[severity]);
}

/**
 * The new due date of an order reopened (verification not accepted) or opened by an amendment: today + the
 * severity's days, as if the item had failed today.
 */
export function reopenDueOn(today: string, severity: Severity, config: InspectionConfig): string {
  return addDays(today, config.dueDays[severity]);
}
