import { dueDates, mayClose, newReceiptCode, overdue, RECEIPT_SHAPE, transition, CONTROL_CHARACTERS } from './complaint.rules.js';

describe('complaint rules', () => {
  it('give 12-character receipt codes from the unambiguous alphabet, different each time', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newReceiptCode()));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(RECEIPT_SHAPE);
    expect([...codes].join('')).not.toMatch(/[01ILOU]/);
  });

  it('count deadlines in working days: received on a Friday, acknowledge by Monday, close 15 working days later', () => {
    // 2026-12-04 is a Friday.
    expect(dueDates('2026-12-04')).toEqual({ acknowledgeDueOn: '2026-12-07', closeDueOn: '2026-12-25' });
    expect(dueDates('2026-12-05', { acknowledgeWorkingDays: 1, closeWorkingDays: 2 })).toEqual({
      acknowledgeDueOn: '2026-12-07',
      closeDueOn: '2026-12-08',
    });
  });

  it('skip national holidays and count make-up working days (the registry’s calendar, libs/standards working-days.ts)', () => {
    // Received on Wednesday 2026-09-30: 1–7 October are the National Day holidays, Saturday 10 October a make-up
    // working day; the 15 working days run from 8 October to Tuesday 27 October.
    expect(dueDates('2026-09-30')).toEqual({ acknowledgeDueOn: '2026-10-08', closeDueOn: '2026-10-27' });
    // Received on Friday 2026-02-13: Saturday the 14th is a make-up working day, the Spring Festival runs 15–23 February.
    expect(dueDates('2026-02-13', { acknowledgeWorkingDays: 1, closeWorkingDays: 2 })).toEqual({
      acknowledgeDueOn: '2026-02-14',
      closeDueOn: '2026-02-24',
    });
  });

  it('are overdue when not moved to investigating after the acknowledgement day, or not closed after the closing day', () => {
    const c = { acknowledgeDueOn: '2026-12-07', closeDueOn: '2026-12-25' };
    expect(overdue({ ...c, status: 'received' }, '2026-12-07')).toBeNull();
    expect(overdue({ ...c, status: 'received' }, '2026-12-08')).toBe('acknowledge');
    expect(overdue({ ...c, status: 'investigating' }, '2026-12-08')).toBeNull();
    expect(overdue({ ...c, status: 'investigating' }, '2026-12-26')).toBe('close');
    expect(overdue({ ...c, status: 'closed' }, '2027-01-30')).toBeNull();
  });

  it('move received → investigating → closed, and close an unassigned one only as health', () => {
    expect(transition('received', 'investigate')).toBe('investigating');
    expect(transition('investigating', 'investigate')).toBeNull();
    expect(transition('closed', 'close')).toBeNull();
    expect(transition('investigating', 'close')).toBe('closed');
    expect(mayClose('market', 'market')).toBe(true);
    expect(mayClose('market', 'fire')).toBe(false);
    expect(mayClose(null, 'market')).toBe(false);
    expect(mayClose('fire', 'health')).toBe(true);
  });

  it('refuse control characters but keep line breaks and HTML', () => {
    expect(CONTROL_CHARACTERS.test('第一行\n第二行\t<script>alert(1)</script>')).toBe(false);
    expect(CONTROL_CHARACTERS.test('bell\u0007')).toBe(true);
    expect(CONTROL_CHARACTERS.test('rtl\u202Eoverride')).toBe(true);
  });
});
