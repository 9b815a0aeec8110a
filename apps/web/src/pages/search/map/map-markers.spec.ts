import { describe, expect, it } from '@jest/globals';
import type { NearbyItem } from '../../../api/types';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-CN';
import { browseMarkers, clusterSize, featuresBbox, resultMarkerLabel, resultMarkers, type MapFeature } from './map-markers';

const point = (lng: number, lat: number) => ({ type: 'Point' as const, coordinates: [lng, lat] as [number, number] });
const cluster = (count: number, lng = 125.3, lat = 43.9): MapFeature => ({
  type: 'Feature',
  geometry: point(lng, lat),
  properties: { cluster: true, count },
});
const facility = (id: string, vacancies: number, affordable = false): MapFeature => ({
  type: 'Feature',
  geometry: point(125.31, 43.88),
  properties: { cluster: false, id, name: `园 ${id}`, kind: 'centre', vacancies, affordable },
});
const result = (id: string, kind: NearbyItem['kind'], location: NearbyItem['location'] | null, vacancies = 2, vacanciesForAge?: number) =>
  ({
    id,
    name: `Result ${id}`,
    kind,
    location,
    vacancies,
    ...(vacanciesForAge === undefined ? {} : { vacanciesForAge }),
  }) as unknown as NearbyItem;

describe('the box asked of the map features', () => {
  it('is west, south, east, north, clamped to valid coordinates', () => {
    expect(featuresBbox({ lat: 43.7, lng: 125.1 }, { lat: 44.1, lng: 125.6 })).toEqual([125.1, 43.7, 125.6, 44.1]);
    expect(featuresBbox({ lat: -95, lng: -200 }, { lat: 91, lng: 181 })).toEqual([-180, -90, 180, 90]);
  });
});

describe('the facilities layer', () => {
  it('sizes clusters by their count', () => {
    expect([1, 9, 10, 99, 100, 999, 1000, 25_000].map(clusterSize)).toEqual([30, 30, 36, 36, 42, 42, 48, 48]);
  });

  it('draws clusters and single facilities, green with vacancies, marked when affordable', () => {
    const markers = browseMarkers([cluster(120), facility('a', 3, true), facility('b', 0)], new Set(), false);
    expect(markers).toEqual([
      { kind: 'cluster', at: { lat: 43.9, lng: 125.3 }, count: 120, size: 42, className: 'cluster-marker' },
      {
        kind: 'facility',
        at: { lat: 43.88, lng: 125.31 },
        id: 'a',
        name: '园 a',
        vacancies: 3,
        className: 'facility-dot facility-dot--vacancy facility-dot--affordable',
      },
      {
        kind: 'facility',
        at: { lat: 43.88, lng: 125.31 },
        id: 'b',
        name: '园 b',
        vacancies: 0,
        className: 'facility-dot facility-dot--full',
      },
    ]);
  });

  it('leaves the search’s results to their own markers and mutes the rest while searching', () => {
    const markers = browseMarkers([cluster(5), facility('a', 3), facility('b', 1)], new Set(['a']), true);
    expect(markers.map((marker) => (marker.kind === 'cluster' ? 'cluster' : marker.id))).toEqual(['cluster', 'b']);
    expect(markers.map((marker) => marker.className)).toEqual([
      'cluster-marker cluster-marker--muted',
      'facility-dot facility-dot--vacancy facility-dot--muted',
    ]);
  });

  it('skips features without a position', () => {
    const broken = { ...facility('x', 1), geometry: null } as unknown as MapFeature;
    const half = { ...facility('y', 1), geometry: { type: 'Point', coordinates: [125.3] } } as unknown as MapFeature;
    expect(
      browseMarkers([broken, half, facility('z', 1)], new Set(), false).map((marker) => marker.kind === 'facility' && marker.id),
    ).toEqual(['z']);
  });
});

describe('the results’ markers', () => {
  it('are numbered as in the list, home-based points marked approximate, a result without a position skipped', () => {
    const markers = resultMarkers([
      result('a', 'centre', { lat: 43.8, lng: 125.2 }),
      result('b', 'family', null),
      result('c', 'family', { lat: 43.9, lng: 125.4 }),
    ]);
    expect(markers).toEqual([
      { id: 'a', number: 1, at: { lat: 43.8, lng: 125.2 }, name: 'Result a', vacancies: 2, forAge: false, className: 'result-marker' },
      {
        id: 'c',
        number: 3,
        at: { lat: 43.9, lng: 125.4 },
        name: 'Result c',
        vacancies: 2,
        forAge: false,
        className: 'result-marker result-marker--approximate',
      },
    ]);
  });

  it('count the free places for the child’s age when the search has one, not the facility’s, and are grey without any', () => {
    const at = { lat: 43.8, lng: 125.2 };
    const [none, some, full, fullForAge] = resultMarkers([
      result('a', 'centre', at, 4, 0),
      result('b', 'family', at, 4, 1),
      result('c', 'centre', at, 0),
      result('d', 'centre', at, 0, 0),
    ]);
    expect(none).toMatchObject({ vacancies: 0, forAge: true, className: 'result-marker result-marker--full' });
    expect(some).toMatchObject({ vacancies: 1, forAge: true, className: 'result-marker result-marker--approximate' });
    expect(full).toMatchObject({ vacancies: 0, forAge: false, className: 'result-marker result-marker--full' });
    expect(fullForAge).toMatchObject({ vacancies: 0, forAge: true, className: 'result-marker result-marker--full' });
  });

  it('are named with their number, the name and those free places, in the page’s language', () => {
    const at = { lat: 43.8, lng: 125.2 };
    const [forAge, noneForAge, all, none] = resultMarkers([
      result('a', 'centre', at, 1200, 1),
      result('b', 'centre', at, 4, 0),
      result('c', 'centre', at, 1200),
      result('d', 'centre', at, 0),
    ]);
    expect(resultMarkerLabel(forAge!, zhCN, 'zh-CN')).toBe('第 1 项：Result a，适合孩子年龄的空余托位 1 个');
    expect(resultMarkerLabel(noneForAge!, zhCN, 'zh-CN')).toBe('第 2 项：Result b，孩子这个年龄暂无空余托位');
    expect(resultMarkerLabel(all!, zhCN, 'zh-CN')).toBe('第 3 项：Result c，空余托位 1,200 个');
    expect(resultMarkerLabel(none!, zhCN, 'zh-CN')).toBe('第 4 项：Result d，暂无空余托位');
    expect(resultMarkerLabel(forAge!, en, 'en')).toBe('Result 1: Result a — 1 free place for your child’s age');
    expect(resultMarkerLabel(noneForAge!, en, 'en')).toBe('Result 2: Result b — No free places for your child’s age');
  });
});
