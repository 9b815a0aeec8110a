import { addWorkingDays, CHINA_HOLIDAYS, isWorkingDay, pastWorkingDayDeadline, workingDaysBetween } from './working-days.js';

describe('the working-day calendar', () => {
  it('knows weekends, national holidays and make-up working days', () => {
    expect(isWorkingDay('2026-12-04')).toBe(true); // Friday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-05')).toBe(false); // Monday of National Day
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up working day
    expect(isWorkingDay('2026-02-23')).toBe(false); // Spring Festival, Monday
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday before the Spring Festival
  });
  it('has the current and the next year', () => {
    expect(Object.keys(CHINA_HOLIDAYS.years)).toEqual(expect.arrayContaining(['2026', '2027']));
    expect(isWorkingDay('2027-01-01')).toBe(false);
  });
  it('counts working days after the start up to the day', () => {
    expect(workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1); // Friday → Monday
    expect(workingDaysBetween('2026-12-07', '2026-12-07')).toBe(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-09')).toBe(2); // 8th, 9th (1–7 off)
  });
  it('finds the deadline’s last day and says when it is passed', () => {
    expect(addWorkingDays('2026-12-04', 5)).toBe('2026-12-11');
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-13'); // 8, 9, 10 (Sat, make-up), 12, 13
    expect(pastWorkingDayDeadline('2026-12-04', '2026-12-11', 5)).toBe(false);
    expect(pastWorkingDayDeadline('2026-12-04', '2026-12-14', 5)).toBe(true);
  });
});
