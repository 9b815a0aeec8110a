// A facility's administrative penalties (行政处罚), on its record in both consoles: the list newest first, revoked
// ones marked with their reason; a regulator records a penalty of its own agency, and revokes one its agency decided
// (docs/api.md "Penalties (行政处罚) and credit (信用)"; docs/credit.md). The operator reads the same list.
import { useState } from 'preact/hooks';
import { listPenalties, PENALTY_KINDS, recordPenalty, revokePenalty, type Penalty } from '../../../api/complaints';
import { useSession } from '../../../auth/session-context';
import { errorMessage } from '../../../components/error-message';
import { SelectField, TextAreaField, TextField } from '../../../components/fields';
import { AsyncStatus, ErrorSummary, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { todayInShanghai } from '../../../forms/form-values';
import { formatDate, formatInteger } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { useComplaintText } from '../../complaints/messages';
import { useCheckedForm } from '../shared/use-checked-form';
import { emptyPenaltyForm, penaltyProblems, toPenaltyInput, type PenaltyField, type PenaltyForm } from './penalty-form';

const FIELD_IDS: Record<PenaltyField, string> = {
  kind: 'penalty-kind',
  amountYuan: 'penalty-amount',
  decisionNo: 'penalty-decision-no',
  decidedOn: 'penalty-decided-on',
  legalBasis: 'penalty-legal-basis',
  note: 'penalty-note',
};

export function PenaltiesSection({ facilityId }: { facilityId: string }) {
  const { lang } = useI18n();
  const c = useComplaintText();
  const { session } = useSession();
  const agency = session?.user.role === 'regulator' ? session.user.agency : null;
  const { state, reload } = useAsync((signal) => listPenalties(facilityId, { lang, signal }), facilityId);
  const [done, setDone] = useState<{ kind: 'recorded' | 'revoked'; penalty: Penalty } | null>(null);
  const changed = (kind: 'recorded' | 'revoked', penalty: Penalty) => {
    setDone({ kind, penalty });
    reload();
  };
  return (
    <section class="panel-section" aria-labelledby="penalties-title">
      <h2 id="penalties-title">{c.penaltiesTitle}</h2>
      <p class="section-intro">{c.penaltiesIntro}</p>
      {done && (
        <Notice kind="success">
          {done.kind === 'recorded'
            ? c.penaltyRecorded(c.penaltyKinds[done.penalty.kind], done.penalty.decisionNo)
            : c.penaltyRevokedDone(done.penalty.decisionNo)}
        </Notice>
      )}
      <AsyncStatus state={state} />
      {state.status === 'ready' && state.value.length === 0 && <p>{c.penaltiesNone}</p>}
      {state.status === 'ready' && state.value.length > 0 && (
        <ul class="item-list" id="penalties-list">
          {state.value.map((penalty) => (
            <li
              key={penalty.id}
              class={`item-card penalty-card${penalty.revoked ? ' penalty-card--revoked' : ''}`}
              data-penalty={penalty.id}
              data-revoked={String(penalty.revoked)}
            >
              <p class="item-card__title">
                {c.penaltyItem(
                  c.penaltyKinds[penalty.kind],
                  formatDate(penalty.decidedOn, lang) ?? penalty.decidedOn,
                  c.agencies[penalty.agency],
                )}
              </p>
              <ul class="penalty-card__facts">
                {penalty.amountYuan !== null && <li>{c.penaltyAmount(formatInteger(penalty.amountYuan, lang))}</li>}
                <li>{c.penaltyDecisionNo(penalty.decisionNo)}</li>
                <li>{c.penaltyBasis(penalty.legalBasis)}</li>
                {penalty.note && <li>{penalty.note}</li>}
                {penalty.revoked && (
                  <li class="item-card__warning penalty-card__revoked">
                    {c.penaltyRevoked(
                      formatDate(penalty.revokedAt!.slice(0, 10), lang) ?? penalty.revokedAt!,
                      penalty.revocationReason ?? '',
                    )}
                  </li>
                )}
              </ul>
              {agency === penalty.agency && !penalty.revoked && (
                <RevokePenalty penalty={penalty} onRevoked={(p) => changed('revoked', p)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {agency && <RecordPenalty facilityId={facilityId} onRecorded={(p) => changed('recorded', p)} />}
    </section>
  );
}

function RecordPenalty({ facilityId, onRecorded }: { facilityId: string; onRecorded: (penalty: Penalty) => void }) {
  const { lang, t } = useI18n();
  const c = useComplaintText();
  const today = todayInShanghai();
  const record = useCheckedForm({
    initial: () => emptyPenaltyForm(today),
    check: (form: PenaltyForm) => penaltyProblems(form, today),
    send: (form: PenaltyForm) => recordPenalty(facilityId, toPenaltyInput(form), { lang }),
    onSent: onRecorded,
    fieldIds: FIELD_IDS,
    labels: c.penaltyFields,
    problemText: (problem) => c.penaltyProblems[problem],
  });
  const { form, change, errorsOf } = record;

  return (
    <form class="penalty-form" onSubmit={record.submit} noValidate aria-labelledby="penalty-form-title">
      <h3 id="penalty-form-title">{c.recordPenalty}</h3>
      <p class="field__hint">{c.recordPenaltyHint}</p>
      <ErrorSummary title={c.fixThese} items={record.summary} focusKey={record.attempt} />
      {record.failure !== null && <Notice kind="error">{errorMessage(record.failure, t)}</Notice>}
      <SelectField
        id={FIELD_IDS.kind}
        label={c.penaltyFields.kind}
        required
        value={form.kind}
        placeholder={c.choose}
        onChange={(kind) => change({ kind, ...(kind === 'fine' ? {} : { amountYuan: '' }) })}
        options={PENALTY_KINDS.map((value) => ({ value, label: c.penaltyKinds[value] }))}
        errors={errorsOf('kind')}
      />
      {form.kind === 'fine' && (
        <TextField
          id={FIELD_IDS.amountYuan}
          label={c.penaltyFields.amountYuan}
          required
          inputMode="numeric"
          value={form.amountYuan}
          onInput={(amountYuan) => change({ amountYuan })}
          errors={errorsOf('amountYuan')}
        />
      )}
      <TextField
        id={FIELD_IDS.decisionNo}
        label={c.penaltyFields.decisionNo}
        required
        value={form.decisionNo}
        onInput={(decisionNo) => change({ decisionNo })}
        errors={errorsOf('decisionNo')}
      />
      <TextField
        id={FIELD_IDS.decidedOn}
        label={c.penaltyFields.decidedOn}
        type="date"
        required
        value={form.decidedOn}
        onInput={(decidedOn) => change({ decidedOn })}
        errors={errorsOf('decidedOn')}
      />
      <TextAreaField
        id={FIELD_IDS.legalBasis}
        label={c.penaltyFields.legalBasis}
        required
        rows={2}
        value={form.legalBasis}
        onInput={(legalBasis) => change({ legalBasis })}
        errors={errorsOf('legalBasis')}
      />
      <TextAreaField
        id={FIELD_IDS.note}
        label={c.penaltyFields.note}
        rows={2}
        value={form.note}
        onInput={(note) => change({ note })}
        errors={errorsOf('note')}
      />
      <button type="submit" id="penalty-submit" class="button" disabled={record.busy}>
        {c.recordPenalty}
      </button>
    </form>
  );
}

function RevokePenalty({ penalty, onRevoked }: { penalty: Penalty; onRevoked: (penalty: Penalty) => void }) {
  const { lang, t } = useI18n();
  const c = useComplaintText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!open)
    return (
      <button type="button" class="button button--secondary" onClick={() => setOpen(true)}>
        {c.revokePenalty}
      </button>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onRevoked(await revokePenalty(penalty.id, reason.trim(), { lang }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="penalty-revoke" onSubmit={submit}>
      <TextAreaField id={`penalty-revoke-${penalty.id}`} label={c.revokeReason} required rows={2} value={reason} onInput={setReason} />
      {error !== null && <Notice kind="error">{errorMessage(error, t)}</Notice>}
      <button type="submit" class="button button--danger" disabled={busy || reason.trim() === ''}>
        {c.confirmRevoke}
      </button>
    </form>
  );
}
