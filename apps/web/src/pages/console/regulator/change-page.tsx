// Page `/console/regulator/changes/:id`: one change filing for review: the facility's registered values and the
// proposed ones side by side, the reason, the review deadline, and the health regulator's decision (approve with
// an optional note, which applies the change; or return it with a reason). Others read it.
import { useState } from 'preact/hooks';
import { isHealthRegulator } from '../../../api/auth';
import { decideChange, getChangeFiling } from '../../../api/changes';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { errorMessage } from '../../../components/error-message';
import { TextAreaField } from '../../../components/fields';
import { AsyncStatus, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { useConsoleI18n } from '../shared/console-text';
import { Link } from '../../../router/router';
import { paths } from '../../../router/routes';
import { ChangeCard } from '../shared/change-card';
import { RequireRole } from '../shared/require-role';
import { useChangesText } from '../shared/changes-text';

type Decision = 'approve' | 'reject';

function ChangeScreen({ id }: { id: string }) {
  const { lang, t } = useConsoleI18n();
  const c = useChangesText();
  const { session } = useSession();
  const { state, setValue } = useAsync((signal) => getChangeFiling(id, { lang, signal }), id);
  const [open, setOpen] = useState<Decision | null>(null);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const back = { href: paths.regulatorHome(), label: t.console.backToList };

  if (state.status !== 'ready' || !session) {
    return (
      <ConsolePage title={c.changes.reviewTitle} back={back}>
        <AsyncStatus state={state} />
      </ConsolePage>
    );
  }
  const filing = state.value;
  const canDecide = isHealthRegulator(session.user) && filing.status === 'pending';

  const run = async (decision: Decision) => {
    const value = text.trim();
    if (decision === 'reject' && !value) {
      setTextError([t.validation.required]);
      return;
    }
    setTextError([]);
    setBusy(true);
    setResult(null);
    try {
      const next = await decideChange(filing.id, decision, decision === 'approve' ? (value ? { note: value } : {}) : { reason: value }, {
        lang,
      });
      setOpen(null);
      setText('');
      setResult({ kind: 'success', text: decision === 'approve' ? c.changes.approved : c.changes.rejected });
      setValue(next);
    } catch (caught) {
      setResult({ kind: 'error', text: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConsolePage title={`${c.changes.reviewTitle}：${filing.facilityName}`} back={back}>
      <p>
        <Link id="change-facility-link" href={paths.regulatorFacility(filing.facilityId, 'history')}>
          {c.changes.openFacility}
        </Link>
      </p>
      {result && (
        <Notice kind={result.kind} id="change-result">
          {result.text}
        </Notice>
      )}
      <ul class="item-list">
        <ChangeCard filing={filing} title={filing.facilityName} />
      </ul>
      {canDecide && (
        <section class="card actions-panel" aria-labelledby="change-actions-title">
          <h2 id="change-actions-title">{t.regulator.actionsTitle}</h2>
          <div class="actions-panel__buttons">
            {(['approve', 'reject'] as const).map((decision) => (
              <button
                key={decision}
                type="button"
                id={`change-${decision}`}
                class={`button${decision === 'approve' ? '' : ' button--secondary'}`}
                aria-expanded={open === decision}
                aria-controls="change-action-form"
                onClick={() => {
                  setOpen(open === decision ? null : decision);
                  setText('');
                  setTextError([]);
                }}
              >
                {decision === 'approve' ? c.changes.approve : c.changes.reject}
              </button>
            ))}
          </div>
          {open && (
            <form
              id="change-action-form"
              class="action-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void run(open);
              }}
            >
              <TextAreaField
                id={`change-${open}-text`}
                label={open === 'approve' ? c.changes.approveNote : c.changes.rejectReason}
                value={text}
                onInput={setText}
                required={open === 'reject'}
                errors={textError}
                disabled={busy}
              />
              <div class="form-actions">
                <button
                  type="submit"
                  class={`button${open === 'reject' ? ' button--danger' : ''}`}
                  disabled={busy}
                  id={`confirm-change-${open}`}
                >
                  {busy ? t.regulator.working : t.console.confirmAction(open === 'approve' ? c.changes.approve : c.changes.reject)}
                </button>
                <button type="button" class="button button--secondary" disabled={busy} onClick={() => setOpen(null)}>
                  {t.console.cancel}
                </button>
              </div>
            </form>
          )}
        </section>
      )}
    </ConsolePage>
  );
}

export function RegulatorChangePage({ id }: { id: string }) {
  return (
    <RequireRole roles={['regulator', 'admin']}>
      <ChangeScreen id={id} />
    </RequireRole>
  );
}
