import { JobName, type JobData } from './queues.js';

/** The domain events libraries record; each names the jobs it causes. */
export type DomainEvent =
  | { type: 'region.imported'; regionCode: string }
  | { type: 'region.population_changed'; regionCode: string; year: number; population: number };

export interface PlannedJob<J extends JobName = JobName> {
  name: J;
  data: JobData[J];
}

export function jobsFor(event: DomainEvent): PlannedJob[] {
  switch (event.type) {
    case 'region.imported':
    case 'region.population_changed':
      return [{ name: JobName.RecomputeUnitFigures, data: { unitCode: event.regionCode } }];
    default: {
      const unreachable: never = event;
      throw new Error(`unrouted event ${JSON.stringify(unreachable)}`);
    }
  }
}
