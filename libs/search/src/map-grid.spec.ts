import { SEARCH_LIMITS } from './search-limits.js';
import { GRID_MAX_LEVEL, cellRange, cellSize, cellsTouched, clusterLevel, mercatorBox, parseBbox } from './map-grid.js';

describe('map clusters', () => {
  it('are 64 px apart on a city-sized view (level = zoom + 2)', () => {
    const box = mercatorBox({ minLng: 125.1, minLat: 43.7, maxLng: 125.6, maxLat: 44.0 });
    // 64 px at zoom 11 is 64 × 76.437 m.
    expect(clusterLevel(box, 11)).toBe(13);
    expect(cellSize(13)).toBeCloseTo(64 * 76.437, 0);
  });

  it('are whole powers of two of the world, each cell four of the next level', () => {
    expect(cellSize(0)).toBeCloseTo(40_075_016.686, 3);
    for (let level = 1; level <= 24; level++) expect(cellSize(level - 1)).toBe(2 * cellSize(level));
    // The cell of a point one level up is its cell's half, rounded down (negative coordinates too).
    for (const x of [-13_000_000.5, -1, 0, 1234.5, 13_914_936.3]) {
      for (let level = 1; level <= GRID_MAX_LEVEL; level++) {
        expect(Math.floor(x / cellSize(level - 1))).toBe(Math.floor(Math.floor(x / cellSize(level)) / 2));
      }
    }
  });

  it('grow, a level at a time, only as far as the box needs', () => {
    // 1280 × 800 px at zoom 4 over China touches about 20 × 13 64-px cells: no widening.
    const view = mercatorBox({ minLng: 73, minLat: 18, maxLng: 135, maxLat: 54 });
    const level = clusterLevel(view, 8);
    expect(cellsTouched(view, cellSize(level))).toBeLessThanOrEqual(SEARCH_LIMITS.maxMapFeatures);
    expect(cellsTouched(view, cellSize(level + 1))).toBeGreaterThan(SEARCH_LIMITS.maxMapFeatures);
    expect(clusterLevel(view, 3)).toBe(5);
    const range = cellRange(view, 5);
    expect((range.maxCx - range.minCx + 1) * (range.maxCy - range.minCy + 1)).toBe(cellsTouched(view, cellSize(5)));
  });

  it('never touch more cells than an answer may carry, whatever the box and zoom', () => {
    const boxes = [
      { minLng: -180, minLat: -85, maxLng: 180, maxLat: 85 },
      { minLng: 73, minLat: 18, maxLng: 135, maxLat: 54 },
      { minLng: 125.3, minLat: 43.88, maxLng: 125.31, maxLat: 43.89 },
      { minLng: 100, minLat: 43.88, maxLng: 130, maxLat: 43.89 }, // a long thin strip
    ];
    for (const b of boxes) {
      for (let zoom = 0; zoom <= SEARCH_LIMITS.maxZoom; zoom++) {
        const box = mercatorBox(b);
        expect(cellsTouched(box, cellSize(clusterLevel(box, zoom)))).toBeLessThanOrEqual(SEARCH_LIMITS.maxMapFeatures);
      }
    }
  });
});

describe('map boxes', () => {
  it('read minLng,minLat,maxLng,maxLat', () => {
    expect(parseBbox('125.1,43.7,125.6,44')).toEqual({ minLng: 125.1, minLat: 43.7, maxLng: 125.6, maxLat: 44 });
    expect(parseBbox('-180,-85,180,85')).toEqual({ minLng: -180, minLat: -85, maxLng: 180, maxLat: 85 });
  });
  it.each([
    '',
    '1,2,3',
    '1,2,3,4,5',
    'a,2,3,4',
    '125.6,43.7,125.1,44',
    '125.1,44,125.6,43.7',
    '0,-90,1,1',
    '0,0,181,1',
    '1e3,0,2e3,1',
    '0,0,1,1,',
  ])('refuse %p', (text) => expect(parseBbox(text)).toBeNull());
});
