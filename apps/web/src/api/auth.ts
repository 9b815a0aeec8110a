// Sign-in and operator registration (API.md "Auth and users").
import { apiRequest, type RequestOptions } from './client';

export type Role = 'operator' | 'regulator' | 'admin';
export type Agency = 'health' | 'fire' | 'market' | 'housing';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  displayName?: string;
  /** Regulators only. */
  agency?: Agency | null;
  /** Regulators only: `"220100"` (the whole city) or one unit. */
  regionCode?: string | null;
}

export interface LoginResult {
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
  user: SessionUser;
}

export interface RegisterInput {
  username: string;
  password: string;
  displayName: string;
  phone?: string;
}

export async function login(username: string, password: string, options: RequestOptions = {}): Promise<LoginResult> {
  return (await apiRequest<LoginResult>('POST', '/auth/login', { ...options, auth: false, body: { username, password } })).data;
}

export async function register(
  input: RegisterInput,
  options: RequestOptions = {},
): Promise<{ id: string; username: string; role: 'operator' }> {
  return (
    await apiRequest<{ id: string; username: string; role: 'operator' }>('POST', '/auth/register', { ...options, auth: false, body: input })
  ).data;
}

/** Whether this user may act on filings (approve, reject, suspend, reinstate, close). */
export function isHealthRegulator(user: Pick<SessionUser, 'role' | 'agency'>): boolean {
  return user.role === 'regulator' && user.agency === 'health';
}
