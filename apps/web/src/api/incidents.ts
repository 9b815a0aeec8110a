// Incidents (突发事件) and drills (API.md "v1 additions", "Incidents and drills"; docs/incidents.md).
// Every call sends the session's token.
import { apiRequest, type RequestOptions } from './client';
import type { Domain, Outcome } from './inspections';
import type { Page } from './registry';

export const INCIDENT_KINDS = [
  'injury',
  'illness',
  'food_poisoning',
  'abuse_allegation',
  'missing_child',
  'fire',
  'death',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_SEVERITIES = ['minor', 'serious', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const INCIDENT_STATUSES = ['reported', 'acknowledged', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_FINDINGS = ['substantiated', 'unsubstantiated', 'no_fault'] as const;
export type IncidentFinding = (typeof INCIDENT_FINDINGS)[number];
export const DRILL_KINDS = ['fire_evacuation', 'injury_first_aid', 'other'] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

export interface IncidentInput {
  kind: IncidentKind;
  severity: IncidentSeverity;
  /** ISO 8601 with offset. */
  occurredAt: string;
  childrenAffected: number;
  hospitalized: number;
  description: string;
  actionsTaken: string;
}

export interface TimelineEntry {
  at: string;
  type: 'update' | 'acknowledged' | 'closed';
  actor: { role: string; agency?: string };
  note: string;
}

export interface Incident extends IncidentInput {
  id: string;
  facilityId: string;
  facilityName: string;
  regionCode: string;
  reportedAt: string;
  reportDueAt: string;
  late: boolean;
  status: IncidentStatus;
  reportedVia: 'operator' | 'regulator';
  acknowledgedAt: string | null;
  closedAt: string | null;
  finding: IncidentFinding | null;
  escalation: 'none' | 'unit' | 'city';
  nextEscalationAt: string | null;
  suggestedDomain: Domain;
  timeline: TimelineEntry[];
  links: {
    inspections: { id: string; domain: Domain; outcome: Outcome; inspectedAt: string }[];
    facilityActions: { action: 'suspend' | 'close'; at: string; reason: string | null }[];
  };
}

export interface Drill {
  id: string;
  facilityId: string;
  kind: DrillKind;
  heldOn: string;
  participants: number;
  note: string | null;
  createdAt: string;
}

export interface IncidentQuery {
  status?: IncidentStatus | undefined;
  facilityId?: string | undefined;
  cursor?: string | null | undefined;
  limit?: number;
}

/** Who may acknowledge an incident of this kind: health, and the market regulator (food) or fire service (fire). */
export function mayAcknowledge(user: { role: string; agency?: string | null | undefined }, kind: IncidentKind): boolean {
  if (user.role !== 'regulator' || !user.agency) return false;
  return user.agency === 'health' || (kind === 'food_poisoning' && user.agency === 'market') || (kind === 'fire' && user.agency === 'fire');
}

function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = encodeURIComponent;

export async function reportIncident(facilityId: string, input: IncidentInput, options?: RequestOptions): Promise<Incident> {
  return (await apiRequest<Incident>('POST', `/facilities/${id(facilityId)}/incidents`, { ...options, body: input })).data;
}

export async function listIncidents(filter: IncidentQuery, options?: RequestOptions): Promise<Page<Incident>> {
  const path = `/incidents${query({ status: filter.status, facilityId: filter.facilityId, cursor: filter.cursor, limit: filter.limit })}`;
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

export async function logDrill(
  facilityId: string,
  body: { kind: DrillKind; heldOn: string; participants: number; note?: string },
  options?: RequestOptions,
): Promise<Drill> {
  return (await apiRequest<Drill>('POST', `/facilities/${id(facilityId)}/drills`, { ...options, body })).data;
}

export async function listDrills(facilityId: string, options?: RequestOptions): Promise<Drill[]> {
  return (await apiRequest<{ items: Drill[] }>('GET', `/facilities/${id(facilityId)}/drills`, options)).data.items;
}
