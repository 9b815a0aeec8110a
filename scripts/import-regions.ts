import { resolve } from 'node:path';
import { importRegions } from '@lib/regions';
import { args, scriptContext } from './context.js';

/**
 * Loads a city's supervisory units and their population (docs/regions.md):
 *   npm run regions:import -- [--boundaries data/changchun-census-units.geojson] [--population data/changchun-population.csv]
 *     [--year 2020] [--city-code 220100] [--city-name 长春市] [--city-name-en Changchun] [--source "..."]
 * Idempotent; recomputes the figures of every unit and the city at the end.
 */
const a = args();
const ctx = await scriptContext();
try {
  const year = Number(a.get('year') ?? 2020);
  const n = await importRegions(ctx.dataSource, ctx.audit, ctx.outbox, {
    boundariesPath: resolve(a.get('boundaries') ?? 'data/changchun-census-units.geojson'),
    populationPath: resolve(a.get('population') ?? 'data/changchun-population.csv'),
    populationYear: year,
    city: { code: a.get('city-code') ?? '220100', name: a.get('city-name') ?? '长春市', nameEn: a.get('city-name-en') ?? 'Changchun' },
    source: a.get('source') ?? `census ${year} (data/SOURCES.md)`,
  });
  await ctx.dataSource.transaction((m) => ctx.figures.recomputeAll(m));
  console.log(`regions: ${n} units imported, figures recomputed`);
} finally {
  await ctx.close();
}
