import { CHECKLISTS } from '../../libs/inspections/src/checklists/index.js';
import { DOMAINS, type Checklist, type ChecklistItem, type Domain } from '../../libs/inspections/src/inspection-rules.types.js';
import { DEFAULT_INSPECTION_CONFIG } from '../../libs/inspections/src/rules/inspection-config.js';
import type { Field } from './copy.js';
import { DAY_MS, iso, officeHours, shanghaiDay } from './dates.js';
import type { Facility } from './facilities.js';
import { Random } from './random.js';

export const INSPECTION_COLUMNS = [
  'id',
  'facility_id',
  'domain',
  'checklist_version',
  'inspected_at',
  'inspected_on',
  'inspector_id',
  'items',
  'summary',
  'original_outcome',
  'original_score',
  'outcome',
  'score',
  'created_at',
];

export const ORDER_COLUMNS = [
  'id',
  'facility_id',
  'inspection_id',
  'domain',
  'item_code',
  'severity',
  'due_on',
  'status',
  'response',
  'verification',
  'resolved_at',
  'created_at',
  'updated_at',
];

/** Inspections go back at most five years (the history). */
const HISTORY_MS = 5 * 365 * DAY_MS;
/** Orders of inspections younger than this may still be open; older ones are almost all resolved. */
const RECENT_MS = 60 * DAY_MS;
const config = DEFAULT_INSPECTION_CONFIG;

/**
 * Every checklist version, with each item's answer pre-rendered. The app reads every
 * item of the checklist from `items` (evaluate() refuses a partial list), so a row stores every answer, in the
 * smallest form the app accepts: `{"code":…,"result":…}` without notes.
 */
interface DomainChecklist {
  domain: Domain;
  version: number;
  effectiveFrom: string;
  items: readonly ChecklistItem[];
  pass: string[];
  fail: string[];
  allPass: string;
  critical: number[];
  other: number[];
}

/** Per domain, its versions oldest first (CHECKLISTS' order). */
const CHECKLISTS_BY_DOMAIN = new Map<Domain, DomainChecklist[]>(
  DOMAINS.map((domain) => [domain, CHECKLISTS.filter((c) => c.domain === domain).map(render)]),
);

function render(c: Checklist): DomainChecklist {
  const answer = (code: string, result: string) => `{"code":"${code}","result":"${result}"}`;
  const pass = c.items.map((i) => answer(i.code, 'pass'));
  const indexes = c.items.map((_, n) => n);
  return {
    domain: c.domain,
    version: c.version,
    effectiveFrom: c.effectiveFrom,
    items: c.items,
    pass,
    fail: c.items.map((i) => answer(i.code, 'fail')),
    allPass: `[${pass.join(',')}]`,
    critical: indexes.filter((n) => c.items[n]!.severity === 'critical'),
    other: indexes.filter((n) => c.items[n]!.severity !== 'critical'),
  };
}

/** The version in force on `day` (as versionInForce in libs/inspections: the first one before any took effect). */
function checklistOn(domain: Domain, day: string): DomainChecklist {
  const versions = CHECKLISTS_BY_DOMAIN.get(domain)!;
  let found = versions[0]!;
  for (const v of versions) if (v.effectiveFrom <= day) found = v;
  return found;
}

/** How many inspections a facility should get, relative to the others: none for drafts, more for risky ones. */
export function inspectionWeight(f: Facility, now: number): number {
  if (f.activeFrom === null) return 0;
  const from = Math.max(f.activeFrom, now - HISTORY_MS);
  const to = f.closedAt ?? now;
  return Math.max(to - from, 10 * DAY_MS) * (1 + 2 * f.risk);
}

interface InspectionBatch {
  inspections: Field[][];
  orders: Field[][];
}

/**
 * `count` inspections of the facility spread evenly over its active years, rotating through the four domains, each
 * with its failed items' rectification orders. Outcomes follow the rules: a failed critical item fails the
 * inspection, any other failed item asks for rectification; the score is 100 less the configured penalties.
 */
export function inspectionRows(f: Facility, count: number, seed: number, now: number, inspectorOf: (d: Domain) => string): InspectionBatch {
  const batch: InspectionBatch = { inspections: [], orders: [] };
  if (count === 0) return batch;
  const rand = new Random(seed, 'inspections', f.index);
  const from = Math.max(f.activeFrom!, now - HISTORY_MS);
  const span = Math.max((f.closedAt ?? now) - from, DAY_MS);
  const first = rand.int(0, 3);
  for (let k = 0; k < count; k++) {
    const at = officeHours(from + ((k + rand.next()) / count) * span, rand.next());
    const day = shanghaiDay(at);
    const checklist = checklistOn(DOMAINS[(first + k) % 4]!, day);
    const failed = failedItems(rand, checklist, f.risk);
    const penalty = failed.reduce((s, n) => s + config.penalties[checklist.items[n]!.severity], 0);
    const outcome = failed.some((n) => checklist.items[n]!.severity === 'critical') ? 'fail' : failed.length ? 'rectify' : 'pass';
    const score = Math.max(0, 100 - penalty);
    const id = rand.uuid();
    const inspector = inspectorOf(checklist.domain);
    const items =
      failed.length === 0 ? checklist.allPass : `[${checklist.pass.map((p, n) => (failed.includes(n) ? checklist.fail[n] : p)).join(',')}]`;
    const summary = failed.length === 0 ? null : `现场检查发现 ${failed.length} 项问题，已下达整改通知`;
    batch.inspections.push([
      id,
      f.id,
      checklist.domain,
      checklist.version,
      iso(at),
      day,
      inspector,
      items,
      summary,
      outcome,
      score,
      outcome,
      score,
      iso(at),
    ]);
    for (const n of failed) batch.orders.push(orderRow(rand, f, id, checklist, n, at, now, inspector));
  }
  return batch;
}

/** Most inspections pass; riskier facilities fail more often. */
function failedItems(rand: Random, c: DomainChecklist, risk: number): number[] {
  const r = rand.next();
  const failChance = 0.015 + 0.045 * risk;
  const rectifyChance = 0.1 + 0.2 * risk;
  if (r >= failChance + rectifyChance) return [];
  const failed = new Set<number>();
  if (r < failChance) failed.add(rand.pick(c.critical));
  const others = r < failChance ? rand.int(0, 2) : rand.int(1, 3);
  for (let i = 0; i < others; i++) failed.add(rand.pick(c.other));
  return [...failed].sort((a, b) => a - b);
}

function orderRow(
  rand: Random,
  f: Facility,
  inspectionId: string,
  c: DomainChecklist,
  n: number,
  at: number,
  now: number,
  inspector: string,
): Field[] {
  const severity = c.items[n]!.severity;
  const due = at + config.dueDays[severity] * DAY_MS;
  const recent = now - at < RECENT_MS;
  const status = recent
    ? rand.weighted([
        ['open', 6],
        ['responded', 3],
        ['resolved', 1],
      ] as const)
    : rand.weighted([
        ['resolved', 97],
        ['open', 2],
        ['responded', 1],
      ] as const);
  const respondedAt = Math.min(now, at + rand.int(1, config.dueDays[severity]) * DAY_MS);
  const resolvedAt = Math.min(now, respondedAt + rand.int(1, 10) * DAY_MS);
  const response = status === 'open' ? null : `{"note":"已按要求整改","at":"${iso(respondedAt)}","by":"${f.ownerId}"}`;
  const verification = status === 'resolved' ? `{"accepted":true,"at":"${iso(resolvedAt)}","by":"${inspector}"}` : null;
  const updated = status === 'resolved' ? resolvedAt : status === 'responded' ? respondedAt : at;
  return [
    rand.uuid(),
    f.id,
    inspectionId,
    c.domain,
    c.items[n]!.code,
    severity,
    shanghaiDay(due),
    status,
    response,
    verification,
    status === 'resolved' ? iso(resolvedAt) : null,
    iso(at),
    iso(updated),
  ];
}
