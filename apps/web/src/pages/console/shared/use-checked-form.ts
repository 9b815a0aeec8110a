// The consoles' checked forms (a drill, a penalty, an incident report): one hook for the form plumbing — values,
// checks before sending, the API's field errors, the summary, "sending" — whose behaviour is createCheckedForm
// (checked-form.ts, unit-tested). The page keeps only its fields and what it does once the form is sent.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { SummaryItem } from '../../../components/notice';
import { createCheckedForm, fieldMessages, fieldSummary, type CheckedFormOptions, type CheckedFormState } from './checked-form';

export interface CheckedFormSpec<F, K extends string, P, R> extends CheckedFormOptions<F, P, R> {
  check: (form: F) => Partial<Record<K, P>>;
  /** Each checked field's input id, in the order the summary lists them. */
  fieldIds: Record<K, string>;
  labels: Record<K, string>;
  problemText: (problem: P) => string;
}

export interface CheckedFormView<F, K extends string, R> extends Omit<CheckedFormState<F, R>, 'serverErrors'> {
  change: (patch: Partial<F>) => F;
  /** The form's onSubmit. */
  submit: (event: Event) => void;
  errorsOf: (field: K) => string[] | undefined;
  summary: SummaryItem[];
}

export function useCheckedForm<F, K extends string, P, R>(spec: CheckedFormSpec<F, K, P, R>): CheckedFormView<F, K, R> {
  // The latest render's spec: its texts, and `send` reading the latest props.
  const specRef = useRef(spec);
  specRef.current = spec;
  const [state, setState] = useState<CheckedFormState<F, R> | null>(null);
  const checked = useMemo(() => createCheckedForm<F, P, R>(() => specRef.current, setState), []);
  const current = state ?? checked.state();

  const problems = spec.check(current.form);
  const errorsOf = (field: K) => fieldMessages(current, problems, field, spec.problemText);
  return {
    form: current.form,
    attempt: current.attempt,
    failure: current.failure,
    busy: current.busy,
    sent: current.sent,
    change: checked.change,
    submit: (event: Event) => {
      event.preventDefault();
      void checked.submit();
    },
    errorsOf,
    summary: fieldSummary(spec.fieldIds, spec.labels, errorsOf),
  };
}
