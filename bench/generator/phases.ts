/** Elapsed seconds per phase, in order. */
export type Timings = [string, number][];

/** Runs a phase and records how long it took. */
export type Timed = <T>(phase: string, work: () => Promise<T>) => Promise<T>;

export function phaseTimer(timings: Timings): Timed {
  return async (phase, work) => {
    const started = Date.now();
    const result = await work();
    timings.push([phase, (Date.now() - started) / 1000]);
    return result;
  };
}
