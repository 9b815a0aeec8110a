import { DomainError, type Violation } from '@lib/core';

export enum FilingErrorCode {
  Requirements = 'filing_requirements',
  IncidentMismatch = 'incident_mismatch',
}

export class FilingError extends DomainError<FilingErrorCode> {
  readonly context = 'filing';
}

export const filingRequirements = (violations: Violation[]) =>
  new FilingError(FilingErrorCode.Requirements, { zh: '备案条件未满足', en: 'Filing requirements are not met' }, violations);

export const incidentMismatch = () =>
  new FilingError(FilingErrorCode.IncidentMismatch, { zh: '关联的突发事件不属于该机构', en: 'The incident is not one of this facility' }, [
    {
      field: 'incidentId',
      code: 'incident_mismatch',
      message: { zh: 'incidentId 须为该机构的突发事件', en: 'incidentId must name an incident of this facility' },
    },
  ]);
