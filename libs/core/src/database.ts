import { DefaultNamingStrategy, type DataSource, type NamingStrategyInterface } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import type { DatabaseConfig } from './env.js';

/** camelCase properties become snake_case columns. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return customName ?? snake([...prefixes, propertyName].join('_'));
  }
}

export function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/__+/g, '_')
    .toLowerCase();
}

/** Options shared by the app, the worker, scripts and the migration CLI. `synchronize` is never on. */
export function dataSourceOptions(
  config: Pick<DatabaseConfig, 'url' | 'poolSize' | 'statementTimeoutMs'> & { startupOptions?: boolean },
  entities: PostgresDataSourceOptions['entities'],
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    entities,
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    poolSize: config.poolSize,
    extra: { ...startupOptions(config), connectionTimeoutMillis: 5000 },
  };
}

/**
 * JIT does not pay off for the short geo and aggregate queries (docs/architecture.md "Geo"), and no statement runs
 * unbounded. PgBouncer refuses the `options` startup parameter: with DATABASE_STARTUP_OPTIONS=false none is sent and the
 * role or database carries the settings (docs/deployment.md "PgBouncer").
 */
export function startupOptions(config: Pick<DatabaseConfig, 'statementTimeoutMs'> & { startupOptions?: boolean }): { options?: string } {
  return config.startupOptions === false ? {} : { options: `-c jit=off -c statement_timeout=${config.statementTimeoutMs}` };
}

/**
 * Whether a failed query says the server could not be reached or went away (refused, reset, timed out, shutting down,
 * starting up, a connection exception), rather than that the statement itself failed.
 */
export function isUnavailable(error: unknown): boolean {
  const e = (error as { driverError?: unknown })?.driverError ?? error;
  const code = String((e as { code?: unknown })?.code ?? '');
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  // 57P01-57P03: admin shutdown, crash shutdown, cannot connect now; class 08: connection exception.
  if (/^57P0[1-3]$|^08/.test(code)) return true;
  const message = String((e as { message?: unknown })?.message ?? '');
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(
    message,
  );
}

/**
 * A singleton job's guard: true when this transaction got the advisory lock named `key` (held until it
 * ends), false when another worker is running the same job right now.
 */
export async function tryTransactionLock(
  manager: { query: (sql: string, params: unknown[]) => Promise<{ locked: boolean }[]> },
  key: string,
): Promise<boolean> {
  const [row] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [key]);
  return row?.locked === true;
}

/**
 * Rows of one parameterised statement, straight from TypeORM's pg pool. The public search and map answer thousands
 * of requests a second: TypeORM's query runner (a runner object, logging and result handling per query) cost about
 * 0.1 ms of CPU per request there (bench/RESULTS.md), so those hot reads skip it. Writes and ordinary reads keep
 * using TypeORM.
 */
export async function queryRows<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as { query: (text: string, values: unknown[]) => Promise<{ rows: T[] }> };
  return (await pool.query(text, values)).rows;
}
