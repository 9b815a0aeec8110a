import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '@lib/core';

/** The head of one chain at checkpoint time. */
export interface ChainHead {
  subjectType: string;
  subjectId: string;
  seq: number;
  hash: string;
}

/**
 * A signed record of every chain's head, written outside the database (AUDIT_CHECKPOINT_DIR). Removing the tail
 * of a chain, or rewriting it, no longer matches a head some earlier checkpoint recorded.
 */
export interface AuditCheckpoint {
  version: 1;
  at: string;
  keyId: string;
  heads: ChainHead[];
  signature: string;
}

function signature(body: Omit<AuditCheckpoint, 'signature'>, key: Buffer): string {
  return createHmac('sha256', key).update('audit-checkpoint').update(canonicalJson(body)).digest('hex');
}

export function signCheckpoint(heads: ChainHead[], at: Date, keyId: string, key: Buffer): AuditCheckpoint {
  const body = { version: 1 as const, at: at.toISOString(), keyId, heads };
  return { ...body, signature: signature(body, key) };
}

/** True when the checkpoint is well formed and signed by one of `keys` (by key id). */
export function checkpointSignatureValid(value: unknown, keys: ReadonlyMap<string, Buffer>): value is AuditCheckpoint {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Partial<AuditCheckpoint>;
  if (c.version !== 1 || typeof c.at !== 'string' || typeof c.keyId !== 'string' || typeof c.signature !== 'string') return false;
  if (!Array.isArray(c.heads)) return false;
  const key = keys.get(c.keyId);
  if (!key) return false;
  const expected = Buffer.from(signature({ version: 1, at: c.at, keyId: c.keyId, heads: c.heads }, key), 'hex');
  const given = Buffer.from(c.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The heads a checkpoint recorded that the database no longer holds as recorded: `hashAt(type, id, seq)` gives the
 * stored hash of that entry (undefined when it is gone).
 */
export function headsMissing(
  checkpoint: AuditCheckpoint,
  hashAt: (subjectType: string, subjectId: string, seq: number) => string | undefined,
): ChainHead[] {
  return checkpoint.heads.filter((h) => hashAt(h.subjectType, h.subjectId, h.seq) !== h.hash);
}
