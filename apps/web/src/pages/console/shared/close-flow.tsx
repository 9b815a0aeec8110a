// Closing a facility (the owner, or a health regulator): the placement plan preview first (table
// and map), then the reason and a confirmation; the answer carries the stored plan, shown after.
import { useState } from 'preact/hooks';
import {
  facilityAction,
  getPlacementPlan,
  listClasses,
  type Facility,
  type FacilityClass,
  type PlacementPlan,
  type Versioned,
} from '../../../api/registry';
import { errorMessage } from '../../../components/error-message';
import { TextAreaField } from '../../../components/fields';
import { AsyncStatus, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { useConsoleI18n } from './console-text';
import { PlacementPlanView } from './placement-plan-view';

export interface CloseFlowProps {
  facility: Facility;
  onClosed: (closed: Versioned<Facility>) => void;
  idPrefix: string;
  /** Whether this user may close it (the owner, a health regulator); others see the plan only. */
  canClose: boolean;
}

export function CloseFlow({ facility, onClosed, idPrefix, canClose }: CloseFlowProps) {
  const { lang, t } = useConsoleI18n();
  const closable = facility.status === 'registered' || facility.status === 'suspended';
  const preview = useAsync<{ plan: PlacementPlan; classes: FacilityClass[] } | null>(async (signal) => {
    if (!closable && facility.status !== 'closed') return null;
    const [plan, classes] = await Promise.all([
      getPlacementPlan(facility.id, { lang, signal }),
      listClasses(facility.id, { lang, signal }),
    ]);
    return { plan, classes };
  }, `${facility.id}:${facility.version}`);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [closedPlan, setClosedPlan] = useState<PlacementPlan | null>(null);

  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      const closed = await facilityAction(facility.id, 'close', { reason: reason.trim() }, { lang });
      setClosedPlan(closed.data.placementPlan ?? null);
      setConfirming(false);
      onClosed(closed);
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const classes = preview.state.status === 'ready' ? (preview.state.value?.classes ?? []) : [];
  return (
    <section class="panel-section" aria-labelledby={`${idPrefix}-close-title`}>
      <h2 id={`${idPrefix}-close-title`}>{t.closure.title}</h2>
      <p class="section-intro">{t.closure.intro}</p>
      {closedPlan && <Notice kind="success">{t.closure.closed}</Notice>}
      {closedPlan && <PlacementPlanView plan={closedPlan} facility={facility} classes={classes} />}
      {!closedPlan && !closable && facility.status !== 'closed' && <Notice kind="info">{t.closure.notAllowed}</Notice>}
      {!closedPlan && (closable || facility.status === 'closed') && (
        <>
          <AsyncStatus state={preview.state} />
          {preview.state.status === 'ready' && preview.state.value && (
            <PlacementPlanView plan={preview.state.value.plan} facility={facility} classes={preview.state.value.classes} />
          )}
        </>
      )}
      {!closedPlan && closable && canClose && (
        <form
          class="card action-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) {
              setReasonError([t.validation.required]);
              return;
            }
            setReasonError([]);
            setConfirming(true);
          }}
        >
          {error && <Notice kind="error">{error}</Notice>}
          <TextAreaField
            id={`${idPrefix}-close-reason`}
            label={t.closure.reason}
            value={reason}
            onInput={setReason}
            required
            errors={reasonError}
            disabled={busy}
          />
          {confirming ? (
            <div class="confirm" role="group" aria-label={t.closure.confirm}>
              <button type="button" class="button button--danger" disabled={busy} onClick={close}>
                {busy ? t.closure.closing : t.closure.confirm}
              </button>
              <button type="button" class="button button--secondary" disabled={busy} onClick={() => setConfirming(false)}>
                {t.console.cancel}
              </button>
            </div>
          ) : (
            <div class="form-actions">
              <button type="submit" class="button button--danger-outline">
                {t.closure.close}
              </button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
