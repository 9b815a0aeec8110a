import { describe, expect, it } from '@jest/globals';
import { gcj02ToWgs84, outOfChina, wgs84ToGcj02 } from './gcj02';

describe('wgs84ToGcj02', () => {
  it('shifts a point in Beijing by the published amount (Tiananmen: 39.915, 116.404)', () => {
    const { lat, lng } = wgs84ToGcj02(39.915, 116.404);
    expect(lat).toBeCloseTo(39.91640428, 7);
    expect(lng).toBeCloseTo(116.4102445, 6);
  });

  it('shifts a point in central Changchun by a few hundred metres north-east', () => {
    const { lat, lng } = wgs84ToGcj02(43.88, 125.32);
    const northM = (lat - 43.88) * 111_320;
    const eastM = (lng - 125.32) * 111_320 * Math.cos((43.88 * Math.PI) / 180);
    expect(northM).toBeGreaterThan(100);
    expect(northM).toBeLessThan(600);
    expect(eastM).toBeGreaterThan(300);
    expect(eastM).toBeLessThan(800);
  });

  it('leaves points outside China unchanged', () => {
    expect(outOfChina(51.5, -0.1)).toBe(true);
    expect(wgs84ToGcj02(51.5, -0.1)).toEqual({ lat: 51.5, lng: -0.1 });
    expect(wgs84ToGcj02(-33.9, 151.2)).toEqual({ lat: -33.9, lng: 151.2 });
  });

  it('is undone by gcj02ToWgs84 to within a millimetre (a point picked on GCJ-02 tiles)', () => {
    const shifted = wgs84ToGcj02(43.865, 125.335);
    const back = gcj02ToWgs84(shifted.lat, shifted.lng);
    expect(back.lat).toBeCloseTo(43.865, 8);
    expect(back.lng).toBeCloseTo(125.335, 8);
    expect(gcj02ToWgs84(51.5, -0.1)).toEqual({ lat: 51.5, lng: -0.1 });
  });
});
