// One sentence for people from any failure of an API call, in the page's language: the server's
// own problem detail when it gave one, else a message by status.
import { ApiError } from '../api/client';
import type { Messages } from '../i18n/zh-CN';

export function errorMessage(error: unknown, t: Messages, fallback: string = t.console.loadFailed): string {
  if (!(error instanceof ApiError)) return fallback;
  if (error.status === 0) return t.errors.network;
  const fromServer = error.problem?.detail ?? error.problem?.title ?? null;
  if (fromServer) return fromServer;
  if (error.status === 403) return t.console.forbidden;
  if (error.status === 404) return t.console.notFound;
  if (error.status === 409) return t.console.conflict;
  return fallback;
}

/** The problem's errors that name no field (fielded ones show beside their inputs). */
export function generalErrors(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem?.errors ?? []).filter((item) => !item.field).map((item) => item.message);
}

export function statusOf(error: unknown): number | null {
  return error instanceof ApiError ? error.status : null;
}
