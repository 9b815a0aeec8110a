import { DomainError, type Violation } from '@lib/core';

export enum ApplicationErrorCode {
  NotFound = 'application_not_found',
  OfferNotFound = 'offer_not_found',
  Invalid = 'invalid_application',
  Rules = 'application_rules',
  Duplicate = 'duplicate_application',
  WrongState = 'wrong_state',
}

export class ApplicationError extends DomainError<ApplicationErrorCode> {
  readonly context = 'applications';
}

export const applicationNotFound = () =>
  new ApplicationError(ApplicationErrorCode.NotFound, { zh: '申请不存在', en: 'No such application' });
export const offerNotFound = () => new ApplicationError(ApplicationErrorCode.OfferNotFound, { zh: '录取通知不存在', en: 'No such offer' });
export const invalid = (violations: Violation[]) =>
  new ApplicationError(ApplicationErrorCode.Invalid, { zh: '申请内容无效', en: 'The request is invalid' }, violations);
export const rules = (violations: Violation[]) =>
  new ApplicationError(ApplicationErrorCode.Rules, { zh: '不符合申请规则', en: 'The application breaks a rule' }, violations);
export const duplicate = () =>
  new ApplicationError(ApplicationErrorCode.Duplicate, {
    zh: '这个孩子已有一份排队中的申请',
    en: 'This child already has an application waiting',
  });
export const wrongState = (zh: string, en: string) => new ApplicationError(ApplicationErrorCode.WrongState, { zh, en });
