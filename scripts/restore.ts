import { execFile } from 'node:child_process';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { AuditEnvSchema, DatabaseEnvSchema, validateEnv } from '@lib/core';
import { args } from './context.js';
import { sha256File } from './file-digest.js';

/**
 * `npm run restore -- --from <backup folder> [--database <owner URL of an empty database>]` (docs/operations.md):
 * checks the dump against its manifest, restores it into an empty database (the configured one by default; a
 * database holding tables is refused, so a restore never mixes with live data), puts the audit checkpoints back
 * into AUDIT_CHECKPOINT_DIR, applies any newer migrations and the application role's grants (scripts/migrate.ts),
 * and verifies every audit chain against the restored checkpoints. Exits 1 when anything does not match.
 */
const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const options = args();
const from = options.get('from');
if (!from) {
  console.error('restore: --from <backup folder> is required (npm run backup prints it)');
  process.exit(2);
}
const env = validateEnv(DatabaseEnvSchema);
const audit = validateEnv(AuditEnvSchema);
const ownerUrl = options.get('database') ?? (env.DATABASE_OWNER_URL || env.DATABASE_URL);
// The application's role on the restored database: DATABASE_URL's user, the target's database.
const appUrl = new URL(env.DATABASE_URL);
appUrl.pathname = new URL(ownerUrl).pathname;

const folder = resolve(from);
const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as {
  dump: string;
  dumpSha256: string;
  createdAt: string;
};
const dump = join(folder, manifest.dump);
const digest = await sha256File(dump);
if (digest !== manifest.dumpSha256) {
  console.error(`restore: ${dump} does not match its manifest (SHA-256 ${digest}, expected ${manifest.dumpSha256}); nothing restored`);
  process.exit(1);
}

const client = new pg.Client({ connectionString: ownerUrl });
await client.connect();
const [{ n }] = (await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows as { n: number }[];
await client.end();
if (n > 0) {
  console.error(
    `restore: the database ${new URL(ownerUrl).pathname.slice(1)} holds ${n} tables; restore into an empty database (docs/operations.md)`,
  );
  process.exit(2);
}

await run('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${ownerUrl}`, dump], { maxBuffer: 64 * 1024 * 1024 });
const checkpointsTo = resolve(options.get('checkpoints-to') ?? audit.AUDIT_CHECKPOINT_DIR);
await mkdir(checkpointsTo, { recursive: true });
await cp(join(folder, 'audit-checkpoints'), checkpointsTo, { recursive: true, force: false }).catch(() => undefined);

const targetEnv = { ...process.env, DATABASE_OWNER_URL: ownerUrl, DATABASE_URL: appUrl.toString(), AUDIT_CHECKPOINT_DIR: checkpointsTo };
const migrate = await run('node', [join(here, 'migrate.js')], { env: targetEnv });
process.stdout.write(migrate.stdout);
try {
  const verify = await run('node', [join(here, 'audit-verify.js')], { env: targetEnv });
  process.stdout.write(verify.stdout);
  console.log(`restore: ${manifest.createdAt} restored into ${new URL(ownerUrl).pathname.slice(1)}; the audit trail verifies`);
} catch (error) {
  const failed = error as { stdout?: string; stderr?: string };
  process.stdout.write(failed.stdout ?? '');
  process.stderr.write(failed.stderr ?? '');
  console.error('restore: the restored audit trail does not verify (see above)');
  process.exitCode = 1;
}
