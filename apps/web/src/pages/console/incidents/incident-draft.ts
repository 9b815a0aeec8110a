// The "report an incident" form's model, pure: the values typed so far (a draft), kept in localStorage per
// facility so that a reload, a lost connection or a closed tab loses nothing (as the inspection form); the checks
// before sending, each naming its field; the API body; and the inbox's countdown to a deadline.
import type { IncidentInput, IncidentKind, IncidentSeverity } from '../../../api/incidents';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES } from '../../../api/incidents';
import type { DraftStorage } from '../inspections/inspection-draft';

export interface IncidentDraft {
  facilityId: string;
  kind: IncidentKind | '';
  severity: IncidentSeverity | '';
  /** `YYYY-MM-DDTHH:mm` as a datetime-local input gives it, in the device's time zone. */
  occurredAt: string;
  childrenAffected: string;
  hospitalized: string;
  description: string;
  actionsTaken: string;
  savedAt: string;
}

export type DraftField = 'kind' | 'severity' | 'occurredAt' | 'childrenAffected' | 'hospitalized' | 'description' | 'actionsTaken';
export type DraftProblem = 'required' | 'future' | 'count' | 'hospitalizedOverAffected';

export const TEXT_MAX = 2000;

export function incidentDraftKey(facilityId: string): string {
  return `childcare.incident-draft.${facilityId}`;
}

/** `YYYY-MM-DDTHH:mm` of an instant in the device's local time (what a datetime-local input shows). */
export function localDateTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export function emptyIncidentDraft(facilityId: string, now: Date): IncidentDraft {
  return {
    facilityId,
    kind: '',
    severity: '',
    occurredAt: localDateTime(now),
    childrenAffected: '1',
    hospitalized: '0',
    description: '',
    actionsTaken: '',
    savedAt: now.toISOString(),
  };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export function loadIncidentDraft(storage: DraftStorage | null, facilityId: string): IncidentDraft | null {
  let text: string | null;
  try {
    text = storage?.getItem(incidentDraftKey(facilityId)) ?? null;
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<Record<keyof IncidentDraft, unknown>>;
    if (typeof v !== 'object' || v === null) return null;
    return {
      facilityId,
      kind: (INCIDENT_KINDS as readonly string[]).includes(str(v.kind)) ? (v.kind as IncidentKind) : '',
      severity: (INCIDENT_SEVERITIES as readonly string[]).includes(str(v.severity)) ? (v.severity as IncidentSeverity) : '',
      occurredAt: str(v.occurredAt),
      childrenAffected: str(v.childrenAffected),
      hospitalized: str(v.hospitalized),
      description: str(v.description),
      actionsTaken: str(v.actionsTaken),
      savedAt: str(v.savedAt),
    };
  } catch {
    return null;
  }
}

/** Writes the draft; false when storage refused (full, disabled), so the page can say it is not saved. */
export function saveIncidentDraft(storage: DraftStorage | null, draft: IncidentDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(incidentDraftKey(draft.facilityId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearIncidentDraft(storage: DraftStorage | null, facilityId: string): void {
  try {
    storage?.removeItem(incidentDraftKey(facilityId));
  } catch {
    // the draft stays and is replaced by the next one
  }
}

const COUNT = /^\d{1,4}$/;

/** What stops the draft from being sent, per field (the server checks the same and more). */
export function draftProblems(draft: IncidentDraft, now: Date): Partial<Record<DraftField, DraftProblem>> {
  const out: Partial<Record<DraftField, DraftProblem>> = {};
  if (!draft.kind) out.kind = 'required';
  if (!draft.severity) out.severity = 'required';
  const occurred = draft.occurredAt ? new Date(draft.occurredAt) : null;
  if (!occurred || Number.isNaN(occurred.getTime())) out.occurredAt = 'required';
  else if (occurred.getTime() > now.getTime() + 60_000) out.occurredAt = 'future';
  if (!COUNT.test(draft.childrenAffected.trim())) out.childrenAffected = 'count';
  if (!COUNT.test(draft.hospitalized.trim())) out.hospitalized = 'count';
  else if (!out.childrenAffected && Number(draft.hospitalized) > Number(draft.childrenAffected))
    out.hospitalized = 'hospitalizedOverAffected';
  if (!draft.description.trim()) out.description = 'required';
  if (!draft.actionsTaken.trim()) out.actionsTaken = 'required';
  return out;
}

/** The API body (call only when `draftProblems` is empty): the local time becomes an instant with its offset. */
export function toIncidentInput(draft: IncidentDraft): IncidentInput {
  return {
    kind: draft.kind as IncidentKind,
    severity: draft.severity as IncidentSeverity,
    occurredAt: new Date(draft.occurredAt).toISOString(),
    childrenAffected: Number(draft.childrenAffected.trim()),
    hospitalized: Number(draft.hospitalized.trim()),
    description: draft.description.trim(),
    actionsTaken: draft.actionsTaken.trim(),
  };
}

/** Minutes from `now` to `due` (negative once past), for the inbox's countdown. */
export function minutesUntil(due: string, now: Date): number {
  return Math.floor((new Date(due).getTime() - now.getTime()) / 60_000);
}

/** "1 h 20 min" style parts of a number of minutes (its absolute value). */
export function hoursAndMinutes(minutes: number): { hours: number; minutes: number } {
  const m = Math.abs(minutes);
  return { hours: Math.floor(m / 60), minutes: m % 60 };
}
