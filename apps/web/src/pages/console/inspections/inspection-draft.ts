// The inspection form's model, pure: the answers given so far (a draft), kept in localStorage per
// facility and domain so that a reload, a lost connection or a closed tab loses nothing; the
// progress; sections of the checklist; and the API body. Cleared only after a successful submit.
import type { Checklist, ChecklistItem, Domain, InspectionInput, ItemAnswer, ItemResult } from '../../../api/inspections';
import { todayInShanghai } from '../../../forms/form-values';

export interface DraftAnswer {
  result: ItemResult;
  note: string;
}

export interface InspectionDraft {
  facilityId: string;
  domain: Domain;
  checklistVersion: number;
  /** When the first answer was given (ISO 8601): the inspection's time. */
  startedAt: string;
  /** When the draft was last written to storage. */
  savedAt: string;
  answers: Record<string, DraftAnswer>;
  summary: string;
  /**
   * The day of the visit (YYYY-MM-DD, Asia/Shanghai) when the inspector chose one (an earlier visit entered from
   * paper); null: the day the first answer was given (`startedAt`), today for a draft not begun.
   */
  visitedOn: string | null;
}

/** The storage the draft lives in (window.localStorage in the app; a stub in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const NOTE_MAX = 500;
export const SUMMARY_MAX = 2000;

export function draftKey(facilityId: string, domain: Domain): string {
  return `childcare.inspection-draft.${facilityId}.${domain}`;
}

export function emptyDraft(facilityId: string, domain: Domain, checklistVersion: number, now: Date): InspectionDraft {
  const at = now.toISOString();
  return { facilityId, domain, checklistVersion, startedAt: at, savedAt: at, answers: {}, summary: '', visitedOn: null };
}

/** A calendar date YYYY-MM-DD of 1900..2199, as the API takes (`?on=`, dates everywhere). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}

/**
 * The day of the visit a draft records, whose checklist version the form answers (the API records an inspection
 * against the version in force on its day): the day chosen, else the day of the first answer, else today.
 */
export function visitDayOf(draft: Pick<InspectionDraft, 'visitedOn' | 'startedAt' | 'answers'>, now: Date): string {
  if (draft.visitedOn) return draft.visitedOn;
  if (Object.keys(draft.answers).length > 0 && !Number.isNaN(Date.parse(draft.startedAt)))
    return todayInShanghai(new Date(draft.startedAt));
  return todayInShanghai(now);
}

/** The visit day of the draft stored for this facility and domain (today when there is none), before its checklist is known. */
export function storedVisitDay(storage: DraftStorage | null, facilityId: string, domain: Domain, now: Date): string {
  try {
    const value = JSON.parse(storage?.getItem(draftKey(facilityId, domain)) ?? 'null') as Partial<InspectionDraft> | null;
    if (typeof value === 'object' && value !== null && typeof value.answers === 'object' && value.answers !== null) {
      return visitDayOf(
        { visitedOn: isDay(value.visitedOn) ? value.visitedOn : null, startedAt: String(value.startedAt), answers: value.answers },
        now,
      );
    }
  } catch {
    // unreadable: a new draft
  }
  return todayInShanghai(now);
}

/** The draft with the visit's day chosen (YYYY-MM-DD); answers to items of another version are dropped when it loads. */
export function setVisitDay(draft: InspectionDraft, day: string): InspectionDraft {
  return isDay(day) ? { ...draft, visitedOn: day } : draft;
}

/**
 * The inspection's time: the first answer's when the visit is on that day; now for a visit today begun another day;
 * 12:00 Asia/Shanghai for an earlier day (entered afterwards: the form asks for the day, not the hour).
 */
export function inspectedAtOf(draft: InspectionDraft, now: Date): string {
  const day = visitDayOf(draft, now);
  if (!Number.isNaN(Date.parse(draft.startedAt)) && todayInShanghai(new Date(draft.startedAt)) === day) return draft.startedAt;
  if (day === todayInShanghai(now)) return now.toISOString();
  return `${day}T12:00:00+08:00`;
}

function isAnswer(value: unknown): value is DraftAnswer {
  const answer = value as DraftAnswer | null;
  return (
    typeof answer === 'object' &&
    answer !== null &&
    (answer.result === 'pass' || answer.result === 'fail' || answer.result === 'na') &&
    typeof answer.note === 'string'
  );
}

/**
 * The stored draft for this facility and domain, with only the answers to items of `checklist`
 * (an item the current version dropped is forgotten), or null when there is none (or it is unreadable).
 */
export function loadDraft(storage: DraftStorage | null, facilityId: string, checklist: Checklist): InspectionDraft | null {
  let text: string | null;
  try {
    text = storage?.getItem(draftKey(facilityId, checklist.domain)) ?? null;
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<InspectionDraft>;
    if (typeof value !== 'object' || value === null || typeof value.answers !== 'object' || value.answers === null) return null;
    const codes = new Set(checklist.items.map((item) => item.code));
    const answers: Record<string, DraftAnswer> = {};
    for (const [code, answer] of Object.entries(value.answers)) if (codes.has(code) && isAnswer(answer)) answers[code] = answer;
    const startedAt = typeof value.startedAt === 'string' && !Number.isNaN(Date.parse(value.startedAt)) ? value.startedAt : null;
    return {
      facilityId,
      domain: checklist.domain,
      checklistVersion: checklist.version,
      startedAt: startedAt ?? new Date().toISOString(),
      savedAt: typeof value.savedAt === 'string' ? value.savedAt : (startedAt ?? new Date().toISOString()),
      answers,
      summary: typeof value.summary === 'string' ? value.summary : '',
      visitedOn: isDay(value.visitedOn) ? value.visitedOn : null,
    };
  } catch {
    return null;
  }
}

/** Writes the draft; false when storage refused (full, disabled), so the page can say it is not saved. */
export function saveDraft(storage: DraftStorage | null, draft: InspectionDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(draftKey(draft.facilityId, draft.domain), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | null, facilityId: string, domain: Domain): void {
  try {
    storage?.removeItem(draftKey(facilityId, domain));
  } catch {
    // nothing to do: the draft stays, and is replaced by the next one
  }
}

/** The draft with one item's answer changed (a note is kept only while the item fails). */
export function setAnswer(draft: InspectionDraft, code: string, change: Partial<DraftAnswer>, now: Date): InspectionDraft {
  const previous = draft.answers[code];
  const result = change.result ?? previous?.result;
  if (!result) return draft;
  const note = change.note ?? previous?.note ?? '';
  const started = Object.keys(draft.answers).length === 0 ? now.toISOString() : draft.startedAt;
  return { ...draft, startedAt: started, answers: { ...draft.answers, [code]: { result, note } } };
}

export function answeredCount(checklist: Checklist, draft: InspectionDraft): number {
  return checklist.items.filter((item) => draft.answers[item.code] !== undefined).length;
}

export function isComplete(checklist: Checklist, draft: InspectionDraft): boolean {
  return answeredCount(checklist, draft) === checklist.items.length;
}

export interface Section {
  key: string;
  title: string;
  items: ChecklistItem[];
}

/** The checklist's items by section, in the checklist's order; titles in the language. */
export function sectionsOf(checklist: Checklist, english: boolean): Section[] {
  const sections: Section[] = [];
  for (const item of checklist.items) {
    let section = sections.find((candidate) => candidate.key === item.section);
    if (!section) {
      section = { key: item.section, title: english ? item.sectionEn || item.section : item.section, items: [] };
      sections.push(section);
    }
    section.items.push(item);
  }
  return sections;
}

/** The API body: every item exactly once, in the checklist's order; notes only on failed items; the visit's time. */
export function toInspectionInput(checklist: Checklist, draft: InspectionDraft, now: Date = new Date()): InspectionInput {
  const items: ItemAnswer[] = checklist.items.map((item) => {
    const answer = draft.answers[item.code];
    if (!answer) throw new Error(`unanswered: ${item.code}`);
    const note = answer.note.trim();
    return answer.result === 'fail' && note ? { code: item.code, result: 'fail', note } : { code: item.code, result: answer.result };
  });
  const summary = draft.summary.trim();
  return { domain: checklist.domain, inspectedAt: inspectedAtOf(draft, now), items, ...(summary ? { summary } : {}) };
}

/** The answers in force after the amendments, applied in order over the recorded ones. */
export function effectiveAnswers(inspection: { items: ItemAnswer[]; amendments: { items: ItemAnswer[] }[] }): Map<string, ItemAnswer> {
  const answers = new Map(inspection.items.map((item) => [item.code, item]));
  for (const amendment of inspection.amendments) for (const item of amendment.items) answers.set(item.code, item);
  return answers;
}
