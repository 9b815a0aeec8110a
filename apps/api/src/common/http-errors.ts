import { DomainError, type Violation } from '@lib/core';

/** Errors raised at the HTTP edge itself (not by a library). */
export enum HttpErrorCode {
  Validation = 'validation',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  RouteNotFound = 'route_not_found',
  RateLimited = 'rate_limited',
  IdempotencyKeyReused = 'idempotency_key_reused',
  IdempotencyConflict = 'idempotency_conflict',
}

export class HttpError extends DomainError<HttpErrorCode> {
  readonly context = 'http';
  constructor(
    code: HttpErrorCode,
    detail: { zh: string; en: string },
    violations: Violation[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(code, detail, violations);
  }
}

export const unauthenticated = () =>
  new HttpError(HttpErrorCode.Unauthenticated, {
    zh: '请先登录（缺少或无效的访问令牌）',
    en: 'Sign in first: the access token is missing or invalid',
  });
export const forbidden = () =>
  new HttpError(HttpErrorCode.Forbidden, { zh: '您的角色或部门无权执行此操作', en: 'Your role or agency may not do this' });
