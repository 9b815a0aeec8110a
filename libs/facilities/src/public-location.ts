import { createHash } from 'node:crypto';

/**
 * A home-based point (家庭托育点) is shown in public about 200 m from the family's home: a stable offset
 * of 100–300 m in a direction derived from the facility id, so the same point is always answered and
 * the true address cannot be triangulated from repeated queries.
 */
export function publicOffset(facilityId: string): { distanceM: number; bearingDeg: number } {
  const h = createHash('sha256').update(`public-location:${facilityId}`).digest();
  return { distanceM: 100 + (h.readUInt32BE(0) / 0xffffffff) * 200, bearingDeg: (h.readUInt32BE(4) / 0xffffffff) * 360 };
}
