// A small fetch wrapper for the JSON API under /api/v1. Errors come back as `ApiError`,
// carrying the RFC 9457 problem details when the server sent them.
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
