// Markers drawn on top of each other cannot be told apart or tapped (issue #18: numbered results piled up at
// 360 px). `spreadMarkers` takes marker positions in screen pixels and moves the members of each pile onto a small
// circle around the pile's centre, far enough apart to tap each; markers already apart stay where they are.
// Pure (pixels in, pixels out), so it is unit-tested; the search map applies it after every zoom.

export interface PixelPoint {
  x: number;
  y: number;
}

/**
 * Groups markers closer than `minDistance` (transitively, so a chain is one pile) and lays each pile of n > 1 out
 * on a circle whose neighbours are `minDistance` apart (at least `minDistance` from the centre), in input order
 * clockwise from the top. Returns one position per input point, in the same order.
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
    // Neighbours on the circle are a chord of 2r·sin(π/n) apart: at least minDistance.
    const radius = Math.max(minDistance, minDistance / (2 * Math.sin(Math.PI / members.length)));
    members.forEach((index, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / members.length;
      out[index] = { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
    });
  }
  return out;
}
