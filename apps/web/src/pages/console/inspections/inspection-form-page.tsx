// Page `/console/regulator/facilities/:id/inspect/:domain`: the on-site inspection form, made for a
// phone. The current checklist by section (collapsible), a sticky progress line ("已答 12/27") with
// the draft's state, big pass / fail / n.a. buttons per item and a note when failing. The draft is
// kept in localStorage per facility and domain (inspection-draft.ts) and cleared only after the
// API accepted the inspection (201); the result (outcome, score, orders) shows in place of the form.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../api/client';
import { domainsOf, recordInspection, type Checklist, type Domain, type Inspection } from '../../../api/inspections';
import { getFacility } from '../../../api/registry';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { errorMessage } from '../../../components/error-message';
import { TextAreaField, TextField } from '../../../components/fields';
import { Loading } from '../../../components/load-status';
import { ErrorSummary, Notice, type SummaryItem } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { todayInShanghai } from '../../../forms/form-values';
import { formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { Link, useSearchParam } from '../../../router/router';
import { paths } from '../../../router/routes';
import { RequireRole } from '../shared/require-role';
import { ChecklistQuestion } from './checklist-question';
import {
  answeredCount,
  clearDraft,
  emptyDraft,
  isComplete,
  isDay,
  loadDraft,
  saveDraft,
  sectionsOf,
  setAnswer,
  setVisitDay,
  storedVisitDay,
  SUMMARY_MAX,
  toInspectionInput,
  visitDayOf,
  type InspectionDraft,
} from './inspection-draft';
import { InspectionResult } from './inspection-result';
import { announceOrdersChanged, checklistOf, loadChecklistsOn } from './lookups';

const INSPECTABLE = ['submitted', 'registered', 'suspended'];

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

interface Refusal {
  message: string;
  items: SummaryItem[];
  /** Messages by item code, shown beside the item. */
  byCode: Record<string, string[]>;
}

/** A 400's `errors` by item (`items[3].result`, `items.3`, or a code named in the message), the rest listed. */
function refusalOf(error: unknown, checklist: Checklist, fallback: string): Refusal {
  const problem = error instanceof ApiError ? error.problem : null;
  const byCode: Record<string, string[]> = {};
  const items: SummaryItem[] = [];
  for (const entry of problem?.errors ?? []) {
    const index = /^items[.[](\d+)/.exec(entry.field ?? '')?.[1];
    const code = index !== undefined ? checklist.items[Number(index)]?.code : undefined;
    if (code) {
      (byCode[code] ??= []).push(entry.message);
      items.push({ fieldId: `item-${code}`, text: `${code}：${entry.message}` });
    } else {
      items.push({ text: entry.field ? `${entry.field}：${entry.message}` : entry.message });
    }
  }
  return { message: problem?.detail ?? problem?.title ?? fallback, items, byCode };
}

/** A day the form may ask the API's checklists for: a calendar date the API takes, not after today. */
const isVisitDay = (value: string, today: string) => isDay(value) && value <= today;

interface InspectionFormProps {
  facilityId: string;
  checklist: Checklist;
  /** The checklist is not yet (or could not be) the one of the day chosen: nothing is submitted meanwhile. */
  stale: boolean;
  /** The visit's day changed: the screen loads the checklist in force that day. */
  onVisitDay: (day: string) => void;
}

function InspectionForm({ facilityId, checklist, stale, onVisitDay }: InspectionFormProps) {
  const { lang, t } = useI18n();
  // Opened from an incident's page (`?incident=`): the inspection keeps the link.
  const incidentId = useSearchParam('incident');
  const [draft, setDraft] = useState<InspectionDraft>(
    () => loadDraft(storage(), facilityId, checklist) ?? emptyDraft(facilityId, checklist.domain, checklist.version, new Date()),
  );
  const restored = useRef(Object.keys(draft.answers).length > 0 ? draft.savedAt : null);
  const [saved, setSaved] = useState<'idle' | 'saved' | 'failed'>(restored.current ? 'saved' : 'idle');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ kind: 'offline' | 'refused' | 'other'; refusal: Refusal } | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [result, setResult] = useState<Inspection | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const sections = useMemo(() => sectionsOf(checklist, lang === 'en'), [checklist, lang]);
  const answered = answeredCount(checklist, draft);
  const total = checklist.items.length;
  const complete = isComplete(checklist, draft) && !stale;
  const today = todayInShanghai();

  const change = (next: InspectionDraft) => {
    const stamped = { ...next, savedAt: new Date().toISOString() };
    setDraft(stamped);
    setSaved(saveDraft(storage(), stamped) ? 'saved' : 'failed');
  };

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const submit = async () => {
    if (!complete || busy) return;
    setBusy(true);
    setError(null);
    try {
      const input = toInspectionInput(checklist, draft);
      const inspection = await recordInspection(facilityId, incidentId ? { ...input, incidentId } : input, { lang });
      clearDraft(storage(), facilityId, checklist.domain);
      announceOrdersChanged();
      setResult(inspection);
      window.scrollTo(0, 0);
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.status : -1;
      const kind = status === 0 ? 'offline' : status === 400 ? 'refused' : 'other';
      setError({ kind, refusal: refusalOf(caught, checklist, errorMessage(caught, t)) });
      setFocusKey((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <div ref={resultRef} tabIndex={-1} class="inspect-result-wrap">
        <InspectionResult inspection={result} checklist={checklist} />
        <div class="form-actions">
          <Link class="button" href={paths.regulatorFacility(facilityId, 'inspections')}>
            {t.inspections.backToRecord}
          </Link>
          <Link class="button button--secondary" href={paths.orders()}>
            {t.inspections.another}
          </Link>
        </div>
      </div>
    );
  }

  const firstUnanswered = checklist.items.find((item) => !draft.answers[item.code]);
  return (
    <form
      class="inspect-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p class="section-intro">
        {t.inspections.formIntro} {t.inspections.checklistVersion(checklist.version)}
      </p>
      <TextField
        id="inspect-day"
        type="date"
        label={t.inspections.visitDay}
        hint={t.inspections.visitDayHint}
        value={visitDayOf(draft, new Date())}
        disabled={busy}
        onInput={(day) => {
          if (!isVisitDay(day, today)) return;
          change(setVisitDay(draft, day));
          onVisitDay(day);
        }}
      />
      {restored.current && (
        <Notice kind="info">{t.inspections.draftRestored(formatDateTime(restored.current, lang) ?? restored.current)}</Notice>
      )}
      <div class="inspect-progress" id="inspect-progress">
        <p class="inspect-progress__count">
          <strong>{t.inspections.progress(answered, total)}</strong>
          <span class={`draft-state draft-state--${saved}`} aria-live="polite" id="draft-state">
            {saved === 'saved' ? t.inspections.draftSaved : saved === 'failed' ? t.inspections.draftNotSaved : ''}
          </span>
        </p>
        <progress class="inspect-progress__bar" max={total} value={answered} aria-label={t.inspections.progress(answered, total)} />
      </div>
      {error?.kind === 'offline' && <Notice kind="warning">{t.inspections.offline}</Notice>}
      {error?.kind === 'other' && (
        <Notice kind="error" id="inspect-error">
          {error.refusal.message}
        </Notice>
      )}
      {error?.kind === 'refused' && (
        <ErrorSummary
          title={error.refusal.items.length > 0 ? t.inspections.fieldErrorsTitle : error.refusal.message}
          items={error.refusal.items.length > 0 ? error.refusal.items : [{ text: error.refusal.message }]}
          focusKey={focusKey}
        />
      )}
      {sections.map((section) => {
        const done = section.items.filter((item) => draft.answers[item.code]).length;
        return (
          <details key={section.key} class="inspect-section" open>
            <summary class="inspect-section__summary">
              <span class="inspect-section__title">{section.title}</span>
              <span class={`inspect-section__count${done === section.items.length ? ' inspect-section__count--done' : ''}`}>
                {t.inspections.sectionProgress(done, section.items.length)}
              </span>
            </summary>
            <ol class="question-list">
              {section.items.map((item) => (
                <ChecklistQuestion
                  key={item.code}
                  item={item}
                  answer={draft.answers[item.code]}
                  disabled={busy}
                  errors={error?.kind === 'refused' ? error.refusal.byCode[item.code] : undefined}
                  onChange={(answer) => change(setAnswer(draft, item.code, answer, new Date()))}
                />
              ))}
            </ol>
          </details>
        );
      })}
      <TextAreaField
        id="inspect-summary"
        label={t.inspections.summary}
        value={draft.summary}
        disabled={busy}
        onInput={(summary) => change({ ...draft, summary: summary.slice(0, SUMMARY_MAX) })}
      />
      <div class="form-actions form-actions--sticky inspect-submit">
        <button
          type="submit"
          class="button"
          id="inspect-submit"
          disabled={!complete || busy}
          aria-describedby={complete ? undefined : 'inspect-submit-hint'}
        >
          {busy ? t.inspections.submitting : t.inspections.submit}
        </button>
        {!complete && (
          <p class="inspect-submit__hint" id="inspect-submit-hint">
            {t.inspections.unanswered(total - answered)}{' '}
            {firstUnanswered && (
              <a
                href={`#item-${firstUnanswered.code}`}
                onClick={(event) => {
                  const target = document.getElementById(`item-${firstUnanswered.code}`);
                  if (!target) return;
                  event.preventDefault();
                  target.closest('details')?.setAttribute('open', '');
                  target.scrollIntoView({ block: 'center' });
                  target.focus({ preventScroll: true });
                }}
              >
                {t.inspections.firstUnanswered}
              </a>
            )}
          </p>
        )}
      </div>
    </form>
  );
}

function InspectScreen({ id, domain }: { id: string; domain: Domain }) {
  const { lang, t } = useI18n();
  const { session } = useSession();
  const domainName = t.inspections.domains[domain];
  // The facility for its name and state; offline the form still opens (from the stored checklist and draft).
  const facility = useAsync((signal) => getFacility(id, { lang, signal }), id);
  // The checklist in force on the visit's day (the stored draft's, else today): an earlier visit answers its version.
  const [day, setDay] = useState(() => storedVisitDay(storage(), id, domain, new Date()));
  const checklists = useAsync(() => loadChecklistsOn(lang, day), `checklists:${day}`);
  // The last list shown stays while another day's loads (or failed to), so the form and its day field stay on screen.
  const shown = useRef<{ day: string; list: Checklist[] } | null>(null);
  if (checklists.state.status === 'ready') shown.current = { day, list: checklists.state.value };
  const back = { href: paths.regulatorFacility(id, 'inspections'), label: t.inspections.backToRecord };
  const name = facility.state.status === 'ready' ? facility.state.value.data.name : null;
  const title = name ? `${name} · ${t.inspections.formTitle(domainName)}` : t.inspections.formTitle(domainName);

  if (!session) return null;
  const allowed = domainsOf(session.user).includes(domain);
  const facilityError = facility.state.status === 'error' ? facility.state.error : null;
  const offline = facilityError instanceof ApiError && facilityError.status === 0;
  const status = facility.state.status === 'ready' ? facility.state.value.data.status : null;

  let body;
  if (!allowed) body = <Notice kind="warning">{t.inspections.notYourDomain(domainName)}</Notice>;
  else if (facilityError && !offline) body = <Notice kind="error">{errorMessage(facilityError, t)}</Notice>;
  else if (status && !INSPECTABLE.includes(status)) body = <Notice kind="warning">{t.inspections.notInspectable(t.status[status])}</Notice>;
  else if (checklists.state.status === 'error' && !shown.current)
    body = <Notice kind="error">{errorMessage(checklists.state.error, t)}</Notice>;
  else if (!shown.current || (facility.state.status === 'loading' && !offline)) body = <Loading inline />;
  else {
    const checklist = checklistOf(shown.current.list, domain);
    const failed = checklists.state.status === 'error' ? checklists.state.error : null;
    body = checklist ? (
      <>
        {failed && <Notice kind="error">{errorMessage(failed, t)}</Notice>}
        <InspectionForm
          key={`${id}:${domain}:${checklist.version}`}
          facilityId={id}
          checklist={checklist}
          stale={shown.current.day !== day}
          onVisitDay={setDay}
        />
      </>
    ) : (
      <Notice kind="error">{t.console.loadFailed}</Notice>
    );
  }
  return (
    <ConsolePage title={title} back={back}>
      {body}
    </ConsolePage>
  );
}

export function InspectionFormPage({ id, domain }: { id: string; domain: Domain }) {
  return (
    <RequireRole roles={['regulator']}>
      <InspectScreen id={id} domain={domain} />
    </RequireRole>
  );
}
