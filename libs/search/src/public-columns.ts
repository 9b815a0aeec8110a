import { AGE_GROUP_NAMES, VACANCY_STALE_AFTER_DAYS } from '@lib/standards';

/** A timestamptz as JavaScript's `toISOString()` writes it (UTC, milliseconds, `Z`). */
export function isoUtc(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

const AGE_ORDER = `ARRAY[${AGE_GROUP_NAMES.map((g) => `'${g}'`).join(', ')}]`;

/**
 * The public summary of a facility (`PublicFacilitySummaryView` without `latestInspections`) as select-list items
 * over a facility row `f` and its unit's names, with the answer's names and formats, so that no answer is mapped in
 * JavaScript: the hot paths (nearby search, map) have PostgreSQL write the whole JSON answer, which the API sends as
 * it comes (mapping rows in JavaScript measured as a fifth of the API's CPU per search; bench/RESULTS.md). `lang`
 * is the SQL of the language parameter ('zh' | 'en').
 *
 * Public rules live here: a home-based point has no public address, and every location is the public one.
 */
export function publicSummaryColumns(f: string, unit: { name: string; nameEn: string }, lang: string): string {
  return `${f}.id, ${f}.name,
    CASE WHEN ${f}.kind = 'family' THEN NULL ELSE ${f}.address END AS address,
    ${f}.region_code AS "regionCode",
    CASE WHEN ${lang} = 'en' THEN ${unit.nameEn} ELSE ${unit.name} END AS "regionName",
    json_build_object('lat', round(ST_Y(${f}.public_location::geometry)::numeric, 6),
                      'lng', round(ST_X(${f}.public_location::geometry)::numeric, 6)) AS location,
    ${f}.kind, coalesce(${f}.affordable_status = 'recognized', false) AS affordable, ${f}.medical_integrated AS "medicalIntegrated", ${f}.monthly_fee AS "monthlyFee",
    ${f}.service_types AS "serviceTypes",
    ARRAY(SELECT g FROM unnest(${AGE_ORDER}) AS g WHERE g = ANY(${f}.age_groups)) AS "ageGroups",
    ${f}.place_count AS "placeCount", ${f}.vacancies,
    ${isoUtc(`${f}.vacancies_updated_at`)} AS "vacanciesUpdatedAt",
    (${f}.vacancies_updated_at IS NULL OR ${f}.vacancies_updated_at < now() - interval '${VACANCY_STALE_AFTER_DAYS} days') AS "vacanciesStale",
    ${f}.registration_no AS "registrationNo"`;
}

/** The facility columns `publicSummaryColumns` reads (for subqueries that select them first). */
export const PUBLIC_SOURCE_COLUMNS = `id, name, address, kind, region_code, public_location, affordable_status, medical_integrated, monthly_fee,
  service_types, age_groups, place_count, vacancies, vacancies_updated_at, registration_no`;
