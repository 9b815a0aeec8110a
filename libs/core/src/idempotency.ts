import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';

/**
 * Safe retries of POST (issue #14, defect 6; docs/api.md "Idempotency-Key"). A client sends `Idempotency-Key` with a
 * POST and the same key with every retry of it. The key is claimed *inside the write's own transaction* (by the audit
 * trail and the outbox, which every write uses), so it commits or rolls back with the write: a retry after a commit
 * whose answer was lost (a 503, a reset, a killed process) finds the key and never writes twice; a retry after a
 * rollback finds nothing and runs again. The answer is stored once it is known and replayed for 24 hours.
 * libs/core owns the table `idempotency_keys`.
 */
@Entity('idempotency_keys')
@Index('IDX_idempotency_keys_created', ['createdAt'])
export class IdempotencyKeyEntity {
  /** Who may replay it: `user:<id>`, or `anon:<address>` for anonymous POSTs. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_idempotency_keys' }) scope: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_idempotency_keys' }) key: string;
  /** SHA-256 of the method, the path and the body: the same key with another request is refused (422). */
  @Column({ type: 'text' }) requestHash: string;
  /** Null while the answer is not known: claimed by a committed write whose answer was lost, or still running. */
  @Column({ type: 'integer', nullable: true }) status: number | null;
  @Column({ type: 'jsonb', nullable: true }) headers: Record<string, string> | null;
  @Column({ type: 'jsonb', nullable: true }) body: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

interface IdempotencyContext {
  scope: string;
  key: string;
  requestHash: string;
  /** Transactions (their managers) that have claimed the key already: a write may audit several entries. */
  claimedIn: WeakSet<EntityManager>;
}

const context = new AsyncLocalStorage<IdempotencyContext>();

/** Runs `fn` (and everything it starts) so that its writes claim the key (called by the API per POST). */
export function runInIdempotencyScope<T>(scope: string, key: string, requestHash: string, fn: () => T): T {
  return context.run({ scope, key, requestHash, claimedIn: new WeakSet() }, fn);
}

/**
 * Claims the current request's key in the write's transaction. A second request with the same key waits for the
 * first's transaction and then fails on the primary key (23505 on `idempotency_keys_pkey`): the API answers 409.
 */
export async function claimIdempotencyKey(manager: EntityManager): Promise<void> {
  const ctx = context.getStore();
  if (!ctx || ctx.claimedIn.has(manager)) return;
  ctx.claimedIn.add(manager);
  await manager.query('INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)', [ctx.scope, ctx.key, ctx.requestHash]);
}

/** The primary key's name, by which the API recognises a concurrent duplicate. */
export const IDEMPOTENCY_CONSTRAINT = 'PK_idempotency_keys';

export interface StoredAnswer {
  requestHash: string;
  status: number | null;
  headers: Record<string, string>;
  body: unknown;
}

@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(scope: string, key: string, retentionMs: number): Promise<StoredAnswer | null> {
    const [row]: { request_hash: string; status: number | null; headers: Record<string, string> | null; body: unknown }[] =
      await this.dataSource.query(
        `SELECT request_hash, status, headers, body FROM idempotency_keys
          WHERE scope = $1 AND key = $2 AND created_at > now() - make_interval(secs => $3::double precision / 1000)`,
        [scope, key, retentionMs],
      );
    return row ? { requestHash: row.request_hash, status: row.status, headers: row.headers ?? {}, body: row.body } : null;
  }

  /** Keeps the answer; the row exists already when the write claimed it, else (a POST that writes nothing) it is made. */
  async complete(
    scope: string,
    key: string,
    requestHash: string,
    status: number,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, headers, body) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (scope, key) DO UPDATE SET status = EXCLUDED.status, headers = EXCLUDED.headers, body = EXCLUDED.body
        WHERE idempotency_keys.request_hash = EXCLUDED.request_hash`,
      [scope, key, requestHash, status, JSON.stringify(headers), body === undefined ? null : JSON.stringify(body)],
    );
  }

  /** Housekeeping: keys older than the retention, in batches (the worker, hourly). */
  async prune(retentionMs: number, batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const rows: unknown[] = await this.dataSource.query(
        `DELETE FROM idempotency_keys WHERE (scope, key) IN (
           SELECT scope, key FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)
            LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING 1`,
        [retentionMs, batch],
      );
      total += rows.length;
      if (rows.length < batch) return total;
    }
  }
}

export const IDEMPOTENCY_RETENTION_MS = 24 * 3600 * 1000;

@Module({ imports: [TypeOrmModule.forFeature([IdempotencyKeyEntity])], providers: [IdempotencyStore], exports: [IdempotencyStore] })
export class IdempotencyModule {}

export const coreEntities = [IdempotencyKeyEntity];
