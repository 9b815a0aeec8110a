import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AuditEnvSchema, DatabaseEnvSchema, validateEnv } from '@lib/core';
import { args } from './context.js';
import { sha256File } from './file-digest.js';

/**
 * `npm run backup [-- --out DIR]` (docs/operations.md "Backups and restore"): a consistent pg_dump of the whole
 * database in custom format (one snapshot, taken while the system serves) as the owner, the audit trail's signed
 * checkpoints beside it, and a manifest with the dump's SHA-256, so that a restore can check what it restores and
 * `audit:verify` can prove afterwards that no chain lost its tail. Prints the backup's folder.
 */
const run = promisify(execFile);
const env = validateEnv(DatabaseEnvSchema);
const audit = validateEnv(AuditEnvSchema);
const url = env.DATABASE_OWNER_URL || env.DATABASE_URL;
const root = resolve(args().get('out') ?? process.env.BACKUP_DIR ?? 'backups');
const createdAt = new Date();
const folder = join(root, `childcare-${createdAt.toISOString().replace(/[:.]/g, '-')}`);
await mkdir(folder, { recursive: true });

const dump = join(folder, 'database.dump');
await run('pg_dump', ['--format=custom', '--compress=6', `--file=${dump}`, `--dbname=${url}`], { maxBuffer: 64 * 1024 * 1024 });

const checkpointsFrom = resolve(audit.AUDIT_CHECKPOINT_DIR);
const checkpoints = (await readdir(checkpointsFrom).catch(() => [] as string[])).length;
if (checkpoints > 0) await cp(checkpointsFrom, join(folder, 'audit-checkpoints'), { recursive: true });
else console.warn(`backup: no audit checkpoints in ${checkpointsFrom}: the restored trail can be verified by its hashes only`);

const manifest = {
  createdAt: createdAt.toISOString(),
  database: new URL(url).pathname.slice(1),
  dump: 'database.dump',
  dumpBytes: (await stat(dump)).size,
  dumpSha256: await sha256File(dump),
  auditCheckpoints: checkpoints,
};
await writeFile(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`backup: ${folder} (${manifest.dumpBytes} bytes, ${checkpoints} audit checkpoint files)`);
