import { ifMatchVersion } from './etag.js';

describe('If-Match', () => {
  it('reads strong and weak tags alike', () => {
    expect(ifMatchVersion('"3"')).toBe(3);
    expect(ifMatchVersion('W/"3"')).toBe(3);
  });
  it('is undefined when absent (428) and NaN when unreadable (412)', () => {
    expect(ifMatchVersion(undefined)).toBeUndefined();
    expect(ifMatchVersion('3')).toBeNaN();
    expect(ifMatchVersion('*')).toBeNaN();
  });
});
