// Sign-in and operator registration (docs/api.md "Auth and users").
import { API_BASE, apiRequest, type RequestOptions } from './client';
import type { SessionUser } from './types';
import type { LoginResultView, RegisterDto, RegisteredView } from './contract.gen';

export type { Agency, Role, SessionUser } from './types';

export type LoginResult = LoginResultView;
export type RegisterInput = RegisterDto;

export async function login(username: string, password: string, options: RequestOptions = {}): Promise<LoginResult> {
  return (await apiRequest<LoginResult>('POST', '/auth/login', { ...options, auth: false, body: { username, password } })).data;
}

/**
 * Revokes the token on the server (every token of the account issued so far), best effort: signing out in the
 * browser never waits for it or fails because of it. Plain fetch, so that a 401 does not call the sign-out again.
 */
export async function logout(accessToken: string): Promise<void> {
  await fetch(`${API_BASE}/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${accessToken}` } }).catch(() => undefined);
}

export async function register(input: RegisterInput, options: RequestOptions = {}): Promise<RegisteredView> {
  return (await apiRequest<RegisteredView>('POST', '/auth/register', { ...options, auth: false, body: input })).data;
}

/** Whether this user may act on filings (approve, reject, suspend, reinstate, close). */
export function isHealthRegulator(user: Pick<SessionUser, 'role' | 'agency'>): boolean {
  return user.role === 'regulator' && user.agency === 'health';
}
