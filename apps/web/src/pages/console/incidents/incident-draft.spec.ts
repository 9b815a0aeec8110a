import { describe, expect, it } from '@jest/globals';
import {
  clearIncidentDraft,
  draftProblems,
  emptyIncidentDraft,
  hoursAndMinutes,
  loadIncidentDraft,
  minutesUntil,
  saveIncidentDraft,
  toIncidentInput,
  type IncidentDraft,
} from './incident-draft';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

// Local times, as a datetime-local input gives them (the device's time zone, whatever it is).
const NOW = new Date('2026-12-05T10:00');
const filled = (over: Partial<IncidentDraft> = {}): IncidentDraft => ({
  ...emptyIncidentDraft('f1', NOW),
  kind: 'injury',
  severity: 'minor',
  occurredAt: '2026-12-05T09:30',
  childrenAffected: '2',
  hospitalized: '1',
  description: '滑梯跌落擦伤',
  actionsTaken: '已消毒包扎',
  ...over,
});

describe('the incident draft', () => {
  it('is kept per facility and comes back after a reload, and is gone once cleared', () => {
    const storage = memoryStorage();
    expect(loadIncidentDraft(storage, 'f1')).toBeNull();
    expect(saveIncidentDraft(storage, filled())).toBe(true);
    expect(loadIncidentDraft(storage, 'f1')).toMatchObject({ kind: 'injury', childrenAffected: '2', description: '滑梯跌落擦伤' });
    expect(loadIncidentDraft(storage, 'f2')).toBeNull();
    clearIncidentDraft(storage, 'f1');
    expect(loadIncidentDraft(storage, 'f1')).toBeNull();
  });

  it('drops values it does not know and survives unreadable storage', () => {
    const storage = memoryStorage();
    storage.setItem('childcare.incident-draft.f1', JSON.stringify({ kind: 'flood', severity: 'minor', description: 5 }));
    expect(loadIncidentDraft(storage, 'f1')).toMatchObject({ kind: '', severity: 'minor', description: '' });
    storage.setItem('childcare.incident-draft.f1', '{not json');
    expect(loadIncidentDraft(storage, 'f1')).toBeNull();
    expect(saveIncidentDraft(null, filled())).toBe(false);
  });

  it('names every field that stops sending', () => {
    expect(draftProblems(filled(), NOW)).toEqual({});
    expect(draftProblems(emptyIncidentDraft('f1', NOW), NOW)).toEqual({
      kind: 'required',
      severity: 'required',
      description: 'required',
      actionsTaken: 'required',
    });
    expect(draftProblems(filled({ occurredAt: '2026-12-05T12:00' }), NOW).occurredAt).toBe('future');
    expect(draftProblems(filled({ childrenAffected: '-1' }), NOW).childrenAffected).toBe('count');
    expect(draftProblems(filled({ childrenAffected: '1', hospitalized: '2' }), NOW).hospitalized).toBe('hospitalizedOverAffected');
  });

  it('becomes the API body with counts as numbers and the time as an instant', () => {
    const input = toIncidentInput(filled());
    expect(input).toMatchObject({ kind: 'injury', severity: 'minor', childrenAffected: 2, hospitalized: 1, actionsTaken: '已消毒包扎' });
    expect(input.occurredAt).toBe(new Date('2026-12-05T09:30').toISOString());
  });
});

describe('the countdown', () => {
  it('counts minutes to a deadline, negative once past', () => {
    expect(minutesUntil('2026-12-05T03:00:00Z', new Date('2026-12-05T01:40:00Z'))).toBe(80);
    expect(minutesUntil('2026-12-05T01:00:00Z', new Date('2026-12-05T01:40:00Z'))).toBe(-40);
    expect(hoursAndMinutes(80)).toEqual({ hours: 1, minutes: 20 });
    expect(hoursAndMinutes(-40)).toEqual({ hours: 0, minutes: 40 });
  });
});
