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
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'db', 'migrate', 'redis', 'worker']);
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
      expect(env(service).DATABASE_URL).toMatch(/@db:5432\//);
      expect(env(service).REDIS_URL).toMatch(/^redis:\/\/redis:6379/);
      expect(compose.services[service]!.depends_on).toBeDefined();
    }
    expect(compose.services.api!.ports).toEqual(expect.arrayContaining([expect.stringMatching(/:3000$/)]));
    expect(String(compose.services.worker!.command)).toContain('dist/apps/worker/src/main.js');
    expect(env('api').APP_ENV).toBe('production');
    for (const secret of ['JWT_SECRET', 'ADMIN_PASSWORD', 'ID_ENCRYPTION_KEY', 'ID_BLIND_INDEX_KEY'])
      expect(env('api')[secret]).toMatch(/\$\{\w+:\?/);
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
