/**
 * Queue and job names in one place (the worker refuses to start if a job has no handler).
 * A job id is deterministic: the same work pending twice is one job.
 */
export enum QueueName {
  Figures = 'figures',
}

export enum JobName {
  RecomputeUnitFigures = 'recompute-unit-figures',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.RecomputeUnitFigures]: QueueName.Figures,
};

export interface JobData {
  [JobName.RecomputeUnitFigures]: { unitCode: string };
}

export function jobId<J extends JobName>(name: J, data: JobData[J]): string {
  switch (name) {
    case JobName.RecomputeUnitFigures:
      return `${name}.${data.unitCode}`;
    default: {
      const unreachable: never = name;
      throw new Error(`no job id for ${String(unreachable)}`);
    }
  }
}

/** Defaults for every job: retried with backoff; removed when done so a later event enqueues anew. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential' as const, delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
};
