// The "record a penalty" form's model, pure: the values typed so far, the checks before sending (each naming its
// field, as the API would refuse it: an amount for a fine and only for a fine, a decision date not after today), and
// the API body. A penalty is never edited afterwards, so the form checks everything it can first.
import { PENALTY_KINDS, type Penalty, type PenaltyInput } from '../../../api/complaints';

export interface PenaltyForm {
  kind: Penalty['kind'] | '';
  amountYuan: string;
  decisionNo: string;
  /** `YYYY-MM-DD`. */
  decidedOn: string;
  legalBasis: string;
  note: string;
}

export type PenaltyField = keyof PenaltyForm;
export type PenaltyProblem = 'required' | 'future' | 'amount' | 'amountNotAllowed' | 'tooLong';

const MAX_LENGTH: Partial<Record<PenaltyField, number>> = { decisionNo: 100, legalBasis: 500, note: 2000 };
const MAX_AMOUNT = 1_000_000_000;

export function emptyPenaltyForm(today: string): PenaltyForm {
  return { kind: '', amountYuan: '', decisionNo: '', decidedOn: today, legalBasis: '', note: '' };
}

/** What is wrong with the form, by field; `today` is Asia/Shanghai's date, the API's calendar. */
export function penaltyProblems(form: PenaltyForm, today: string): Partial<Record<PenaltyField, PenaltyProblem>> {
  const problems: Partial<Record<PenaltyField, PenaltyProblem>> = {};
  if (!(PENALTY_KINDS as readonly string[]).includes(form.kind)) problems.kind = 'required';
  const amount = form.amountYuan.trim();
  if (form.kind === 'fine') {
    if (amount === '') problems.amountYuan = 'required';
    else if (!/^\d+$/.test(amount) || Number(amount) < 1 || Number(amount) > MAX_AMOUNT) problems.amountYuan = 'amount';
  } else if (amount !== '') problems.amountYuan = 'amountNotAllowed';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.decidedOn)) problems.decidedOn = 'required';
  else if (form.decidedOn > today) problems.decidedOn = 'future';
  for (const field of ['decisionNo', 'legalBasis'] as const) if (form[field].trim() === '') problems[field] = 'required';
  for (const [field, max] of Object.entries(MAX_LENGTH) as [PenaltyField, number][])
    if (!problems[field] && form[field].trim().length > max) problems[field] = 'tooLong';
  return problems;
}

/** The API body of a checked form. */
export function toPenaltyInput(form: PenaltyForm): PenaltyInput {
  const note = form.note.trim();
  return {
    kind: form.kind as Penalty['kind'],
    ...(form.kind === 'fine' ? { amountYuan: Number(form.amountYuan.trim()) } : {}),
    decisionNo: form.decisionNo.trim(),
    decidedOn: form.decidedOn,
    legalBasis: form.legalBasis.trim(),
    ...(note ? { note } : {}),
  };
}
