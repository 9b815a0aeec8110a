import { describe, expect, it } from '@jest/globals';
import { consolePathFor, parseSession, sessionFromLogin } from './session';

const user = { id: 'u1', username: 'op', role: 'operator' as const };

describe('session', () => {
  it('expires expiresIn seconds after login', () => {
    const session = sessionFromLogin({ accessToken: 'tok', expiresIn: 3600, user }, 1_000_000);
    expect(session.expiresAt).toBe(1_000_000 + 3_600_000);
    const raw = JSON.stringify(session);
    expect(parseSession(raw, 1_000_000 + 60_000)?.accessToken).toBe('tok');
    expect(parseSession(raw, 1_000_000 + 3_600_000)).toBeNull();
  });

  it('reads nothing from missing or malformed storage', () => {
    expect(parseSession(null, 0)).toBeNull();
    expect(parseSession('{', 0)).toBeNull();
    expect(parseSession(JSON.stringify({ accessToken: 'x' }), 0)).toBeNull();
  });

  it('sends operators to their console and everyone else to the regulator console', () => {
    expect(consolePathFor({ role: 'operator' })).toBe('/console/operator');
    expect(consolePathFor({ role: 'regulator' })).toBe('/console/regulator');
    expect(consolePathFor({ role: 'admin' })).toBe('/console/regulator');
  });
});
