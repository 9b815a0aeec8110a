// Incidents (突发事件) and drills (docs/api.md "Incidents (突发事件) and drills"; docs/incidents.md).
// Every call sends the session's token. The types are the OpenAPI document's (contract.gen.ts).
import { apiRequest, type RequestOptions } from './client';
import { queryString } from './query';
import type { Page } from './registry';
import type { CreateDrillDto, CreateIncidentDto, DrillView, IncidentView, QueryOf, TimelineEntryView } from './contract.gen';
import type { IncidentFinding, IncidentKind } from '@lib/standards';

// The vocabularies (and their labels) are defined once, in libs/standards.
export { DRILL_KINDS, INCIDENT_FINDINGS, INCIDENT_KINDS, INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '@lib/standards';
export type { DrillKind, IncidentFinding, IncidentKind, IncidentSeverity, IncidentStatus } from '@lib/standards';

export type IncidentInput = CreateIncidentDto;
export type TimelineEntry = TimelineEntryView;
export type Incident = IncidentView;
export type Drill = DrillView;

type IncidentParameters = QueryOf<'GET /api/v1/incidents'>;

/** The inbox's filter, as the pages hold it (undefined: off). */
export interface IncidentQuery {
  status?: IncidentParameters['status'] | undefined;
  facilityId?: IncidentParameters['facilityId'] | undefined;
  cursor?: string | null | undefined;
  limit?: IncidentParameters['limit'];
}

/** Who may acknowledge an incident of this kind: health, and the market regulator (food) or fire service (fire). */
export function mayAcknowledge(user: { role: string; agency?: string | null | undefined }, kind: IncidentKind): boolean {
  if (user.role !== 'regulator' || !user.agency) return false;
  return user.agency === 'health' || (kind === 'food_poisoning' && user.agency === 'market') || (kind === 'fire' && user.agency === 'fire');
}

const id = encodeURIComponent;

export async function reportIncident(facilityId: string, input: IncidentInput, options?: RequestOptions): Promise<Incident> {
  return (await apiRequest<Incident>('POST', `/facilities/${id(facilityId)}/incidents`, { ...options, body: input })).data;
}

export async function listIncidents(filter: IncidentQuery, options?: RequestOptions): Promise<Page<Incident>> {
  const path = `/incidents${queryString({ status: filter.status, facilityId: filter.facilityId, cursor: filter.cursor, limit: filter.limit })}`;
  const data = (await apiRequest<Page<Incident>>('GET', path, options)).data;
  return { items: data.items, nextCursor: data.nextCursor ?? null };
}

export async function getIncident(incidentId: string, options?: RequestOptions): Promise<Incident> {
  return (await apiRequest<Incident>('GET', `/incidents/${id(incidentId)}`, options)).data;
}

export async function acknowledgeIncident(incidentId: string, note: string, options?: RequestOptions): Promise<Incident> {
  const body = note.trim() ? { note: note.trim() } : {};
  return (await apiRequest<Incident>('POST', `/incidents/${id(incidentId)}/acknowledge`, { ...options, body })).data;
}

export async function addIncidentUpdate(incidentId: string, note: string, options?: RequestOptions): Promise<Incident> {
  return (await apiRequest<Incident>('POST', `/incidents/${id(incidentId)}/updates`, { ...options, body: { note } })).data;
}

export async function closeIncident(
  incidentId: string,
  body: { finding: IncidentFinding; note: string },
  options?: RequestOptions,
): Promise<Incident> {
  return (await apiRequest<Incident>('POST', `/incidents/${id(incidentId)}/close`, { ...options, body })).data;
}

/** Suspends the facility because of the incident (the link is kept both ways). */
export async function suspendForIncident(facilityId: string, incidentId: string, reason: string, options?: RequestOptions): Promise<void> {
  await apiRequest('POST', `/facilities/${id(facilityId)}/suspend`, { ...options, body: { reason, incidentId } });
}

export async function logDrill(facilityId: string, body: CreateDrillDto, options?: RequestOptions): Promise<Drill> {
  return (await apiRequest<Drill>('POST', `/facilities/${id(facilityId)}/drills`, { ...options, body })).data;
}

export async function listDrills(facilityId: string, options?: RequestOptions): Promise<Drill[]> {
  return (await apiRequest<{ items: Drill[] }>('GET', `/facilities/${id(facilityId)}/drills`, options)).data.items;
}
