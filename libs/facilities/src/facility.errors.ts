import { DomainError, type Violation } from '@lib/core';

export enum FacilityErrorCode {
  NotFound = 'facility_not_found',
  ClassNotFound = 'class_not_found',
  WrongState = 'wrong_state',
  VersionMismatch = 'version_mismatch',
  VersionRequired = 'version_required',
  OutsideJurisdiction = 'outside_jurisdiction',
  ClassRules = 'class_rules',
  ClassHeld = 'class_held',
  ChangeFilingRequired = 'change_filing_required',
  AffordableFeeCeiling = 'affordable_fee_ceiling',
  AffordableRules = 'affordable_rules',
}

export class FacilityError extends DomainError<FacilityErrorCode> {
  readonly context = 'facilities';
}

export const facilityNotFound = () => new FacilityError(FacilityErrorCode.NotFound, { zh: '机构不存在', en: 'No such facility' });
export const classNotFound = () => new FacilityError(FacilityErrorCode.ClassNotFound, { zh: '班级不存在', en: 'No such class' });
export const versionRequired = () =>
  new FacilityError(FacilityErrorCode.VersionRequired, {
    zh: '修改须带 If-Match（上次读取的 ETag）',
    en: 'Send If-Match with the ETag you last read',
  });
export const versionMismatch = () =>
  new FacilityError(FacilityErrorCode.VersionMismatch, {
    zh: '数据已被他人修改，请重新读取后再改',
    en: 'It was changed since you read it; read it again',
  });
export const wrongState = (status: string, action: { zh: string; en: string }) =>
  new FacilityError(FacilityErrorCode.WrongState, {
    zh: `机构当前状态为「${status}」，不能${action.zh}`,
    en: `The facility is ${status}: it cannot be ${action.en}`,
  });
export const outsideJurisdiction = () =>
  new FacilityError(
    FacilityErrorCode.OutsideJurisdiction,
    { zh: '位置不在任何监管单元内', en: 'The location lies outside every supervisory unit' },
    [
      {
        field: 'location',
        code: 'outside_jurisdiction',
        message: { zh: '位置不在长春市各监管单元内', en: 'not inside any supervisory unit' },
      },
    ],
  );
export const classRules = (violations: Violation[]) =>
  new FacilityError(FacilityErrorCode.ClassRules, { zh: '班级不符合国家标准', en: 'The class breaks the national standard' }, violations);
export const classHeld = (held: number) =>
  new FacilityError(FacilityErrorCode.ClassHeld, {
    zh: `该班级有${held}个托位由待确认的录取保留，不能删除`,
    en: `${held} of the class's places are held by open offers: it cannot be removed`,
  });

/** 409: a material change of a facility that has been registered goes through a change filing (docs/api.md "Change filings (变更备案) and what counts"). */
export const changeFilingRequired = (fields: string[]) =>
  new FacilityError(
    FacilityErrorCode.ChangeFilingRequired,
    {
      zh: `已登记机构的${fields.join('、')}须通过变更备案修改，经卫生健康部门批准后生效`,
      en: `A registered facility's ${fields.join(', ')} change only through a change filing approved by the health regulator`,
    },
    fields.map((field) => ({
      field,
      code: 'change_filing_required',
      message: { zh: '须提交变更备案', en: 'file a change (POST /facilities/{id}/changes)' },
    })),
  );

/** 422: a monthly fee above the recognised 普惠 ceiling, or a recognition whose ceiling the fee exceeds. */
export const affordableFeeCeiling = (fee: number, ceiling: number, field = 'monthlyFee') =>
  new FacilityError(
    FacilityErrorCode.AffordableFeeCeiling,
    {
      zh: `月收费${fee}元高于普惠收费上限${ceiling}元`,
      en: `The monthly fee of ${fee} yuan is above the affordable ceiling of ${ceiling} yuan`,
    },
    [
      {
        field,
        code: 'affordable_fee_ceiling',
        message: { zh: `不得高于${ceiling}元/月`, en: `at most ${ceiling} yuan a month` },
      },
    ],
  );

/** 422: a 普惠 decision that breaks a rule (missing ceiling or expiry, a ceiling above the city's). */
export const affordableRules = (violations: Violation[]) =>
  new FacilityError(
    FacilityErrorCode.AffordableRules,
    { zh: '普惠认定信息不完整或不符合规定', en: 'The affordable decision is incomplete or not allowed' },
    violations,
  );
