/**
 * The vocabulary of incidents (突发事件) and drills (API.md "v1 additions", "Incidents and drills"), with the
 * words the consoles and alerts show. Defined once here; libs/incidents stores them, the web app labels them.
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

type Label = { zh: string; en: string };

export const INCIDENT_KIND_LABELS: Readonly<Record<IncidentKind, Label>> = {
  injury: { zh: '意外伤害', en: 'Injury' },
  illness: { zh: '疾病', en: 'Illness' },
  food_poisoning: { zh: '食物中毒', en: 'Food poisoning' },
  abuse_allegation: { zh: '虐童指控', en: 'Abuse allegation' },
  missing_child: { zh: '幼儿走失', en: 'Missing child' },
  fire: { zh: '火灾', en: 'Fire' },
  death: { zh: '死亡', en: 'Death' },
  other: { zh: '其他', en: 'Other' },
};

export const INCIDENT_SEVERITY_LABELS: Readonly<Record<IncidentSeverity, Label>> = {
  minor: { zh: '一般', en: 'Minor' },
  serious: { zh: '较重', en: 'Serious' },
  critical: { zh: '严重', en: 'Critical' },
};

export const INCIDENT_STATUS_LABELS: Readonly<Record<IncidentStatus, Label>> = {
  reported: { zh: '已报告', en: 'Reported' },
  acknowledged: { zh: '已受理', en: 'Acknowledged' },
  closed: { zh: '已结案', en: 'Closed' },
};

export const INCIDENT_FINDING_LABELS: Readonly<Record<IncidentFinding, Label>> = {
  substantiated: { zh: '属实', en: 'Substantiated' },
  unsubstantiated: { zh: '不属实', en: 'Unsubstantiated' },
  no_fault: { zh: '机构无过错', en: 'No fault of the facility' },
};

export const DRILL_KIND_LABELS: Readonly<Record<DrillKind, Label>> = {
  fire_evacuation: { zh: '消防疏散演练', en: 'Fire evacuation drill' },
  injury_first_aid: { zh: '意外伤害急救演练', en: 'First-aid drill' },
  other: { zh: '其他演练', en: 'Other drill' },
};
