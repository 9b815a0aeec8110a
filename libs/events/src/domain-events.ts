import { JobName, type JobData } from './queues.js';

/** The domain events libraries record; each names the jobs it causes. */
export type DomainEvent =
  | { type: 'region.imported'; regionCode: string }
  | { type: 'region.population_changed'; regionCode: string; year: number; population: number }
  | { type: 'facility.created'; facilityId: string; regionCode: string }
  | { type: 'facility.changed'; facilityId: string; status: string; regionCodes: string[] }
  | { type: 'facility.status_changed'; facilityId: string; regionCode: string; from: string; to: string }
  | { type: 'class.changed'; facilityId: string; classId: string; status: string; regionCode: string }
  | { type: 'staff.changed'; facilityId: string; staffId: string }
  | { type: 'order.changed'; facilityId: string; orderId: string }
  | { type: 'incident.changed'; facilityId: string; incidentId: string }
  | { type: 'drill.logged'; facilityId: string }
  // Ids and unit codes only: a child's label or birth month never leaves libs/applications (docs/applications.md).
  | { type: 'application.changed'; applicationId: string; regionCodes: string[] }
  // Recorded by the figures job when a region's places, population or waiting children changed.
  | { type: 'figures.changed'; regionCodes: string[] }
  | { type: 'change_filing.changed'; facilityId: string; changeFilingId: string; status: string }
  | { type: 'complaint.changed'; complaintId: string; facilityId?: string; regionCode: string }
  | { type: 'penalty.changed'; facilityId: string; penaltyId: string };

/** Only registered facilities count in the figures (docs/api.md "Regions and targets"). */
/** The statuses the inspection plan lists (libs/inspections' INSPECTABLE): a draft's or a closed facility's edits leave it alone. */
const PLANNED: readonly string[] = ['submitted', 'registered', 'suspended'];
const COUNTED = 'registered';
const figures = (...codes: string[]): PlannedJob[] =>
  [...new Set(codes)].map((unitCode) => ({ name: JobName.RecomputeUnitFigures, data: { unitCode } }));
/** Alerts follow every write that can cause or cure one (one pending scan at a time). */
const alerts: PlannedJob = { name: JobName.ScanAlerts, data: {} };
/**
 * The alerts of one facility only (its documents, staff certificates, orders, carer ratio, review and 普惠 deadlines):
 * what a class or order change can cause or cure, without rescanning every facility in the country (issue #19 item 3).
 */
const facilityAlerts = (facilityId: string): PlannedJob => ({ name: JobName.ScanFacilityAlerts, data: { facilityId } });
/** The unit-level alerts (below target, demand over vacancies) of units whose figures changed. */
const unitAlerts = (...codes: string[]): PlannedJob[] =>
  [...new Set(codes)].map((unitCode) => ({ name: JobName.ScanUnitAlerts, data: { unitCode } }));
/** Incident and drill alerts only: a cheap scan of their own (libs/incidents' causes), also run every few minutes. */
const incidentAlerts: PlannedJob = { name: JobName.ScanIncidentAlerts, data: {} };
/** The credit level of the facility's operator (by credit code) follows its penalties, findings, incidents and inspections. */
const credit = (facilityId: string): PlannedJob => ({ name: JobName.RecomputeCredit, data: { facilityId } });
/**
 * The public map shows registered facilities at their public points: its grid (libs/search) follows a facility that
 * becomes or stops being registered, and any change of a registered one (a change filing may move it).
 */
const MAPPED = 'registered';
const mapGrid = (facilityId: string): PlannedJob => ({ name: JobName.RefreshMapGrid, data: { facilityId } });

/**
 * The inspection plan's rows of the facility (and of those sharing a person with it) follow what changes a risk input
 * kept outside libs/inspections: staff, classes and the facility's own fields (compliance, multi-listing, documents,
 * name, unit, status), incidents. Inspections and orders refresh the rows in their own transaction.
 */
const plan = (facilityId: string): PlannedJob => ({ name: JobName.RefreshPlanItems, data: { facilityId } });

/**
 * An incident keeps a copy of its facility's unit (libs/incidents, the regions' inbox index): a facility that moved to
 * another unit (`regionCodes` [from, to] differ) has its incidents moved after it.
 */
const incidentUnits = (facilityId: string, regionCodes: string[]): PlannedJob[] =>
  new Set(regionCodes).size > 1 ? [{ name: JobName.FollowIncidentUnits, data: { facilityId } }] : [];

export interface PlannedJob<J extends JobName = JobName> {
  name: J;
  data: JobData[J];
}

export function jobsFor(event: DomainEvent): PlannedJob[] {
  switch (event.type) {
    case 'region.imported':
      return figures(event.regionCode);
    case 'region.population_changed':
      // The alerts that read the figures follow the figures (figures.changed), never before them.
      return figures(event.regionCode);
    case 'figures.changed':
      return unitAlerts(...event.regionCodes);
    case 'facility.created':
      return [];
    case 'facility.changed':
      return [
        ...(event.status === COUNTED ? figures(...event.regionCodes) : []),
        alerts,
        ...(event.status === MAPPED ? [mapGrid(event.facilityId)] : []),
        ...(PLANNED.includes(event.status) ? [plan(event.facilityId)] : []),
        ...incidentUnits(event.facilityId, event.regionCodes),
      ];
    case 'facility.status_changed':
      // Every transition recomputes its unit: cheap, idempotent, and the outbox keeps a record of each.
      return [
        ...figures(event.regionCode),
        alerts,
        ...(event.from === MAPPED || event.to === MAPPED ? [mapGrid(event.facilityId)] : []),
        plan(event.facilityId),
      ];
    case 'class.changed':
      return [
        ...(event.status === COUNTED ? figures(event.regionCode) : []),
        facilityAlerts(event.facilityId),
        ...(PLANNED.includes(event.status) ? [plan(event.facilityId)] : []),
      ];
    case 'staff.changed':
      return [alerts, plan(event.facilityId)];
    case 'change_filing.changed':
      // An approved change may hand the facility to another credit code: both codes' levels follow (libs/credit).
      return [alerts, ...(event.status === 'approved' ? [credit(event.facilityId), plan(event.facilityId)] : [])];
    case 'order.changed':
      // Orders follow an inspection that failed items, or an amendment: its outcome counts for credit.
      return [facilityAlerts(event.facilityId), credit(event.facilityId)];
    case 'complaint.changed':
      return [alerts, ...(event.facilityId ? [credit(event.facilityId)] : [])];
    case 'penalty.changed':
      return [credit(event.facilityId)];
    case 'incident.changed':
      // A closed incident's finding counts for credit (libs/credit reads it through incident_facts).
      return [incidentAlerts, credit(event.facilityId), plan(event.facilityId)];
    case 'drill.logged':
      return [incidentAlerts];
    case 'application.changed':
      // The units' waiting children (figures); the demand alert follows them (figures.changed). Places held by
      // offers are class.changed.
      return figures(...event.regionCodes);
    default: {
      const unreachable: never = event;
      throw new Error(`unrouted event ${JSON.stringify(unreachable)}`);
    }
  }
}
