// Amending a recorded inspection (same agency): the inspection's items with their results in force,
// a new result for the ones to correct, and the required reason → POST /inspections/{id}/amendments.
// Only the changed items are sent.
import { useState } from 'preact/hooks';
import { amendInspection, ITEM_RESULTS, type Checklist, type Inspection, type ItemAnswer, type ItemResult } from '../../../api/inspections';
import { errorMessage } from '../../../components/error-message';
import { TextAreaField } from '../../../components/fields';
import { Notice } from '../../../components/notice';
import { useConsoleI18n } from '../shared/console-text';
import { effectiveAnswers } from './inspection-draft';
import { itemOf, itemText } from './lookups';

export function AmendForm({
  inspection,
  checklists,
  onAmended,
  onCancel,
}: {
  inspection: Inspection;
  checklists: Checklist[];
  onAmended: (next: Inspection) => void;
  onCancel: () => void;
}) {
  const { lang, t } = useConsoleI18n();
  const current = effectiveAnswers(inspection);
  const [changes, setChanges] = useState<Record<string, ItemResult>>({});
  const [reason, setReason] = useState('');
  const [reasonErrors, setReasonErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `amend-${inspection.id}`;

  const submit = async () => {
    const items: ItemAnswer[] = Object.entries(changes)
      .filter(([code, result]) => current.get(code)?.result !== result)
      .map(([code, result]) => ({ code, result }));
    const missingReason = !reason.trim();
    setReasonErrors(missingReason ? [t.validation.required] : []);
    setError(items.length === 0 ? t.inspections.amendNothing : null);
    if (missingReason || items.length === 0) return;
    setBusy(true);
    try {
      onAmended(await amendInspection(inspection.id, { reason: reason.trim(), items }, { lang }));
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="amend-form"
      id={prefix}
      noValidate
      aria-labelledby={`${prefix}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 id={`${prefix}-title`} class="amend-form__title">
        {t.inspections.amendTitle}
      </h4>
      <p class="field__hint">{t.inspections.amendIntro}</p>
      {error && <Notice kind="error">{error}</Notice>}
      <ul class="amend-form__items">
        {[...current.values()].map((answer) => {
          const id = `${prefix}-${answer.code}`;
          return (
            <li key={answer.code} class="amend-item">
              <label for={id} class="amend-item__label">
                <span class="question__code">{answer.code}</span> {itemText(itemOf(checklists, answer.code), answer.code, lang)}
              </label>
              <select
                id={id}
                class="field__input amend-item__select"
                value={changes[answer.code] ?? ''}
                disabled={busy}
                onChange={(event) => {
                  const value = event.currentTarget.value as ItemResult | '';
                  setChanges((previous) => {
                    const next = { ...previous };
                    if (value) next[answer.code] = value;
                    else delete next[answer.code];
                    return next;
                  });
                }}
              >
                <option value="">{t.inspections.unchanged(t.inspections.results[answer.result])}</option>
                {ITEM_RESULTS.filter((result) => result !== answer.result).map((result) => (
                  <option key={result} value={result}>
                    {t.inspections.results[result]}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <TextAreaField
        id={`${prefix}-reason`}
        label={t.inspections.amendReason}
        value={reason}
        required
        errors={reasonErrors}
        disabled={busy}
        onInput={(value) => {
          setReason(value.slice(0, 500));
          setReasonErrors([]);
        }}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t.regulator.working : t.inspections.amendSubmit}
        </button>
        <button type="button" class="button button--secondary" disabled={busy} onClick={onCancel}>
          {t.console.cancel}
        </button>
      </div>
    </form>
  );
}
