import type pg from 'pg';
import { ALERT_KINDS } from '../../libs/standards/src/vocabulary.js';
import { COMPLAINT_CATEGORIES } from '../../libs/standards/src/complaints.js';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES } from '../../libs/standards/src/incidents.js';

/**
 * The regulators' casework the lists of issue #19 item 1 page through: alerts, incidents, complaints and change
 * filings, written set-based from the generated facilities (a position from md5 of the row number, so a database of
 * the same size gets the same rows). Per 100,000 facilities: 300,000 alerts (a third open), 50,000 incidents, 50,000
 * complaints and 40,000 change filings (15,000 pending, one per facility at most, as the unique index wants).
 * Rectification orders come with the inspections.
 */
export async function writeCasework(client: pg.Client, facilityCount: number): Promise<void> {
  const per = (n: number) => Math.max(1, Math.round((n * facilityCount) / 100_000));
  // The i-th row's facility: one of the facilities, numbered in id order.
  const numbered = `CREATE TEMP TABLE numbered AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, region_code, owner_id, name, status FROM facilities`;
  await client.query('DROP TABLE IF EXISTS numbered');
  await client.query(numbered);
  await client.query('CREATE UNIQUE INDEX ON numbered (n)');
  const count = facilityCount;
  const h = (salt: string, mod: string) => `(('x' || substr(md5(i::text || '${salt}'), 1, 7))::bit(28)::int % ${mod})`;
  const pick = (list: readonly string[], salt: string) =>
    `(ARRAY[${list.map((v) => `'${v}'`).join(',')}])[1 + ${h(salt, String(list.length))}]`;
  // Created within the last two years.
  const when = (salt: string) => `(now() - make_interval(secs => ${h(salt, '63072000')}))`;
  await client.query(
    `INSERT INTO alerts (kind, subject_type, subject_id, facility_id, region_code, agencies, message, message_en, due_on, created_at, resolved_at)
     SELECT ${pick(ALERT_KINDS, 'k')}, 'facility', f.id::text || ':' || i, f.id, f.region_code,
            ARRAY[${pick(['health', 'fire', 'market', 'housing'], 'a')}, 'health'], f.name || '：基准告警', f.name || ': bench alert',
            current_date + ${h('d', '60')} - 30, t.at, CASE WHEN i % 3 <> 0 THEN t.at + interval '3 days' END
       FROM generate_series(0, $1 - 1) i
       JOIN numbered f ON f.n = ${h('f', String(count))}
       CROSS JOIN LATERAL (SELECT ${when('t')} AS at) t`,
    [per(300_000)],
  );
  await client.query(
    `INSERT INTO incidents (facility_id, region_code, kind, severity, occurred_at, occurred_on, reported_at, report_due_at, late, status,
                            children_affected, hospitalized, description, actions_taken, reported_via, acknowledged_at, closed_at)
     SELECT f.id, f.region_code, ${pick(INCIDENT_KINDS, 'k')}, ${pick(INCIDENT_SEVERITIES, 's')}, t.at, (t.at AT TIME ZONE 'Asia/Shanghai')::date,
            t.at + interval '1 hour', t.at + interval '2 hours', false, ${pick(['reported', 'acknowledged', 'closed', 'closed'], 'st')},
            1, 0, '基准事件', '已处置', 'operator', t.at + interval '3 hours', NULL
       FROM generate_series(0, $1 - 1) i
       JOIN numbered f ON f.n = ${h('f', String(count))}
       CROSS JOIN LATERAL (SELECT ${when('t')} AS at) t`,
    [per(50_000)],
  );
  await client.query(
    `INSERT INTO complaints (receipt_code, facility_id, region_code, category, description, status, received_on, acknowledge_due_on,
                             close_due_on, created_at, updated_at)
     SELECT upper(substr(md5(i::text || 'r'), 1, 12)), f.id, f.region_code, ${pick(
       COMPLAINT_CATEGORIES.filter((c) => c !== 'unregistered'),
       'c',
     )},
            '基准投诉', ${pick(['received', 'investigating', 'closed', 'closed'], 'st')}, t.on, t.on + 1, t.on + 30, t.at, t.at
       FROM generate_series(0, $1 - 1) i
       JOIN numbered f ON f.n = ${h('f', String(count))}
       CROSS JOIN LATERAL (SELECT ${when('t')} AS at, (${when('t')} AT TIME ZONE 'Asia/Shanghai')::date AS on) t`,
    [per(50_000)],
  );
  // Pending: the first facilities in md5 order that may file a change (registered or suspended, one each); decided: any.
  await client.query(
    `INSERT INTO change_filings (facility_id, region_code, status, reason, submitted_by, submitted_at)
     SELECT f.id, f.region_code, 'pending', '基准变更', f.owner_id, now() - make_interval(secs => ('x' || substr(md5(f.id::text), 1, 7))::bit(28)::int % 7776000)
       FROM numbered f WHERE f.status IN ('registered', 'suspended') AND f.owner_id IS NOT NULL
      ORDER BY md5(f.id::text) LIMIT $1`,
    [per(15_000)],
  );
  await client.query(
    `INSERT INTO change_filings (facility_id, region_code, status, reason, submitted_by, submitted_at, decided_at)
     SELECT f.id, f.region_code, ${pick(['approved', 'rejected', 'withdrawn'], 's')}, '基准变更', f.owner_id, t.at, t.at + interval '5 days'
       FROM generate_series(0, $1 - 1) i
       JOIN numbered f ON f.n = ${h('f', String(count))}
       CROSS JOIN LATERAL (SELECT ${when('t')} AS at) t
      WHERE f.owner_id IS NOT NULL`,
    [per(25_000)],
  );
  await client.query('DROP TABLE numbered');
}
