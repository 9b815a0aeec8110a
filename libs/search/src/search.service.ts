/**
 * Read model: facilities and classes (owned by libs/facilities) and regions (libs/regions), read for the public
 * facility views and the open register (docs/architecture.md "Table ownership").
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PublicReads, csvLine, queryRows } from '@lib/core';
import {
  AGE_GROUP_LABELS,
  FACILITY_KIND_LABELS,
  FACILITY_STATUS_LABELS,
  SERVICE_TYPE_LABELS,
  ageGroupsFor,
  labelOf,
  vacanciesStale,
  type AgeGroupName,
} from '@lib/standards';
import { facilityNotFound } from '@lib/facilities';
import { DOMAINS, PublicInspectionService } from '@lib/inspections';
import { IncidentService } from '@lib/incidents';
import { CreditService } from '@lib/credit';
import type { NearbyQuery, PublicFacilitySummaryView, PublicFacilityView } from './dto/search.dto.js';
import { nearbySql } from './nearby-sql.js';
import { isoUtc, publicSummaryColumns } from './public-columns.js';
import type { Bbox } from './map-grid.js';
import { mapClustersSql, mapSinglesSql } from './map-sql.js';
import { SEARCH_LIMITS } from './search-limits.js';

type Lang = 'zh' | 'en';

/** Statuses the public may see (docs/api.md "Public"): a suspended facility is shown, and says so. */
const PUBLIC_STATUSES = ['registered', 'suspended'];

const REGISTER_COLUMNS = [
  'registrationNo',
  'name',
  'status',
  'kind',
  'regionCode',
  'regionName',
  'address',
  'lat',
  'lng',
  'affordable',
  'medicalIntegrated',
  'monthlyFee',
  'serviceTypes',
  'ageGroups',
  'placeCount',
  'vacancies',
  'vacanciesUpdatedAt',
  'registeredAt',
  // Appended (issue #18): the facility's id, and its public page when the register is asked for through a host.
  'id',
  'url',
] as const;
type RegisterRecord = Record<(typeof REGISTER_COLUMNS)[number], string | number | boolean | null>;

/**
 * Appended to the CSV only (issue #18): the words for the coded columns, in the answer's language, for people who open
 * it in a spreadsheet; the codes stay for machines, and the GeoJSON keeps its schema.
 */
const REGISTER_CSV_LABELS: [string, (r: RegisterRecord, lang: Lang) => string][] = [
  ['statusLabel', (r, lang) => labelOf(FACILITY_STATUS_LABELS, String(r.status), lang)],
  ['kindLabel', (r, lang) => labelOf(FACILITY_KIND_LABELS, String(r.kind), lang)],
  ['serviceTypesLabel', (r, lang) => words(SERVICE_TYPE_LABELS, r.serviceTypes, lang)],
  ['ageGroupsLabel', (r, lang) => words(AGE_GROUP_LABELS, r.ageGroups, lang)],
];
const words = (labels: Parameters<typeof labelOf>[0], codes: RegisterRecord['serviceTypes'], lang: Lang) =>
  String(codes ?? '')
    .split(' ')
    .filter(Boolean)
    .map((c) => labelOf(labels, c, lang))
    .join(lang === 'en' ? '; ' : '、');

/** Rows fetched per round trip while the register streams. */
const REGISTER_PAGE = 2000;

/**
 * Parents' search and the open register: public views of registered (and, where named, suspended) facilities.
 * Everything public is read from the facility row's public columns: home-based points only ever at their
 * approximate location and without an address; never staff, ID numbers or the operator.
 *
 * Every read here runs through PublicReads: on the read replica when one is configured and answers, else the primary.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly reads: PublicReads,
    private readonly inspections: PublicInspectionService,
    private readonly incidents: IncidentService,
    private readonly credit: CreditService,
  ) {}

  /** The answer's JSON text, `{"items":[…]}`, as PostgreSQL wrote it (nearby-sql.ts). */
  async nearby(q: NearbyQuery, lang: Lang): Promise<string> {
    const { text, values } = nearbySql(
      {
        lat: q.lat,
        lng: q.lng,
        radiusM: q.radiusM,
        limit: q.limit,
        ageGroups: q.ageMonths === undefined ? undefined : ageGroupsFor(q.ageMonths),
        affordable: q.affordable,
        hasVacancy: q.hasVacancy,
        maxFee: q.maxFee,
        serviceType: q.serviceType,
        kind: q.kind,
      },
      DOMAINS,
      lang,
    );
    const [row] = await this.reads.run((m) => queryRows<{ items: string }>(m.connection, text, values));
    return `{"items":${row!.items}}`;
  }

  facility(id: string, lang: Lang): Promise<PublicFacilityView> {
    return this.reads.run((m) => this.facilityOn(m, id, lang));
  }

  private async facilityOn(m: EntityManager, id: string, lang: Lang): Promise<PublicFacilityView> {
    const [found]: (Omit<PublicFacilityView, 'latestInspections' | 'classes' | 'inspections' | 'incidents' | 'credit'> & {
      phone: string;
      creditCode: string;
    })[] = await m.query(
      `SELECT ${publicSummaryColumns('f', { name: 'r.name', nameEn: 'r.name_en' }, '$3::text')}, f.status, f.ownership, f.serves_meals AS "servesMeals",
                f.opening_hours AS "openingHours", f.phone, ${isoUtc('f.registered_at')} AS "registeredAt", f.credit_code AS "creditCode"
           FROM facilities f JOIN regions r ON r.code = f.region_code
          WHERE f.id = $1 AND f.status = ANY($2::text[])`,
      [id, PUBLIC_STATUSES, lang],
    );
    if (!found) throw facilityNotFound();
    const { creditCode, ...row } = found;
    const [classes, record, incidents, credit] = await Promise.all([
      m.query(
        `SELECT age_group, places, places - enrolled - held AS vacancies, updated_at FROM classes WHERE facility_id = $1
          ORDER BY array_position(ARRAY['infant', 'toddler', 'mixed', 'preschool'], age_group), created_at, id`,
        [id],
      ) as Promise<{ age_group: AgeGroupName; places: number; vacancies: number; updated_at: Date }[]>,
      this.inspections.publicRecord([id], lang, m),
      this.incidents.publicIncidents([id], m),
      this.credit.publicCredit(id, creditCode, m),
    ]);
    const now = new Date();
    const inspections = (record.get(id) ?? []).sort((a, b) => DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain));
    return {
      ...row,
      // A home-based point's phone is the family's own.
      phone: row.kind === 'family' ? null : row.phone,
      latestInspections: inspections.map(({ domain, outcome, inspectedAt }) => ({ domain, outcome, inspectedAt })),
      classes: classes.map((c) => ({
        ageGroup: c.age_group,
        places: c.places,
        vacancies: c.vacancies,
        updatedAt: c.updated_at.toISOString(),
        stale: vacanciesStale(c.updated_at, now),
      })),
      inspections,
      incidents: incidents.get(id) ?? [],
      credit,
    };
  }

  /**
   * Registered facilities in a box as GeoJSON: single facilities from `clusterThroughZoom + 1` when the box holds at
   * most `maxMapFeatures` of them, else clusters: the cells of a fixed grid the box touches, at a level where it
   * touches at most that many (map-sql.ts mapClustersSql; through zoom 12 read from the grid the worker keeps).
   */
  async map(bbox: Bbox, zoom: number): Promise<string> {
    if (zoom > SEARCH_LIMITS.clusterThroughZoom) {
      const { text, values } = mapSinglesSql(bbox);
      const [singles] = await this.reads.run((m) => queryRows<{ count: number; features: string }>(m.connection, text, values));
      if (singles!.count <= SEARCH_LIMITS.maxMapFeatures) return featureCollection(false, singles!.features);
    }
    const { text, values } = mapClustersSql(bbox, zoom);
    const [clusters] = await this.reads.run((m) => queryRows<{ features: string }>(m.connection, text, values));
    return featureCollection(true, clusters!.features);
  }

  /** The public register, registered and suspended facilities in registration-number order, a page at a time. */
  async *register(lang: Lang, pageBase: string | null = null): AsyncGenerator<RegisterRecord> {
    let after = '';
    for (;;) {
      const rows: (Omit<PublicFacilitySummaryView, 'latestInspections'> & { status: string; registeredAt: string | null })[] =
        await this.reads.run((m) =>
          m.query(
            `SELECT ${publicSummaryColumns('f', { name: 'r.name', nameEn: 'r.name_en' }, '$4::text')}, f.status, ${isoUtc('f.registered_at')} AS "registeredAt"
             FROM facilities f JOIN regions r ON r.code = f.region_code
            WHERE f.status = ANY($1::text[]) AND f.registration_no > $2
            ORDER BY f.registration_no
            LIMIT $3`,
            [PUBLIC_STATUSES, after, REGISTER_PAGE, lang],
          ),
        );
      for (const r of rows) {
        yield {
          registrationNo: r.registrationNo,
          name: r.name,
          status: r.status,
          kind: r.kind,
          regionCode: r.regionCode,
          regionName: r.regionName,
          address: r.address,
          lat: r.location.lat,
          lng: r.location.lng,
          affordable: r.affordable,
          medicalIntegrated: r.medicalIntegrated,
          monthlyFee: r.monthlyFee,
          serviceTypes: r.serviceTypes.join(' '),
          ageGroups: r.ageGroups.join(' '),
          placeCount: r.placeCount,
          vacancies: r.vacancies,
          vacanciesUpdatedAt: r.vacanciesUpdatedAt,
          registeredAt: r.registeredAt,
          id: r.id,
          url: pageBase ? `${pageBase}/facilities/${r.id}` : null,
        };
      }
      if (rows.length < REGISTER_PAGE) return;
      after = rows[rows.length - 1]!.registrationNo;
    }
  }

  /** The register as CSV (UTF-8 with a BOM, CRLF, so that Excel reads the Chinese). */
  async *registerCsv(lang: Lang, pageBase: string | null = null): AsyncGenerator<string> {
    yield `\uFEFF${csvLine([...REGISTER_COLUMNS, ...REGISTER_CSV_LABELS.map(([name]) => name)])}`;
    for await (const r of this.register(lang, pageBase))
      yield csvLine([...REGISTER_COLUMNS.map((c) => r[c]), ...REGISTER_CSV_LABELS.map(([, label]) => label(r, lang))]);
  }

  /** The register as a GeoJSON FeatureCollection, written feature by feature. */
  async *registerGeoJson(lang: Lang, pageBase: string | null = null): AsyncGenerator<string> {
    yield '{"type":"FeatureCollection","features":[';
    let first = true;
    for await (const r of this.register(lang, pageBase)) {
      const { lat, lng, ...properties } = r;
      yield `${first ? '' : ','}\n${JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties })}`;
      first = false;
    }
    yield '\n]}\n';
  }
}

/** The map's answer around the features' JSON text. */
function featureCollection(clustered: boolean, features: string): string {
  return `{"type":"FeatureCollection","clustered":${clustered},"features":${features}}`;
}
