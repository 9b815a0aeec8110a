import { describe, expect, it } from '@jest/globals';
import type { Checklist } from '../../../api/inspections';
import {
  answeredCount,
  clearDraft,
  draftKey,
  effectiveAnswers,
  emptyDraft,
  isComplete,
  loadDraft,
  saveDraft,
  sectionsOf,
  setAnswer,
  setVisitDay,
  storedVisitDay,
  toInspectionInput,
  visitDayOf,
  type DraftStorage,
} from './inspection-draft';

const item = (code: string, section: string) => ({
  code,
  section,
  sectionEn: `${section}-en`,
  text: code,
  textEn: code,
  severity: 'major' as const,
  rule: 'rule',
});
const checklist: Checklist = { domain: 'fire', version: 1, items: [item('A-1', '甲'), item('A-2', '甲'), item('B-1', '乙')] };

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('inspection draft', () => {
  const now = new Date('2026-11-20T02:30:00Z');

  it('counts answers, keeps a note while failing, and builds the body in checklist order', () => {
    let draft = emptyDraft('f1', 'fire', 1, now);
    draft = setAnswer(draft, 'B-1', { result: 'fail' }, now);
    draft = setAnswer(draft, 'B-1', { note: ' 灭火器过期 ' }, now);
    draft = setAnswer(draft, 'A-1', { result: 'pass' }, now);
    expect(answeredCount(checklist, draft)).toBe(2);
    expect(isComplete(checklist, draft)).toBe(false);
    expect(() => toInspectionInput(checklist, draft)).toThrow('A-2');
    draft = setAnswer(draft, 'A-2', { result: 'na', note: 'ignored' }, now);
    expect(toInspectionInput(checklist, draft)).toEqual({
      domain: 'fire',
      inspectedAt: '2026-11-20T02:30:00.000Z',
      items: [
        { code: 'A-1', result: 'pass' },
        { code: 'A-2', result: 'na' },
        { code: 'B-1', result: 'fail', note: '灭火器过期' },
      ],
    });
  });

  it('survives storage: saved, loaded (dropping unknown codes and bad entries), cleared', () => {
    const storage = memoryStorage();
    const draft = setAnswer(emptyDraft('f1', 'fire', 1, now), 'A-1', { result: 'fail', note: 'x' }, now);
    expect(saveDraft(storage, { ...draft, answers: { ...draft.answers, 'GONE-1': { result: 'pass', note: '' } } })).toBe(true);
    const loaded = loadDraft(storage, 'f1', checklist);
    expect(loaded?.answers).toEqual({ 'A-1': { result: 'fail', note: 'x' } });
    expect(loadDraft(storage, 'f2', checklist)).toBeNull();
    storage.setItem(draftKey('f3', 'fire'), '{not json');
    expect(loadDraft(storage, 'f3', checklist)).toBeNull();
    clearDraft(storage, 'f1', 'fire');
    expect(loadDraft(storage, 'f1', checklist)).toBeNull();
    expect(saveDraft(null, draft)).toBe(false);
  });

  it('asks for the visit’s day: today for a new draft, the first answer’s day, or the day chosen (kept in storage)', () => {
    const storage = memoryStorage();
    const later = new Date('2026-12-06T01:00:00Z'); // 09:00 in Shanghai
    const fresh = emptyDraft('f1', 'fire', 2, later);
    expect(visitDayOf(fresh, later)).toBe('2026-12-06');
    expect(storedVisitDay(storage, 'f1', 'fire', later)).toBe('2026-12-06');
    // Begun on 20 November (10:30 in Shanghai) and finished on 6 December: the visit was on the 20th, at its time.
    const begun = setAnswer(emptyDraft('f1', 'fire', 1, now), 'A-1', { result: 'pass' }, now);
    expect(visitDayOf(begun, later)).toBe('2026-11-20');
    saveDraft(storage, begun);
    expect(storedVisitDay(storage, 'f1', 'fire', later)).toBe('2026-11-20');
    // An earlier visit entered afterwards: that day, at 12:00 in Shanghai; the day survives a reload.
    const paper = setVisitDay(setAnswer(fresh, 'A-1', { result: 'pass' }, later), '2026-12-01');
    expect(setVisitDay(paper, '2026-02-30')).toBe(paper);
    const complete = setAnswer(setAnswer(paper, 'A-2', { result: 'pass' }, later), 'B-1', { result: 'pass' }, later);
    expect(toInspectionInput(checklist, complete, later).inspectedAt).toBe('2026-12-01T12:00:00+08:00');
    saveDraft(storage, complete);
    expect(storedVisitDay(storage, 'f1', 'fire', later)).toBe('2026-12-01');
    expect(loadDraft(storage, 'f1', checklist)?.visitedOn).toBe('2026-12-01');
    // Today chosen again for a draft begun on an earlier day: now, not a time before the first answer's day.
    const backToToday = setVisitDay(begun, '2026-12-06');
    const all = setAnswer(setAnswer(backToToday, 'A-2', { result: 'pass' }, later), 'B-1', { result: 'pass' }, later);
    expect(toInspectionInput(checklist, all, later).inspectedAt).toBe(later.toISOString());
    // Chosen the day it was begun: the first answer's time.
    const sameDay = setAnswer(setAnswer(setVisitDay(begun, '2026-11-20'), 'A-2', { result: 'pass' }, now), 'B-1', { result: 'na' }, now);
    expect(toInspectionInput(checklist, sameDay, later).inspectedAt).toBe('2026-11-20T02:30:00.000Z');
  });

  it('groups by section in the language, and applies amendments in order', () => {
    expect(sectionsOf(checklist, false).map((section) => [section.title, section.items.length])).toEqual([
      ['甲', 2],
      ['乙', 1],
    ]);
    expect(sectionsOf(checklist, true)[0]!.title).toBe('甲-en');
    const answers = effectiveAnswers({
      items: [
        { code: 'A-1', result: 'fail' },
        { code: 'A-2', result: 'pass' },
      ],
      amendments: [{ items: [{ code: 'A-1', result: 'pass' }] }, { items: [{ code: 'A-2', result: 'na' }] }],
    });
    expect([...answers.values()].map((answer) => answer.result)).toEqual(['pass', 'na']);
  });
});
