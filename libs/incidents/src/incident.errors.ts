import { DomainError, type Violation } from '@lib/core';

export enum IncidentErrorCode {
  NotFound = 'incident_not_found',
  WrongAgency = 'wrong_agency',
  WrongState = 'wrong_state',
  FacilityState = 'facility_state',
  Invalid = 'invalid_incident',
  Rules = 'incident_rules',
}

export class IncidentError extends DomainError<IncidentErrorCode> {
  readonly context = 'incidents';
}

export const incidentNotFound = () => new IncidentError(IncidentErrorCode.NotFound, { zh: '突发事件不存在', en: 'No such incident' });

export const wrongAgency = (action: { zh: string; en: string }) =>
  new IncidentError(IncidentErrorCode.WrongAgency, {
    zh: `您所在部门不能${action.zh}此事件`,
    en: `Your agency may not ${action.en} this incident`,
  });

export const wrongState = (status: string, action: { zh: string; en: string }) =>
  new IncidentError(IncidentErrorCode.WrongState, {
    zh: `事件状态为「${status}」，不能${action.zh}`,
    en: `The incident is ${status}: it cannot be ${action.en}`,
  });

/** 400 naming the field (bad input that the DTO's shape cannot catch, such as a time in the future). */
export const invalid = (violations: Violation[]) =>
  new IncidentError(IncidentErrorCode.Invalid, { zh: '请求内容有误', en: 'The request has invalid fields' }, violations);

/** 422: a domain rule refuses it. */
export const rulesBroken = (violations: Violation[]) =>
  new IncidentError(IncidentErrorCode.Rules, { zh: '不符合业务规则', en: 'A rule refuses it' }, violations);
