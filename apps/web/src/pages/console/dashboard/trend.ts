// The trend chart's data, pure (unit-tested): one point per month (the first day of each month in
// the daily history, or the month's earliest day there is), and the chart's scales and SVG paths.
import type { HistoryPoint } from '../../../api/targets';

/** The first point of each calendar month, in day order. */
export function monthlyPoints(items: readonly HistoryPoint[]): HistoryPoint[] {
  const sorted = [...items].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const out: HistoryPoint[] = [];
  let month = '';
  for (const item of sorted) {
    const key = item.day.slice(0, 7);
    if (key !== month) {
      out.push(item);
      month = key;
    }
  }
  // The latest day too, so the line reaches today.
  const last = sorted[sorted.length - 1];
  if (last && out[out.length - 1] !== last) out.push(last);
  return out;
}

export interface ChartGeometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartPaths {
  /** The line over derived points (empty when none). */
  derived: string;
  /** The line over observed points, joined to the last derived one. */
  observed: string;
  target: string;
  yMax: number;
  yTicks: number[];
  x: (index: number) => number;
  y: (value: number) => number;
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = value <= 2 ? 0.5 : value <= 5 ? 1 : value <= 10 ? 2 : 5;
  return Math.ceil(value / step) * step;
}

const f = (n: number) => n.toFixed(1);

export function chartPaths(points: readonly HistoryPoint[], g: ChartGeometry): ChartPaths {
  const yMax = niceMax(Math.max(0, ...points.map((p) => Math.max(p.placesPer1000, p.target))) * 1.05);
  const plotW = g.width - g.left - g.right;
  const plotH = g.height - g.top - g.bottom;
  const x = (index: number) => g.left + (points.length <= 1 ? plotW / 2 : (index / (points.length - 1)) * plotW);
  const y = (value: number) => g.top + plotH - (value / yMax) * plotH;
  const line = (indices: number[], value: (p: HistoryPoint) => number) =>
    indices.map((i, n) => `${n === 0 ? 'M' : 'L'}${f(x(i))},${f(y(value(points[i]!)))}`).join(' ');
  const all = points.map((_, i) => i);
  const lastDerived = points.reduce((last, p, i) => (p.derived ? i : last), -1);
  const derivedIdx = all.filter((i) => i <= lastDerived);
  const observed = lastDerived === points.length - 1 ? [] : all.filter((i) => i >= Math.max(0, lastDerived));
  const single = (indices: number[]) => (indices.length === 1 ? `${line(indices, (p) => p.placesPer1000)} h0.01` : '');
  const derivedPath = derivedIdx.length > 1 ? line(derivedIdx, (p) => p.placesPer1000) : single(derivedIdx);
  const observedPath = observed.length > 1 ? line(observed, (p) => p.placesPer1000) : single(observed);
  const step = yMax / 4;
  return {
    derived: derivedPath,
    observed: observedPath,
    target: points.length ? line(all, (p) => p.target) : '',
    yMax,
    yTicks: [0, 1, 2, 3, 4].map((k) => Math.round(k * step * 100) / 100),
    x,
    y,
  };
}
