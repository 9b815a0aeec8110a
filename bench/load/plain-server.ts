// The reference the API is measured against (docs/architecture.md "Geo"): a plain Fastify + pg server running the
// identical SQL (the same builders as libs/search), with the same pool size and session settings, and no framework,
// validation, guard or logging around it. Started by bench/load/run.ts; PORT and DATABASE_URL from the environment.
import Fastify from 'fastify';
import pg from 'pg';
import { nearbySql } from '../../libs/search/src/nearby-sql.js';
import { mapClustersSql, mapSinglesSql } from '../../libs/search/src/map-sql.js';
import { parseBbox } from '../../libs/search/src/map-grid.js';
import { ageGroupsFor } from '../../libs/standards/src/classes.js';

const DOMAINS = ['fire', 'food', 'building', 'hygiene'];
const JSON_TYPE = 'application/json; charset=utf-8';
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  options: '-c jit=off',
});
const app = Fastify({ logger: false });

type Query = Record<string, string | undefined>;
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

app.get('/nearby', async (request, reply) => {
  const q = request.query as Query;
  const age = num(q.ageMonths);
  const { text, values } = nearbySql(
    {
      lat: Number(q.lat),
      lng: Number(q.lng),
      radiusM: num(q.radiusM) ?? 3000,
      limit: num(q.limit) ?? 20,
      ageGroups: age === undefined ? undefined : ageGroupsFor(age),
      affordable: q.affordable === 'true' || undefined,
      hasVacancy: q.hasVacancy === 'true' || undefined,
    },
    DOMAINS,
  );
  const { rows } = await pool.query(text, values);
  return reply.type(JSON_TYPE).send(`{"items":${rows[0].items}}`);
});

app.get('/map', async (request, reply) => {
  const q = request.query as Query;
  const bbox = parseBbox(q.bbox)!;
  const zoom = Number(q.zoom);
  if (zoom > 12) {
    const singles = mapSinglesSql(bbox);
    const [row] = (await pool.query(singles.text, singles.values)).rows;
    if (row.count <= 500) return reply.type(JSON_TYPE).send(`{"type":"FeatureCollection","clustered":false,"features":${row.features}}`);
  }
  const clusters = mapClustersSql(bbox, zoom);
  const [row] = (await pool.query(clusters.text, clusters.values)).rows;
  return reply.type(JSON_TYPE).send(`{"type":"FeatureCollection","clustered":true,"features":${row.features}}`);
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
