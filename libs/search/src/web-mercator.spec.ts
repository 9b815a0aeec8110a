import { haversineM, mercatorRadius, toMercator } from './web-mercator.js';

describe('Web Mercator', () => {
  it('maps Changchun as PostGIS does (ST_Transform to 3857)', () => {
    // SELECT ST_AsText(ST_Transform(ST_SetSRID(ST_MakePoint(125.3245, 43.8868), 4326), 3857))
    const p = toMercator(125.3245, 43.8868);
    expect(p.x).toBeCloseTo(13951059.524, 3);
    expect(p.y).toBeCloseTo(5447940.901, 3);
  });

  it('sizes the search box so that the whole circle fits, whatever the latitude', () => {
    for (const lat of [0, 30, 43.9, 53.5, -40]) {
      for (const radius of [1, 500, 5000, 50_000]) {
        const centre = toMercator(120, lat);
        const half = mercatorRadius(radius, lat);
        // The circle's northernmost, southernmost, easternmost and westernmost points lie inside the box.
        const north = toMercator(120, lat + (radius / 6_371_008.8) * (180 / Math.PI));
        const south = toMercator(120, lat - (radius / 6_371_008.8) * (180 / Math.PI));
        const east = toMercator(120 + (radius / (6_371_008.8 * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI), lat);
        for (const edge of [north, south, east]) {
          expect(Math.abs(edge.x - centre.x)).toBeLessThanOrEqual(half);
          expect(Math.abs(edge.y - centre.y)).toBeLessThanOrEqual(half);
        }
      }
    }
  });

  it('measures great-circle distances', () => {
    // One degree of latitude on the mean sphere.
    expect(haversineM({ lat: 43, lng: 125 }, { lat: 44, lng: 125 })).toBeCloseTo(111_195.1, 0);
    expect(haversineM({ lat: 43.88, lng: 125.32 }, { lat: 43.88, lng: 125.32 })).toBe(0);
  });
});
