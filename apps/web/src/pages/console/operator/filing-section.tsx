// Compliance and filing: the compliance check, and the submit button with every unmet filing
// requirement listed beside it when the API refuses (422).
import { useState } from 'preact/hooks';
import { ApiError } from '../../../api/client';
import { facilityAction, type Facility, type Versioned } from '../../../api/registry';
import { errorMessage } from '../../../components/error-message';
import { Notice } from '../../../components/notice';
import { useConsoleI18n } from '../shared/console-text';
import { ComplianceView } from '../shared/compliance-view';

interface Refusal {
  detail: string;
  items: { code: string; message: string; field?: string | undefined }[];
}

export function FilingSection({ facility, onFacility }: { facility: Facility; onFacility: (next: Versioned<Facility>) => void }) {
  const { lang, t } = useConsoleI18n();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState(false);

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    setDone(false);
    try {
      const submitted = await facilityAction(facility.id, 'submit', undefined, { lang });
      setDone(true);
      onFacility(submitted);
    } catch (caught) {
      const items = caught instanceof ApiError ? (caught.problem?.errors ?? []) : [];
      setRefusal({ detail: errorMessage(caught, t), items });
    } finally {
      setBusy(false);
    }
  };

  const statusText = t.status[facility.status];
  return (
    <>
      <section class="panel-section submit-panel" aria-labelledby="filing-title">
        <h2 id="filing-title">{t.filing.title}</h2>
        <p class="section-intro">{t.filing.intro}</p>
        {done && <Notice kind="success">{t.filing.submitted}</Notice>}
        {!done && facility.status === 'submitted' && <Notice kind="info">{t.filing.waiting}</Notice>}
        {facility.status === 'registered' && facility.registrationNo && (
          <Notice kind="success">{t.filing.registered(facility.registrationNo)}</Notice>
        )}
        {facility.status !== 'draft' && facility.status !== 'submitted' && facility.status !== 'registered' && (
          <p>{t.filing.notDraft(statusText)}</p>
        )}
        {facility.status === 'draft' && (
          <div class="submit-row">
            <button
              type="button"
              class="button"
              id="submit-filing"
              disabled={busy}
              aria-describedby={refusal ? 'submit-refusal' : undefined}
              onClick={submit}
            >
              {busy ? t.filing.submitting : t.filing.submit}
            </button>
            {refusal && (
              <div class="refusal" id="submit-refusal" role="alert">
                <p class="refusal__title">{refusal.items.length > 0 ? t.filing.unmet : refusal.detail}</p>
                {refusal.items.length > 0 && (
                  <ul class="refusal__list">
                    {refusal.items.map((item, index) => (
                      <li key={index} data-code={item.code} title={item.code}>
                        {item.message}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
        )}
      </section>
      <ComplianceView facilityId={facility.id} refreshKey={facility.version} />
    </>
  );
}
