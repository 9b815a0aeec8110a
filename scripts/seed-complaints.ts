import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FieldCipher } from '@lib/core';
import type { AuditService } from '@lib/audit';
import type { OutboxService } from '@lib/events';
import { addDays, todayInShanghai } from '@lib/standards';

/**
 * Demo complaints, reports, penalties (issue #16), once: complaints in every state (some overdue), two groups of
 * reports of an unregistered provider (4 in Nanguan, 3 in Chaoyang, each within 100 m) and a lone one, and penalties
 * that put operators at each credit level (D: a revocation; C: a fine; B: a substantiated complaint; A: the rest).
 * Every row records its domain event, so the worker computes the credit levels and the alerts when it starts.
 */
export async function seedComplaintsAndCredit(
  ds: DataSource,
  keys: { encryptionKey: Buffer; indexKey: Buffer },
  audit: AuditService,
  outbox: OutboxService,
): Promise<void> {
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM complaints');
  if (n > 0) return;
  const cipher = new FieldCipher(keys.encryptionKey, keys.indexKey);
  const today = todayInShanghai();
  const facilities: { id: string; region_code: string; credit_code: string }[] = await ds.query(
    `SELECT DISTINCT ON (region_code) id, region_code, credit_code FROM facilities WHERE status = 'registered' ORDER BY region_code, id`,
  );
  if (facilities.length < 6) return;
  const regulators: { id: string; agency: string }[] = await ds.query(
    "SELECT id, agency FROM users WHERE role = 'regulator' AND region_code = '220100'",
  );
  const health = regulators.find((r) => r.agency === 'health')?.id ?? null;
  const receipt = () => Array.from({ length: 12 }, () => '23456789ABCDEFGHJKMNPQRSTVWXYZ'[randomInt(30)]).join('');
  /** Working days are counted by the complaints library at intake; the demo's dates are set to show each state. */
  const complaints: {
    facility?: { id: string; region_code: string };
    point?: { lat: number; lng: number; region: string; name: string };
    category: string;
    description: string;
    status: 'received' | 'investigating' | 'closed';
    agency?: string;
    finding?: string;
    reply?: string;
    daysAgo: number;
    phone?: string;
  }[] = [
    {
      facility: facilities[0],
      category: 'hygiene',
      description: '午餐后餐具没有消毒，教室地面很脏。',
      status: 'received',
      daysAgo: 0,
      phone: '13900000001',
    },
    {
      facility: facilities[1],
      category: 'fees',
      description: '额外收取兴趣班费用，没有公示。',
      status: 'received',
      daysAgo: 6,
      phone: '13900000002',
    },
    {
      facility: facilities[2],
      category: 'safety',
      description: '二楼窗户没有防护栏，孩子能爬上窗台。',
      status: 'investigating',
      agency: 'housing',
      daysAgo: 3,
    },
    {
      facility: facilities[3],
      category: 'food',
      description: '孩子午饭后多人腹泻，怀疑食物不新鲜。',
      status: 'investigating',
      agency: 'market',
      daysAgo: 30,
      phone: '13900000004',
    },
    {
      facility: facilities[4],
      category: 'staff',
      description: '老师对孩子大声呵斥，态度粗暴。',
      status: 'closed',
      finding: 'substantiated',
      reply: '经核查情况属实，已约谈机构负责人并责令整改。',
      daysAgo: 40,
    },
    {
      facility: facilities[5],
      category: 'other',
      description: '接送时间经常临时变动，没有提前通知。',
      status: 'closed',
      finding: 'unsubstantiated',
      reply: '经核查，机构已按公示时间接送，情况不属实。',
      daysAgo: 20,
    },
    {
      facility: facilities[0],
      category: 'fees',
      description: '退托后押金迟迟不退，多次催问无果。',
      status: 'closed',
      finding: 'withdrawn',
      reply: '投诉人告知押金已退还，撤回投诉。',
      daysAgo: 12,
      phone: '13900000007',
    },
  ];
  // Two groups of reports of an unregistered provider, and a lone report.
  const south = (lat: number, m: number) => lat - m / 111_320;
  for (const [i, m] of [0, 30, 60, 85].entries())
    complaints.push({
      point: { lat: south(43.855, m), lng: 125.335, region: '220102', name: '幸福小区 3 栋家庭看护' },
      category: 'unregistered',
      description: `住宅楼内有人无证看护多名幼儿（第 ${i + 1} 位举报人）。`,
      status: 'received',
      daysAgo: i,
      ...(i === 0 ? { phone: '13900000011' } : {}),
    });
  for (const [i, m] of [0, 40, 70].entries())
    complaints.push({
      point: { lat: south(43.88, m), lng: 125.3, region: '220104', name: '朝阳早教托管班' },
      category: 'unregistered',
      description: `商铺二楼无证开办全日托（第 ${i + 1} 位举报人）。`,
      status: i === 2 ? 'investigating' : 'received',
      agency: i === 2 ? 'market' : undefined,
      daysAgo: 2 + i,
    });
  complaints.push({
    point: { lat: 43.9092, lng: 125.3238, region: '220103', name: '某小区地下室看护点' },
    category: 'unregistered',
    description: '地下室里看护孩子，通风很差。',
    status: 'received',
    daysAgo: 1,
  });

  for (const c of complaints) {
    const id = randomUUID();
    const receivedOn = addDays(today, -c.daysAgo);
    const at = new Date(Date.now() - c.daysAgo * 86_400_000);
    const region = c.facility?.region_code ?? c.point!.region;
    await ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO complaints (id, receipt_code, facility_id, location, provider_name, region_code, category, description, contact_cipher,
                                 status, agency, finding, reply, received_on, acknowledge_due_on, close_due_on, created_at, updated_at,
                                 investigating_at, closed_at)
         VALUES ($1, $2, $3, CASE WHEN $4::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($5, $4), 4326)::geography END, $6, $7, $8, $9, $10,
                 $11, $12, $13, $14, $15, $16, $17, $18, $18, $19, $20)`,
        [
          id,
          receipt(),
          c.facility?.id ?? null,
          c.point?.lat ?? null,
          c.point?.lng ?? null,
          c.point?.name ?? null,
          region,
          c.category,
          c.description,
          c.phone ? cipher.encrypt(JSON.stringify({ name: '家长', phone: c.phone })) : null,
          c.status,
          c.agency ?? (c.status === 'closed' ? 'health' : null),
          c.finding ?? null,
          c.reply ?? null,
          receivedOn,
          addDays(receivedOn, 1),
          addDays(receivedOn, 21),
          at,
          c.status === 'received' ? null : at,
          c.status === 'closed' ? at : null,
        ],
      );
      await audit.record(m, {
        subjectType: 'complaint',
        subjectId: id,
        actor: { id: null, role: 'system' },
        action: 'complaint.seeded',
        changes: { demo: true, status: c.status },
      });
      await outbox.record(m, {
        type: 'complaint.changed',
        complaintId: id,
        ...(c.facility ? { facilityId: c.facility.id } : {}),
        regionCode: region,
      });
    });
  }

  // Penalties: D (revocation) for the 7th unit's facility, C (a fine) for the 8th, warnings for the 9th (A stays A).
  const penalties: {
    f: { id: string; credit_code: string };
    kind: string;
    amount?: number;
    daysAgo: number;
    basis: string;
    agency: string;
  }[] = [
    { f: facilities[6]!, kind: 'revocation', daysAgo: 60, basis: '《托育机构登记和备案办法（试行）》', agency: 'health' },
    { f: facilities[6]!, kind: 'fine', amount: 30000, daysAgo: 200, basis: '《中华人民共和国消防法》第六十条', agency: 'fire' },
    { f: facilities[7]!, kind: 'fine', amount: 20000, daysAgo: 90, basis: '《中华人民共和国食品安全法》第一百二十六条', agency: 'market' },
    { f: facilities[8]!, kind: 'warning', daysAgo: 400, basis: '《托育机构管理规范（试行）》', agency: 'health' },
  ];
  for (const [i, p] of penalties.entries()) {
    const id = randomUUID();
    await ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO penalties (id, facility_id, credit_code, agency, kind, amount_yuan, decision_no, decided_on, legal_basis, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          p.f.id,
          p.f.credit_code,
          p.agency,
          p.kind,
          p.amount ?? null,
          `长卫罚〔${today.slice(0, 4)}〕${i + 1}号`,
          addDays(today, -p.daysAgo),
          p.basis,
          health,
        ],
      );
      await audit.record(m, {
        subjectType: 'facility',
        subjectId: p.f.id,
        actor: { id: health, role: 'regulator' },
        action: 'penalty.recorded',
        changes: { penaltyId: id, kind: p.kind, demo: true },
      });
      await outbox.record(m, { type: 'penalty.changed', facilityId: p.f.id, penaltyId: id });
    });
  }
  console.log(`seed-demo: ${complaints.length} complaints and reports, ${penalties.length} penalties`);
}
