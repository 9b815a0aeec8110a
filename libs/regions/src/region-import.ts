import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { REGION_CODE } from '@lib/standards';
import type { AuditService } from '@lib/audit';
import type { OutboxService } from '@lib/events';
import { parseCsv } from './csv.js';

export interface RegionImportOptions {
  /** GeoJSON FeatureCollection of the units (WGS84): properties `code`, `name`, `name_en`, `kind`. */
  boundariesPath: string;
  /** CSV with `adcode` and a `population_<year>` column. */
  populationPath: string;
  populationYear: number;
  city: { code: string; name: string; nameEn: string };
  source: string;
}

export interface ImportedUnit {
  code: string;
  name: string;
  nameEn: string;
  level: 'district' | 'zone';
  kind: string;
  geometry: unknown;
  population: number;
}

/** Reads and checks the import files; every problem is reported at once. */
export async function readRegionFiles(options: RegionImportOptions): Promise<ImportedUnit[]> {
  const geo = JSON.parse(await readFile(options.boundariesPath, 'utf8')) as {
    type?: string;
    features?: { properties?: Record<string, unknown>; geometry?: unknown }[];
  };
  if (geo.type !== 'FeatureCollection' || !Array.isArray(geo.features))
    throw new Error(`${options.boundariesPath}: not a GeoJSON FeatureCollection`);
  const column = `population_${options.populationYear}`;
  const population = new Map(
    parseCsv(await readFile(options.populationPath, 'utf8')).map((r) => [
      String(r.adcode ?? r.code ?? '').padStart(6, '0'),
      Number(r[column]),
    ]),
  );
  const problems: string[] = [];
  const units = geo.features.map((f, i): ImportedUnit => {
    const p = f.properties ?? {};
    const code = String(p.code ?? '').padStart(6, '0');
    const kind = String(p.kind ?? '');
    const pop = population.get(code);
    if (!REGION_CODE.test(code)) problems.push(`feature ${i}: bad code ${String(p.code)}`);
    if (code.slice(0, 4) !== options.city.code.slice(0, 4)) problems.push(`feature ${i}: ${code} is not in city ${options.city.code}`);
    if (!p.name || !p.name_en) problems.push(`feature ${i}: name and name_en are required`);
    if (!f.geometry) problems.push(`feature ${i}: no geometry`);
    if (pop === undefined || !Number.isInteger(pop) || pop <= 0) problems.push(`${code}: no ${column} in ${options.populationPath}`);
    return {
      code,
      name: String(p.name),
      nameEn: String(p.name_en),
      kind,
      level: kind === 'development_zone' ? 'zone' : 'district',
      geometry: f.geometry,
      population: pop ?? 0,
    };
  });
  if (new Set(units.map((u) => u.code)).size !== units.length) problems.push('duplicate unit codes');
  if (problems.length > 0) throw new Error(`Region import refused:\n  ${problems.join('\n  ')}`);
  return units;
}

/**
 * Loads a city and its units (idempotent): names and boundaries are replaced, a population already
 * recorded for the year is kept (an admin may have corrected it). Each unit is audited and announced.
 */
export async function importRegions(
  dataSource: DataSource,
  audit: AuditService,
  outbox: OutboxService,
  options: RegionImportOptions,
): Promise<number> {
  const units = await readRegionFiles(options);
  const actor = { id: null, role: 'system' };
  await dataSource.transaction(async (manager) => {
    const { city } = options;
    await manager.query(
      `INSERT INTO regions (code, name, name_en, level, kind, parent_code, boundary)
       VALUES ($1, $2, $3, 'city', 'city', NULL, NULL)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en`,
      [city.code, city.name, city.nameEn],
    );
    for (const u of units) {
      // Source polygons may self-intersect (see data/SOURCES.md): repair and keep only the areas.
      await manager.query(
        `INSERT INTO regions (code, name, name_en, level, kind, parent_code, boundary)
         VALUES ($1, $2, $3, $4, $5, $6, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($7), 4326)), 3)))
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
           kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code, boundary = EXCLUDED.boundary`,
        [u.code, u.name, u.nameEn, u.level, u.kind, city.code, JSON.stringify(u.geometry)],
      );
      await manager.query(
        `INSERT INTO region_populations (region_code, year, population, source) VALUES ($1, $2, $3, $4)
         ON CONFLICT (region_code, year) DO NOTHING`,
        [u.code, options.populationYear, u.population, options.source],
      );
      await audit.record(manager, {
        subjectType: 'region',
        subjectId: u.code,
        actor,
        action: 'region.imported',
        changes: { name: u.name, level: u.level, populationYear: options.populationYear },
      });
      await outbox.record(manager, { type: 'region.imported', regionCode: u.code });
    }
  });
  return units.length;
}
