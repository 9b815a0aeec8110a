import { apportion, Random } from './random.js';

/** A county-level unit: a quadrilateral cell of its city's jittered grid, with a jittered point on each edge. */
export interface Unit {
  code: string;
  name: string;
  nameEn: string;
  level: 'district' | 'zone';
  kind: string;
  cityCode: string;
  cityName: string;
  /** South-west, south-east, north-east, north-west corners as [lng, lat]. */
  corners: readonly [Point, Point, Point, Point];
  /** The boundary, closed, as [lng, lat] (corners and edge points). */
  ring: readonly Point[];
  population: number;
}

export interface City {
  code: string;
  name: string;
  nameEn: string;
  units: Unit[];
}

type Point = readonly [number, number];

/** China's mainland extent (approximately) and the coarse grid the cities are placed on. */
const EXTENT = { west: 80, east: 130, south: 20, north: 48 };
const CELL = { lng: 1.0, lat: 0.8 };
/** Share of a coarse cell's side left empty on each side, so neighbouring cities never touch. */
const INSET = 0.1;

/** The 31 provincial-level codes of GB/T 2260; a city's province follows from where it lies. */
const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
];

/** Syllables for place names, with their pinyin. */
const SYLLABLES: readonly (readonly [string, string])[] = [
  ['安', 'An'],
  ['宝', 'Bao'],
  ['昌', 'Chang'],
  ['城', 'Cheng'],
  ['崇', 'Chong'],
  ['德', 'De'],
  ['东', 'Dong'],
  ['丰', 'Feng'],
  ['福', 'Fu'],
  ['广', 'Guang'],
  ['汉', 'Han'],
  ['河', 'He'],
  ['和', 'He'],
  ['华', 'Hua'],
  ['淮', 'Huai'],
  ['嘉', 'Jia'],
  ['建', 'Jian'],
  ['江', 'Jiang'],
  ['金', 'Jin'],
  ['景', 'Jing'],
  ['康', 'Kang'],
  ['乐', 'Le'],
  ['临', 'Lin'],
  ['龙', 'Long'],
  ['隆', 'Long'],
  ['明', 'Ming'],
  ['南', 'Nan'],
  ['宁', 'Ning'],
  ['平', 'Ping'],
  ['清', 'Qing'],
  ['庆', 'Qing'],
  ['瑞', 'Rui'],
  ['山', 'Shan'],
  ['顺', 'Shun'],
  ['泰', 'Tai'],
  ['通', 'Tong'],
  ['文', 'Wen'],
  ['西', 'Xi'],
  ['兴', 'Xing'],
  ['新', 'Xin'],
  ['阳', 'Yang'],
  ['永', 'Yong'],
  ['源', 'Yuan'],
  ['云', 'Yun'],
  ['长', 'Chang'],
  ['正', 'Zheng'],
  ['中', 'Zhong'],
  ['州', 'Zhou'],
];

const UNIT_KINDS: readonly (readonly [string, number])[] = [
  ['district', 5],
  ['county', 4],
  ['county_level_city', 1],
];

/**
 * `unitCount` units in about a tenth as many cities. Cities sit on a coarse grid over China's extent, chosen with
 * weights that make the east (the coast and the plains) dense and the west sparse; each city is a rectangle cut
 * into a grid of units whose shared vertices are jittered, so the units tile their city without gaps or overlaps.
 */
export function generateRegions(seed: number, unitCount: number): City[] {
  const rand = new Random(seed, 'regions');
  const cityCount = Math.max(1, Math.round(unitCount / 10));
  const cells = chooseCells(rand, cityCount);
  const unitsPerCity = apportion(
    unitCount,
    cells.map(() => 0.6 + rand.next() * 0.8),
  );
  const perProvince = new Map<number, number>();
  return cells.map((cell, i) => {
    const province = provinceAt(cell);
    const n = (perProvince.get(province) ?? 0) + 1;
    if (n > 70) throw new Error(`more than 70 cities in province ${province}: use fewer units`);
    perProvince.set(province, n);
    const code = `${province}${String(n).padStart(2, '0')}00`;
    const [name, nameEn] = placeName(rand);
    return { code, name: `${name}市`, nameEn, units: cityUnits(rand, cell, code, name, Math.max(1, unitsPerCity[i]!)) };
  });
}

interface Cell {
  west: number;
  south: number;
}

/** Coarse cells for the cities, without repeats, weighted by a rough population density of China. */
function chooseCells(rand: Random, count: number): Cell[] {
  const all: { cell: Cell; weight: number }[] = [];
  for (let west = EXTENT.west; west < EXTENT.east; west += CELL.lng) {
    for (let south = EXTENT.south; south < EXTENT.north; south += CELL.lat)
      all.push({ cell: { west, south }, weight: density(west, south) });
  }
  if (count > all.length / 2) throw new Error(`too many cities (${count}) for the grid: use fewer units`);
  const chosen: Cell[] = [];
  while (chosen.length < count) {
    const pick = rand.weighted(all.map((c, i) => [i, c.weight] as const));
    chosen.push(all[pick]!.cell);
    all.splice(pick, 1);
  }
  return chosen.sort((a, b) => a.west - b.west || a.south - b.south);
}

function density(lng: number, lat: number): number {
  if (lng >= 108 && lat >= 21 && lat < 41) return 8;
  if (lng >= 103 && lat >= 22 && lat < 42) return 3;
  if (lng >= 120 && lat >= 41) return 2;
  return 0.3;
}

function provinceAt(cell: Cell): number {
  const col = Math.floor((cell.west - EXTENT.west) / 7);
  const row = Math.floor((cell.south - EXTENT.south) / 7);
  return PROVINCES[(col * 4 + row) % PROVINCES.length]!;
}

function placeName(rand: Random): [string, string] {
  const [a, aEn] = rand.pick(SYLLABLES);
  const [b, bEn] = rand.pick(SYLLABLES);
  return [`${a}${b}`, `${aEn}${bEn.toLowerCase()}`];
}

/** The units of one city: a cols × rows grid over the city's rectangle, vertices jittered and shared. */
function cityUnits(rand: Random, cell: Cell, cityCode: string, cityName: string, count: number): Unit[] {
  const rows = count >= 4 ? 2 : 1;
  const cols = Math.ceil(count / rows);
  const west = cell.west + CELL.lng * INSET;
  const south = cell.south + CELL.lat * INSET;
  const w = (CELL.lng * (1 - 2 * INSET)) / cols;
  const h = (CELL.lat * (1 - 2 * INSET)) / rows;
  const vertex: Point[][] = [];
  for (let r = 0; r <= rows; r++) {
    vertex.push([]);
    for (let c = 0; c <= cols; c++) {
      // Outer vertices stay on the rectangle; inner ones move by up to a quarter of a cell.
      const jx = c === 0 || c === cols ? 0 : (rand.next() - 0.5) * 0.5 * w;
      const jy = r === 0 || r === rows ? 0 : (rand.next() - 0.5) * 0.5 * h;
      vertex[r]!.push([west + c * w + jx, south + r * h + jy]);
    }
  }
  // Each edge gets one jittered middle point, shared by the two units on either side.
  const across = (a: Point, b: Point, dx: number, dy: number): Point => [(a[0] + b[0]) / 2 + dx, (a[1] + b[1]) / 2 + dy];
  const horizontal = vertex.map((row) => row.slice(0, -1).map((p, c) => across(p, row[c + 1]!, 0, (rand.next() - 0.5) * 0.12 * h)));
  const vertical = vertex.slice(0, -1).map((row, r) => row.map((p, c) => across(p, vertex[r + 1]![c]!, (rand.next() - 0.5) * 0.12 * w, 0)));

  const units: Unit[] = [];
  const zones = count >= 8 ? 1 : 0;
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const corners = [vertex[r]![c]!, vertex[r]![c + 1]!, vertex[r + 1]![c + 1]!, vertex[r + 1]![c]!] as const;
    const ring = [
      corners[0],
      horizontal[r]![c]!,
      corners[1],
      vertical[r]![c + 1]!,
      corners[2],
      horizontal[r + 1]![c]!,
      corners[3],
      vertical[r]![c]!,
      corners[0],
    ];
    const zone = i >= count - zones;
    const [name, nameEn] = placeName(rand);
    const kind = zone ? 'development_zone' : rand.weighted(UNIT_KINDS);
    const suffix = zone
      ? ['经济开发区', ' Economic Development Zone']
      : kind === 'county'
        ? ['县', ' County']
        : kind === 'district'
          ? ['区', ' District']
          : ['市', ''];
    units.push({
      code: cityCode.slice(0, 4) + String(zone ? 71 + (i - (count - zones)) : i + 1).padStart(2, '0'),
      name: `${name}${suffix[0]}`,
      nameEn: `${nameEn}${suffix[1]}`,
      level: zone ? 'zone' : 'district',
      kind,
      cityCode,
      cityName,
      corners,
      ring,
      population: unitPopulation(rand, corners[0][0], kind),
    });
  }
  return units;
}

/** Log-normal around a county's 2020 census population: larger in the east, smaller for zones. */
function unitPopulation(rand: Random, lng: number, kind: string): number {
  const median = (lng >= 108 ? 510_000 : 230_000) * (kind === 'development_zone' ? 0.35 : 1);
  return Math.round(Math.min(3_500_000, Math.max(25_000, median * Math.exp(0.55 * rand.normal()))));
}

/** A point of the unit's quadrilateral at (u, v) in [0, 1]² (bilinear): inside it for u, v away from the edges. */
export function pointIn(unit: Unit, u: number, v: number): Point {
  const [sw, se, ne, nw] = unit.corners;
  const lng = (1 - v) * ((1 - u) * sw[0] + u * se[0]) + v * ((1 - u) * nw[0] + u * ne[0]);
  const lat = (1 - v) * ((1 - u) * sw[1] + u * se[1]) + v * ((1 - u) * nw[1] + u * ne[1]);
  return [lng, lat];
}

/** The unit's boundary as EWKT, as COPY writes it into `geometry(MultiPolygon, 4326)`. */
export function boundaryEwkt(unit: Unit): string {
  return `SRID=4326;MULTIPOLYGON(((${unit.ring.map(([x, y]) => `${x.toFixed(6)} ${y.toFixed(6)}`).join(',')})))`;
}

/** Size of a unit's cell in metres (east–west, north–south), for spreading points in metres. */
export function unitSizeM(unit: Unit): { x: number; y: number } {
  const [sw, se, , nw] = unit.corners;
  const metresPerDegree = 111_320;
  return { x: (se[0] - sw[0]) * metresPerDegree * Math.cos((sw[1] * Math.PI) / 180), y: (nw[1] - sw[1]) * metresPerDegree };
}
