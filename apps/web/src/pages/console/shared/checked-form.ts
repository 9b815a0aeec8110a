// A form checked before it is sent: the values typed so far, the form's own checks (shown once it was submitted),
// the API's problem+json field errors (until the form is edited again), the failure of the last send, "sending"
// and the result of the last send that succeeded. `createCheckedForm` is the whole behaviour without Preact
// (unit-tested); use-checked-form.ts binds it to a component and words its messages.
import { ApiError } from '../../../api/client';
import { fieldErrorsOf, messagesFor, type FieldErrors } from '../../../forms/field-errors';

export interface CheckedFormState<F, R> {
  form: F;
  /** Submits since the form was last sent or reset; its own checks show from the first. */
  attempt: number;
  /** The API's field errors of the last failed send, by field path. */
  serverErrors: FieldErrors;
  /** Why the last send failed (an ApiError or anything thrown); null after a success or a new submit. */
  failure: unknown;
  busy: boolean;
  /** What the last successful send answered; null again at the next submit. */
  sent: R | null;
}

export interface CheckedFormOptions<F, P, R> {
  initial: () => F;
  /** The form's own checks by field; sending waits until there are none. */
  check: (form: F) => Partial<Record<string, P>>;
  send: (form: F) => Promise<R>;
  /** After a successful send, once the form is back to `initial()`. */
  onSent?: (result: R) => void;
}

export interface CheckedForm<F, R> {
  state(): CheckedFormState<F, R>;
  /** Merges an edit into the form and returns it; the API's field errors go (they were about the old values). */
  change(patch: Partial<F>): F;
  /** Checks the form and, when nothing is wrong, sends it; a failure is kept in `failure` and `serverErrors`. */
  submit(): Promise<void>;
}

export function createCheckedForm<F, P, R>(
  options: () => CheckedFormOptions<F, P, R>,
  onChange: (state: CheckedFormState<F, R>) => void,
): CheckedForm<F, R> {
  let current: CheckedFormState<F, R> = { form: options().initial(), attempt: 0, serverErrors: {}, failure: null, busy: false, sent: null };
  const set = (change: Partial<CheckedFormState<F, R>>) => {
    current = { ...current, ...change };
    onChange(current);
  };
  return {
    state: () => current,
    change(patch) {
      set({ form: { ...current.form, ...patch }, serverErrors: {} });
      return current.form;
    },
    async submit() {
      // A second click while the first send is on its way would send the same form twice.
      if (current.busy) return;
      const { check, send, initial, onSent } = options();
      set({ attempt: current.attempt + 1, failure: null, sent: null });
      if (Object.keys(check(current.form)).length > 0) return;
      set({ busy: true });
      try {
        const result = await send(current.form);
        set({ form: initial(), attempt: 0, serverErrors: {}, busy: false, sent: result });
        onSent?.(result);
      } catch (caught) {
        set({ serverErrors: caught instanceof ApiError ? fieldErrorsOf(caught.problem) : {}, failure: caught, busy: false });
      }
    },
  };
}

/** One field's messages: the form's own problem (worded by `problemText`) once submitted, then the API's. */
export function fieldMessages<F, P, R>(
  state: CheckedFormState<F, R>,
  problems: Partial<Record<string, P>>,
  field: string,
  problemText: (problem: P) => string,
): string[] | undefined {
  const problem = state.attempt > 0 ? problems[field] : undefined;
  const list = [...(problem === undefined ? [] : [problemText(problem)]), ...messagesFor(state.serverErrors, field)];
  return list.length ? list : undefined;
}

/** The error summary's lines, in the form's order of fields: "label：message；message", linked to the input. */
export function fieldSummary<K extends string>(
  fieldIds: Record<K, string>,
  labels: Record<K, string>,
  messagesOf: (field: K) => string[] | undefined,
): { fieldId: string; text: string }[] {
  return (Object.keys(fieldIds) as K[]).flatMap((field) => {
    const messages = messagesOf(field);
    return messages ? [{ fieldId: fieldIds[field], text: `${labels[field]}：${messages.join('；')}` }] : [];
  });
}
