import { DomainError } from '@lib/core';

export enum StaffErrorCode {
  NotFound = 'staff_not_found',
  UnknownClass = 'unknown_class',
  Closed = 'facility_closed',
}

export class StaffError extends DomainError<StaffErrorCode> {
  readonly context = 'staff';
}

export const staffNotFound = () => new StaffError(StaffErrorCode.NotFound, { zh: '人员不存在', en: 'No such staff member' });
