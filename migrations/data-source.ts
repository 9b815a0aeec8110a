import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { coreEntities, DatabaseEnvSchema, dataSourceOptions, validateEnv } from '@lib/core';
import { auditEntities } from '@lib/audit';
import { eventsEntities } from '@lib/events';
import { authEntities } from '@lib/auth';
import { regionsEntities } from '@lib/regions';
import { targetsEntities } from '@lib/targets';
import { facilitiesEntities } from '@lib/facilities';
import { applicationsEntities } from '@lib/applications';
import { staffEntities } from '@lib/staff';
import { filingEntities } from '@lib/filing';
import { inspectionsEntities } from '@lib/inspections';
import { incidentsEntities } from '@lib/incidents';
import { complaintsEntities } from '@lib/complaints';
import { creditEntities } from '@lib/credit';
import { reportsEntities } from '@lib/reports';

/** The DataSource of the migration CLI (`npm run migration:*`) and of the scripts: the owner's (DATABASE_OWNER_URL). */
const here = dirname(fileURLToPath(import.meta.url));
const env = validateEnv(DatabaseEnvSchema);

export const entities = [
  ...coreEntities,
  ...auditEntities,
  ...eventsEntities,
  ...authEntities,
  ...regionsEntities,
  ...facilitiesEntities,
  ...applicationsEntities,
  ...staffEntities,
  ...filingEntities,
  ...inspectionsEntities,
  ...incidentsEntities,
  ...complaintsEntities,
  ...creditEntities,
  ...targetsEntities,
  ...reportsEntities,
];

export default new DataSource({
  ...dataSourceOptions({ url: env.DATABASE_OWNER_URL || env.DATABASE_URL, poolSize: 2, statementTimeoutMs: 600000 }, entities),
  migrations: [join(here, '[0-9]*-*.{ts,js}')],
  migrationsTableName: 'migrations',
});
