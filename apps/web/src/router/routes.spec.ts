import { describe, expect, it } from '@jest/globals';
import { matchRoute, nextSuitsRole, paths, safeNext } from './routes';

describe('routes', () => {
  it('maps every page’s path, with its parameters', () => {
    expect(matchRoute('/')).toEqual({ name: 'map' });
    expect(matchRoute('/index.html')).toEqual({ name: 'map' });
    expect(matchRoute('/facilities/0b6f3f1e-8a52-4a8e-9d7e-2f1f3c4b5a69')).toEqual({
      name: 'facility',
      id: '0b6f3f1e-8a52-4a8e-9d7e-2f1f3c4b5a69',
    });
    expect(matchRoute('/facilities/')).toEqual({ name: 'notFound' });
    expect(paths.facility('a b')).toBe('/facilities/a%20b');
    expect(paths.map('?lat=1&lng=2')).toBe('/?lat=1&lng=2');
    expect(matchRoute('/login')).toEqual({ name: 'login' });
    expect(matchRoute('/console/')).toEqual({ name: 'console' });
    expect(matchRoute('/console/operator')).toEqual({ name: 'operatorHome' });
    expect(matchRoute('/console/operator/facilities/new')).toEqual({ name: 'operatorNewFacility' });
    const id = '0b6f3f1e-8a52-4a8e-9d7e-2f1f3c4b5a69';
    expect(matchRoute(`/console/operator/facilities/${id}`)).toEqual({ name: 'operatorFacility', id });
    expect(matchRoute(`/console/regulator/facilities/${id}`)).toEqual({ name: 'regulatorFacility', id });
    expect(matchRoute('/console/regulator')).toEqual({ name: 'regulatorHome' });
    expect(matchRoute(`/console/regulator/changes/${id}`)).toEqual({ name: 'regulatorChange', id });
    expect(paths.regulatorChange(id)).toBe(`/console/regulator/changes/${id}`);
    expect(matchRoute('/console/regulator/changes/')).toEqual({ name: 'notFound' });
    expect(matchRoute('/console/nothing')).toEqual({ name: 'notFound' });
    expect(paths.regulatorFacility(id)).toBe(`/console/regulator/facilities/${id}`);
    expect(matchRoute(`/console/regulator/facilities/${id}/inspect/fire`)).toEqual({ name: 'regulatorInspect', id, domain: 'fire' });
    expect(matchRoute(`/console/regulator/facilities/${id}/inspect/water`)).toEqual({ name: 'notFound' });
    expect(matchRoute('/console/orders')).toEqual({ name: 'orders' });
    expect(matchRoute('/console/plan/')).toEqual({ name: 'plan' });
    expect(matchRoute('/console/dashboard')).toEqual({ name: 'dashboard' });
    expect(paths.regulatorInspect(id, 'food')).toBe(`/console/regulator/facilities/${id}/inspect/food`);
  });

  it('lets each role come back to the shared pages it may open', () => {
    expect(nextSuitsRole('/console/orders?status=open', 'operator', '/console/operator')).toBe(true);
    expect(nextSuitsRole('/console/plan', 'operator', '/console/operator')).toBe(false);
    expect(nextSuitsRole('/console/plan', 'regulator', '/console/regulator')).toBe(true);
    expect(nextSuitsRole('/console/regulator', 'operator', '/console/operator')).toBe(false);
  });

  it('only returns to console pages of this site after login', () => {
    expect(safeNext('/console/operator/facilities/new')).toBe('/console/operator/facilities/new');
    expect(safeNext('/console/regulator?x=1')).toBe('/console/regulator?x=1');
    expect(safeNext('//evil.example/console')).toBeNull();
    expect(safeNext('https://evil.example/console')).toBeNull();
    expect(safeNext('/console/unknown')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
