/**
 * Read model: facilities, inspections, incident_facts (and credit_levels, its own, joined to them). What credit reads of
 * other libraries' tables: the facilities of a credit code (and their units, for reach), the effective outcomes of their
 * inspections, and the findings of their incidents through `incident_facts`, the view libs/incidents publishes
 * (docs/incidents.md "Layering"). It never writes them.
 */
import type { EntityManager } from 'typeorm';
import { reachPredicate, type Reach } from '@lib/auth';

export async function facilitiesOfCode(m: EntityManager, creditCode: string): Promise<string[]> {
  const rows: { id: string }[] = await m.query('SELECT id FROM facilities WHERE credit_code = $1 ORDER BY created_at, id', [creditCode]);
  return rows.map((r) => r.id);
}

export async function facilitiesOfCodeInReach(m: EntityManager, creditCode: string, reach: Reach): Promise<string[]> {
  const params: unknown[] = [creditCode];
  const predicate = reachPredicate(reach, { unitCode: 'region_code', ownerId: 'owner_id' }, params);
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM facilities WHERE credit_code = $1 AND ${predicate} ORDER BY created_at, id`,
    params,
  );
  return rows.map((r) => r.id);
}

export async function creditCodeOf(m: EntityManager, facilityId: string): Promise<string | null> {
  const [row]: { credit_code: string }[] = await m.query('SELECT credit_code FROM facilities WHERE id = $1', [facilityId]);
  return row?.credit_code ?? null;
}

export async function allCreditCodes(m: EntityManager): Promise<string[]> {
  const rows: { code: string }[] = await m.query('SELECT DISTINCT credit_code AS code FROM facilities ORDER BY 1');
  return rows.map((r) => r.code);
}

/** Effective outcomes (after amendments) of the facilities' inspections since a date (null: all). */
export async function inspectionOutcomes(
  m: EntityManager,
  facilityIds: string[],
  since: string | null,
): Promise<{ outcome: string; on: string }[]> {
  if (facilityIds.length === 0) return [];
  // IDX_inspections_facility_at serves the facility and time range.
  return m.query(
    `SELECT outcome, to_char(inspected_on, 'YYYY-MM-DD') AS on
       FROM inspections WHERE facility_id = ANY($1::uuid[]) AND ($2::date IS NULL OR inspected_on >= $2::date)`,
    [facilityIds, since],
  );
}

/**
 * The facilities' closed incidents with a finding (incident_facts: kind, severity, finding and the day it happened; never
 * the description or the children). An incident counts from the day it happened, as the rules' windows read it.
 */
export async function incidentFindings(
  m: EntityManager,
  facilityIds: string[],
): Promise<{ kind: string; severity: string; finding: string; on: string }[]> {
  if (facilityIds.length === 0) return [];
  return m.query(
    `SELECT kind, severity, finding, to_char(occurred_on, 'YYYY-MM-DD') AS on
       FROM incident_facts WHERE facility_id = ANY($1::uuid[]) AND finding IS NOT NULL`,
    [facilityIds],
  );
}

export interface CreditLevelRow {
  creditCode: string;
  level: 'A' | 'B' | 'C' | 'D';
  reasons: { code: string; level: 'A' | 'B' | 'C' | 'D'; zh: string; en: string }[];
  penalties: number;
  substantiatedComplaints: number;
  substantiatedIncidents: number;
  computedAt: Date;
  facilities: string[];
}

/** Stored levels of credit codes with a facility in reach, worst first, keyset-paginated on (level, code). */
export async function creditLevelsInReach(
  m: EntityManager,
  reach: Reach,
  level: string | null,
  after: [string, string] | null,
  limit: number,
): Promise<CreditLevelRow[]> {
  const params: unknown[] = [];
  const predicate = reachPredicate(reach, { unitCode: 'f.region_code', ownerId: 'f.owner_id' }, params);
  const where: string[] = [];
  if (level) where.push(`c.level = $${params.push(level)}`);
  if (after) where.push(`(c.level, c.credit_code) < ($${params.push(after[0])}, $${params.push(after[1])})`);
  return m.query(
    `SELECT c.credit_code AS "creditCode", c.level, c.reasons, c.penalties, c.substantiated_complaints AS "substantiatedComplaints",
            c.substantiated_incidents AS "substantiatedIncidents", c.computed_at AS "computedAt", r.facilities
       FROM credit_levels c
       JOIN LATERAL (SELECT array_agg(f.id ORDER BY f.created_at, f.id) AS facilities FROM facilities f
                      WHERE f.credit_code = c.credit_code AND ${predicate}) r ON r.facilities IS NOT NULL
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.level DESC, c.credit_code DESC LIMIT $${params.push(limit)}`,
    params,
  );
}
