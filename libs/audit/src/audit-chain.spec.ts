import { GENESIS_HASH, linkHash, verifyChain, type ChainLink } from './audit-chain.js';

function chain(n: number) {
  const links: (ChainLink & { hash: string })[] = [];
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
    const hash = linkHash(link);
    links.push({ ...link, hash });
    prev = hash;
  }
  return links;
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(4))).toBeNull();
  });
  it('detects an edited entry', () => {
    const links = chain(4);
    links[1] = { ...links[1]!, changes: { population: { from: 1, to: 999 } } };
    expect(verifyChain(links)).toEqual({ seq: 2, reason: 'hash' });
  });
  it('detects a removed entry', () => {
    const links = chain(4);
    links.splice(2, 1);
    expect(verifyChain(links)).toEqual({ seq: 4, reason: 'sequence' });
  });
  it('does not depend on the order of keys in the changes', () => {
    const a = chain(1)[0]!;
    const b = { ...a, changes: { z: 1, a: 2 } };
    const c = { ...a, changes: { a: 2, z: 1 } };
    expect(linkHash(b)).toBe(linkHash(c));
  });
});
