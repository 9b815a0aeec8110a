import { createHash } from 'node:crypto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { ConfigError, configNamespace } from './config.js';

// Reads the raw value: implicit conversion would turn the string 'false' into true.
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  if (typeof raw !== 'string') return raw;
  const v = raw.toLowerCase();
  return ['1', 'true', 'yes'].includes(v) ? true : ['0', 'false', 'no'].includes(v) ? false : raw;
};
const DB_URL = /^postgres(ql)?:\/\/.+/;
const REDIS_URL = /^rediss?:\/\/.+/;

export const APP_ENVS = ['production', 'development', 'demo', 'test'] as const;
export type AppEnv = (typeof APP_ENVS)[number];

export class AppEnvSchema {
  @IsIn(APP_ENVS) APP_ENV: AppEnv = 'development';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string = 'info';
}
export const appConfig = configNamespace('app', AppEnvSchema, (e) => ({ env: e.APP_ENV, logLevel: e.LOG_LEVEL }));

export class DatabaseEnvSchema {
  @Matches(DB_URL, { message: 'must be a postgres:// URL' }) DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/childcare';
  /**
   * The owner's connection, for migrations (and the operator's scripts); the API and the worker connect with
   * DATABASE_URL as a role that owns nothing (docs/security.md). Empty: DATABASE_URL does both (one role).
   */
  @Matches(/^$|^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL (or empty)' }) DATABASE_OWNER_URL: string = '';
  @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE: number = 20;
  @IsInt() @Min(100) @Max(600000) DATABASE_STATEMENT_TIMEOUT_MS: number = 30000;
  /**
   * A streaming replica for the public reads only (nearby search, map, public facility page, register; docs/deployment.md
   * "Read replica"): they fall back to DATABASE_URL while it is unreachable. Empty: DATABASE_URL serves everything.
   */
  @Matches(/^$|^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL (or empty)' }) DATABASE_READ_URL: string = '';
  /** While the replica is unreachable, it is tried again (in the background) this often. */
  @IsInt() @Min(100) @Max(600000) DATABASE_READ_RECHECK_MS: number = 5000;
  /**
   * Sends `jit=off` and the statement timeout as startup options. `false` behind PgBouncer, which refuses the `options`
   * startup parameter: set them on the role or database instead (docs/deployment.md "PgBouncer").
   */
  @IsBoolean() @Transform(toBool) DATABASE_STARTUP_OPTIONS: boolean = true;
  /**
   * The worker's LISTEN for outbox commits needs a session of its own: behind a transaction pooler, a direct URL of the
   * primary. Empty: DATABASE_URL.
   */
  @Matches(/^$|^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL (or empty)' }) DATABASE_LISTEN_URL: string = '';
}
export const databaseConfig = configNamespace('database', DatabaseEnvSchema, (e) => ({
  url: e.DATABASE_URL,
  poolSize: e.DATABASE_POOL_SIZE,
  statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
  readUrl: e.DATABASE_READ_URL || null,
  readRecheckMs: e.DATABASE_READ_RECHECK_MS,
  startupOptions: e.DATABASE_STARTUP_OPTIONS,
  listenUrl: e.DATABASE_LISTEN_URL || e.DATABASE_URL,
}));
export type DatabaseConfig = ReturnType<typeof databaseConfig>;

export class RedisEnvSchema {
  @Matches(REDIS_URL, { message: 'must be a redis:// URL' }) REDIS_URL: string = 'redis://127.0.0.1:6379';
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, - and _ only' }) QUEUE_PREFIX: string = 'childcare';
}
export const redisConfig = configNamespace('redis', RedisEnvSchema, (e) => ({ url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX }));
export type RedisConfig = ReturnType<typeof redisConfig>;

export class HttpEnvSchema {
  @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsString() HOST: string = '0.0.0.0';
  @IsInt() @Min(1024) @Max(104857600) BODY_LIMIT_BYTES: number = 1048576;
  /** Comma-separated allowed origins; empty keeps CORS closed. */
  @IsString() CORS_ORIGINS: string = '';
  @IsOptional() @IsString() WEB_DIST: string = '';
  /** Anonymous /api/v1/public/* reads per client per minute, counted in Redis across processes (carrier NAT: 600). */
  @IsInt() @Min(1) @Max(1000000) PUBLIC_RATE_LIMIT_PER_MINUTE: number = 600;
  /** Anonymous public writes (complaint intake and the like) per client per minute: stricter. */
  @IsInt() @Min(1) @Max(1000000) PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE: number = 10;
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address: `false` (none: the socket's address),
   * `true` (any: only behind a proxy that overwrites the header), a hop count, or comma-separated addresses/CIDRs.
   */
  @Matches(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, { message: 'true, false, a hop count or addresses/CIDRs' })
  TRUST_PROXY: string = 'false';
  /** `GET /metrics` (Prometheus) answers with `Authorization: Bearer <METRICS_TOKEN>`; unset, it is off (404). */
  @IsOptional() @IsString() @MinLength(16, { message: 'must be at least 16 characters' }) METRICS_TOKEN?: string = undefined;
  /** `true` opens `/metrics` without the token: only where the network already keeps it private. */
  @IsBoolean() @Transform(toBool) METRICS_PUBLIC: boolean = false;
  /**
   * On SIGTERM the API first answers /health/ready with 503 "draining" for this long, still serving, so that the load
   * balancer stops sending before connections are refused; then it finishes what is in flight and exits.
   */
  @IsInt() @Min(0) @Max(300) SHUTDOWN_DRAIN_SECONDS: number = 10;
}

/** Fastify's trustProxy from TRUST_PROXY (a hop count: the nearest that many proxies are believed). */
export function trustProxySetting(value: string): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(',').map((s) => s.trim());
}
export const httpConfig = configNamespace('http', HttpEnvSchema, (e) => ({
  port: e.PORT,
  host: e.HOST,
  bodyLimit: e.BODY_LIMIT_BYTES,
  corsOrigins: e.CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  webDist: e.WEB_DIST || null,
  publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
  publicWriteRateLimitPerMinute: e.PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE,
  trustProxy: trustProxySetting(e.TRUST_PROXY),
}));
export type HttpConfig = ReturnType<typeof httpConfig>;

export class AuthEnvSchema {
  @IsString() @MinLength(32, { message: 'must be at least 32 characters' }) JWT_SECRET: string = '';
  @IsInt() @Min(60) @Max(86400) JWT_EXPIRES_IN_SECONDS: number = 3600;
  @IsOptional() @IsString() @MinLength(10, { message: 'must be at least 10 characters' }) ADMIN_PASSWORD?: string = undefined;
  @IsInt() @Min(1) @Max(1000000) LOGIN_MAX_FAILURES: number = 5;
  @IsInt() @Min(1) @Max(86400) LOGIN_WINDOW_SECONDS: number = 900;
  /** Failed logins per account from all clients together in the window, then the account is locked (and told). */
  @IsInt() @Min(1) @Max(1000000) LOGIN_ACCOUNT_MAX_FAILURES: number = 20;
  /** Registrations per client per hour. */
  @IsInt() @Min(1) @Max(1000000) REGISTER_RATE_LIMIT_PER_HOUR: number = 10;
}
export const authConfig = configNamespace('auth', AuthEnvSchema, (e) => ({
  jwtSecret: e.JWT_SECRET,
  jwtExpiresInSeconds: e.JWT_EXPIRES_IN_SECONDS,
  adminPassword: e.ADMIN_PASSWORD ?? null,
  loginMaxFailures: e.LOGIN_MAX_FAILURES,
  loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
  loginAccountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
  registerRateLimitPerHour: e.REGISTER_RATE_LIMIT_PER_HOUR,
}));
export type AuthConfig = ReturnType<typeof authConfig>;

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** Keys for staff ID numbers: AES-256-GCM encryption and the HMAC blind index (32 bytes each, hex). */
export class IdentityEnvSchema {
  @Matches(HEX_KEY, { message: 'must be 64 hex characters (32 bytes)' }) ID_ENCRYPTION_KEY: string = '';
  @Matches(HEX_KEY, { message: 'must be 64 hex characters (32 bytes)' }) ID_BLIND_INDEX_KEY: string = '';
}
export const identityConfig = configNamespace('identity', IdentityEnvSchema, (e) => ({
  encryptionKey: Buffer.from(e.ID_ENCRYPTION_KEY, 'hex'),
  blindIndexKey: Buffer.from(e.ID_BLIND_INDEX_KEY, 'hex'),
}));
export type IdentityConfig = ReturnType<typeof identityConfig>;

/**
 * The audit trail's keys and checkpoints (docs/operations.md "Keys"). Chain hashes are HMAC-SHA256 with
 * AUDIT_HMAC_KEY, a key the database never holds; AUDIT_HMAC_OLD_KEYS (comma-separated) still verify entries
 * written before a rotation. Signed checkpoints of every chain's head are written to AUDIT_CHECKPOINT_DIR.
 */
export class AuditEnvSchema {
  @Matches(HEX_KEY, { message: 'must be 64 hex characters (32 bytes)' }) AUDIT_HMAC_KEY: string = '';
  @Matches(/^([0-9a-fA-F]{64}(,[0-9a-fA-F]{64})*)?$/, { message: 'comma-separated keys of 64 hex characters' })
  AUDIT_HMAC_OLD_KEYS: string = '';
  @IsString() @MinLength(1) AUDIT_CHECKPOINT_DIR: string = 'var/audit-checkpoints';
  @IsInt() @Min(1) @Max(1440) AUDIT_CHECKPOINT_INTERVAL_MINUTES: number = 15;
}
export const auditConfig = configNamespace('audit', AuditEnvSchema, (e) => auditSettings(e));
export type AuditConfig = ReturnType<typeof auditConfig>;

/** The short public name of a key (recorded with each entry; says nothing about the key). */
export function auditKeyId(key: Buffer): string {
  return createHash('sha256').update('audit-key-id').update(key).digest('hex').slice(0, 16);
}

export function auditSettings(e: AuditEnvSchema) {
  const current = Buffer.from(e.AUDIT_HMAC_KEY, 'hex');
  const keys = new Map<string, Buffer>([[auditKeyId(current), current]]);
  for (const hex of e.AUDIT_HMAC_OLD_KEYS.split(',').filter(Boolean)) {
    const key = Buffer.from(hex, 'hex');
    keys.set(auditKeyId(key), key);
  }
  return {
    currentKeyId: auditKeyId(current),
    keys,
    checkpointDir: e.AUDIT_CHECKPOINT_DIR,
    checkpointIntervalMs: e.AUDIT_CHECKPOINT_INTERVAL_MINUTES * 60_000,
  };
}

export class FiguresEnvSchema {
  /** Which facility kinds count in the places-per-1,000 figures (comma-separated). */
  @Matches(/^(centre|kindergarten_class|family|employer|community)(,(centre|kindergarten_class|family|employer|community))*$/, {
    message: 'comma-separated facility kinds',
  })
  COUNTED_FACILITY_KINDS: string = 'centre,kindergarten_class,family,employer,community';
}
export const figuresConfig = configNamespace('figures', FiguresEnvSchema, (e) => ({
  countedKinds: e.COUNTED_FACILITY_KINDS.split(','),
}));
export type FiguresConfig = ReturnType<typeof figuresConfig>;

export class RegistryEnvSchema {
  /** The city's ceiling of a 普惠 facility's monthly fee, yuan (docs/api.md "Affordable (普惠) recognition"; until Changchun publishes its own). */
  @IsInt() @Min(0) @Max(100000) AFFORDABLE_MAX_MONTHLY_FEE: number = 3000;
  /** Working days a facility filing or change filing may wait for review before `filing_review_overdue`. */
  @IsInt() @Min(1) @Max(60) REVIEW_DEADLINE_WORKING_DAYS: number = 5;
}
export const registryConfig = configNamespace('registry', RegistryEnvSchema, (e) => ({
  affordableMaxMonthlyFee: e.AFFORDABLE_MAX_MONTHLY_FEE,
  reviewDeadlineWorkingDays: e.REVIEW_DEADLINE_WORKING_DAYS,
}));
export type RegistryConfig = ReturnType<typeof registryConfig>;

/**
 * The figures of the incident rules (docs/incidents.md); the defaults are those of docs/api.md "Incidents (突发事件) and drills". Kind-specific reporting deadlines
 * (a death, an abuse allegation or a missing child within 2 hours) are rules, not settings, and stay in code.
 */
export class IncidentsEnvSchema {
  /** Hours from the incident to its reporting deadline, by severity. */
  @IsInt() @Min(1) @Max(720) INCIDENT_REPORT_HOURS_CRITICAL: number = 2;
  @IsInt() @Min(1) @Max(720) INCIDENT_REPORT_HOURS_SERIOUS: number = 12;
  @IsInt() @Min(1) @Max(720) INCIDENT_REPORT_HOURS_MINOR: number = 72;
  /** A serious or critical incident not acknowledged after this many hours alerts the unit, then also the city. */
  @IsInt() @Min(1) @Max(168) INCIDENT_ACK_UNIT_HOURS: number = 2;
  @IsInt() @Min(1) @Max(168) INCIDENT_ACK_CITY_HOURS: number = 4;
  /** `illness_cluster`: this many children ill at one facility within this many days. */
  @IsInt() @Min(2) @Max(100) ILLNESS_CLUSTER_CHILDREN: number = 3;
  @IsInt() @Min(1) @Max(60) ILLNESS_CLUSTER_DAYS: number = 7;
  /** `drill_overdue`: a registered facility without a fire evacuation drill for this many days. */
  @IsInt() @Min(7) @Max(730) DRILL_INTERVAL_DAYS: number = 90;
  /** Years of substantiated serious and critical incidents shown on the public facility page. */
  @IsInt() @Min(1) @Max(10) INCIDENT_PUBLIC_YEARS: number = 3;
}

/** The settings of the incident rules, or the names of the variables that contradict each other. */
export function incidentSettings(e: IncidentsEnvSchema) {
  if (e.INCIDENT_ACK_CITY_HOURS <= e.INCIDENT_ACK_UNIT_HOURS) {
    throw new ConfigError([
      `INCIDENT_ACK_CITY_HOURS: must be more than INCIDENT_ACK_UNIT_HOURS (${e.INCIDENT_ACK_UNIT_HOURS}) (got ${e.INCIDENT_ACK_CITY_HOURS})`,
    ]);
  }
  return {
    reportHours: {
      critical: e.INCIDENT_REPORT_HOURS_CRITICAL,
      serious: e.INCIDENT_REPORT_HOURS_SERIOUS,
      minor: e.INCIDENT_REPORT_HOURS_MINOR,
    },
    acknowledgeHours: { unit: e.INCIDENT_ACK_UNIT_HOURS, city: e.INCIDENT_ACK_CITY_HOURS },
    illnessCluster: { children: e.ILLNESS_CLUSTER_CHILDREN, days: e.ILLNESS_CLUSTER_DAYS },
    drillIntervalDays: e.DRILL_INTERVAL_DAYS,
    publicRecordYears: e.INCIDENT_PUBLIC_YEARS,
  };
}
export const incidentsConfig = configNamespace('incidents', IncidentsEnvSchema, incidentSettings);
export type IncidentsSettings = ReturnType<typeof incidentSettings>;

export class OutboxEnvSchema {
  @IsInt() @Min(10) @Max(60000) OUTBOX_POLL_MS: number = 500;
  /** A row sent to Redis but not completed after this long is sent again (its job may have vanished). */
  @IsInt() @Min(100) @Max(86400000) OUTBOX_RESEND_AFTER_MS: number = 60000;
  @IsInt() @Min(1) @Max(10000) OUTBOX_BATCH_SIZE: number = 200;
  /** Done rows are deleted after this many days (the worker prunes hourly); pending rows are kept however old. */
  @IsInt() @Min(1) @Max(3650) OUTBOX_RETENTION_DAYS: number = 7;
}
export const outboxConfig = configNamespace('outbox', OutboxEnvSchema, (e) => ({
  pollMs: e.OUTBOX_POLL_MS,
  resendAfterMs: e.OUTBOX_RESEND_AFTER_MS,
  batchSize: e.OUTBOX_BATCH_SIZE,
  retentionMs: e.OUTBOX_RETENTION_DAYS * 86_400_000,
}));
export type OutboxConfig = ReturnType<typeof outboxConfig>;

export class MapEnvSchema {
  /** Leaflet tile URL template; empty draws boundaries only (works offline). */
  @IsOptional() @IsString() MAP_TILE_URL: string = '';
  @IsString() MAP_TILE_ATTRIBUTION: string = '';
  @IsIn(['wgs84', 'gcj02']) MAP_TILE_CRS: 'wgs84' | 'gcj02' = 'wgs84';
  /** What `{s}` in the template stands for: one character each (`1234`) or comma-separated (`t0,t1`). */
  @Matches(/^[A-Za-z0-9-]*(,[A-Za-z0-9-]+)*$/) MAP_TILE_SUBDOMAINS: string = 'abc';
}

/** `1234` → ['1', '2', '3', '4']; `t0,t1` → ['t0', 't1']. */
export function tileSubdomains(value: string): string[] {
  return value.includes(',') ? value.split(',').filter(Boolean) : [...value];
}

export const mapConfig = configNamespace('map', MapEnvSchema, (e) => ({
  tileUrl: e.MAP_TILE_URL || null,
  attribution: e.MAP_TILE_ATTRIBUTION,
  tileCrs: e.MAP_TILE_CRS,
  subdomains: tileSubdomains(e.MAP_TILE_SUBDOMAINS),
}));
export type MapConfig = ReturnType<typeof mapConfig>;

export class WorkerEnvSchema {
  @IsBoolean() @Transform(toBool) WORKER_RELAY: boolean = true;
  @IsInt() @Min(1) @Max(64) WORKER_CONCURRENCY: number = 4;
  /** A job's lock; a worker that died holding one frees it after this long (BullMQ lockDuration). */
  @IsInt() @Min(1000) @Max(600000) WORKER_LOCK_DURATION_MS: number = 30000;
  /** How often a worker looks for jobs left active by a dead worker (BullMQ stalledInterval). */
  @IsInt() @Min(1000) @Max(600000) WORKER_STALLED_INTERVAL_MS: number = 30000;
}
export const workerConfig = configNamespace('worker', WorkerEnvSchema, (e) => ({
  relay: e.WORKER_RELAY,
  concurrency: e.WORKER_CONCURRENCY,
  lockDurationMs: e.WORKER_LOCK_DURATION_MS,
  stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
}));
export type WorkerConfig = ReturnType<typeof workerConfig>;

/** ioredis options from a redis:// URL (BullMQ takes options, not URLs). */
export function redisOptionsFromUrl(url: string): {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
} {
  const u = new URL(url);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
