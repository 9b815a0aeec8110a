// Markers drawn on top of each other cannot be told apart or tapped (issue #18: numbered results piled up at
// 360 px). `spreadMarkers` takes marker positions in screen pixels and moves the members of each pile onto a small
// spiral around the pile's centre, far enough apart to tap each; markers already apart stay where they are.
// Pure (pixels in, pixels out), so it is unit-tested; the search map applies it after every zoom.

export interface PixelPoint {
  x: number;
  y: number;
}

/**
 * Groups markers closer than `minDistance` (transitively, so a chain is one pile) and lays each pile of n > 1 out
 * on a compact spiral around the pile's centre, the first in input order nearest the centre, every two at least
 * `minDistance` apart. Returns one position per input point, in the same order.
 */
export function spreadMarkers(points: readonly PixelPoint[], minDistance: number): PixelPoint[] {
  const n = points.length;
  const parent = points.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const a = points[i]!;
      const b = points[j]!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < minDistance) parent[find(i)] = find(j);
    }
  }
  const piles = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) {
    const root = find(i);
    piles.set(root, [...(piles.get(root) ?? []), i]);
  }
  const out = points.map((p) => ({ x: p.x, y: p.y }));
  for (const members of piles.values()) {
    if (members.length < 2) continue;
    const cx = members.reduce((sum, i) => sum + points[i]!.x, 0) / members.length;
    const cy = members.reduce((sum, i) => sum + points[i]!.y, 0) / members.length;
    // A sunflower (Vogel) spiral keeps a big pile compact (a ring of 50 would leave the screen), the first member at
    // the centre; scaled so that the closest two are exactly minDistance apart.
    const unit = members.map((_, k) => {
      const radius = Math.sqrt(k + 0.5);
      const angle = k * GOLDEN_ANGLE - Math.PI / 2;
      return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    });
    let closest = Infinity;
    for (let a = 0; a < unit.length; a += 1)
      for (let b = a + 1; b < unit.length; b += 1)
        closest = Math.min(closest, Math.hypot(unit[a]!.x - unit[b]!.x, unit[a]!.y - unit[b]!.y));
    const scale = minDistance / closest;
    members.forEach((index, k) => {
      out[index] = { x: cx + unit[k]!.x * scale, y: cy + unit[k]!.y * scale };
    });
  }
  return out;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
