import { isCityLevel, unitInRegion } from './region-codes.js';

describe('region codes (GB/T 2260)', () => {
  it('treat codes ending in 00 as prefecture-level cities', () => {
    expect(isCityLevel('220100')).toBe(true);
    expect(isCityLevel('220102')).toBe(false);
    expect(isCityLevel('220172')).toBe(false);
  });
  it('put every unit of Changchun in the city, and a unit only in itself', () => {
    expect(unitInRegion('220172', '220100')).toBe(true);
    expect(unitInRegion('220102', '220102')).toBe(true);
    expect(unitInRegion('220103', '220102')).toBe(false);
    expect(unitInRegion('220202', '220100')).toBe(false);
  });
});
