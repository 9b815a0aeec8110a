import type { CreditLevel } from '@lib/standards';

/**
 * Credit levels (诚信等级) per operator, by rules as data (docs/api.md "Penalties (行政处罚) and credit (信用)"). The facts are everything
 * recorded about the operator's facilities; a rule applies when at least `atLeast` facts of its kind match `where`
 * within the last `withinMonths` months (null: at any time). The level is the worst that applies; A when none does.
 */
export type CreditFact =
  | { fact: 'penalty'; kind: string; on: string }
  | { fact: 'complaint'; category: string; finding: string; on: string }
  | { fact: 'incident'; kind: string; severity: string; finding: string; on: string }
  | { fact: 'inspection'; outcome: string; on: string };

export interface CreditRule {
  code: string;
  level: Exclude<CreditLevel, 'A'>;
  fact: CreditFact['fact'];
  /** Attribute → accepted values; every attribute named must match. */
  where: Record<string, readonly string[]>;
  withinMonths: number | null;
  atLeast: number;
  reason: { zh: string; en: string };
}

/** The defaults of docs/api.md "Penalties (行政处罚) and credit (信用)"; the list is configuration (CREDIT_RULES, JSON of the same shape). */
export const DEFAULT_CREDIT_RULES: readonly CreditRule[] = [
  {
    code: 'revocation',
    level: 'D',
    fact: 'penalty',
    where: { kind: ['revocation'] },
    withinMonths: null,
    atLeast: 1,
    reason: { zh: '曾被吊销许可或撤销备案', en: 'A licence or filing was revoked' },
  },
  {
    code: 'abuse_substantiated',
    level: 'D',
    fact: 'incident',
    where: { kind: ['abuse_allegation'], finding: ['substantiated'] },
    withinMonths: null,
    atLeast: 1,
    reason: { zh: '虐待儿童的指控经查属实', en: 'An abuse allegation was substantiated' },
  },
  {
    code: 'two_fines',
    level: 'D',
    fact: 'penalty',
    where: { kind: ['fine'] },
    withinMonths: 24,
    atLeast: 2,
    reason: { zh: '24 个月内被罚款 2 次及以上', en: 'Two or more fines within 24 months' },
  },
  {
    code: 'fine',
    level: 'C',
    fact: 'penalty',
    where: { kind: ['fine'] },
    withinMonths: 12,
    atLeast: 1,
    reason: { zh: '12 个月内被罚款', en: 'A fine within 12 months' },
  },
  {
    code: 'serious_incident',
    level: 'C',
    fact: 'incident',
    where: { severity: ['serious', 'critical'], finding: ['substantiated'] },
    withinMonths: 12,
    atLeast: 1,
    reason: { zh: '12 个月内发生经查属实的严重突发事件', en: 'A substantiated serious incident within 12 months' },
  },
  {
    code: 'failed_inspection',
    level: 'C',
    fact: 'inspection',
    where: { outcome: ['fail'] },
    withinMonths: 12,
    atLeast: 1,
    reason: { zh: '12 个月内检查结果为不合格', en: 'A failed inspection within 12 months' },
  },
  {
    code: 'rectify_inspection',
    level: 'B',
    fact: 'inspection',
    where: { outcome: ['rectify'] },
    withinMonths: 12,
    atLeast: 1,
    reason: { zh: '12 个月内检查被责令整改', en: 'An inspection ordered rectification within 12 months' },
  },
  {
    code: 'substantiated_complaint',
    level: 'B',
    fact: 'complaint',
    where: { finding: ['substantiated'] },
    withinMonths: 12,
    atLeast: 1,
    reason: { zh: '12 个月内有投诉经查属实', en: 'A substantiated complaint within 12 months' },
  },
];

const ORDER: CreditLevel[] = ['A', 'B', 'C', 'D'];

export interface CreditOutcome {
  level: CreditLevel;
  reasons: { code: string; level: CreditLevel; zh: string; en: string }[];
}

export function creditLevel(
  facts: readonly CreditFact[],
  today: string,
  rules: readonly CreditRule[] = DEFAULT_CREDIT_RULES,
): CreditOutcome {
  const applied = rules.filter((rule) => {
    const since = rule.withinMonths === null ? null : monthsBefore(today, rule.withinMonths);
    const n = facts.filter(
      (f) =>
        f.fact === rule.fact &&
        (since === null || f.on >= since) &&
        f.on <= today &&
        Object.entries(rule.where).every(([k, values]) => values.includes(String((f as Record<string, unknown>)[k]))),
    ).length;
    return n >= rule.atLeast;
  });
  const sorted = [...applied].sort((a, b) => ORDER.indexOf(b.level) - ORDER.indexOf(a.level));
  return {
    level: sorted[0]?.level ?? 'A',
    reasons: sorted.map((r) => ({ code: r.code, level: r.level, zh: r.reason.zh, en: r.reason.en })),
  };
}

/** The same day `months` months earlier (the 31st falls back to the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The longest window any rule looks back over (null rules: everything), for reading only the facts that matter. */
export function lookback(today: string, rules: readonly CreditRule[] = DEFAULT_CREDIT_RULES): string | null {
  if (rules.some((r) => r.withinMonths === null)) return null;
  return monthsBefore(today, Math.max(...rules.map((r) => r.withinMonths ?? 0)));
}

/** Public facility pages show penalties of the last 3 years. */
export const PUBLIC_PENALTY_YEARS = 3;
export const publicSince = (today: string) => monthsBefore(today, PUBLIC_PENALTY_YEARS * 12);
