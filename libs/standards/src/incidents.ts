/**
 * The vocabulary of incidents (突发事件) and drills (docs/api.md "Incidents (突发事件) and drills"). Defined once here;
 * libs/incidents stores them, the web app shows them; their words are in labels.ts.
 */
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
