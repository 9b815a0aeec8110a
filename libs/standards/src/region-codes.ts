/**
 * Region codes follow GB/T 2260 (and the NBS statistical pattern xx71–xx79 for development zones):
 * six digits, a prefecture-level city ends in "00", its county-level units and zones share its first four.
 */
export const REGION_CODE = /^\d{6}$/;

export function isCityLevel(code: string): boolean {
  return /^\d{4}00$/.test(code);
}

/** Whether a unit lies in a region: the region itself, or the city that contains it. */
export function unitInRegion(unitCode: string, regionCode: string): boolean {
  if (unitCode === regionCode) return true;
  return isCityLevel(regionCode) && unitCode.slice(0, 4) === regionCode.slice(0, 4);
}
