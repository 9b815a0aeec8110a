import { DomainError, type Violation } from '@lib/core';

export enum FilingErrorCode {
  Requirements = 'filing_requirements',
  IncidentMismatch = 'incident_mismatch',
  ChangeNotFound = 'change_filing_not_found',
  ChangeWrongState = 'change_filing_wrong_state',
  ChangePending = 'change_filing_pending',
  ChangeNotAllowed = 'change_filing_not_allowed',
  ChangeInvalid = 'change_filing_invalid',
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
export const changeNotFound = () => new FilingError(FilingErrorCode.ChangeNotFound, { zh: '变更备案不存在', en: 'No such change filing' });
export const changeWrongState = (status: string) =>
  new FilingError(FilingErrorCode.ChangeWrongState, {
    zh: `变更备案当前状态为「${status}」，只能处理待审核的变更备案`,
    en: `The change filing is ${status}: only a pending one can be decided or withdrawn`,
  });
export const changePending = () =>
  new FilingError(FilingErrorCode.ChangePending, {
    zh: '该机构已有一份待审核的变更备案，请等待审核或先撤回',
    en: 'The facility already has a pending change filing: wait for the decision or withdraw it',
  });
export const changeNotAllowed = (status: string) =>
  new FilingError(FilingErrorCode.ChangeNotAllowed, {
    zh: `机构当前状态为「${status}」，只有已登记或暂停的机构提交变更备案（草稿可直接修改）`,
    en: `The facility is ${status}: change filings are for registered or suspended facilities (edit a draft directly)`,
  });
export const changeInvalid = (violations: Violation[]) =>
  new FilingError(FilingErrorCode.ChangeInvalid, { zh: '变更内容无效', en: 'The change is not valid' }, violations);
