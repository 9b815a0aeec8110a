import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { API_MAIN } from '../helpers/api-process.js';

const run = (env: Record<string, string>) =>
  promisify(execFile)(process.execPath, [API_MAIN], { env: { ...process.env, NODE_OPTIONS: '', ...env }, timeout: 60000 }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

describe('configuration at start-up', () => {
  // Each case starts an API process (seconds each on a busy machine): they run side by side.
  it('stops the API on a bad value, naming the variable', async () => {
    const [port, secret, db, escalation, drills] = await Promise.all([
      run({ PORT: 'eighty' }),
      run({ JWT_SECRET: 'short' }),
      run({ DATABASE_URL: 'mysql://nope' }),
      run({ INCIDENT_ACK_UNIT_HOURS: '4', INCIDENT_ACK_CITY_HOURS: '4' }),
      run({ DRILL_INTERVAL_DAYS: 'quarterly' }),
    ]);
    expect(port.code).not.toBe(0);
    expect(port.stderr).toMatch(/PORT:/);
    expect(secret.code).not.toBe(0);
    expect(secret.stderr).toMatch(/JWT_SECRET: .*at least 32 characters/);
    expect(db.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(escalation.code).not.toBe(0);
    expect(escalation.stderr).toMatch(/INCIDENT_ACK_CITY_HOURS: must be more than INCIDENT_ACK_UNIT_HOURS/);
    expect(drills.code).not.toBe(0);
    expect(drills.stderr).toMatch(/DRILL_INTERVAL_DAYS:/);
  }, 90_000);
});

describe('.env.example', () => {
  it('documents every variable the schemas read', async () => {
    const core = await import('@lib/core');
    const schemas = [
      core.AppEnvSchema,
      core.DatabaseEnvSchema,
      core.RedisEnvSchema,
      core.HttpEnvSchema,
      core.AuthEnvSchema,
      core.OutboxEnvSchema,
      core.MapEnvSchema,
      core.WorkerEnvSchema,
      core.AuditEnvSchema,
      core.IdentityEnvSchema,
      core.FiguresEnvSchema,
      core.RegistryEnvSchema,
      core.IncidentsEnvSchema,
    ];
    const documented = new Set(
      readFileSync('.env.example', 'utf8')
        .split('\n')
        .map((l) => /^([A-Z_]+)=/.exec(l)?.[1])
        .filter(Boolean),
    );
    const read = schemas.flatMap((S) => Object.keys(new S()));
    expect(read.filter((v) => !documented.has(v))).toEqual([]);
  });
});
