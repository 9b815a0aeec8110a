// What a health regulator may do with a facility in its state: approve or return a submitted
// filing, suspend or reinstate, and (on the closing tab) close. Every other user sees why there is
// nothing to do. 403 and 409 answers are shown as messages.
import { useState } from 'preact/hooks';
import { isHealthRegulator, type SessionUser } from '../../../api/auth';
import { facilityAction, type Facility, type FacilityAction, type Versioned } from '../../../api/registry';
import { errorMessage } from '../../../components/error-message';
import { TextAreaField } from '../../../components/fields';
import { Notice } from '../../../components/notice';
import { useConsoleI18n, type ConsoleMessages } from '../shared/console-text';

type Act = Exclude<FacilityAction, 'submit' | 'close'>;

/** Actions by state (docs/api.md "Facilities (registry and filing)", the lifecycle); `close` is offered on the closing tab. */
export function actionsFor(facility: Facility): Act[] {
  switch (facility.status) {
    case 'submitted':
      return ['approve', 'reject'];
    case 'registered':
      return ['suspend'];
    case 'suspended':
      return ['reinstate'];
    default:
      return [];
  }
}

function texts(t: ConsoleMessages, action: Act) {
  const r = t.regulator;
  const table = {
    approve: { button: r.approve, field: r.approveNote, reasonRequired: false, done: (f: Facility) => r.approved(f.registrationNo ?? '') },
    reject: { button: r.reject, field: r.rejectReason, reasonRequired: true, done: () => r.rejected },
    suspend: { button: r.suspend, field: r.suspendReason, reasonRequired: true, done: () => r.suspended },
    reinstate: { button: r.reinstate, field: null, reasonRequired: false, done: () => r.reinstated },
  } as const;
  return table[action];
}

export interface ReviewActionsProps {
  facility: Facility;
  user: SessionUser;
  onFacility: (next: Versioned<Facility>) => void;
  onOpenClose: () => void;
}

export function ReviewActions({ facility, user, onFacility, onOpenClose }: ReviewActionsProps) {
  const { lang, t } = useConsoleI18n();
  const [open, setOpen] = useState<Act | null>(null);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // The outcome of the last action, for the version it produced (or failed on): another change
  // (closing on the closing tab) makes it old news.
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string; version: number } | null>(null);

  const canAct = isHealthRegulator(user);
  const actions = actionsFor(facility);
  const closable = facility.status === 'registered' || facility.status === 'suspended';

  const run = async (action: Act) => {
    const meta = texts(t, action);
    const value = text.trim();
    if (meta.reasonRequired && !value) {
      setTextError([t.validation.required]);
      return;
    }
    setTextError([]);
    setBusy(true);
    setResult(null);
    try {
      const body = action === 'approve' ? (value ? { note: value } : {}) : meta.reasonRequired ? { reason: value } : undefined;
      const next = await facilityAction(facility.id, action, body, { lang });
      setOpen(null);
      setText('');
      setResult({ kind: 'success', text: meta.done(next.data), version: next.data.version });
      onFacility(next);
    } catch (caught) {
      setResult({ kind: 'error', text: errorMessage(caught, t), version: facility.version });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card actions-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t.regulator.actionsTitle}</h2>
      {result && result.version === facility.version && (
        <Notice kind={result.kind} id="action-result">
          {result.text}
        </Notice>
      )}
      {!canAct && <p>{user.role === 'admin' ? t.regulator.readOnlyAdmin : t.regulator.readOnly}</p>}
      {canAct && actions.length === 0 && !closable && <p>{t.regulator.noActions(t.status[facility.status])}</p>}
      {canAct && (actions.length > 0 || closable) && (
        <div class="actions-panel__buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              class={`button${action === 'approve' || action === 'reinstate' ? '' : ' button--secondary'}`}
              aria-expanded={open === action}
              aria-controls="action-form"
              onClick={() => {
                setOpen(open === action ? null : action);
                setText('');
                setTextError([]);
              }}
            >
              {texts(t, action).button}
            </button>
          ))}
          {closable && (
            <button type="button" class="button button--danger-outline" onClick={onOpenClose}>
              {t.regulator.close}
            </button>
          )}
        </div>
      )}
      {canAct && open && (
        <form
          id="action-form"
          class="action-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void run(open);
          }}
        >
          {texts(t, open).field && (
            <TextAreaField
              id={`action-${open}-text`}
              label={texts(t, open).field!}
              value={text}
              onInput={setText}
              required={texts(t, open).reasonRequired}
              errors={textError}
              disabled={busy}
            />
          )}
          <div class="form-actions">
            <button
              type="submit"
              class={`button${open === 'reject' || open === 'suspend' ? ' button--danger' : ''}`}
              disabled={busy}
              id={`confirm-${open}`}
            >
              {busy ? t.regulator.working : t.console.confirmAction(texts(t, open).button)}
            </button>
            <button type="button" class="button button--secondary" disabled={busy} onClick={() => setOpen(null)}>
              {t.console.cancel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
