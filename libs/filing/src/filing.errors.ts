import { DomainError, type Violation } from '@lib/core';

export enum FilingErrorCode {
  Requirements = 'filing_requirements',
}

export class FilingError extends DomainError<FilingErrorCode> {
  readonly context = 'filing';
}

export const filingRequirements = (violations: Violation[]) =>
  new FilingError(FilingErrorCode.Requirements, { zh: '备案条件未满足', en: 'Filing requirements are not met' }, violations);
