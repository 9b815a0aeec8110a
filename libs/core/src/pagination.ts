import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from './errors.js';

/**
 * Opaque keyset cursors: base64url of a small JSON value and a tag (HMAC-SHA256, truncated) that proves this API
 * wrote it. A cursor that is forged, altered or cut answers 400 naming `cursor` (issue #14): no value that the API
 * did not itself produce ever reaches a query. The key derives from JWT_SECRET (the same in every API process).
 */
let key: Buffer | null = null;
function cursorKey(): Buffer {
  const secret = process.env.JWT_SECRET;
  key ??= secret ? createHmac('sha256', secret).update('childcare:cursor').digest() : randomBytes(32);
  return key;
}

function tag(body: string): Buffer {
  return createHmac('sha256', cursorKey()).update(body).digest().subarray(0, 16);
}

export enum CursorErrorCode {
  Invalid = 'invalid_cursor',
}

export class CursorError extends DomainError<CursorErrorCode> {
  readonly context = 'pagination';
  constructor() {
    const message = { zh: '分页游标无效：请原样使用 nextCursor', en: 'The cursor is invalid: pass nextCursor as it was given' };
    super(CursorErrorCode.Invalid, message, [{ field: 'cursor', code: CursorErrorCode.Invalid, message }]);
  }
}

export function encodeCursor(value: unknown): string {
  const body = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${body}.${tag(body).toString('base64url')}`;
}

/** The value of a cursor this API wrote; null when absent; CursorError (400) when forged or of another shape. */
export function decodeCursor<T>(cursor: string | undefined, guard: (v: unknown) => v is T): T | null {
  if (!cursor) return null;
  const [body, given, extra] = cursor.split('.');
  if (!body || !given || extra !== undefined) throw new CursorError();
  const expected = tag(body);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new CursorError();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError();
  }
  if (!guard(value)) throw new CursorError();
  return value;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
