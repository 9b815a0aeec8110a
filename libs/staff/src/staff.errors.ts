import { DomainError } from '@lib/core';

export enum StaffErrorCode {
  NotFound = 'staff_not_found',
  UnknownClass = 'unknown_class',
  Closed = 'facility_closed',
  NotMultiListed = 'not_multi_listed',
  Invalid = 'staff_invalid',
}

export class StaffError extends DomainError<StaffErrorCode> {
  readonly context = 'staff';
}

export const staffNotFound = () => new StaffError(StaffErrorCode.NotFound, { zh: '人员不存在', en: 'No such staff member' });
export const notMultiListed = (name: string) =>
  new StaffError(StaffErrorCode.NotMultiListed, {
    zh: `${name}目前没有在其他机构同时登记，无需处理`,
    en: `${name} is not listed at another facility at present: there is nothing to settle`,
  });
