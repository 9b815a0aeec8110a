import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { API_MAIN } from '../helpers/api-process.js';

const run = (env: Record<string, string>) =>
  promisify(execFile)(process.execPath, [API_MAIN], { env: { ...process.env, NODE_OPTIONS: '', ...env }, timeout: 20000 }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

describe('configuration at start-up', () => {
  it('stops the API on a bad value, naming the variable', async () => {
    const port = await run({ PORT: 'eighty' });
    expect(port.code).not.toBe(0);
    expect(port.stderr).toMatch(/PORT:/);
    const secret = await run({ JWT_SECRET: 'short' });
    expect(secret.code).not.toBe(0);
    expect(secret.stderr).toMatch(/JWT_SECRET: .*at least 32 characters/);
    const db = await run({ DATABASE_URL: 'mysql://nope' });
    expect(db.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });
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
