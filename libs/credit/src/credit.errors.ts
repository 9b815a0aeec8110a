import { DomainError } from '@lib/core';

export enum CreditErrorCode {
  PenaltyNotFound = 'penalty_not_found',
  CreditNotFound = 'credit_not_found',
  AlreadyRevoked = 'already_revoked',
  WrongAgency = 'wrong_agency',
  Barred = 'credit_barred',
  InvalidPenalty = 'invalid_penalty',
}

export class CreditError extends DomainError<CreditErrorCode> {
  readonly context = 'credit';
}

export const penaltyNotFound = () => new CreditError(CreditErrorCode.PenaltyNotFound, { zh: '处罚记录不存在', en: 'No such penalty' });
export const creditNotFound = () =>
  new CreditError(CreditErrorCode.CreditNotFound, { zh: '没有使用该信用代码的机构', en: 'No facility with this credit code' });
export const alreadyRevoked = () =>
  new CreditError(CreditErrorCode.AlreadyRevoked, { zh: '该处罚已被撤销', en: 'The penalty has already been revoked' });
export const wrongAgency = () =>
  new CreditError(CreditErrorCode.WrongAgency, {
    zh: '只有作出处罚的部门可以撤销',
    en: 'Only the agency that decided the penalty may revoke it',
  });
export const creditBarred = (creditCode: string, field = 'creditCode') =>
  new CreditError(
    CreditErrorCode.Barred,
    {
      zh: `统一社会信用代码 ${creditCode} 的信用等级为 D（严重失信），不能提交新的备案`,
      en: `Credit code ${creditCode} is at credit level D: it cannot file a new facility`,
    },
    [
      {
        field,
        code: 'credit_barred',
        message: { zh: '该信用代码的信用等级为 D（严重失信）', en: 'This credit code is at credit level D' },
      },
    ],
  );
export const invalidPenalty = (field: string, zh: string, en: string) =>
  new CreditError(CreditErrorCode.InvalidPenalty, { zh: '处罚内容有误', en: 'The penalty is invalid' }, [
    { field, code: 'invalid', message: { zh, en } },
  ]);
