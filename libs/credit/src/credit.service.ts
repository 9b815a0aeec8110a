import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { reachOf, type Actor } from '@lib/auth';
import { isValidCreditCode, todayInShanghai, type CreditLevel } from '@lib/standards';
import { FacilityService, type FacilityView } from '@lib/facilities';
import { ChangeFilingService, FilingService, type ChangeFilingView, type CreateChangeFilingDto } from '@lib/filing';
import { ComplaintService } from '@lib/complaints';
import { CreditLevelEntity, PenaltyEntity } from './penalty.entity.js';
import { alreadyRevoked, creditBarred, creditNotFound, invalidPenalty, penaltyNotFound, wrongAgency } from './credit.errors.js';
import { creditLevel, DEFAULT_CREDIT_RULES, lookback, publicSince, type CreditFact, type CreditRule } from './credit.rules.js';
import {
  allCreditCodes,
  creditCodeOf,
  creditLevelsInReach,
  facilitiesOfCode,
  facilitiesOfCodeInReach,
  incidentFindings,
  inspectionOutcomes,
} from './credit-facts.js';
import type { CreatePenaltyDto, CreditListQuery, CreditView, PenaltyView, PublicCreditView } from './dto/credit.dto.js';

type Lang = 'zh' | 'en';

@Injectable()
export class CreditService {
  private readonly rules: readonly CreditRule[] = DEFAULT_CREDIT_RULES;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facilities: FacilityService,
    private readonly filing: FilingService,
    private readonly changes: ChangeFilingService,
    private readonly complaints: ComplaintService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** A regulator in reach records a penalty of its agency against a facility. */
  async recordPenalty(actor: Actor, facilityId: string, dto: CreatePenaltyDto): Promise<PenaltyView> {
    if (dto.kind === 'fine' && dto.amountYuan === undefined) {
      throw invalidPenalty('amountYuan', '罚款须填写金额', 'A fine needs amountYuan');
    }
    if (dto.kind !== 'fine' && dto.amountYuan !== undefined) {
      throw invalidPenalty('amountYuan', '只有罚款填写金额', 'Only a fine has an amount');
    }
    if (dto.decidedOn > todayInShanghai()) throw invalidPenalty('decidedOn', '决定日期不能晚于今天', 'decidedOn cannot be in the future');
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const f = await this.facilities.inReach(m, reachOf(actor), facilityId, true);
      await m.insert(PenaltyEntity, {
        id,
        facilityId,
        creditCode: f.creditCode,
        agency: actor.agency ?? 'health',
        kind: dto.kind,
        amountYuan: dto.amountYuan ?? null,
        decisionNo: dto.decisionNo,
        decidedOn: dto.decidedOn,
        legalBasis: dto.legalBasis,
        note: dto.note ?? null,
        recordedBy: actor.id,
      } as never);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'penalty.recorded',
        changes: {
          penaltyId: id,
          kind: dto.kind,
          ...(dto.amountYuan !== undefined ? { amountYuan: dto.amountYuan } : {}),
          decisionNo: dto.decisionNo,
          decidedOn: dto.decidedOn,
          legalBasis: dto.legalBasis,
        },
      });
      await this.outbox.record(m, { type: 'penalty.changed', facilityId, penaltyId: id });
    });
    return this.penalty(id);
  }

  async penalties(actor: Actor, facilityId: string): Promise<PenaltyView[]> {
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), facilityId);
    const rows = await this.dataSource
      .getRepository(PenaltyEntity)
      .find({ where: { facilityId }, order: { decidedOn: 'DESC', createdAt: 'DESC' } });
    return rows.map(penaltyView);
  }

  /** A revocation on appeal: recorded once, by the agency that decided it; the penalty itself stays. */
  async revoke(actor: Actor, penaltyId: string, reason: string): Promise<PenaltyView> {
    await this.dataSource.transaction(async (m) => {
      const p = await m.getRepository(PenaltyEntity).findOne({ where: { id: penaltyId }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw penaltyNotFound();
      await this.facilities.inReach(m, reachOf(actor), p.facilityId).catch(() => {
        throw penaltyNotFound();
      });
      if (actor.role === 'regulator' && actor.agency !== p.agency) throw wrongAgency();
      if (p.revokedAt) throw alreadyRevoked();
      await m.update(PenaltyEntity, { id: penaltyId }, { revokedAt: new Date(), revocationReason: reason, revokedBy: actor.id });
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: p.facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'penalty.revoked',
        changes: { penaltyId, kind: p.kind, decisionNo: p.decisionNo, reason },
      });
      await this.outbox.record(m, { type: 'penalty.changed', facilityId: p.facilityId, penaltyId });
    });
    return this.penalty(penaltyId);
  }

  /** Regulators: the level of an operator by credit code, with the facilities of it in reach. */
  async get(actor: Actor, creditCode: string, lang: Lang): Promise<CreditView> {
    if (!isValidCreditCode(creditCode)) throw creditNotFound();
    const facilities = await facilitiesOfCodeInReach(this.dataSource.manager, creditCode, reachOf(actor));
    if (facilities.length === 0) throw creditNotFound();
    const row = await this.dataSource.getRepository(CreditLevelEntity).findOneBy({ creditCode });
    return creditView(creditCode, row, facilities, lang);
  }

  /** Regulators: operators with a facility in reach, worst level first. */
  async list(actor: Actor, query: CreditListQuery, lang: Lang): Promise<Page<CreditView>> {
    const after = decodeCursor(query.cursor, (v): v is [string, string] => Array.isArray(v) && v.length === 2);
    const rows = await creditLevelsInReach(this.dataSource.manager, reachOf(actor), query.level ?? null, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => creditView(r.creditCode, r, r.facilities, lang)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.level, last.creditCode]) : null,
    };
  }

  /** The public page's credit: the operator's level and its penalties of the last 3 years, revoked ones left out. */
  async publicCredit(facilityId: string, creditCode: string, m: EntityManager = this.dataSource.manager): Promise<PublicCreditView> {
    const [row, penalties] = await Promise.all([
      m.getRepository(CreditLevelEntity).findOneBy({ creditCode }),
      m.query(
        `SELECT kind, to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn", legal_basis AS "legalBasis"
           FROM penalties WHERE facility_id = $1 AND revoked_at IS NULL AND decided_on >= $2 ORDER BY decided_on DESC, created_at DESC`,
        [facilityId, publicSince(todayInShanghai())],
      ) as Promise<PublicCreditView['penalties']>,
    ]);
    return { level: row?.level ?? 'A', penalties };
  }

  /** 422 credit_barred (naming `field`) when the credit code is at level D. */
  async assertNotBarred(m: EntityManager, creditCode: string, field = 'creditCode'): Promise<void> {
    const row = await m.getRepository(CreditLevelEntity).findOneBy({ creditCode });
    if (row?.level === 'D') throw creditBarred(creditCode, field);
  }

  /**
   * A change filing (issue #13) that hands a facility to another credit code, refused when that code is at level D
   * (422 credit_barred on `facility.creditCode`): a barred operator cannot take over a registered facility either. Then
   * the change filing rules (libs/filing).
   */
  async fileChange(actor: Actor, facilityId: string, dto: CreateChangeFilingDto): Promise<ChangeFilingView> {
    const next = dto.facility?.creditCode;
    if (next) {
      const f = await this.facilities.inReach(this.dataSource.manager, reachOf(actor), facilityId);
      if (next !== f.creditCode) await this.assertNotBarred(this.dataSource.manager, next, 'facility.creditCode');
    }
    return this.changes.create(actor, facilityId, dto);
  }

  /** Submitting a facility for filing, refused for an operator at level D (then the filing rules, libs/filing). */
  async submit(actor: Actor, facilityId: string): Promise<FacilityView> {
    const f = await this.facilities.inReach(this.dataSource.manager, reachOf(actor), facilityId);
    // A draft without its credit code yet is refused by the filing rules (profile_complete).
    if (f.status === 'draft' && f.creditCode) await this.assertNotBarred(this.dataSource.manager, f.creditCode);
    return this.filing.submit(actor, facilityId);
  }

  /** Worker: the levels of the facility's credit code and of any code it was counted under before. */
  async recomputeForFacility(m: EntityManager, facilityId: string): Promise<void> {
    const current = await creditCodeOf(m, facilityId);
    const before: { credit_code: string }[] = await m.query('SELECT credit_code FROM credit_levels WHERE $1 = ANY(facility_ids)', [
      facilityId,
    ]);
    const codes = new Set([...(current ? [current] : []), ...before.map((r) => r.credit_code)]);
    for (const code of codes) await this.recompute(m, code);
  }

  async recomputeAll(m: EntityManager): Promise<number> {
    const stored: { credit_code: string }[] = await m.query('SELECT credit_code FROM credit_levels');
    const codes = new Set([...(await allCreditCodes(m)), ...stored.map((r) => r.credit_code)]);
    for (const code of codes) await this.recompute(m, code);
    return codes.size;
  }

  /** Recomputes one credit code's level from the facts (idempotent: an upsert of what the facts say). */
  async recompute(m: EntityManager, creditCode: string, today = todayInShanghai()): Promise<CreditLevel> {
    const facilityIds = await facilitiesOfCode(m, creditCode);
    const since = lookback(today, this.rules);
    const penalties: { kind: string; on: string }[] = await m.query(
      `SELECT kind, to_char(decided_on, 'YYYY-MM-DD') AS on FROM penalties WHERE credit_code = $1 AND revoked_at IS NULL`,
      [creditCode],
    );
    const complaints = await this.complaints.findingsFor(m, facilityIds, '1900-01-01');
    const inspections = await inspectionOutcomes(m, facilityIds, since);
    const incidents = await incidentFindings(m, facilityIds);
    const facts: CreditFact[] = [
      ...penalties.map((p) => ({ fact: 'penalty' as const, kind: p.kind, on: p.on })),
      ...complaints.map((c) => ({ fact: 'complaint' as const, category: c.category, finding: c.finding, on: c.closedOn })),
      ...inspections.map((i) => ({ fact: 'inspection' as const, outcome: i.outcome, on: i.on })),
      ...incidents.map((i) => ({ fact: 'incident' as const, kind: i.kind, severity: i.severity, finding: i.finding, on: i.on })),
    ];
    const outcome = creditLevel(facts, today, this.rules);
    await m.query(
      `INSERT INTO credit_levels (credit_code, level, reasons, facility_ids, penalties, substantiated_complaints, substantiated_incidents, computed_at)
       VALUES ($1, $2, $3::jsonb, $4::uuid[], $5, $6, $7, now())
       ON CONFLICT (credit_code) DO UPDATE SET level = EXCLUDED.level, reasons = EXCLUDED.reasons, facility_ids = EXCLUDED.facility_ids,
         penalties = EXCLUDED.penalties, substantiated_complaints = EXCLUDED.substantiated_complaints,
         substantiated_incidents = EXCLUDED.substantiated_incidents, computed_at = EXCLUDED.computed_at`,
      [
        creditCode,
        outcome.level,
        JSON.stringify(outcome.reasons),
        facilityIds,
        penalties.length,
        complaints.filter((c) => c.finding === 'substantiated').length,
        incidents.filter((i) => i.finding === 'substantiated').length,
      ],
    );
    return outcome.level;
  }

  private async penalty(id: string): Promise<PenaltyView> {
    const p = await this.dataSource.getRepository(PenaltyEntity).findOneByOrFail({ id });
    return penaltyView(p);
  }
}

function penaltyView(p: PenaltyEntity): PenaltyView {
  return {
    id: p.id,
    facilityId: p.facilityId,
    creditCode: p.creditCode,
    agency: p.agency,
    kind: p.kind,
    amountYuan: p.amountYuan,
    decisionNo: p.decisionNo,
    decidedOn: p.decidedOn,
    legalBasis: p.legalBasis,
    note: p.note,
    createdAt: p.createdAt.toISOString(),
    revoked: p.revokedAt !== null,
    revokedAt: p.revokedAt ? p.revokedAt.toISOString() : null,
    revocationReason: p.revocationReason,
  };
}

function creditView(
  creditCode: string,
  row: Pick<
    CreditLevelEntity,
    'level' | 'reasons' | 'penalties' | 'substantiatedComplaints' | 'substantiatedIncidents' | 'computedAt'
  > | null,
  facilities: string[],
  lang: Lang,
): CreditView {
  return {
    creditCode,
    level: row?.level ?? 'A',
    reasons: (row?.reasons ?? []).map((r) => r[lang]),
    facilities,
    penalties: row?.penalties ?? 0,
    substantiatedComplaints: row?.substantiatedComplaints ?? 0,
    substantiatedIncidents: row?.substantiatedIncidents ?? 0,
    computedAt: row?.computedAt ? new Date(row.computedAt).toISOString() : null,
  };
}
