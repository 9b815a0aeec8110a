import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** No Docker engine runs here: docker-compose.yml and the Dockerfile are checked by reading them. */
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Record<string, unknown>>;
  volumes?: Record<string, unknown>;
};
const dockerfile = readFileSync('Dockerfile', 'utf8');

function env(service: string): Record<string, string> {
  const e = compose.services[service]!.environment as Record<string, string> | string[];
  return Array.isArray(e) ? Object.fromEntries(e.map((kv) => kv.split(/=(.*)/s).slice(0, 2) as [string, string])) : e;
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL with PostGIS, Redis, the api and the worker', () => {
    const always = Object.keys(compose.services).filter((s) => !compose.services[s]!.profiles);
    expect(always.sort()).toEqual(['api', 'db', 'migrate', 'redis', 'worker']);
    expect(String(compose.services.db!.image)).toMatch(/^postgis\/postgis:15-3/);
    expect(String(compose.services.redis!.image)).toMatch(/^redis:7/);
  });

  it('keeps Redis durable for BullMQ: append-only file and no eviction', () => {
    const command = ([] as string[]).concat(compose.services.redis!.command as string | string[]).join(' ');
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
  });

  it('builds the api and the worker from the Dockerfile and points them at db and redis', () => {
    for (const service of ['api', 'worker']) {
      const build = compose.services[service]!.build as { context: string; dockerfile?: string; target?: string };
      expect(build.context).toBe('.');
      expect(build.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      // db itself, unless DATABASE_HOST names the pgbouncer profile's pooler.
      expect(env(service).DATABASE_URL).toMatch(/@\$\{DATABASE_HOST:-db:5432\}\//);
      expect(env(service).REDIS_URL).toMatch(/^redis:\/\/redis:6379/);
      expect(compose.services[service]!.depends_on).toBeDefined();
    }
    expect(compose.services.api!.ports).toEqual(expect.arrayContaining([expect.stringMatching(/:3000$/)]));
    expect(String(compose.services.worker!.command)).toContain('dist/apps/worker/src/main.js');
    expect(env('api').APP_ENV).toBe('production');
    for (const secret of ['JWT_SECRET', 'ADMIN_PASSWORD', 'ID_ENCRYPTION_KEY', 'ID_BLIND_INDEX_KEY'])
      expect(env('api')[secret]).toMatch(/\$\{\w+:\?/);
  });

  it('has a replica profile: a streaming replica of db that the api reads the public pages from when told (issue #19)', () => {
    const replica = compose.services['db-replica']!;
    expect(replica.profiles).toEqual(['replica']);
    expect(replica.image).toBe(compose.services.db!.image);
    expect(String((replica.command as string[]).join(' '))).toMatch(/pg_basebackup -h db -U replicator -D "\$\$PGDATA" -R -X stream/);
    expect(replica.depends_on).toMatchObject({ db: { condition: 'service_healthy' } });
    expect(env('db').REPLICATION_PASSWORD).toBe('${REPLICATION_PASSWORD:-}');
    expect(readFileSync('docker/initdb/20-replication.sh', 'utf8')).toMatch(/CREATE ROLE replicator LOGIN REPLICATION/);
    expect(readFileSync('docker/initdb/20-replication.sh', 'utf8')).toMatch(/host replication replicator all scram-sha-256/);
    expect(env('api').DATABASE_READ_URL).toBe('${DATABASE_READ_URL:-}');
    expect(compose.volumes).toHaveProperty('db-replica-data');
  });

  it('has a pgbouncer profile: transaction pooling in front of db; LISTEN stays direct (issue #19)', () => {
    const bouncer = compose.services.pgbouncer!;
    expect(bouncer.profiles).toEqual(['pgbouncer']);
    expect(String(bouncer.image)).toMatch(/^edoburu\/pgbouncer:/);
    expect(env('pgbouncer')).toMatchObject({ DB_HOST: 'db', DB_USER: 'childcare_app', POOL_MODE: 'transaction', LISTEN_PORT: '5432' });
    for (const service of ['api', 'worker']) expect(env(service).DATABASE_STARTUP_OPTIONS).toBe('${DATABASE_STARTUP_OPTIONS:-true}');
    expect(env('worker').DATABASE_LISTEN_URL).toMatch(/@db:5432\/childcare$/);
    expect(env('migrate').DATABASE_OWNER_URL).toMatch(/@db:5432\//);
    // The role carries what the startup options would have set.
    expect(readFileSync('docker/initdb/10-app-role.sh', 'utf8')).toMatch(/ALTER ROLE childcare_app SET jit = off/);
    expect(readFileSync('docker/initdb/10-app-role.sh', 'utf8')).toMatch(/ALTER ROLE childcare_app SET statement_timeout/);
  });

  it('has a Dockerfile that builds the app and runs the compiled entry points', () => {
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/scripts\/build\.sh/);
    expect(dockerfile).toMatch(/dist\/apps\/api\/src\/main\.js/);
  });

  it('migrates as the owner in its own service; the api and the worker connect as the application role (issue #14)', () => {
    expect(env('migrate').DATABASE_OWNER_URL).toMatch(/^postgres:\/\/childcare:/);
    for (const service of ['api', 'worker']) {
      expect(env(service).DATABASE_URL).toMatch(/^postgres:\/\/childcare_app:/);
      expect(env(service).DATABASE_OWNER_URL).toBeUndefined();
      expect(env(service).AUDIT_HMAC_KEY).toMatch(/\$\{\w+:\?/);
    }
    expect(compose.services.api!.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
    expect(dockerfile).not.toMatch(/migrate\.js &&/);
    expect(readFileSync('docker/initdb/10-app-role.sh', 'utf8')).toMatch(/CREATE ROLE childcare_app/);
  });
});
