import { DomainError, type Message, type Violation } from '@lib/core';

export enum AuthErrorCode {
  BadCredentials = 'bad_credentials',
  Throttled = 'throttled',
  UsernameTaken = 'username_taken',
  UnknownRegion = 'unknown_region',
  InvalidUser = 'invalid_user',
  UserNotFound = 'user_not_found',
  WeakPassword = 'weak_password',
  WrongPassword = 'wrong_password',
  AccountDisabled = 'account_disabled',
  SelfDisable = 'self_disable',
  AccountLocked = 'account_locked',
  LimitsUnavailable = 'limits_unavailable',
}

export class AuthError extends DomainError<AuthErrorCode> {
  readonly context = 'auth';
  constructor(
    code: AuthErrorCode,
    detail: Message,
    violations: Violation[] = [],
    /** For `throttled`: seconds until the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code, detail, violations);
  }
}
