/** A message in both languages the API answers in (Accept-Language). */
export interface Message {
  zh: string;
  en: string;
}

export interface Violation {
  field?: string;
  code: string;
  message: Message;
}

/**
 * Base of every library's coded error. Libraries throw their own subclass with a code enum;
 * apps/api maps (class, code) to an HTTP status with an exhaustive switch.
 */
export abstract class DomainError<C extends string = string> extends Error {
  abstract readonly context: string;
  constructor(
    readonly code: C,
    readonly detail: Message,
    readonly violations: Violation[] = [],
  ) {
    super(detail.en);
  }
}
