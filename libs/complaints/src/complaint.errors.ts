import { DomainError, type Violation } from '@lib/core';

export enum ComplaintErrorCode {
  NotFound = 'complaint_not_found',
  InvalidSubject = 'invalid_subject',
  OutsideJurisdiction = 'outside_jurisdiction',
  WrongState = 'wrong_state',
  WrongAgency = 'wrong_agency',
}

export class ComplaintError extends DomainError<ComplaintErrorCode> {
  readonly context = 'complaints';
}

export const complaintNotFound = () => new ComplaintError(ComplaintErrorCode.NotFound, { zh: '投诉不存在', en: 'No such complaint' });

export const invalidSubject = (violations: Violation[]) =>
  new ComplaintError(
    ComplaintErrorCode.InvalidSubject,
    { zh: '请指明被投诉的机构，或举报地点及名称或地址', en: 'Name the facility, or the place with a provider name or an address' },
    violations,
  );

export const outsideJurisdiction = () =>
  new ComplaintError(
    ComplaintErrorCode.OutsideJurisdiction,
    { zh: '该地点不在本市监管范围内', en: 'The place lies outside every supervisory unit' },
    [
      {
        field: 'location',
        code: 'outside_jurisdiction',
        message: { zh: '该地点不在本市监管范围内', en: 'The place lies outside every supervisory unit' },
      },
    ],
  );

export const wrongState = (status: string, action: { zh: string; en: string }) =>
  new ComplaintError(ComplaintErrorCode.WrongState, {
    zh: `投诉当前状态为「${status}」，不能${action.zh}`,
    en: `The complaint is ${status}: it cannot be ${action.en}`,
  });

export const wrongAgency = () =>
  new ComplaintError(ComplaintErrorCode.WrongAgency, {
    zh: '只有承办部门或卫生健康部门可以办结此投诉',
    en: 'Only the assigned agency or health may close this complaint',
  });
