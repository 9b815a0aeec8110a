import { JobName, type JobData } from './queues.js';

/** The domain events libraries record; each names the jobs it causes. */
export type DomainEvent =
  | { type: 'region.imported'; regionCode: string }
  | { type: 'region.population_changed'; regionCode: string; year: number; population: number }
  | { type: 'facility.created'; facilityId: string; regionCode: string }
  | { type: 'facility.changed'; facilityId: string; status: string; regionCodes: string[] }
  | { type: 'facility.status_changed'; facilityId: string; regionCode: string; from: string; to: string }
  | { type: 'class.changed'; facilityId: string; classId: string; status: string; regionCode: string };

/** Only registered facilities count in the figures (API.md "Regions and targets"). */
const COUNTED = 'registered';
const figures = (...codes: string[]): PlannedJob[] =>
  [...new Set(codes)].map((unitCode) => ({ name: JobName.RecomputeUnitFigures, data: { unitCode } }));

export interface PlannedJob<J extends JobName = JobName> {
  name: J;
  data: JobData[J];
}

export function jobsFor(event: DomainEvent): PlannedJob[] {
  switch (event.type) {
    case 'region.imported':
    case 'region.population_changed':
      return figures(event.regionCode);
    case 'facility.created':
      return [];
    case 'facility.changed':
      return event.status === COUNTED ? figures(...event.regionCodes) : [];
    case 'facility.status_changed':
      // Every transition recomputes its unit: cheap, idempotent, and the outbox keeps a record of each.
      return figures(event.regionCode);
    case 'class.changed':
      return event.status === COUNTED ? figures(event.regionCode) : [];
    default: {
      const unreachable: never = event;
      throw new Error(`unrouted event ${JSON.stringify(unreachable)}`);
    }
  }
}
