import { describe, expect, it } from '@jest/globals';
import { emptyPenaltyForm, penaltyProblems, toPenaltyInput } from './penalty-form';

const TODAY = '2026-12-06';
const filled = {
  ...emptyPenaltyForm(TODAY),
  kind: 'warning' as const,
  decisionNo: '长南卫罚〔2026〕12号',
  legalBasis: '《托育机构管理规范（试行）》',
};

describe('the penalty form', () => {
  it('wants a kind, a decision number and a legal basis; the date starts as today', () => {
    expect(penaltyProblems(emptyPenaltyForm(TODAY), TODAY)).toEqual({ kind: 'required', decisionNo: 'required', legalBasis: 'required' });
    expect(penaltyProblems(filled, TODAY)).toEqual({});
  });

  it('asks a fine for its amount in whole yuan, and refuses an amount on anything else', () => {
    expect(penaltyProblems({ ...filled, kind: 'fine' }, TODAY)).toEqual({ amountYuan: 'required' });
    expect(penaltyProblems({ ...filled, kind: 'fine', amountYuan: '0' }, TODAY)).toEqual({ amountYuan: 'amount' });
    expect(penaltyProblems({ ...filled, kind: 'fine', amountYuan: '2000.5' }, TODAY)).toEqual({ amountYuan: 'amount' });
    expect(penaltyProblems({ ...filled, kind: 'fine', amountYuan: '20000' }, TODAY)).toEqual({});
    expect(penaltyProblems({ ...filled, amountYuan: '500' }, TODAY)).toEqual({ amountYuan: 'amountNotAllowed' });
  });

  it('refuses a decision dated after today and texts longer than the API takes', () => {
    expect(penaltyProblems({ ...filled, decidedOn: '2026-12-07', decisionNo: 'x'.repeat(101), note: 'y'.repeat(2001) }, TODAY)).toEqual({
      decidedOn: 'future',
      decisionNo: 'tooLong',
      note: 'tooLong',
    });
  });

  it('sends the amount only for a fine, trimmed texts, and no empty note', () => {
    expect(toPenaltyInput({ ...filled, kind: 'fine', amountYuan: ' 20000 ', note: '  ' })).toEqual({
      kind: 'fine',
      amountYuan: 20000,
      decisionNo: '长南卫罚〔2026〕12号',
      decidedOn: TODAY,
      legalBasis: '《托育机构管理规范（试行）》',
    });
    expect(toPenaltyInput({ ...filled, amountYuan: '5', note: ' 已听证 ' })).toMatchObject({ kind: 'warning', note: '已听证' });
    expect(toPenaltyInput({ ...filled, amountYuan: '5' })).not.toHaveProperty('amountYuan');
  });
});
