import { createHmac } from 'node:crypto';
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

/**
 * HMAC-SHA256, keyed with a key the database never holds, over the previous hash and the canonical JSON of the
 * entry's content: whoever can write the table (even its owner, triggers off) cannot recompute a chain.
 */
export function linkHash(link: ChainLink, key: Buffer): string {
  // Named fields only: rows carry more (id, hash, key id) that must not enter the hash.
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
  return createHmac('sha256', key).update(link.prevHash).update(canonicalJson(content)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'sequence' | 'prev_hash' | 'hash' | 'unknown_key' | 'checkpoint' | 'checkpoint_signature';
}

/** Walks one subject's chain in seq order and reports the first broken link, if any. `keys` by key id. */
export function verifyChain(
  links: readonly (ChainLink & { hash: string; keyId: string })[],
  keys: ReadonlyMap<string, Buffer>,
): ChainBreak | null {
  let prev = GENESIS_HASH;
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    if (link.seq !== i + 1) return { seq: link.seq, reason: 'sequence' };
    if (link.prevHash !== prev) return { seq: link.seq, reason: 'prev_hash' };
    const key = keys.get(link.keyId);
    if (!key) return { seq: link.seq, reason: 'unknown_key' };
    if (linkHash(link, key) !== link.hash) return { seq: link.seq, reason: 'hash' };
    prev = link.hash;
  }
  return null;
}
