import { checkpointSignatureValid, headsMissing, signCheckpoint } from './audit-checkpoint.js';
import { GENESIS_HASH, linkHash, verifyChain, type ChainLink } from './audit-chain.js';

const KEY = Buffer.alloc(32, 7);
const KEYS = new Map([['k1', KEY]]);

function chain(n: number) {
  const links: (ChainLink & { hash: string; keyId: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const link: ChainLink = {
      subjectType: 'region',
      subjectId: '220102',
      seq,
      at: new Date(Date.UTC(2026, 0, seq)),
      actorId: null,
      actorRole: 'admin',
      action: 'population.set',
      changes: { population: { from: seq, to: seq + 1 } },
      prevHash: prev,
    };
    const hash = linkHash(link, KEY);
    links.push({ ...link, hash, keyId: 'k1' });
    prev = hash;
  }
  return links;
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(4), KEYS)).toBeNull();
  });
  it('detects an edited entry', () => {
    const links = chain(4);
    links[1] = { ...links[1]!, changes: { population: { from: 1, to: 999 } } };
    expect(verifyChain(links, KEYS)).toEqual({ seq: 2, reason: 'hash' });
  });
  it('detects a removed entry', () => {
    const links = chain(4);
    links.splice(2, 1);
    expect(verifyChain(links, KEYS)).toEqual({ seq: 4, reason: 'sequence' });
  });
  it('does not depend on the order of keys in the changes', () => {
    const a = chain(1)[0]!;
    const b = { ...a, changes: { z: 1, a: 2 } };
    const c = { ...a, changes: { a: 2, z: 1 } };
    expect(linkHash(b, KEY)).toBe(linkHash(c, KEY));
  });

  it('cannot be recomputed without the key: a chain rewritten and rehashed with another key, or unkeyed, is broken', () => {
    const links = chain(3);
    const forged: typeof links = [];
    let prev = GENESIS_HASH;
    for (const l of links) {
      const link = { ...l, changes: { population: { from: 0, to: 1 } }, prevHash: prev };
      const hash = linkHash(link, Buffer.alloc(32, 8));
      forged.push({ ...link, hash });
      prev = hash;
    }
    expect(verifyChain(forged, KEYS)).toEqual({ seq: 1, reason: 'hash' });
    expect(verifyChain([{ ...links[0]!, keyId: 'other' }], KEYS)).toEqual({ seq: 1, reason: 'unknown_key' });
  });
});

describe('audit checkpoints', () => {
  const heads = [{ subjectType: 'region', subjectId: '220102', seq: 4, hash: 'a'.repeat(64) }];
  it('are signed: a changed head or a foreign key fails the signature', () => {
    const c = signCheckpoint(heads, new Date(), 'k1', KEY);
    expect(checkpointSignatureValid(JSON.parse(JSON.stringify(c)), KEYS)).toBe(true);
    expect(checkpointSignatureValid({ ...c, heads: [{ ...heads[0]!, seq: 3 }] }, KEYS)).toBe(false);
    expect(checkpointSignatureValid(signCheckpoint(heads, new Date(), 'k1', Buffer.alloc(32, 9)), KEYS)).toBe(false);
    expect(checkpointSignatureValid({ nonsense: true }, KEYS)).toBe(false);
  });
  it('name the heads the database no longer holds as recorded', () => {
    const c = signCheckpoint(heads, new Date(), 'k1', KEY);
    expect(headsMissing(c, () => 'a'.repeat(64))).toEqual([]);
    expect(headsMissing(c, () => undefined)).toEqual(heads);
    expect(headsMissing(c, () => 'b'.repeat(64))).toEqual(heads);
  });
});
