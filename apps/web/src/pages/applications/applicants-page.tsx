// Page `/console/operator/facilities/:id/applicants`: the facility's children waiting, one queue per age group in
// queue order (start month wanted, then time of application), with "offer a place" per child: a class of the
// facility taking the child's age and the day the parent must answer by. An offer holds the place at once.
// Which class takes the child is libs/standards' classTakesAge, the rule the server checks the offer against.
import { classTakesAge } from '@lib/standards';
import { useState } from 'preact/hooks';
import { dayFromNow, listApplications, offerPlace, QUEUE_AGE_GROUPS, type Application, type QueueAgeGroup } from '../../api/applications';
import { getFacility, listClasses, type FacilityClass } from '../../api/registry';
import { ConsolePage } from '../../components/console-page';
import { errorMessage } from '../../components/error-message';
import { SelectField, TextField } from '../../components/fields';
import { AsyncStatus, Notice } from '../../components/notice';
import { Tabs } from '../../components/tabs';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n/i18n';
import { paths } from '../../router/routes';
import { RequireRole } from '../console/shared/require-role';

function OfferForm({
  facilityId,
  application,
  classes,
  onSent,
}: {
  facilityId: string;
  application: Application;
  classes: FacilityClass[];
  onSent: () => void;
}) {
  const { lang, t } = useI18n();
  const suitable = classes.filter((c) => classTakesAge(c.ageGroup, application.ageMonths));
  const [classId, setClassId] = useState(suitable.find((c) => c.vacancies > 0)?.id ?? suitable[0]?.id ?? '');
  const [expiresOn, setExpiresOn] = useState(dayFromNow(7));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (suitable.length === 0) return <p>{t.applications.noClassForAge}</p>;
  const idBase = `offer-${application.id}`;
  return (
    <form
      class="offer-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await offerPlace(application.id, { facilityId, classId, expiresOn }, { lang });
          onSent();
        } catch (caught) {
          setError(errorMessage(caught, t));
          setBusy(false);
        }
      }}
    >
      {error && <Notice kind="error">{error}</Notice>}
      <SelectField
        id={`${idBase}-class`}
        label={t.applications.offerClass}
        value={classId}
        onChange={(v) => setClassId(v)}
        options={suitable.map((c) => ({ value: c.id, label: `${c.name} · ${t.applications.vacancies(c.vacancies)}` }))}
      />
      <TextField id={`${idBase}-expires`} label={t.applications.offerExpires} type="date" value={expiresOn} onInput={setExpiresOn} />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {t.applications.offerSend}
        </button>
      </div>
    </form>
  );
}

function ApplicantsScreen({ id }: { id: string }) {
  const { lang, t } = useI18n();
  const [group, setGroup] = useState<QueueAgeGroup>('toddler');
  const [message, setMessage] = useState<string | null>(null);
  const [offering, setOffering] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const facility = useAsync((signal) => getFacility(id, { lang, signal }), `${id}:${lang}`);
  const classes = useAsync((signal) => listClasses(id, { lang, signal }), `${id}:classes:${attempt}`);
  const list = useAsync(
    async (signal) => (await listApplications({ facilityId: id, ageGroup: group, limit: 100 }, { lang, signal })).items,
    `${id}:${group}:${attempt}`,
  );
  const name = facility.state.status === 'ready' ? facility.state.value.data.name : '';
  return (
    <ConsolePage
      title={t.applications.applicantsTitle(name)}
      back={{ href: paths.operatorFacility(id), label: name || t.nav.myFacilities }}
    >
      <p class="section-intro">{t.applications.applicantsIntro}</p>
      {message && (
        <Notice kind="success" id="applicants-result">
          {message}
        </Notice>
      )}
      <Tabs
        label={t.applications.ageGroupFilter}
        idPrefix="applicants"
        tabs={QUEUE_AGE_GROUPS.map((key) => ({ key, label: t.applications.ageGroups[key]! }))}
        selected={group}
        onSelect={(key) => {
          setGroup(key);
          setOffering(null);
        }}
      >
        <AsyncStatus state={list.state} />
        {list.state.status === 'ready' && list.state.value.length === 0 && <p>{t.applications.noApplicants}</p>}
        {list.state.status === 'ready' && list.state.value.length > 0 && (
          <ol class="item-list applicant-list">
            {list.state.value.map((a) => {
              const choice = a.choices.find((c) => c.facilityId === id);
              const offer = a.offers.find((o) => o.facilityId === id && o.status === 'open');
              return (
                <li class="card applicant" key={a.id} data-application={a.id}>
                  <p class="applicant__head">
                    <strong class="applicant__position">{choice?.position ?? '–'}</strong> <strong>{a.child.label}</strong> ·{' '}
                    {t.applications.ageMonths(a.ageMonths)} · {t.applications.startsIn(a.startMonth)} ·{' '}
                    {t.applications.serviceTypes[a.serviceType]}
                  </p>
                  <p class="applicant__meta">
                    {choice && t.applications.choice(choice.rank)} · {choice && t.applications.choiceStatus[choice.status]} ·{' '}
                    {t.applications.appliedOn(a.createdAt.slice(0, 10))}
                    {offer && ` · ${t.applications.offerOf(name, offer.className ?? '', offer.expiresOn)}`}
                  </p>
                  {choice?.status === 'waiting' && offering !== a.id && (
                    <button type="button" class="button button--secondary" onClick={() => setOffering(a.id)}>
                      {t.applications.offerPlace}
                    </button>
                  )}
                  {offering === a.id && classes.state.status === 'ready' && (
                    <OfferForm
                      facilityId={id}
                      application={a}
                      classes={classes.state.value}
                      onSent={() => {
                        setOffering(null);
                        setMessage(t.applications.offerSent);
                        setAttempt((n) => n + 1);
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </Tabs>
    </ConsolePage>
  );
}

export function ApplicantsPage({ id }: { id: string }) {
  return (
    <RequireRole roles={['operator']}>
      <ApplicantsScreen id={id} />
    </RequireRole>
  );
}
