import { SEARCH_LIMITS } from './search-limits.js';
import { cellsTouched, clusterCell, mercatorBox, parseBbox } from './map-grid.js';

describe('map clusters', () => {
  it('are about 60 px apart on a city-sized view', () => {
    const box = mercatorBox({ minLng: 125.1, minLat: 43.7, maxLng: 125.6, maxLat: 44.0 });
    // 60 px at zoom 11 is 60 × 76.4 m.
    expect(clusterCell(box, 11)).toBeCloseTo(60 * 76.437, 0);
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
        expect(cellsTouched(box, clusterCell(box, zoom))).toBeLessThanOrEqual(SEARCH_LIMITS.maxMapFeatures);
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
