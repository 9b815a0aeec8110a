import { decide, inReach, reachOf, reachPredicate, type Actor, type Policy } from './roles.js';

const admin: Actor = { id: 'a', username: 'admin', role: 'admin', agency: null, regionCode: null };
const operator: Actor = { id: 'o', username: 'op', role: 'operator', agency: null, regionCode: null };
const cityHealth: Actor = { id: 'h', username: 'h', role: 'regulator', agency: 'health', regionCode: '220100' };
const districtHealth: Actor = { id: 'd', username: 'd', role: 'regulator', agency: 'health', regionCode: '220102' };
const cityFire: Actor = { id: 'f', username: 'f', role: 'regulator', agency: 'fire', regionCode: '220100' };

describe('route policies', () => {
  const population: Policy = { kind: 'grants', grants: [{ role: 'admin' }, { role: 'regulator', agencies: ['health'], cityLevel: true }] };

  it('let anyone through a public route', () => {
    expect(decide({ kind: 'public' }, null)).toBe('allow');
  });
  it('ask anonymous callers to sign in (401), and refuse signed-in callers without a grant (403)', () => {
    expect(decide({ kind: 'signed_in' }, null)).toBe('unauthenticated');
    expect(decide(population, null)).toBe('unauthenticated');
    expect(decide(population, operator)).toBe('forbidden');
  });
  it('let the admin and a city-level health regulator set population, not a district one or another agency', () => {
    expect(decide(population, admin)).toBe('allow');
    expect(decide(population, cityHealth)).toBe('allow');
    expect(decide(population, districtHealth)).toBe('forbidden');
    expect(decide(population, cityFire)).toBe('forbidden');
  });
});

describe('reach', () => {
  it('gives the admin everything, a regulator its region, an operator its own objects', () => {
    expect(reachOf(admin)).toEqual({ kind: 'all' });
    expect(reachOf(districtHealth)).toEqual({ kind: 'region', regionCode: '220102' });
    expect(reachOf(operator)).toEqual({ kind: 'owner', ownerId: 'o' });
  });
  it('puts every unit of the city in a city regulator’s reach, and only its unit in a district one’s', () => {
    expect(inReach(reachOf(cityHealth), { unitCode: '220172', ownerId: null })).toBe(true);
    expect(inReach(reachOf(districtHealth), { unitCode: '220102', ownerId: null })).toBe(true);
    expect(inReach(reachOf(districtHealth), { unitCode: '220103', ownerId: null })).toBe(false);
    expect(inReach(reachOf(operator), { unitCode: '220102', ownerId: 'someone-else' })).toBe(false);
  });
  it('turns into parameterised SQL', () => {
    const params: unknown[] = ['x'];
    expect(reachPredicate(reachOf(cityHealth), { unitCode: 'f.region_code', ownerId: 'f.owner_id' }, params)).toBe(
      'f.region_code BETWEEN $2 AND $3',
    );
    expect(params).toEqual(['x', '220100', '220199']);
    expect(reachPredicate(reachOf(operator), { unitCode: 'f.region_code', ownerId: 'f.owner_id' }, params)).toBe('f.owner_id = $4');
  });
});
