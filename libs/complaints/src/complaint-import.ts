import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { FieldCipher } from '@lib/core';
import type { AuditService } from '@lib/audit';
import type { OutboxService } from '@lib/events';
import type { ComplaintCategory, ComplaintFinding, ComplaintStatus } from '@lib/standards';
import { newReceiptCode } from './complaint.rules.js';

/** A complaint as it stood on a past day (the demo data): its dates are given, not counted from today. */
export interface ImportedComplaint {
  facility?: { id: string; regionCode: string };
  point?: { lat: number; lng: number; regionCode: string; providerName: string };
  category: ComplaintCategory;
  description: string;
  status: ComplaintStatus;
  agency: string | null;
  finding: ComplaintFinding | null;
  reply: string | null;
  contact: { name?: string; phone: string } | null;
  receivedOn: string;
  acknowledgeDueOn: string;
  closeDueOn: string;
  at: Date;
}

export async function complaintCount(m: EntityManager): Promise<number> {
  const [{ n }]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM complaints');
  return n;
}

/**
 * Writes one complaint with its audit entry and its `complaint.changed` event in the caller's transaction (the worker
 * then computes alerts and credit from the event, as for one taken in through the API). The contact is encrypted.
 */
export async function importComplaint(
  m: EntityManager,
  deps: { cipher: FieldCipher; audit: AuditService; outbox: OutboxService },
  c: ImportedComplaint,
): Promise<string> {
  const id = randomUUID();
  const regionCode = c.facility?.regionCode ?? c.point!.regionCode;
  await m.query(
    `INSERT INTO complaints (id, receipt_code, facility_id, location, provider_name, region_code, category, description, contact_cipher,
                             status, agency, finding, reply, received_on, acknowledge_due_on, close_due_on, created_at, updated_at,
                             investigating_at, closed_at)
     VALUES ($1, $2, $3, CASE WHEN $4::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($5, $4), 4326)::geography END, $6, $7, $8, $9, $10,
             $11, $12, $13, $14, $15, $16, $17, $18, $18, $19, $20)`,
    [
      id,
      newReceiptCode(),
      c.facility?.id ?? null,
      c.point?.lat ?? null,
      c.point?.lng ?? null,
      c.point?.providerName ?? null,
      regionCode,
      c.category,
      c.description,
      c.contact ? deps.cipher.encrypt(JSON.stringify(c.contact)) : null,
      c.status,
      c.agency,
      c.finding,
      c.reply,
      c.receivedOn,
      c.acknowledgeDueOn,
      c.closeDueOn,
      c.at,
      c.status === 'received' ? null : c.at,
      c.status === 'closed' ? c.at : null,
    ],
  );
  await deps.audit.record(m, {
    subjectType: 'complaint',
    subjectId: id,
    actor: { id: null, role: 'system' },
    action: 'complaint.seeded',
    changes: { demo: true, status: c.status },
  });
  await deps.outbox.record(m, {
    type: 'complaint.changed',
    complaintId: id,
    ...(c.facility ? { facilityId: c.facility.id } : {}),
    regionCode,
  });
  return id;
}
