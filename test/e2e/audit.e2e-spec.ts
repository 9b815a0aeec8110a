import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import { bearer, createUser, startApi, type TestApi } from '../helpers/app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe('audit trail', () => {
  it('chains each subject’s entries and verifies them all', async () => {
    const admin = await createUser(api, 'admin');
    for (const population of [500001, 500002, 500003]) {
      await api.http().put('/api/v1/regions/220105/population').set(bearer(admin)).send({ year: 2022, population }).expect(200);
    }
    const rows = await api.db.query(
      "SELECT seq, prev_hash, hash FROM audit_entries WHERE subject_type = 'region' AND subject_id = '220105' ORDER BY seq",
    );
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    const result = await api.app.get(AuditService).verifyAll();
    expect(result.broken).toEqual([]);
    expect(result.entries).toBeGreaterThanOrEqual(rows.length);
  });

  it('appends several records in one call, each to its own chain, also while another writer appends to the same subjects', async () => {
    const audit = api.app.get(AuditService);
    const dataSource = api.app.get(DataSource);
    const [a, b] = [`batch-a-${Date.now()}`, `batch-b-${Date.now()}`];
    const actor = { id: null, role: 'system' };
    const entry = (subjectId: string, action: string) => ({ subjectType: 'region' as const, subjectId, actor, action });
    // Two batches at once naming the same subjects in opposite orders: the locks are taken in one order, so they
    // serialise instead of deadlocking, and neither forks a chain.
    await Promise.all([
      dataSource.transaction((m) => audit.record(m, entry(a, 'one'), entry(b, 'one'), entry(a, 'two'))),
      dataSource.transaction((m) => audit.record(m, entry(b, 'three'), entry(a, 'three'))),
    ]);
    for (const [subject, count] of [
      [a, 3],
      [b, 2],
    ] as const) {
      const rows = await api.db.query(
        "SELECT seq, action, prev_hash, hash FROM audit_entries WHERE subject_type = 'region' AND subject_id = $1 ORDER BY seq",
        [subject],
      );
      expect(rows.map((r: { seq: number }) => r.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    }
    expect((await audit.verifyAll()).broken).toEqual([]);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await expect(api.db.query("UPDATE audit_entries SET action = 'forged' WHERE id = (SELECT min(id) FROM audit_entries)")).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(api.db.query('DELETE FROM audit_entries WHERE id = (SELECT min(id) FROM audit_entries)')).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(api.db.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only|permission denied/);
  });

  it('records who created a user, in the same transaction as the user', async () => {
    const admin = await createUser(api, 'admin');
    const res = await api
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ username: `audited-${Date.now()}`, password: 'long-enough-pw', displayName: 'x', role: 'operator' })
      .expect(201);
    const [entry] = await api.db.query(
      "SELECT action, actor_id, changes FROM audit_entries WHERE subject_type = 'user' AND subject_id = $1",
      [res.body.id],
    );
    expect(entry).toMatchObject({ action: 'user.created', actor_id: admin.id, changes: { role: 'operator' } });
    expect(JSON.stringify(entry)).not.toContain('long-enough-pw');
  });

  it('has a command that verifies every chain (npm run audit:verify)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/scripts/audit-verify.js'], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(stdout).toMatch(/audit: \d+ chains, \d+ entries, \d+ checkpoints, 0 broken/);
  });
});
