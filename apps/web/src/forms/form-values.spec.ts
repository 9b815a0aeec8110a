import { describe, expect, it } from '@jest/globals';
import {
  formatFloors,
  isIsoDate,
  numberText,
  parseFloors,
  parseInteger,
  parseNumber,
  parseOpeningHours,
  todayInShanghai,
} from './form-values';

describe('form values', () => {
  it('parses numbers, also typed with full-width digits, and nothing else', () => {
    expect(parseNumber('43.8650')).toBe(43.865);
    expect(parseNumber(' -1 ')).toBe(-1);
    expect(parseNumber('１２０')).toBe(120);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('12a')).toBeNull();
    expect(parseInteger('2.5')).toBeNull();
    expect(parseInteger('3')).toBe(3);
  });

  it('reads storeys as "1,2" with any common separator, sorted and without repeats', () => {
    expect(parseFloors('1,2')).toEqual([1, 2]);
    expect(parseFloors('2，1、2')).toEqual([1, 2]);
    expect(parseFloors('-1 1')).toEqual([-1, 1]);
    expect(parseFloors('')).toBeNull();
    expect(parseFloors('1,two')).toBeNull();
    expect(formatFloors([1, 2])).toBe('1,2');
  });

  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
  });

  it('normalises opening hours to HH:MM-HH:MM', () => {
    expect(parseOpeningHours('7:30-17:30')).toBe('07:30-17:30');
    expect(parseOpeningHours('07:30 ～ 17:30')).toBe('07:30-17:30');
    expect(parseOpeningHours('７:３０-１７:３０')).toBe('07:30-17:30');
    expect(parseOpeningHours('25:00-17:30')).toBeNull();
  });

  it('shows numbers as inputs hold them', () => {
    expect(numberText(43.865)).toBe('43.865');
    expect(numberText(undefined)).toBe('');
  });

  it('tells the date in Asia/Shanghai, which is ahead of UTC', () => {
    expect(todayInShanghai(new Date('2026-11-28T20:00:00Z'))).toBe('2026-11-29');
  });
});
