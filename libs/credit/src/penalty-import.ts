import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '@lib/audit';
import type { OutboxService } from '@lib/events';
import type { PenaltyKind } from '@lib/standards';

/** A penalty decided on a past day (the demo data), recorded as the API records one. */
export interface ImportedPenalty {
  facility: { id: string; creditCode: string };
  agency: string;
  kind: PenaltyKind;
  amountYuan: number | null;
  decisionNo: string;
  decidedOn: string;
  legalBasis: string;
  recordedBy: string | null;
}

/** Writes one penalty with its audit entry and its `penalty.changed` event (the worker recomputes the credit level). */
export async function importPenalty(
  m: EntityManager,
  deps: { audit: AuditService; outbox: OutboxService },
  p: ImportedPenalty,
): Promise<string> {
  const id = randomUUID();
  await m.query(
    `INSERT INTO penalties (id, facility_id, credit_code, agency, kind, amount_yuan, decision_no, decided_on, legal_basis, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, p.facility.id, p.facility.creditCode, p.agency, p.kind, p.amountYuan, p.decisionNo, p.decidedOn, p.legalBasis, p.recordedBy],
  );
  await deps.audit.record(m, {
    subjectType: 'facility',
    subjectId: p.facility.id,
    actor: { id: p.recordedBy, role: 'regulator' },
    action: 'penalty.recorded',
    changes: { penaltyId: id, kind: p.kind, demo: true },
  });
  await deps.outbox.record(m, { type: 'penalty.changed', facilityId: p.facility.id, penaltyId: id });
  return id;
}
