// The operator's staff roster: everyone, current first (former staff on request), ID numbers as
// the API masks them; add a member, or end a member's employment after a confirmation.
import { useState } from 'preact/hooks';
import { endStaff, listClasses, type FacilityClass, type StaffMember } from '../../../api/registry';
import { errorMessage } from '../../../components/error-message';
import { CheckboxField } from '../../../components/fields';
import { AsyncStatus, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { useConsoleI18n } from '../shared/console-text';
import { loadAllStaff, StaffCard } from '../shared/staff-list';
import { Confirm } from '../shared/confirm';
import { StaffForm } from './staff-form';

export function StaffSection({ facilityId, editable }: { facilityId: string; editable: boolean }) {
  const { lang, t } = useConsoleI18n();
  const { state, reload } = useAsync(async (signal) => {
    const [staff, classes] = await Promise.all([loadAllStaff(facilityId, { lang, signal }), listClasses(facilityId, { lang, signal })]);
    return { staff, classes };
  }, facilityId);
  const [adding, setAdding] = useState(false);
  const [showEnded, setShowEnded] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const end = async (member: StaffMember) => {
    try {
      await endStaff(member.id, { lang });
      setNotice({ kind: 'success', text: t.staff.ended(member.name) });
    } catch (caught) {
      setNotice({ kind: 'error', text: errorMessage(caught, t) });
    }
    setConfirming(null);
    reload();
  };

  const classes: FacilityClass[] = state.status === 'ready' ? state.value.classes : [];
  const staff = state.status === 'ready' ? state.value.staff : [];
  const ended = staff.filter((member) => member.endedOn);
  const shown = staff.filter((member) => !member.endedOn || showEnded);

  return (
    <section class="panel-section" aria-labelledby="staff-title">
      <div class="section-head">
        <h2 id="staff-title">{t.staff.title}</h2>
        {editable && !adding && (
          <button type="button" class="button" onClick={() => setAdding(true)}>
            {t.staff.add}
          </button>
        )}
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {adding && (
        <StaffForm
          facilityId={facilityId}
          classes={classes}
          onCancel={() => setAdding(false)}
          onAdded={(name) => {
            setAdding(false);
            setNotice({ kind: 'success', text: t.staff.added(name) });
            reload();
          }}
        />
      )}
      <AsyncStatus state={state} />
      {state.status === 'ready' && staff.length === 0 && <p>{t.staff.empty}</p>}
      {ended.length > 0 && (
        <CheckboxField id="staff-show-ended" label={`${t.staff.showEnded} (${ended.length})`} checked={showEnded} onChange={setShowEnded} />
      )}
      <ul class="item-list">
        {shown.map((member) => (
          <StaffCard
            key={member.id}
            member={member}
            classes={classes}
            actions={
              !editable || member.endedOn ? undefined : confirming === member.id ? (
                <Confirm question={t.staff.confirmEnd(member.name)} onConfirm={() => end(member)} onCancel={() => setConfirming(null)} />
              ) : (
                <div class="item-card__actions">
                  <button type="button" class="button button--small button--danger-outline" onClick={() => setConfirming(member.id)}>
                    {t.staff.end}
                    <span class="visually-hidden"> {member.name}</span>
                  </button>
                </div>
              )
            }
          />
        ))}
      </ul>
    </section>
  );
}
