// Field-level errors: the API's problem+json `errors` (and this app's own checks) keyed by the
// field's path, so each input shows its own messages. The API names array items `documents[0].number`;
// keys here are dotted (`documents.0.number`).
import type { ProblemDetails } from '../api/types';

export type FieldErrors = Record<string, string[]>;

export function normaliseFieldPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

export function addFieldError(errors: FieldErrors, path: string, message: string): void {
  (errors[path] ??= []).push(message);
}

/** The problem's field errors by path; errors without a field are left to the form's summary. */
export function fieldErrorsOf(problem: ProblemDetails | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const error of problem?.errors ?? []) if (error.field) addFieldError(out, normaliseFieldPath(error.field), error.message);
  return out;
}

/** Messages for one input: its own path, and any deeper path (`location` shows `location.lat`'s). */
export function messagesFor(errors: FieldErrors, path: string): string[] {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(errors)) if (key === path || key.startsWith(`${path}.`)) out.push(...messages);
  return out;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((messages) => messages.length > 0);
}

/** The errors without those of `path` and below it: an input's messages go once it is edited. */
export function withoutField(errors: FieldErrors, path: string): FieldErrors {
  let changed = false;
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (key === path || key.startsWith(`${path}.`)) changed = true;
    else out[key] = messages;
  }
  return changed ? out : errors;
}
