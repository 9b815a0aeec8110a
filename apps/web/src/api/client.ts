// A small fetch wrapper for the JSON API under /api/v1. Errors come back as `ApiError`,
// carrying the RFC 9457 problem details when the server sent them. `getJson` is for anonymous
// reads; `apiRequest` sends the session's bearer token, bodies and `If-Match`, and returns the
// answer's `ETag`. A 401 on an authenticated request calls the handler the app registers (which
// signs out and goes to /login).
import { currentToken } from '../auth/session';
import type { Lang } from '../i18n/language';
import type { ProblemDetails } from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer (offline, aborted, DNS). */
    readonly status: number,
    /** The problem details of the answer, when it was `application/problem+json` (or JSON of that shape). */
    readonly problem: ProblemDetails | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server's message for people, in the language asked for, when there is one. */
  get userMessage(): string | null {
    return this.problem?.detail ?? this.problem?.title ?? null;
  }
}

export interface RequestOptions {
  lang?: Lang;
  signal?: AbortSignal;
}

function isProblem(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { title?: unknown }).title === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : null;
  } catch {
    return null;
  }
}

/** GET `${API_BASE}${path}` and parse the JSON answer. Throws ApiError on any failure. */
export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.lang) headers['Accept-Language'] = options.lang;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { headers, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, null, `GET ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(response.status, problem, `GET ${path}: ${response.status} ${problem?.title ?? response.statusText}`);
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, null, `GET ${path}: the answer is not JSON`);
  }
}

export interface ApiRequestOptions extends RequestOptions {
  body?: unknown;
  /** The `ETag` of the version being changed (facilities and classes require it on PATCH). */
  ifMatch?: string | null;
  /** Send the session's token (default). `false` for login and registration. */
  auth?: boolean;
}

export interface ApiResult<T> {
  data: T;
  /** The answer's `ETag` (`"<version>"`, or weak `W/"<version>"`), when it has one. */
  etag: string | null;
  status: number;
  location: string | null;
}

let onUnauthorized: (() => void) | null = null;

/** Registers what happens when the API answers 401 to a signed-in request (sign out, go to /login). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** A POST is tried again after these pauses when the network fails or the server is briefly away. */
const RETRY_DELAYS_MS = [500, 1500];
const RETRY_STATUSES = [502, 503, 504];

/** 128 random bits as a UUID-shaped string; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });
}

/** Any method on `${API_BASE}${path}`; JSON in and out. Throws ApiError on any failure. */
export async function apiRequest<T>(method: string, path: string, options: ApiRequestOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.lang) headers['Accept-Language'] = options.lang;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const useAuth = options.auth ?? true;
  if (useAuth) {
    const token = currentToken();
    if (token) headers.Authorization = `Bearer ${token}`;
  }

  // Every POST carries a key of its own, repeated on each retry: a write whose answer was lost is never made twice
  // (docs/api.md "Idempotency-Key").
  if (method === 'POST') headers['Idempotency-Key'] = newIdempotencyKey();
  const label = `${method} ${path}`;
  let response: Response | null = null;
  for (let attempt = 0; ; attempt += 1) {
    const retryable = method === 'POST' && attempt < RETRY_DELAYS_MS.length;
    try {
      response = await fetch(`${API_BASE}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      if (!retryable) throw new ApiError(0, null, `${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response && !(retryable && RETRY_STATUSES.includes(response.status))) break;
    await wait(RETRY_DELAYS_MS[attempt]!, options.signal);
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && useAuth) onUnauthorized?.();
    throw new ApiError(response.status, problem, `${label}: ${response.status} ${problem?.title ?? response.statusText}`);
  }
  const meta = { etag: response.headers.get('ETag'), status: response.status, location: response.headers.get('Location') };
  if (response.status === 204) return { data: undefined as T, ...meta };
  const text = await response.text();
  if (!text) return { data: undefined as T, ...meta };
  try {
    return { data: JSON.parse(text) as T, ...meta };
  } catch {
    throw new ApiError(response.status, null, `${label}: the answer is not JSON`);
  }
}
