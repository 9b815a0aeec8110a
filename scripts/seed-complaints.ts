import type { DataSource } from 'typeorm';
import { FieldCipher } from '@lib/core';
import type { AuditService } from '@lib/audit';
import type { OutboxService } from '@lib/events';
import { complaintCount, importComplaint } from '@lib/complaints';
import { importPenalty } from '@lib/credit';
import { addDays, todayInShanghai, type ComplaintCategory, type ComplaintFinding, type PenaltyKind } from '@lib/standards';

/**
 * Demo complaints, reports, penalties (issue #16), once: complaints in every state (some overdue), two groups of
 * reports of an unregistered provider (4 in Nanguan, 3 in Chaoyang, each within 100 m) and a lone one, and penalties
 * that put operators at each credit level (D: a revocation; C: a fine; B: a substantiated complaint; A: the rest).
 * Every row records its domain event, so the worker computes the credit levels and the alerts when it starts. Rows
 * are written by the owning libraries (importComplaint, importPenalty); seed-demo.ts passes what they are about:
 * one registered facility per unit and the city's health regulator.
 */
export async function seedComplaintsAndCredit(
  ds: DataSource,
  keys: { encryptionKey: Buffer; indexKey: Buffer },
  audit: AuditService,
  outbox: OutboxService,
  facilities: { id: string; regionCode: string; creditCode: string }[],
  health: string | null,
): Promise<void> {
  if ((await complaintCount(ds.manager)) > 0) return;
  if (facilities.length < 9) return;
  const cipher = new FieldCipher(keys.encryptionKey, keys.indexKey);
  const today = todayInShanghai();
  /** Working days are counted by the complaints library at intake; the demo's dates are set to show each state. */
  const complaints: {
    facility?: { id: string; regionCode: string };
    point?: { lat: number; lng: number; regionCode: string; providerName: string };
    category: ComplaintCategory;
    description: string;
    status: 'received' | 'investigating' | 'closed';
    agency?: string;
    finding?: ComplaintFinding;
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
      point: { lat: south(43.855, m), lng: 125.335, regionCode: '220102', providerName: '幸福小区 3 栋家庭看护' },
      category: 'unregistered',
      description: `住宅楼内有人无证看护多名幼儿（第 ${i + 1} 位举报人）。`,
      status: 'received',
      daysAgo: i,
      ...(i === 0 ? { phone: '13900000011' } : {}),
    });
  for (const [i, m] of [0, 40, 70].entries())
    complaints.push({
      point: { lat: south(43.88, m), lng: 125.3, regionCode: '220104', providerName: '朝阳早教托管班' },
      category: 'unregistered',
      description: `商铺二楼无证开办全日托（第 ${i + 1} 位举报人）。`,
      status: i === 2 ? 'investigating' : 'received',
      agency: i === 2 ? 'market' : undefined,
      daysAgo: 2 + i,
    });
  complaints.push({
    point: { lat: 43.9092, lng: 125.3238, regionCode: '220103', providerName: '某小区地下室看护点' },
    category: 'unregistered',
    description: '地下室里看护孩子，通风很差。',
    status: 'received',
    daysAgo: 1,
  });

  for (const c of complaints) {
    const receivedOn = addDays(today, -c.daysAgo);
    await ds.transaction((m) =>
      importComplaint(
        m,
        { cipher, audit, outbox },
        {
          facility: c.facility,
          point: c.point,
          category: c.category,
          description: c.description,
          status: c.status,
          agency: c.agency ?? (c.status === 'closed' ? 'health' : null),
          finding: c.finding ?? null,
          reply: c.reply ?? null,
          contact: c.phone ? { name: '家长', phone: c.phone } : null,
          receivedOn,
          acknowledgeDueOn: addDays(receivedOn, 1),
          closeDueOn: addDays(receivedOn, 21),
          at: new Date(Date.now() - c.daysAgo * 86_400_000),
        },
      ),
    );
  }

  // Penalties: D (revocation) for the 7th unit's facility, C (a fine) for the 8th, warnings for the 9th (A stays A).
  const penalties: {
    f: { id: string; regionCode: string; creditCode: string };
    kind: PenaltyKind;
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
    await ds.transaction((m) =>
      importPenalty(
        m,
        { audit, outbox },
        {
          facility: p.f,
          agency: p.agency,
          kind: p.kind,
          amountYuan: p.amount ?? null,
          decisionNo: `长卫罚〔${today.slice(0, 4)}〕${i + 1}号`,
          decidedOn: addDays(today, -p.daysAgo),
          legalBasis: p.basis,
          recordedBy: health,
        },
      ),
    );
  }
  console.log(`seed-demo: ${complaints.length} complaints and reports, ${penalties.length} penalties`);
}
