import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../api/client';
import { createCheckedForm, fieldMessages, fieldSummary, type CheckedFormOptions, type CheckedFormState } from './checked-form';

interface Form {
  name: string;
  count: string;
}
type Problem = 'required' | 'count';

const check = (form: Form): Partial<Record<keyof Form, Problem>> => ({
  ...(form.name.trim() ? {} : { name: 'required' as const }),
  ...(/^\d+$/.test(form.count) ? {} : { count: 'count' as const }),
});

/** A form whose sends answer in turn what `answers` gives (a thrown value for an Error or ApiError). */
function setUp(answers: (string | Error)[], overrides: Partial<CheckedFormOptions<Form, Problem, string>> = {}) {
  const sentForms: Form[] = [];
  const results: string[] = [];
  const seen: CheckedFormState<Form, string>[] = [];
  let release: () => void = () => undefined;
  let hold = false;
  const options: CheckedFormOptions<Form, Problem, string> = {
    initial: () => ({ name: '', count: '1' }),
    check,
    send: async (form) => {
      sentForms.push(form);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      const answer = answers.shift() ?? 'ok';
      if (answer instanceof Error) throw answer;
      return answer;
    },
    onSent: (result) => results.push(result),
    ...overrides,
  };
  const checked = createCheckedForm(
    () => options,
    (state) => seen.push(state),
  );
  return { checked, options, sentForms, results, seen, holdSends: () => (hold = true), release: () => release() };
}

const problem422 = new ApiError(
  422,
  {
    title: 'Unprocessable',
    status: 422,
    errors: [
      { field: 'name', code: 'taken', message: '名称已被使用' },
      { field: 'count', code: 'max', message: 'too many' },
      { field: 'count', code: 'odd', message: 'must be even' },
      { code: 'other', message: 'no field' },
    ],
  },
  'Unprocessable',
);

describe('createCheckedForm', () => {
  it('does not send a form with problems, and counts the attempt so that they show', async () => {
    const { checked, sentForms } = setUp([]);
    expect(checked.state().attempt).toBe(0);
    await checked.submit();
    expect(sentForms).toEqual([]);
    expect(checked.state()).toMatchObject({ attempt: 1, busy: false, failure: null });
  });

  it('sends a checked form, then starts again from the initial values and hands on the answer', async () => {
    const { checked, sentForms, results, seen } = setUp(['created']);
    expect(checked.change({ name: '小红花' })).toEqual({ name: '小红花', count: '1' });
    await checked.submit();
    await checked.submit();
    expect(sentForms).toEqual([{ name: '小红花', count: '1' }]);
    expect(results).toEqual(['created']);
    // The second submit found the fresh (empty) form: not sent, the answer of the first is gone.
    expect(checked.state()).toMatchObject({ form: { name: '', count: '1' }, attempt: 1, sent: null });
    expect(seen.some((state) => state.busy)).toBe(true);
  });

  it('keeps the answer of the last send until the next submit', async () => {
    const { checked } = setUp(['first']);
    checked.change({ name: 'a' });
    await checked.submit();
    expect(checked.state()).toMatchObject({ sent: 'first', attempt: 0, busy: false });
    checked.change({ name: 'b' });
    expect(checked.state().sent).toBe('first');
  });

  it('keeps a refusal’s field errors (every message, by field) until the form is edited, and the failure until the next submit', async () => {
    const { checked, results } = setUp([problem422]);
    checked.change({ name: 'a' });
    await checked.submit();
    expect(results).toEqual([]);
    expect(checked.state()).toMatchObject({
      form: { name: 'a', count: '1' },
      serverErrors: { name: ['名称已被使用'], count: ['too many', 'must be even'] },
      failure: problem422,
      busy: false,
    });
    checked.change({ count: '2' });
    expect(checked.state().serverErrors).toEqual({});
    expect(checked.state().failure).toBe(problem422);
    await checked.submit();
    expect(checked.state().failure).toBeNull();
  });

  it('keeps any other failure without field errors', async () => {
    const offline = new ApiError(0, null, 'network down');
    const broken = new Error('boom');
    const { checked } = setUp([offline, broken]);
    checked.change({ name: 'a' });
    await checked.submit();
    expect(checked.state()).toMatchObject({ failure: offline, serverErrors: {} });
    await checked.submit();
    expect(checked.state()).toMatchObject({ failure: broken, serverErrors: {} });
  });

  it('ignores a submit while a send is on its way', async () => {
    const { checked, sentForms, holdSends, release } = setUp(['once']);
    holdSends();
    checked.change({ name: 'a' });
    const first = checked.submit();
    await Promise.resolve();
    expect(checked.state().busy).toBe(true);
    await checked.submit();
    release();
    await first;
    expect(sentForms).toHaveLength(1);
    expect(checked.state()).toMatchObject({ busy: false, sent: 'once' });
  });

  it('reads the latest options at each submit (a page’s new props, a new day)', async () => {
    const { checked, options, sentForms } = setUp([]);
    const laterSends: Form[] = [];
    options.check = (form) => (form.count === '1' ? { count: 'count' } : {});
    checked.change({ name: 'a' });
    await checked.submit();
    expect(sentForms).toEqual([]);
    options.send = async (form) => {
      laterSends.push(form);
      return 'later';
    };
    checked.change({ count: '2' });
    await checked.submit();
    expect(sentForms).toEqual([]);
    expect(laterSends).toEqual([{ name: 'a', count: '2' }]);
  });
});

describe('the messages of a checked form', () => {
  const text = (problem: Problem) => ({ required: '必填', count: '不是整数' })[problem];
  const state = (attempt: number, serverErrors: Record<string, string[]>): CheckedFormState<Form, string> => ({
    form: { name: '', count: 'x' },
    attempt,
    serverErrors,
    failure: null,
    busy: false,
    sent: null,
  });
  const problems = check({ name: '', count: 'x' });

  it('shows the form’s own problems only once it was submitted, the API’s always, own first', () => {
    expect(fieldMessages(state(0, {}), problems, 'name', text)).toBeUndefined();
    expect(fieldMessages(state(1, {}), problems, 'name', text)).toEqual(['必填']);
    expect(fieldMessages(state(0, { count: ['too many'] }), problems, 'count', text)).toEqual(['too many']);
    expect(fieldMessages(state(1, { 'count.min': ['too many'] }), problems, 'count', text)).toEqual(['不是整数', 'too many']);
  });

  it('lists the fields with messages in the form’s order, each linked to its input', () => {
    const messages: Partial<Record<keyof Form, string[]>> = { count: ['a', 'b'], name: ['c'] };
    expect(fieldSummary({ name: 'f-name', count: 'f-count' }, { name: '名称', count: '人数' }, (field) => messages[field])).toEqual([
      { fieldId: 'f-name', text: '名称：c' },
      { fieldId: 'f-count', text: '人数：a；b' },
    ]);
    expect(fieldSummary({ name: 'f-name', count: 'f-count' }, { name: '名称', count: '人数' }, () => undefined)).toEqual([]);
  });
});
