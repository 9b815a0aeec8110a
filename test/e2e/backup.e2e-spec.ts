// Issue #14, item 12: `npm run backup` and `npm run restore`. A database of its own is filled through the API and the
// worker, backed up, destroyed and restored; the restored one answers the same figures and facility, and its audit
// chains verify against the checkpoints that came with the backup.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { scratchDatabase } from '../helpers/scratch-db.js';
import { createUser, eventually, startApi, startWorker, type TestApi } from '../helpers/app.js';
import { registeredFacility } from '../factories/registry.js';

const SLOW = 300_000;
const { name: dbName, ownerUrl, checkpoints, dbEnv, admin, script } = scratchDatabase('childcare_backup');
const backups = mkdtempSync(join(tmpdir(), 'backups-'));

/** What a regulator and the public read: the unit's figures and the facility, and the whole trail's size. */
async function observed(api: TestApi, facilityId: string) {
  const region = (await api.http().get('/api/v1/public/regions/220102').expect(200)).body;
  const facility = (await api.http().get(`/api/v1/public/facilities/${facilityId}`).expect(200)).body;
  const [{ entries }] = (await api.db.query('SELECT count(*)::int AS entries FROM audit_entries')) as { entries: number }[];
  return {
    figures: { facilityCount: region.facilityCount, placeCount: region.placeCount, placesPer1000: region.placesPer1000 },
    facility: { name: facility.name, status: facility.status, classes: facility.classes },
    entries,
  };
}

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  rmSync(checkpoints, { recursive: true, force: true });
  rmSync(backups, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it(
    'backs up, destroys and restores a database: the same figures and facility, and the audit chains verify',
    async () => {
      await admin(`CREATE DATABASE ${dbName}`);
      expect((await script('migrate')).code).toBe(0);
      expect((await script('import-regions')).code).toBe(0);

      // Filled through the API and the worker, as in production.
      let api = await startApi(dbEnv);
      let worker: INestApplicationContext = await startWorker(dbEnv);
      const owner = await createUser(api, 'operator');
      const health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
      const f = await registeredFacility(api, owner, health);
      await eventually(async () => expect((await observed(api, f.id)).figures.facilityCount).toBe(1), 60_000);
      const before = await observed(api, f.id);
      expect((await script('audit-checkpoint')).code).toBe(0);

      const backup = await script('backup', '--out', backups);
      expect(backup.out).toContain('backup:');
      expect(backup.code).toBe(0);
      const [folder] = readdirSync(backups).map((name) => join(backups, name));
      const manifest = JSON.parse(readFileSync(join(folder!, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({ database: dbName, dump: 'database.dump', dumpSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(readdirSync(join(folder!, 'audit-checkpoints')).length).toBeGreaterThan(0);

      // Destroyed: the database and the checkpoints.
      await worker.close();
      await api.close();
      await admin(`DROP DATABASE ${dbName} WITH (FORCE)`);
      rmSync(checkpoints, { recursive: true, force: true });
      await admin(`CREATE DATABASE ${dbName}`);

      const restored = await script('restore', '--from', folder!);
      expect(restored.out).toContain('the audit trail verifies');
      expect(restored.out).toMatch(/0 broken/);
      expect(restored.code).toBe(0);
      expect(readdirSync(checkpoints).length).toBeGreaterThan(0);

      api = await startApi(dbEnv);
      worker = await startWorker(dbEnv);
      try {
        expect(await observed(api, f.id)).toEqual(before);
        // The restored trail is guarded by the restored checkpoints: its tail removed (by the owner, triggers off)
        // shows.
        const c = new pg.Client({ connectionString: ownerUrl });
        await c.connect();
        await c.query('SET session_replication_role = replica');
        await c.query(
          'DELETE FROM audit_entries WHERE subject_id = $1 AND seq = (SELECT max(seq) FROM audit_entries WHERE subject_id = $1)',
          [f.id],
        );
        await c.end();
        const verify = await script('audit-verify');
        expect(verify.code).toBe(1);
        expect(verify.out).toContain(f.id);
      } finally {
        await worker.close();
        await api.close();
      }
    },
    SLOW,
  );

  it(
    'refuses a dump that does not match its manifest, and a database that is not empty',
    async () => {
      const [folder] = readdirSync(backups).map((name) => join(backups, name));
      const manifestPath = join(folder!, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      // Not empty: the restored database of the first test.
      const busy = await script('restore', '--from', folder!);
      expect(busy.code).toBe(2);
      expect(busy.out).toContain('empty database');
      writeFileSync(manifestPath, JSON.stringify({ ...manifest, dumpSha256: '0'.repeat(64) }));
      const tampered = await script('restore', '--from', folder!);
      expect(tampered.code).toBe(1);
      expect(tampered.out).toContain('does not match its manifest');
    },
    SLOW,
  );
});
