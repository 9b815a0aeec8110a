import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const exec = promisify(execFile);

/** The newest PostgreSQL server binaries installed (Debian: /usr/lib/postgresql/<major>/bin). */
export function pgBin(name: string): string {
  const majors = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((d) => existsSync(`/usr/lib/postgresql/${d}/bin/initdb`))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors[0]) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (scripts/services.sh installs them)');
  return `/usr/lib/postgresql/${majors[0]}/bin/${name}`;
}

const asRoot = process.getuid?.() === 0;

/** Runs a command as the `postgres` OS user when we are root (initdb, postgres and pgbouncer refuse root), else as ourselves. */
export async function asPostgres(command: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  try {
    const { stdout, stderr } = await exec(file, argv, { timeout: timeoutMs });
    return stdout + stderr;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: e });
  }
}

/** A temporary folder the `postgres` OS user owns (data directories, sockets, logs, configuration); `remove()` deletes it. */
export function postgresOwnedDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  if (asRoot) {
    const entry = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    if (!entry) throw new Error('no OS user postgres (the PostgreSQL server package creates it)');
    const [, , uid, gid] = entry.split(':');
    chownSync(path, Number(uid), Number(gid));
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A PostgreSQL cluster of a test's own: its data directory under `base`, listening on 127.0.0.1:`port`. */
export class PgCluster {
  private constructor(
    readonly base: string,
    readonly name: string,
    readonly port: number,
  ) {}

  get dataDir(): string {
    return join(this.base, this.name);
  }

  url(database = 'postgres', user = 'postgres'): string {
    return `postgres://${user}@127.0.0.1:${this.port}/${database}`;
  }

  /** initdb (trust for local connections and replication, which initdb's pg_hba.conf allows), ready to stream WAL. */
  static async create(base: string, name: string, port: number): Promise<PgCluster> {
    const c = new PgCluster(base, name, port);
    await asPostgres(pgBin('initdb'), ['-D', c.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    // A test's throw-away cluster: durability is not the point, speed is.
    appendFileSync(
      join(c.dataDir, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        'wal_level = replica',
        'max_wal_senders = 5',
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'shared_buffers = 32MB',
        'max_connections = 60',
        '',
      ].join('\n'),
    );
    return c;
  }

  /** A streaming replica of `primary` (`pg_basebackup -R`: standby.signal and primary_conninfo written). */
  static async replicaOf(primary: PgCluster, name: string, port: number): Promise<PgCluster> {
    const c = new PgCluster(primary.base, name, port);
    await asPostgres(pgBin('pg_basebackup'), [
      ...['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'],
      ...['-D', c.dataDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'],
    ]);
    return c;
  }

  async start(): Promise<void> {
    await asPostgres(pgBin('pg_ctl'), [
      ...['-D', this.dataDir, '-l', join(this.base, `${this.name}.log`), '-w', '-t', '60'],
      ...['-o', `-p ${this.port} -k ${this.base}`, 'start'],
    ]);
  }

  /** A fast shutdown (sessions ended, as a crash or a maintenance stop would end them); nothing when not running. */
  async stop(): Promise<void> {
    if (!existsSync(join(this.dataDir, 'postmaster.pid'))) return;
    await asPostgres(pgBin('pg_ctl'), ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  /** One statement on `database` as the superuser. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  log(): string {
    const path = join(this.base, `${this.name}.log`);
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }
}

/** Where Debian puts pgbouncer (outside a non-root PATH). */
const PGBOUNCER = existsSync('/usr/sbin/pgbouncer') ? '/usr/sbin/pgbouncer' : 'pgbouncer';

/**
 * A pgbouncer of a test's own in front of `server` (a postgres:// URL): transaction pooling, listening on
 * 127.0.0.1:`port`, clients let in without a password (`auth_type = trust`) as the URL's user, whose password (from the
 * URL, in the auth file) pgbouncer uses to log in to the server. `databaseExtra` is appended to the database's entry
 * (for example `connect_query=…`). `url()` is the URL to reach the server through it; `stop()` ends it and removes its
 * folder.
 */
export async function startPgBouncer(
  server: string,
  port: number,
  settings: { poolSize: number; databaseExtra?: string },
): Promise<{
  url: (user?: string) => string;
  admin: (sql: string) => Promise<Record<string, unknown>[]>;
  stop: () => Promise<void>;
  log: () => string;
}> {
  const u = new URL(server);
  const database = u.pathname.slice(1);
  const user = decodeURIComponent(u.username || 'postgres');
  const password = decodeURIComponent(u.password);
  const dir = postgresOwnedDir('childcare-pgbouncer-');
  const file = (name: string) => join(dir.path, name);
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(file('userlist.txt'), `${quote(user)} ${quote(password)}\n`);
  writeFileSync(
    file('pgbouncer.ini'),
    [
      '[databases]',
      `${database} = host=${u.hostname} port=${u.port || 5432} dbname=${database} ${settings.databaseExtra ?? ''}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${file('userlist.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${settings.poolSize}`,
      'max_client_conn = 500',
      `stats_users = ${user}`,
      `logfile = ${file('pgbouncer.log')}`,
      `pidfile = ${file('pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  if (asRoot) await exec('chown', ['-R', 'postgres:', dir.path]);
  await asPostgres(PGBOUNCER, ['-d', file('pgbouncer.ini')]);
  const url = (as = user) => `postgres://${encodeURIComponent(as)}@127.0.0.1:${port}/${database}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/pgbouncer` });
    await c.connect();
    try {
      return (await c.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await c.end();
    }
  };
  const log = () => (existsSync(file('pgbouncer.log')) ? readFileSync(file('pgbouncer.log'), 'utf8') : '');
  for (let waited = 0; ; waited += 100) {
    try {
      await admin('SHOW VERSION');
      break;
    } catch (e) {
      if (waited > 10_000) throw new Error(`pgbouncer did not answer on ${port}:\n${log()}`, { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const stop = async () => {
    const pidFile = file('pgbouncer.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      // SIGTERM: immediate shutdown (SIGINT would wait for the clients to leave).
      try {
        process.kill(pid, 'SIGTERM');
        for (let waited = 0; waited < 10_000; waited += 50) {
          await new Promise((r) => setTimeout(r, 50));
          process.kill(pid, 0);
        }
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    dir.remove();
  };
  return { url, admin, stop, log };
}
