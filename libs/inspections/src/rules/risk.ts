import { addDays, daysBetween, daysInMonth } from '@lib/standards';
import type { Domain, Outcome } from '../inspection-rules.types.js';
import type { InspectionConfig } from './inspection-config.js';

/**
 * The risk score of one facility in one domain (docs/domain.md "Risk score"), explained by plain-language reasons, and
 * whether that domain is due for inspection. The inspection plan lists each facility once per domain; the facility's
 * own factors (compliance, multi-listed staff, documents) count in every domain's score.
 */

export interface RiskInput {
  domain: Domain;
  /** YYYY-MM-DD, Asia/Shanghai. */
  today: string;
  /** The latest inspection of the facility in this domain, with its effective (amended) outcome; null if none. */
  lastInspection: { inspectedOn: string; outcome: Outcome } | null;
  /** Rectification orders of this domain not resolved (`open` or `responded`), overdue ones included. */
  openOrders: number;
  /** Of `openOrders`, those past their due date. */
  overdueOrders: number;
  /** Failed rules of the facility's compliance check against the national standard. */
  complianceFailures: number;
  /** Whether a member of its active staff is also listed at another active facility. */
  multiListed: boolean;
  /** Filing documents expired or expiring within the warning window. */
  expiringDocuments: number;
  /**
   * Incidents of the facility in the last 12 months by severity (those closed as unsubstantiated or no fault left
   * out); from libs/incidents' read model. Absent: none.
   */
  incidents?: { minor: number; serious: number; critical: number };
}

export const RISK_REASON_CODES = [
  'last_fail',
  'last_rectify',
  'never_inspected',
  'cycle_overdue',
  'overdue_orders',
  'open_orders',
  'compliance_failures',
  'multi_listed',
  'expiring_documents',
  'recent_incidents',
  'within_cycle',
] as const;
export type RiskReasonCode = (typeof RISK_REASON_CODES)[number];

export interface RiskReason {
  code: RiskReasonCode;
  points: number;
  /** zh-CN. */
  text: string;
  textEn: string;
}

export interface RiskScore {
  /** Sum of the reasons' points, capped at 100. */
  score: number;
  /** Every factor that added points, most points first, and at least one reason (the inspection's timing). */
  reasons: RiskReason[];
}

/** How the domains are named in plain language. */
export const DOMAIN_LABELS: Readonly<Record<Domain, { zh: string; en: string }>> = {
  fire: { zh: '消防', en: 'fire' },
  food: { zh: '食品', en: 'food' },
  building: { zh: '房屋安全', en: 'building safety' },
  hygiene: { zh: '卫生保健', en: 'hygiene' },
};

const MAX_SCORE = 100;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function riskScore(input: RiskInput, config: InspectionConfig): RiskScore {
  const w = config.riskWeights;
  const label = DOMAIN_LABELS[input.domain];
  const reasons: RiskReason[] = [];
  const add = (code: RiskReasonCode, points: number, text: string, textEn: string) => {
    if (points > 0) reasons.push({ code, points, text, textEn });
  };

  const last = input.lastInspection;
  if (!last) {
    // Always given (with 0 points if so configured): every plan item says why it is where it is.
    reasons.push({
      code: 'never_inspected',
      points: Math.max(0, w.neverInspected),
      text: `从未进行${label.zh}检查`,
      textEn: `Never inspected for ${label.en}`,
    });
  } else {
    if (last.outcome === 'fail') {
      add(
        'last_fail',
        w.lastFail,
        `上次${label.zh}检查不合格（${last.inspectedOn}）`,
        `Last ${label.en} inspection failed (${last.inspectedOn})`,
      );
    } else if (last.outcome === 'rectify') {
      add(
        'last_rectify',
        w.lastRectify,
        `上次${label.zh}检查需整改（${last.inspectedOn}）`,
        `Last ${label.en} inspection required rectification (${last.inspectedOn})`,
      );
    }
    const cycle = config.cycleMonths.normal;
    const dueDate = addMonths(last.inspectedOn, cycle);
    const monthsToCap = w.monthOverdue > 0 ? Math.ceil(w.monthOverdueCap / w.monthOverdue) : 0;
    if (input.today > dueDate) {
      const days = daysBetween(dueDate, input.today);
      add(
        'cycle_overdue',
        Math.min(w.monthOverdueCap, w.monthOverdue * monthsBegun(dueDate, input.today, monthsToCap)),
        `超过${cycle}个月未进行${label.zh}检查（上次 ${last.inspectedOn}，逾期 ${days} 天）`,
        `No ${label.en} inspection for over ${cycle} months (last ${last.inspectedOn}, ${plural(days, 'day', 'days')} overdue)`,
      );
    }
  }

  const overdue = Math.max(0, input.overdueOrders);
  const stillOpen = Math.max(0, input.openOrders - overdue);
  add(
    'overdue_orders',
    w.overdueOrder * overdue,
    `${overdue} 项整改逾期`,
    `${plural(overdue, 'rectification order', 'rectification orders')} overdue`,
  );
  add(
    'open_orders',
    w.openOrder * stillOpen,
    `${stillOpen} 项整改尚未完成`,
    `${plural(stillOpen, 'rectification order', 'rectification orders')} open`,
  );

  const failures = Math.max(0, input.complianceFailures);
  add(
    'compliance_failures',
    w.complianceFailure * failures,
    `${failures} 项不符合国家标准`,
    `${plural(failures, 'breach', 'breaches')} of the national standard`,
  );
  if (input.multiListed) {
    add('multi_listed', w.multiListed, '有工作人员同时在其他机构任职', 'A member of staff is also listed at another facility');
  }
  const documents = Math.max(0, input.expiringDocuments);
  add(
    'expiring_documents',
    w.expiringDocument * documents,
    `${documents} 份备案材料即将到期或已过期`,
    `${plural(documents, 'filing document', 'filing documents')} expiring or expired`,
  );

  const inc = input.incidents ?? { minor: 0, serious: 0, critical: 0 };
  const incidentCount = inc.minor + inc.serious + inc.critical;
  if (incidentCount > 0) {
    const parts = (['critical', 'serious', 'minor'] as const).filter((s) => inc[s] > 0);
    const zh = { critical: '严重', serious: '较重', minor: '一般' };
    add(
      'recent_incidents',
      Math.min(w.incidentCap, w.incidentMinor * inc.minor + w.incidentSerious * inc.serious + w.incidentCritical * inc.critical),
      `近 12 个月发生 ${incidentCount} 起突发事件（${parts.map((s) => `${zh[s]} ${inc[s]}`).join('、')}）`,
      `${plural(incidentCount, 'incident', 'incidents')} in the last 12 months (${parts.map((s) => `${inc[s]} ${s}`).join(', ')})`,
    );
  }

  if (reasons.length === 0 && last) {
    // Nothing adds points: the plan item still says why it is where it is (issue #13: never `reasons: []`).
    const cycle = config.cycleMonths.normal;
    reasons.push({
      code: 'within_cycle',
      points: 0,
      text: `上次${label.zh}检查 ${last.inspectedOn}，在${cycle}个月周期内，无其他风险因素`,
      textEn: `Last inspected for ${label.en} on ${last.inspectedOn}, within the ${cycle}-month cycle; no other risk factor`,
    });
  }
  reasons.sort((a, b) => b.points - a.points); // stable: equal points keep the order above
  return {
    score: Math.min(
      MAX_SCORE,
      reasons.reduce((sum, r) => sum + r.points, 0),
    ),
    reasons,
  };
}

/** Whether the score makes the facility high-risk in that domain (inspected on the `highRisk` cycle). */
export function isHighRisk(score: number, config: InspectionConfig): boolean {
  return score >= config.highRiskScore;
}

/**
 * The date from which the domain is due again: the last inspection + the cycle (quarterly when high-risk, else
 * yearly by default); null when never inspected (due now).
 */
export function nextInspectionOn(lastInspectedOn: string | null, highRisk: boolean, config: InspectionConfig): string | null {
  if (lastInspectedOn === null) return null;
  return addMonths(lastInspectedOn, highRisk ? config.cycleMonths.highRisk : config.cycleMonths.normal);
}

/** Whether the domain is due for inspection: never inspected, or its cycle has run out (on or after the next date). */
export function inspectionDue(lastInspectedOn: string | null, today: string, highRisk: boolean, config: InspectionConfig): boolean {
  const next = nextInspectionOn(lastInspectedOn, highRisk, config);
  return next === null || today >= next;
}

/** `date` plus `months` calendar months; a day the month lacks falls back to its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  addDays(date, 0); // validates YYYY-MM-DD
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Months begun after `from` up to `to` (1 for the first day after `from` to one month later), counting at most `limit`. */
function monthsBegun(from: string, to: string, limit: number): number {
  let n = 0;
  while (n < limit && addMonths(from, n) < to) n++;
  return n;
}
