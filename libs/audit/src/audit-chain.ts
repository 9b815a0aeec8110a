import { createHash } from 'node:crypto';
import { canonicalJson } from '@lib/core';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLink {
  subjectType: string;
  subjectId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string;
  action: string;
  changes: Record<string, unknown> | null;
  prevHash: string;
}

/** sha256 over the previous hash and the canonical JSON of the entry's content. */
export function linkHash(link: ChainLink): string {
  // Named fields only: rows carry more (id, hash) that must not enter the hash.
  const content = {
    subjectType: link.subjectType,
    subjectId: link.subjectId,
    seq: link.seq,
    at: link.at.toISOString(),
    actorId: link.actorId,
    actorRole: link.actorRole,
    action: link.action,
    changes: link.changes,
  };
  return createHash('sha256').update(link.prevHash).update(canonicalJson(content)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'sequence' | 'prev_hash' | 'hash';
}

/** Walks one subject's chain in seq order and reports the first broken link, if any. */
export function verifyChain(links: readonly (ChainLink & { hash: string })[]): ChainBreak | null {
  let prev = GENESIS_HASH;
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    if (link.seq !== i + 1) return { seq: link.seq, reason: 'sequence' };
    if (link.prevHash !== prev) return { seq: link.seq, reason: 'prev_hash' };
    if (linkHash(link) !== link.hash) return { seq: link.seq, reason: 'hash' };
    prev = link.hash;
  }
  return null;
}
