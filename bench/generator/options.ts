import { parseArgs } from 'node:util';
import { parseDay } from './dates.js';

export interface GenerateOptions {
  database: string;
  serverUrl: string;
  seed: number;
  /** Midnight UTC of the reference day: every date is relative to it, so a run is reproducible with --today. */
  now: number;
  units: number;
  facilities: number;
  staff: number;
  inspections: number;
  /** Parents' applications (issue #17), each with one to three choices. */
  applications: number;
  operators: number;
  force: boolean;
}

/** The two sizes: S for development and tests, N for the whole country. */
const SIZES = {
  S: { units: 280, facilities: 10_000, staff: 100_000, inspections: 1_000_000, applications: 20_000, database: 'childcare_bench_s' },
  N: {
    units: 2_800,
    facilities: 100_000,
    staff: 1_000_000,
    inspections: 10_000_000,
    applications: 200_000,
    database: 'childcare_bench_n',
  },
} as const;

export function parseGenerateOptions(argv: string[]): GenerateOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: 'S' },
      units: { type: 'string' },
      facilities: { type: 'string' },
      staff: { type: 'string' },
      inspections: { type: 'string' },
      applications: { type: 'string' },
      seed: { type: 'string', default: '42' },
      today: { type: 'string' },
      database: { type: 'string' },
      server: { type: 'string', default: process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432' },
      force: { type: 'boolean', default: false },
    },
  });
  const size = values.size!.toUpperCase();
  if (size !== 'S' && size !== 'N') throw new Error(`--size must be S or N, not ${values.size}`);
  const base = SIZES[size];
  const facilities = count('facilities', values.facilities, base.facilities);
  return {
    database: values.database ?? base.database,
    serverUrl: values.server!,
    seed: count('seed', values.seed, 42),
    now: parseDay(values.today),
    units: count('units', values.units, base.units),
    facilities,
    staff: count('staff', values.staff, base.staff),
    inspections: count('inspections', values.inspections, base.inspections),
    applications: count('applications', values.applications, base.applications),
    // A few thousand at national scale: most run one or two facilities, some run chains.
    operators: Math.max(100, Math.round(facilities / 25)),
    force: values.force!,
  };
}

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not ${value}`);
  return n;
}

/**
 * Disk the database needs at its largest (while indexes are built), plus WAL and a margin: per-row sizes measured
 * on size S (bench/RESULTS.md), rounded up.
 */
export function estimateBytes(o: GenerateOptions): number {
  const data = o.facilities * 8_000 + o.staff * 1_000 + o.inspections * 2_200 + o.applications * 1_000;
  return Math.round(data * 1.25) + 3 * 2 ** 30;
}
