import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { AuditEntryEntity, type AuditSubjectType } from './audit-entry.entity.js';
import { GENESIS_HASH, linkHash, verifyChain, type ChainBreak, type ChainLink } from './audit-chain.js';

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

export interface AuditView {
  at: string;
  actor: { id: string | null; role: string };
  action: string;
  changes?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends to the subject's chain inside the caller's transaction (the change and its record commit together). */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    // Serialises appends per subject so two writers cannot fork the chain.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`audit:${record.subjectType}:${record.subjectId}`]);
    const last: { seq: number; hash: string }[] = await manager.query(
      'SELECT seq, hash FROM audit_entries WHERE subject_type = $1 AND subject_id = $2 ORDER BY seq DESC LIMIT 1',
      [record.subjectType, record.subjectId],
    );
    const link: ChainLink = {
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      seq: (last[0]?.seq ?? 0) + 1,
      at: new Date(),
      actorId: record.actor.id,
      actorRole: record.actor.role,
      action: record.action,
      changes: record.changes ?? null,
      prevHash: last[0]?.hash ?? GENESIS_HASH,
    };
    await manager.save(manager.create(AuditEntryEntity, { ...link, subjectType: record.subjectType, hash: linkHash(link) }));
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

  /** Recomputes every chain; returns the broken ones. */
  async verifyAll(): Promise<{ chains: number; entries: number; broken: (ChainBreak & { subjectType: string; subjectId: string })[] }> {
    const rows = await this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .orderBy('a.subject_type')
      .addOrderBy('a.subject_id')
      .addOrderBy('a.seq')
      .getMany();
    const broken: (ChainBreak & { subjectType: string; subjectId: string })[] = [];
    let chains = 0;
    for (let i = 0; i < rows.length;) {
      const first = rows[i]!;
      let j = i;
      while (j < rows.length && rows[j]!.subjectType === first.subjectType && rows[j]!.subjectId === first.subjectId) j++;
      chains++;
      const failure = verifyChain(rows.slice(i, j));
      if (failure) broken.push({ ...failure, subjectType: first.subjectType, subjectId: first.subjectId });
      i = j;
    }
    return { chains, entries: rows.length, broken };
  }
}
