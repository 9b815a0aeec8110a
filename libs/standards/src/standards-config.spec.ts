import { CLASS_STANDARD } from './classes.js';
import { DEFAULT_STANDARDS_CONFIG, standardsConfig } from './standards-config.js';

describe('the configurable figures of the standard', () => {
  it('default to 3 m² indoors and 2 m² outdoors per child, storeys 1–3, 2 exits, a 3-year lease', () => {
    expect(DEFAULT_STANDARDS_CONFIG).toEqual({
      indoorAreaPerChildM2: 3,
      outdoorAreaPerChildM2: 2,
      mixedChildrenPerCarer: 5,
      fullTimeHealthWorkerFromEnrolled: 150,
      leaseYearsRequired: 3,
      maxStorey: 3,
      minExits: 2,
      expiryWarningDays: 30,
      homeBasedIndoorAreaPerChildM2: 9,
    });
  });
  it('take the mixed-class ratio of 托育机构设置标准（试行） by default', () => {
    expect(DEFAULT_STANDARDS_CONFIG.mixedChildrenPerCarer).toBe(CLASS_STANDARD.ageGroups.mixed.childrenPerCarer);
  });
  it('can be overridden figure by figure without touching the defaults', () => {
    const config = standardsConfig({ indoorAreaPerChildM2: 4 });
    expect(config.indoorAreaPerChildM2).toBe(4);
    expect(config.outdoorAreaPerChildM2).toBe(2);
    expect(DEFAULT_STANDARDS_CONFIG.indoorAreaPerChildM2).toBe(3);
    expect(Object.isFrozen(DEFAULT_STANDARDS_CONFIG)).toBe(true);
  });
});
