// Read-only classes and staff of a facility (the regulator's review): the same cards as the
// operator's, without the operator's buttons. A health regulator may end a multi-listed record.
import { useState } from 'preact/hooks';
import { endStaffListing, listClasses, type StaffMember } from '../../../api/registry';
import { useSession } from '../../../auth/session-context';
import { TextAreaField } from '../../../components/fields';
import { errorMessage } from '../../../components/error-message';
import { AsyncStatus, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { useConsoleI18n } from './console-text';
import { ClassCard, ClassTotals } from './classes-list';
import { loadAllStaff, StaffCard } from './staff-list';

export function ClassesView({ facilityId }: { facilityId: string }) {
  const { lang, t } = useConsoleI18n();
  const { state } = useAsync((signal) => listClasses(facilityId, { lang, signal }), facilityId);
  const now = new Date();
  return (
    <section class="panel-section" aria-labelledby="classes-title">
      <h2 id="classes-title">{t.classes.title}</h2>
      <AsyncStatus state={state} />
      {state.status === 'ready' && state.value.length === 0 && <p>{t.classes.empty}</p>}
      {state.status === 'ready' && state.value.length > 0 && (
        <>
          <ClassTotals classes={state.value} />
          <ul class="item-list">
            {state.value.map((item) => (
              <ClassCard key={item.id} item={item} now={now} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function StaffView({ facilityId }: { facilityId: string }) {
  const { lang, t } = useConsoleI18n();
  const { session } = useSession();
  const mayEndListing = session?.user.role === 'regulator' && session.user.agency === 'health';
  // The name of the person whose listing was just ended; the notice is worded at render time, in the current language.
  const [endedName, setEndedName] = useState<string | null>(null);
  const { state, reload } = useAsync(async (signal) => {
    const [staff, classes] = await Promise.all([loadAllStaff(facilityId, { lang, signal }), listClasses(facilityId, { lang, signal })]);
    return { staff, classes };
  }, facilityId);
  return (
    <section class="panel-section" aria-labelledby="staff-title">
      <h2 id="staff-title">{t.staff.title}</h2>
      <AsyncStatus state={state} />
      {state.status === 'ready' && state.value.staff.length === 0 && <p>{t.staff.empty}</p>}
      {endedName && <Notice kind="success">{t.staff.endListingDone(endedName)}</Notice>}
      {state.status === 'ready' && (
        <ul class="item-list">
          {[...state.value.staff]
            .sort((a, b) => Number(Boolean(a.endedOn)) - Number(Boolean(b.endedOn)))
            .map((member) => (
              <StaffCard
                key={member.id}
                member={member}
                classes={state.value.classes}
                actions={
                  mayEndListing && member.multiListed && !member.endedOn ? (
                    <EndListing
                      member={member}
                      onEnded={() => {
                        setEndedName(member.name);
                        reload();
                      }}
                    />
                  ) : undefined
                }
              />
            ))}
        </ul>
      )}
    </section>
  );
}

/** Settles a multi-listing: this record ends today, with the reason in the audit trail. */
function EndListing({ member, onEnded }: { member: StaffMember; onEnded: () => void }) {
  const { lang, t } = useConsoleI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!open)
    return (
      <button type="button" class="button button--secondary" onClick={() => setOpen(true)}>
        {t.staff.endListing}
      </button>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await endStaffListing(member.id, reason.trim(), { lang });
      onEnded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="end-listing" onSubmit={submit}>
      <TextAreaField
        id={`end-listing-${member.id}`}
        label={t.staff.endListingReason}
        required
        value={reason}
        onInput={setReason}
        rows={2}
      />
      {error !== null && <Notice kind="error">{errorMessage(error, t)}</Notice>}
      <button type="submit" class="button" disabled={busy || reason.trim() === ''}>
        {t.staff.endListingConfirm}
      </button>
    </form>
  );
}
