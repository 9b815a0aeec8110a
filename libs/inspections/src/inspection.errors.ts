import { DomainError, type Violation } from '@lib/core';

export enum InspectionErrorCode {
  NotFound = 'inspection_not_found',
  OrderNotFound = 'order_not_found',
  WrongAgency = 'wrong_agency',
  WrongState = 'wrong_state',
  InvalidItems = 'invalid_items',
  IncidentMismatch = 'incident_mismatch',
  NotRegulator = 'not_a_regulator',
  ImplausibleDate = 'implausible_date',
}

export class InspectionError extends DomainError<InspectionErrorCode> {
  readonly context = 'inspections';
}

export const inspectionNotFound = () =>
  new InspectionError(InspectionErrorCode.NotFound, { zh: '检查记录不存在', en: 'No such inspection' });
export const orderNotFound = () =>
  new InspectionError(InspectionErrorCode.OrderNotFound, { zh: '整改通知不存在', en: 'No such rectification order' });
export const wrongAgency = (domain: string) =>
  new InspectionError(InspectionErrorCode.WrongAgency, {
    zh: `您所在部门不负责「${domain}」领域`,
    en: `Your agency does not handle the ${domain} domain`,
  });
export const incidentMismatch = () =>
  new InspectionError(
    InspectionErrorCode.IncidentMismatch,
    { zh: '关联的突发事件不属于该机构', en: 'The incident is not one of this facility' },
    [
      {
        field: 'incidentId',
        code: 'incident_mismatch',
        message: { zh: 'incidentId 须为该机构的突发事件', en: 'incidentId must name an incident of this facility' },
      },
    ],
  );
export const notRegulator = () =>
  new InspectionError(InspectionErrorCode.NotRegulator, {
    zh: '只有监管部门人员可以记录或更正检查',
    en: 'Only regulators record or amend inspections',
  });
export const implausibleDate = (violation: Violation) =>
  new InspectionError(InspectionErrorCode.ImplausibleDate, { zh: '检查时间不可信', en: 'The inspection time cannot be right' }, [
    violation,
  ]);
