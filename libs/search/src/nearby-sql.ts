/**
 * Read model: facilities and classes (owned by libs/facilities), regions (libs/regions) and latest_inspections
 * (libs/inspections), read for the public nearby search (docs/architecture.md "Table ownership").
 */
import { VACANCY_STALE_AFTER_DAYS, type AgeGroupName, type FacilityKind, type ServiceType } from '@lib/standards';
import { mercatorRadius, toMercator } from './web-mercator.js';
import { isoUtc, PUBLIC_SOURCE_COLUMNS, publicSummaryColumns } from './public-columns.js';

export interface NearbyCriteria {
  lat: number;
  lng: number;
  radiusM: number;
  limit: number;
  /** Facilities with a class of one of these groups (the groups that take the child's age). */
  ageGroups?: readonly AgeGroupName[];
  affordable?: boolean;
  /** With `ageGroups`: a free place in a class of those groups; without: a free place at all. */
  hasVacancy?: boolean;
  maxFee?: number;
  serviceType?: ServiceType;
  kind?: FacilityKind;
}

/**
 * The nearby search as one statement (docs/architecture.md "Geo"). The inner query walks the partial GiST index on
 * `public_merc` nearest first (KNN), bounded by a box around the circle so that the planner may instead take a
 * bitmap scan where the box holds few facilities, with every filter on the facility row itself. Mercator order is
 * the true order up to a fraction of a percent, so it walks twice the rows asked for; the outer query keeps those
 * inside the radius by their great-circle distance and orders by it exactly. The latest inspection per domain
 * comes from `latest_inspections` (one small row per facility and domain, kept by libs/inspections), never from the
 * inspections heap, which at national scale does not stay in memory (issue #19 item 5), for the rows answered only; so do, with the child's age, the free places for that
 * age (`vacanciesForAge`, summed over the classes that take it). The statement answers one row, `items`: the JSON
 * text of the answer's items (`NearbyItemView[]`), which the API sends as it comes.
 *
 * Parameters are numbered in order; the indexed column is never cast or transformed.
 */
export function nearbySql(c: NearbyCriteria, domains: readonly string[], lang: 'zh' | 'en' = 'zh'): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown, type: string) => `$${values.push(value)}::${type}`;
  const here = toMercator(c.lng, c.lat);
  const half = mercatorRadius(c.radiusM, c.lat);
  const lng = param(c.lng, 'float8');
  const lat = param(c.lat, 'float8');
  const x = param(here.x, 'float8');
  const y = param(here.y, 'float8');
  const h = param(half, 'float8');

  const filters = ["status = 'registered'", `public_merc && ST_MakeEnvelope(${x} - ${h}, ${y} - ${h}, ${x} + ${h}, ${y} + ${h}, 3857)`];
  if (c.ageGroups) {
    const groups = param(c.ageGroups, 'text[]');
    filters.push(c.hasVacancy ? `vacant_age_groups && ${groups}` : `age_groups && ${groups}`);
  } else if (c.hasVacancy) filters.push('vacancies > 0');
  if (c.affordable) filters.push("affordable_status = 'recognized'");
  if (c.maxFee !== undefined) filters.push(`monthly_fee <= ${param(c.maxFee, 'int')}`);
  if (c.serviceType) filters.push(`service_types @> ARRAY[${param(c.serviceType, 'text')}]`);
  if (c.kind) filters.push(`kind = ${param(c.kind, 'text')}`);

  const walk = param(c.limit * 2, 'int');
  const radius = param(c.radiusM, 'float8');
  const limit = param(c.limit, 'int');
  const domainList = param(domains, 'text[]');
  const language = param(lang, 'text');
  // With the child's age: the free places in the classes that take it, and when the oldest of those was reported
  // (the freshness of a sum is that of its stalest part), from the facility's classes (index on facility_id).
  const forAge = c.ageGroups
    ? {
        columns: `,
         a.vacancies AS "vacanciesForAge",
         ${isoUtc('a.updated_at')} AS "vacanciesForAgeUpdatedAt",
         (a.updated_at IS NULL OR a.updated_at < now() - interval '${VACANCY_STALE_AFTER_DAYS} days') AS "vacanciesForAgeStale"`,
        from: `
  FROM (SELECT coalesce(sum(greatest(cl.places - cl.enrolled - cl.held, 0)), 0)::int AS vacancies, min(cl.updated_at) AS updated_at
          FROM classes cl WHERE cl.facility_id = m.id AND cl.age_group = ANY(${param(c.ageGroups, 'text[]')})) a`,
      }
    : { columns: '', from: '' };
  // The KNN walk (n), cut to the radius and the limit (m); then each answered row becomes its JSON item (p), in order.
  const text = `
SELECT coalesce(json_agg(row_to_json(p) ORDER BY m.distance_m, m.id), '[]')::text AS items
FROM (
  SELECT n.*, r.name AS region_name, r.name_en AS region_name_en
  FROM (
    SELECT ${PUBLIC_SOURCE_COLUMNS},
           ST_Distance(public_location, ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)::geography, false) AS distance_m
    FROM facilities
    WHERE ${filters.join('\n      AND ')}
    ORDER BY public_merc <-> ST_SetSRID(ST_MakePoint(${x}, ${y}), 3857)
    LIMIT ${walk}
  ) n
  JOIN regions r ON r.code = n.region_code
  WHERE n.distance_m <= ${radius}
  ORDER BY n.distance_m, n.id
  LIMIT ${limit}
) m
CROSS JOIN LATERAL (
  SELECT ${publicSummaryColumns('m', { name: 'm.region_name', nameEn: 'm.region_name_en' }, language)},
         (SELECT coalesce(json_agg(json_build_object('domain', i.domain, 'outcome', i.outcome, 'inspectedAt', ${isoUtc('i.inspected_at')})
                                   ORDER BY d.ord), '[]')
            FROM unnest(${domainList}) WITH ORDINALITY AS d(domain, ord)
            JOIN latest_inspections i ON i.facility_id = m.id AND i.domain = d.domain) AS "latestInspections",
         round(m.distance_m)::int AS "distanceM"${forAge.columns}${forAge.from}
) p`;
  return { text, values };
}
