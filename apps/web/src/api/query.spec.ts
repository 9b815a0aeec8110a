import { describe, expect, it } from '@jest/globals';
import { queryString } from './query';

describe('queryString', () => {
  it('sends the parameters given, in order, encoded', () => {
    expect(queryString({ status: 'open', q: '南关 区', limit: 20 })).toBe('?status=open&q=%E5%8D%97%E5%85%B3+%E5%8C%BA&limit=20');
  });

  it('leaves out undefined, null and empty ones, but sends false and 0', () => {
    expect(queryString({ a: undefined, b: null, c: '', d: false, e: 0 })).toBe('?d=false&e=0');
  });

  it('is empty without any parameter to send', () => {
    expect(queryString({})).toBe('');
    expect(queryString({ cursor: null })).toBe('');
  });
});
