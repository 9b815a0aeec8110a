import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { auditConfig, claimIdempotencyKey, type AuditConfig } from '@lib/core';
import { AuditEntryEntity, type AuditSubjectType } from './audit-entry.entity.js';
import { GENESIS_HASH, linkHash, verifyChain, type ChainBreak, type ChainLink } from './audit-chain.js';
import { checkpointSignatureValid, headsMissing, signCheckpoint, type ChainHead } from './audit-checkpoint.js';

export type AuditBreak = ChainBreak & { subjectType: string; subjectId: string };
export interface AuditVerification {
  chains: number;
  entries: number;
  checkpoints: number;
  broken: AuditBreak[];
}

export interface AuditActor {
  id: string | null;
  role: string;
}

export interface AuditRecord {
  subjectType: AuditSubjectType;
  subjectId: string;
  actor: AuditActor;
  action: string;
  changes?: Record<string, unknown> | null;
}

/** The advisory lock's key of a subject's chain. */
function subjectKey(r: { subjectType: string; subjectId: string }): string {
  return `audit:${r.subjectType}:${r.subjectId}`;
}

export interface AuditView {
  at: string;
  actor: { id: string | null; role: string };
  action: string;
  changes?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(auditConfig.KEY) private readonly config: AuditConfig,
  ) {}

  /**
   * Appends each record to its subject's chain inside the caller's transaction (the change and its records commit
   * together). Several records go in three statements whatever their number: a busy write path (an accepted offer
   * audits the application and the facility) pays one round trip per step, not per record.
   */
  async record(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    // Every write is audited in its transaction: the request's Idempotency-Key commits with it (libs/core idempotency.ts).
    await claimIdempotencyKey(manager);
    const subjects = [...new Map(records.map((r) => [subjectKey(r), r])).values()];
    // Serialises appends per subject so two writers cannot fork a chain; taken in one order so that two writers of
    // the same subjects wait rather than deadlock. A statement of its own: the read below must see what a writer we
    // waited for committed (READ COMMITTED takes the snapshot at the statement's start).
    await manager.query(
      'SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM (SELECT unnest($1::text[]) AS k ORDER BY 1) keys',
      [subjects.map(subjectKey)],
    );
    const heads: { subject_type: string; subject_id: string; seq: number; hash: string }[] = await manager.query(
      `SELECT s.subject_type, s.subject_id, last.seq, last.hash
         FROM unnest($1::text[], $2::text[]) AS s(subject_type, subject_id)
         JOIN LATERAL (SELECT seq, hash FROM audit_entries e
                        WHERE e.subject_type = s.subject_type AND e.subject_id = s.subject_id ORDER BY seq DESC LIMIT 1) last ON true`,
      [subjects.map((r) => r.subjectType), subjects.map((r) => r.subjectId)],
    );
    const head = new Map<string, { seq: number; hash: string }>(
      heads.map((h) => [subjectKey({ subjectType: h.subject_type, subjectId: h.subject_id }), h]),
    );
    const key = this.config.keys.get(this.config.currentKeyId)!;
    const at = new Date();
    const entries = records.map((record) => {
      const last = head.get(subjectKey(record));
      const link: ChainLink = {
        subjectType: record.subjectType,
        subjectId: record.subjectId,
        seq: (last?.seq ?? 0) + 1,
        at,
        actorId: record.actor.id,
        actorRole: record.actor.role,
        action: record.action,
        changes: record.changes ?? null,
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      const hash = linkHash(link, key);
      head.set(subjectKey(record), { seq: link.seq, hash });
      return manager.create(AuditEntryEntity, { ...link, subjectType: record.subjectType, hash, keyId: this.config.currentKeyId });
    });
    await manager.save(entries);
  }

  /**
   * The entries of these subjects with one of `actions` whose `changes[key]` is one of `values`, oldest first: how
   * other libraries find the decisions that name one of their records (libs/incidents: the suspensions and closures
   * decided with an incidentId). Only this library names the audit table (docs/architecture.md "Table ownership").
   */
  async entriesNaming(
    m: EntityManager,
    query: {
      subjectType: AuditSubjectType;
      subjectIds: readonly string[];
      actions: readonly string[];
      key: string;
      values: readonly string[];
    },
  ): Promise<{ value: string; action: string; at: Date; changes: Record<string, unknown> }[]> {
    if (query.subjectIds.length === 0 || query.values.length === 0) return [];
    return m.query(
      `SELECT e.changes->>$4 AS value, e.action, e.at, e.changes
         FROM audit_entries e
        WHERE e.subject_type = $1 AND e.subject_id = ANY($2::text[]) AND e.action = ANY($3::text[]) AND e.changes->>$4 = ANY($5::text[])
        ORDER BY e.at`,
      [query.subjectType, query.subjectIds, query.actions, query.key, query.values],
    );
  }

  /** A subject's trail, oldest first, `limit` entries after the entry numbered `afterSeq`. */
  async history(subjectType: AuditSubjectType, subjectId: string, limit = 1000, afterSeq = 0): Promise<(AuditView & { seq: number })[]> {
    const rows = await this.dataSource.getRepository(AuditEntryEntity).find({
      where: { subjectType, subjectId, seq: MoreThan(afterSeq) },
      order: { seq: 'ASC' },
      take: limit,
    });
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actor: { id: r.actorId, role: r.actorRole },
      action: r.action,
      ...(r.changes ? { changes: r.changes } : {}),
    }));
  }

  /**
   * Recomputes every chain with the keys (an entry under an unknown key is broken), then checks that every head that
   * any checkpoint in AUDIT_CHECKPOINT_DIR recorded is still there with the same hash (a removed tail or a rewritten
   * chain is broken), and that every checkpoint carries a valid signature.
   */
  async verifyAll(): Promise<AuditVerification> {
    const rows = await this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .orderBy('a.subject_type')
      .addOrderBy('a.subject_id')
      .addOrderBy('a.seq')
      .getMany();
    const broken: AuditBreak[] = [];
    const hashes = new Map<string, string[]>();
    let chains = 0;
    for (let i = 0; i < rows.length;) {
      const first = rows[i]!;
      let j = i;
      while (j < rows.length && rows[j]!.subjectType === first.subjectType && rows[j]!.subjectId === first.subjectId) j++;
      chains++;
      const links = rows.slice(i, j);
      hashes.set(
        `${first.subjectType}\u0000${first.subjectId}`,
        links.map((l) => l.hash),
      );
      const failure = verifyChain(links, this.config.keys);
      if (failure) broken.push({ ...failure, subjectType: first.subjectType, subjectId: first.subjectId });
      i = j;
    }
    const files = await this.checkpointFiles();
    const seen = new Set(broken.map((b) => `${b.subjectType}\u0000${b.subjectId}`));
    for (const file of files) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(join(this.config.checkpointDir, file), 'utf8'));
      } catch {
        parsed = null;
      }
      if (!checkpointSignatureValid(parsed, this.config.keys)) {
        broken.push({ subjectType: 'checkpoint', subjectId: file, seq: 0, reason: 'checkpoint_signature' });
        continue;
      }
      const missing = headsMissing(parsed, (t, id, seq) => hashes.get(`${t}\u0000${id}`)?.[seq - 1]);
      for (const head of missing) {
        const chain = `${head.subjectType}\u0000${head.subjectId}`;
        if (seen.has(chain)) continue;
        seen.add(chain);
        broken.push({ subjectType: head.subjectType, subjectId: head.subjectId, seq: head.seq, reason: 'checkpoint' });
      }
    }
    return { chains, entries: rows.length, checkpoints: files.length, broken };
  }

  /**
   * Writes a checkpoint of every chain's head, signed with the current key, to AUDIT_CHECKPOINT_DIR (written whole
   * then renamed, so a reader never sees half a file). Returns its path.
   */
  async writeCheckpoint(at = new Date()): Promise<{ path: string; chains: number }> {
    const heads: { subject_type: string; subject_id: string; seq: number; hash: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (subject_type, subject_id) subject_type, subject_id, seq, hash
         FROM audit_entries ORDER BY subject_type, subject_id, seq DESC`,
    );
    const list: ChainHead[] = heads.map((h) => ({ subjectType: h.subject_type, subjectId: h.subject_id, seq: h.seq, hash: h.hash }));
    const checkpoint = signCheckpoint(list, at, this.config.currentKeyId, this.config.keys.get(this.config.currentKeyId)!);
    await mkdir(this.config.checkpointDir, { recursive: true });
    const name = `checkpoint-${at.toISOString().replace(/[:.]/g, '-')}-${process.pid}.json`;
    const path = join(this.config.checkpointDir, name);
    await writeFile(`${path}.tmp`, JSON.stringify(checkpoint), { mode: 0o640 });
    await rename(`${path}.tmp`, path);
    return { path, chains: list.length };
  }

  private async checkpointFiles(): Promise<string[]> {
    try {
      return (await readdir(this.config.checkpointDir)).filter((f) => f.startsWith('checkpoint-') && f.endsWith('.json')).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }
}
