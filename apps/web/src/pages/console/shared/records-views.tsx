// Read-only classes and staff of a facility (the regulator's review): the same cards as the
// operator's, without the buttons.
import { listClasses } from '../../../api/registry';
import { errorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/load-status';
import { Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { useI18n } from '../../../i18n/i18n';
import { ClassCard, ClassTotals } from './classes-list';
import { loadAllStaff, StaffCard } from './staff-list';

export function ClassesView({ facilityId }: { facilityId: string }) {
  const { lang, t } = useI18n();
  const { state } = useAsync((signal) => listClasses(facilityId, { lang, signal }), facilityId);
  const now = new Date();
  return (
    <section class="panel-section" aria-labelledby="classes-title">
      <h2 id="classes-title">{t.classes.title}</h2>
      {state.status === 'loading' && <Loading inline />}
      {state.status === 'error' && <Notice kind="error">{errorMessage(state.error, t)}</Notice>}
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
  const { lang, t } = useI18n();
  const { state } = useAsync(async (signal) => {
    const [staff, classes] = await Promise.all([loadAllStaff(facilityId, { lang, signal }), listClasses(facilityId, { lang, signal })]);
    return { staff, classes };
  }, facilityId);
  return (
    <section class="panel-section" aria-labelledby="staff-title">
      <h2 id="staff-title">{t.staff.title}</h2>
      {state.status === 'loading' && <Loading inline />}
      {state.status === 'error' && <Notice kind="error">{errorMessage(state.error, t)}</Notice>}
      {state.status === 'ready' && state.value.staff.length === 0 && <p>{t.staff.empty}</p>}
      {state.status === 'ready' && (
        <ul class="item-list">
          {[...state.value.staff]
            .sort((a, b) => Number(Boolean(a.endedOn)) - Number(Boolean(b.endedOn)))
            .map((member) => (
              <StaffCard key={member.id} member={member} classes={state.value.classes} />
            ))}
        </ul>
      )}
    </section>
  );
}
