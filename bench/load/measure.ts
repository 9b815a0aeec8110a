// Load and latency measurements: autocannon runs over a rotating list of paths, and sequential timings.
import autocannon from 'autocannon';
import { rssMiB } from './processes.js';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Highest and mean resident memory of `watchPid` during the run, MiB. */
  rssMax?: number;
  rssMean?: number;
}

/** `connections` clients for `seconds`, each request the next of `paths` (the same order for every target). */
export async function load(
  baseUrl: string,
  paths: string[],
  opts: { connections: number; seconds: number; watchPid?: number },
): Promise<LoadResult> {
  let next = 0;
  const samples: number[] = [];
  const timer = opts.watchPid ? setInterval(() => samples.push(rssMiB(opts.watchPid!)), 250) : null;
  const result = await autocannon({
    url: baseUrl,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  });
  if (timer) clearInterval(timer);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ...(samples.length ? { rssMax: Math.max(...samples), rssMean: samples.reduce((a, b) => a + b, 0) / samples.length } : {}),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Runs `task` `times` times one after another and answers the wall times, ms, of a second pass: the first warms the
 * caches (PostgreSQL's buffers, the plan of each shape, the JIT of the JavaScript), as a serving system is warm.
 */
export async function timeEach(times: number, task: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < times; i++) await task(i);
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await task(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
