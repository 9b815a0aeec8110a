import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseCsv, parsePlaces, placeAt } from './places';

describe('the CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
  });

  it('ignores a byte-order mark and blank lines, and reads a last line without a break', () => {
    expect(parseCsv('\uFEFFname,lat\n\nA,1')).toEqual([
      ['name', 'lat'],
      ['A', '1'],
    ]);
  });
});

describe('the named places', () => {
  it('reads the columns by name and skips rows without a valid point', () => {
    const text = 'lat,name,lng,name_en\n43.9,人民广场,125.3,People’s Square\nx,坏点,125,Bad\n44,无英文名,126,\n';
    expect(parsePlaces(text)).toEqual([
      { name: '人民广场', nameEn: 'People’s Square', lat: 43.9, lng: 125.3, category: '' },
      { name: '无英文名', nameEn: '无英文名', lat: 44, lng: 126, category: '' },
    ]);
  });

  it('reads the project’s places file (32 points in Changchun, English names included)', () => {
    const places = parsePlaces(readFileSync(join(process.cwd(), 'data/changchun-places.csv'), 'utf8'));
    expect(places).toHaveLength(32);
    for (const place of places) {
      expect(place.lat).toBeGreaterThan(43.3);
      expect(place.lat).toBeLessThan(45.3);
      expect(place.lng).toBeGreaterThan(124.3);
      expect(place.lng).toBeLessThan(127.1);
      expect(place.nameEn).not.toBe('');
    }
    const beihuan = places.find((p) => p.name.startsWith('北环城路站'))!;
    expect(beihuan.nameEn).toBe('Beihuanchenglu Station (Line 1/8, by the Outlets mall)');
  });

  it('finds the place a shared address points at (coordinates rounded to five decimals)', () => {
    const places = parsePlaces('name,name_en,lat,lng\n北环城路站,Beihuan,43.9466,125.3190111\n');
    expect(placeAt(places, { lat: 43.9466, lng: 125.31901 })?.name).toBe('北环城路站');
    expect(placeAt(places, { lat: 43.95, lng: 125.31901 })).toBeNull();
    expect(placeAt(places, null)).toBeNull();
  });
});
