import { CursorError, decodeCursor, encodeCursor } from './pagination.js';

const pair = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2;

describe('cursors', () => {
  it('round-trip what the API wrote', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', 'x']), pair)).toEqual(['2026-01-01T00:00:00.000Z', 'x']);
    expect(decodeCursor(undefined, pair)).toBeNull();
  });
  it('refuse forged, altered and unsigned cursors with a CursorError (400 naming cursor)', () => {
    const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    expect(() => decodeCursor(forged, pair)).toThrow(CursorError);
    const good = encodeCursor(['2026-01-01', 'a']);
    const [, t] = good.split('.');
    expect(() => decodeCursor(`${forged}.${t}`, pair)).toThrow(CursorError);
    expect(() => decodeCursor(`${good}.x`, pair)).toThrow(CursorError);
    expect(() => decodeCursor(encodeCursor('just a string'), pair)).toThrow(CursorError);
  });
});
