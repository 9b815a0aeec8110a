import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { csvLine, queryRows } from '@lib/core';
import { ageGroupsFor, vacanciesStale, type AgeGroupName, type FacilityKind } from '@lib/standards';
import { facilityNotFound } from '@lib/facilities';
import { DOMAINS, InspectionService } from '@lib/inspections';
import type { NearbyItemView, NearbyQuery, PublicFacilitySummaryView, PublicFacilityView } from './dto/search.dto.js';
import { nearbySql } from './nearby-sql.js';
import { isoUtc, publicSummaryColumns } from './public-columns.js';
import type { Bbox } from './map-grid.js';
import { mapClustersSql, mapSinglesSql, type MapCellRow, type MapSingleRow } from './map-sql.js';
import { SEARCH_LIMITS } from './search-limits.js';
import { fromMercator } from './web-mercator.js';

type Lang = 'zh' | 'en';

export interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties:
    | { cluster: true; count: number }
    | { cluster: false; id: string; name: string; kind: FacilityKind; vacancies: number; affordable: boolean };
}

export interface MapAnswer {
  type: 'FeatureCollection';
  clustered: boolean;
  features: MapFeature[];
}

/** Statuses the public may see (API.md "Public"): a suspended facility is shown, and says so. */
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
] as const;
type RegisterRecord = Record<(typeof REGISTER_COLUMNS)[number], string | number | boolean | null>;

/** Rows fetched per round trip while the register streams. */
const REGISTER_PAGE = 2000;

/**
 * Parents' search and the open register: public views of registered (and, where named, suspended) facilities.
 * Everything public is read from the facility row's public columns: home-based points only ever at their
 * approximate location and without an address; never staff, ID numbers or the operator.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionService,
  ) {}

  async nearby(q: NearbyQuery, lang: Lang): Promise<NearbyItemView[]> {
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
    // The rows are the items (names and formats from the SQL; see public-columns.ts).
    return queryRows<NearbyItemView>(this.dataSource, text, values);
  }

  async facility(id: string, lang: Lang): Promise<PublicFacilityView> {
    const [row]: (Omit<PublicFacilityView, 'latestInspections' | 'classes' | 'inspections'> & { phone: string })[] =
      await this.dataSource.query(
        `SELECT ${publicSummaryColumns('f', 'r', '$3::text')}, f.status, f.ownership, f.serves_meals AS "servesMeals",
                f.opening_hours AS "openingHours", f.phone, ${isoUtc('f.registered_at')} AS "registeredAt"
           FROM facilities f JOIN regions r ON r.code = f.region_code
          WHERE f.id = $1 AND f.status = ANY($2::text[])`,
        [id, PUBLIC_STATUSES, lang],
      );
    if (!row) throw facilityNotFound();
    const [classes, record] = await Promise.all([
      this.dataSource.query(
        `SELECT age_group, places, places - enrolled AS vacancies, updated_at FROM classes WHERE facility_id = $1
          ORDER BY array_position(ARRAY['infant', 'toddler', 'mixed', 'preschool'], age_group), created_at, id`,
        [id],
      ) as Promise<{ age_group: AgeGroupName; places: number; vacancies: number; updated_at: Date }[]>,
      this.inspections.publicRecord([id], lang),
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
    };
  }

  /**
   * Registered facilities in a box as GeoJSON: single facilities from `clusterThroughZoom + 1` when the box holds at
   * most `maxMapFeatures` of them, else clusters on a grid sized so that the box touches at most that many cells.
   */
  async map(bbox: Bbox, zoom: number): Promise<MapAnswer> {
    if (zoom > SEARCH_LIMITS.clusterThroughZoom) {
      const { text, values } = mapSinglesSql(bbox);
      const rows: MapSingleRow[] = await queryRows(this.dataSource, text, values);
      if (rows.length <= SEARCH_LIMITS.maxMapFeatures) {
        return {
          type: 'FeatureCollection',
          clustered: false,
          features: rows.map((r) => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [round6(r.lng), round6(r.lat)] },
            properties: {
              cluster: false,
              id: r.id,
              name: shorten(r.name),
              kind: r.kind as FacilityKind,
              vacancies: r.vacancies,
              affordable: r.affordable,
            },
          })),
        };
      }
    }
    const { text, values } = mapClustersSql(bbox, zoom);
    const cells: MapCellRow[] = await queryRows(this.dataSource, text, values);
    return {
      type: 'FeatureCollection',
      clustered: true,
      features: cells.map((c) => {
        const { lng, lat } = fromMercator(c.x, c.y);
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [round6(lng), round6(lat)] },
          properties: { cluster: true, count: c.count },
        };
      }),
    };
  }

  /** The public register, registered and suspended facilities in registration-number order, a page at a time. */
  async *register(lang: Lang): AsyncGenerator<RegisterRecord> {
    let after = '';
    for (;;) {
      const rows: (Omit<PublicFacilitySummaryView, 'latestInspections'> & { status: string; registeredAt: string | null })[] =
        await this.dataSource.query(
          `SELECT ${publicSummaryColumns('f', 'r', '$4::text')}, f.status, ${isoUtc('f.registered_at')} AS "registeredAt"
             FROM facilities f JOIN regions r ON r.code = f.region_code
            WHERE f.status = ANY($1::text[]) AND f.registration_no > $2
            ORDER BY f.registration_no
            LIMIT $3`,
          [PUBLIC_STATUSES, after, REGISTER_PAGE, lang],
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
        };
      }
      if (rows.length < REGISTER_PAGE) return;
      after = rows[rows.length - 1]!.registrationNo;
    }
  }

  /** The register as CSV (UTF-8 with a BOM, CRLF, so that Excel reads the Chinese). */
  async *registerCsv(lang: Lang): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(REGISTER_COLUMNS)}`;
    for await (const r of this.register(lang)) yield csvLine(REGISTER_COLUMNS.map((c) => r[c]));
  }

  /** The register as a GeoJSON FeatureCollection, written feature by feature. */
  async *registerGeoJson(lang: Lang): AsyncGenerator<string> {
    yield '{"type":"FeatureCollection","features":[';
    let first = true;
    for await (const r of this.register(lang)) {
      const { lat, lng, ...properties } = r;
      yield `${first ? '' : ','}\n${JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties })}`;
      first = false;
    }
    yield '\n]}\n';
  }
}

/** 0.1 m: more digits would only be noise (and bytes). */
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function shorten(name: string): string {
  const chars = [...name];
  return chars.length > SEARCH_LIMITS.mapNameLength ? `${chars.slice(0, SEARCH_LIMITS.mapNameLength - 1).join('')}…` : name;
}
