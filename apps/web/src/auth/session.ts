// The signed-in session: the access token, when it expires, and the user, kept in sessionStorage
// (gone when the tab closes). An expired session reads as no session.
import type { SessionUser } from '../api/types';

export interface Session {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  user: SessionUser;
}

const STORAGE_KEY = 'childcare.session';
/** Treat the token as expired a little early, so a request never leaves with a token about to lapse. */
const EARLY_MS = 10_000;

export function sessionFromLogin(login: { accessToken: string; expiresIn: number; user: SessionUser }, now: number): Session {
  return { accessToken: login.accessToken, expiresAt: now + login.expiresIn * 1000, user: login.user };
}

/** Parses what was stored; null when absent, malformed or expired. */
export function parseSession(raw: string | null, now: number): Session | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.accessToken !== 'string' || typeof value.expiresAt !== 'number' || !value.user) return null;
    if (typeof value.user.id !== 'string' || typeof value.user.role !== 'string') return null;
    if (value.expiresAt - EARLY_MS <= now) return null;
    return value as Session;
  } catch {
    return null;
  }
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadSession(): Session | null {
  const store = storage();
  const session = parseSession(store?.getItem(STORAGE_KEY) ?? null, Date.now());
  if (!session) store?.removeItem(STORAGE_KEY);
  return session;
}

export function saveSession(session: Session): void {
  storage()?.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  storage()?.removeItem(STORAGE_KEY);
}

/** The token to send, or null when signed out or expired. */
export function currentToken(): string | null {
  return loadSession()?.accessToken ?? null;
}

/** Where a user's console is: operators have theirs; regulators and admins the regulator console. */
export function consolePathFor(user: Pick<SessionUser, 'role'>): string {
  if (user.role === 'parent') return '/console/applications';
  return user.role === 'operator' ? '/console/operator' : '/console/regulator';
}
