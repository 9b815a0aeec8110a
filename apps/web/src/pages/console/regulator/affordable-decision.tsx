// The health regulator's 普惠 decision on a facility (docs/api.md "Affordable (普惠) recognition"): recognise with a
// fee ceiling (at most the city's) and an expiry date, refuse, or revoke, with a reason. 422 answers (a fee above
// the ceiling) are shown with the fields they name.
import { useState } from 'preact/hooks';
import { ApiError } from '../../../api/client';
import { decideAffordable, type AffordableDecision } from '../../../api/changes';
import type { Facility, Versioned } from '../../../api/registry';
import { errorMessage } from '../../../components/error-message';
import { SelectField, TextAreaField, TextField } from '../../../components/fields';
import { Notice } from '../../../components/notice';
import { fieldErrorsOf, messagesFor, type FieldErrors } from '../../../forms/field-errors';
import { isIsoDate, parseInteger } from '../../../forms/form-values';
import { formatInteger } from '../../../i18n/format';
import { useConsoleI18n } from '../shared/console-text';
import { AffordableStatusView } from '../shared/affordable-status';
import { useChangesText } from '../shared/changes-text';

/** The city's ceiling, yuan a month (AFFORDABLE_MAX_MONTHLY_FEE's default): the form's starting value. */
const CITY_CEILING = 3000;

function inYears(years: number): string {
  const date = new Date();
  return `${date.getFullYear() + years}-12-31`;
}

/** Which decisions suit the recognition as it is. */
export function decisionsFor(facility: Facility): AffordableDecision[] {
  const status = facility.affordableRecognition?.status;
  return status === 'recognized' ? ['revoke', 'recognize'] : ['recognize', 'reject'];
}

export function AffordableDecisionPanel({
  facility,
  canDecide,
  onFacility,
}: {
  facility: Facility;
  canDecide: boolean;
  onFacility: (next: Versioned<Facility>) => void;
}) {
  const { lang, t } = useConsoleI18n();
  const c = useChangesText();
  const a = c.affordable;
  const options = decisionsFor(facility);
  const [decision, setDecision] = useState<AffordableDecision | ''>('');
  const [fee, setFee] = useState(String(Math.min(CITY_CEILING, facility.affordableRecognition?.maxMonthlyFee ?? CITY_CEILING)));
  const [validUntil, setValidUntil] = useState(inYears(2));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const decidable = canDecide && facility.status !== 'closed' && (facility.affordable || facility.affordableRecognition);

  const submit = async () => {
    if (!decision) return;
    const found: FieldErrors = {};
    const maxMonthlyFee = parseInteger(fee);
    if (decision === 'recognize') {
      if (maxMonthlyFee === null || maxMonthlyFee < 0) found['maxMonthlyFee'] = [t.validation.integer];
      if (!isIsoDate(validUntil)) found['validUntil'] = [t.validation.date];
    } else if (!reason.trim()) found['reason'] = [t.validation.required];
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setResult(null);
    try {
      const next = await decideAffordable(
        facility.id,
        decision === 'recognize'
          ? { decision, maxMonthlyFee: maxMonthlyFee!, validUntil, ...(reason.trim() ? { reason: reason.trim() } : {}) }
          : { decision, reason: reason.trim() },
        { lang },
      );
      setDecision('');
      setReason('');
      setResult({ kind: 'success', text: a.decided });
      onFacility(next);
    } catch (caught) {
      setErrors(caught instanceof ApiError ? fieldErrorsOf(caught.problem) : {});
      setResult({ kind: 'error', text: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AffordableStatusView facility={facility}>
      {result && (
        <Notice kind={result.kind} id="affordable-result">
          {result.text}
        </Notice>
      )}
      {decidable && (
        <form
          class="action-form"
          id="affordable-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <SelectField<AffordableDecision>
            id="affordable-decision"
            label={a.decision}
            value={decision}
            placeholder={t.facility.choose}
            options={options.map((value) => ({ value, label: a.decisions[value] }))}
            onChange={setDecision}
            hint={
              facility.monthlyFee !== undefined && facility.monthlyFee !== null
                ? a.feeNow(formatInteger(facility.monthlyFee, lang))
                : undefined
            }
          />
          {decision === 'recognize' && (
            <>
              <TextField
                id="affordable-maxMonthlyFee"
                label={a.maxMonthlyFee}
                inputMode="numeric"
                value={fee}
                onInput={setFee}
                errors={messagesFor(errors, 'maxMonthlyFee').concat(messagesFor(errors, 'monthlyFee'))}
              />
              <TextField
                id="affordable-validUntil"
                type="date"
                label={a.validUntilField}
                value={validUntil}
                onInput={setValidUntil}
                errors={messagesFor(errors, 'validUntil')}
              />
            </>
          )}
          {decision && (
            <TextAreaField
              id="affordable-reason"
              label={a.reasonField}
              value={reason}
              onInput={setReason}
              required={decision !== 'recognize'}
              errors={messagesFor(errors, 'reason')}
            />
          )}
          {decision && (
            <div class="form-actions">
              <button type="submit" class="button" id="affordable-submit" disabled={busy}>
                {busy ? t.regulator.working : t.console.confirmAction(a.decisions[decision])}
              </button>
            </div>
          )}
        </form>
      )}
    </AffordableStatusView>
  );
}
