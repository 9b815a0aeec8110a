// The named places a parent can search from (data/changchun-places.csv, bundled as text): a small
// CSV reader (RFC 4180 quoting) and the places in it. Pure, so it is unit-tested.
import type { Point } from './search-state';

export interface NamedPlace extends Point {
  name: string;
  nameEn: string;
  category: string;
}

/** Rows of a CSV text: commas separate fields, double quotes wrap fields with commas, quotes ("") or line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

/** The places of the CSV (columns by header name: name, name_en, lat, lng, category); rows without a valid point are skipped. */
export function parsePlaces(text: string): NamedPlace[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const column = (name: string) => header.findIndex((h) => h.trim() === name);
  const at = { name: column('name'), nameEn: column('name_en'), lat: column('lat'), lng: column('lng'), category: column('category') };
  if (at.name < 0 || at.lat < 0 || at.lng < 0) return [];
  const places: NamedPlace[] = [];
  for (const row of rows) {
    const name = (row[at.name] ?? '').trim();
    const lat = Number(row[at.lat]);
    const lng = Number(row[at.lng]);
    if (!name || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) continue;
    places.push({
      name,
      nameEn: (at.nameEn >= 0 ? row[at.nameEn] : '')?.trim() || name,
      lat,
      lng,
      category: (at.category >= 0 ? row[at.category] : '')?.trim() ?? '',
    });
  }
  return places;
}

/** The place at a point (within about 10 m), so a shared address shows the place's name again. */
export function placeAt(places: readonly NamedPlace[], point: Point | null): NamedPlace | null {
  if (!point) return null;
  return places.find((place) => Math.abs(place.lat - point.lat) < 1e-4 && Math.abs(place.lng - point.lng) < 1e-4) ?? null;
}
