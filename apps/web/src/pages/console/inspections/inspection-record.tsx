// A facility's "检查与整改" tab (regulator and operator facility pages): the latest outcome per
// domain (four cards), every inspection across the domains (newest first) with its items and
// amendments, and the facility's rectification orders. A regulator may start an inspection in its
// agency's domains and amend its agency's inspections; a health regulator sees a one-step
// suspension when a domain's latest inspection failed and the facility is registered.
import { useState } from 'preact/hooks';
import { isHealthRegulator, type SessionUser } from '../../../api/auth';
import {
  DOMAINS,
  domainsOf,
  listInspections,
  listOrders,
  type Checklist,
  type Domain,
  type Inspection,
  type RectificationOrder,
} from '../../../api/inspections';
import { facilityAction, type Facility, type Versioned } from '../../../api/registry';
import { errorMessage } from '../../../components/error-message';
import { TextAreaField } from '../../../components/fields';
import { Loading } from '../../../components/load-status';
import { Notice } from '../../../components/notice';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';
import { useAsync } from '../../../components/use-async';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { useConsoleI18n } from '../shared/console-text';
import { Link } from '../../../router/router';
import { paths } from '../../../router/routes';
import { AmendForm } from './amend-form';
import { OutcomeBadge, SeverityBadge } from './badges';
import { effectiveAnswers } from './inspection-draft';
import { itemOf, itemText, loadChecklists } from './lookups';
import { OrderCard } from './order-card';

const INSPECTABLE = ['submitted', 'registered', 'suspended'];

/** The newest inspection of each domain (the list is newest first). */
export function latestByDomain(inspections: Inspection[]): Partial<Record<Domain, Inspection>> {
  const latest: Partial<Record<Domain, Inspection>> = {};
  for (const inspection of inspections) latest[inspection.domain] ??= inspection;
  return latest;
}

/** Links to the inspection form, for the domains of the regulator's agency. */
export function InspectStart({ facility, user }: { facility: Facility; user: SessionUser }) {
  const { t } = useConsoleI18n();
  const domains = domainsOf(user);
  if (domains.length === 0 || !INSPECTABLE.includes(facility.status)) return null;
  return (
    <section class="card inspect-start" aria-labelledby="inspect-start-title">
      <h2 id="inspect-start-title" class="card__title">
        {t.inspections.startTitle}
      </h2>
      <p class="card__intro">{t.inspections.startIntro}</p>
      <div class="actions-panel__buttons">
        {domains.map((domain) => (
          <Link key={domain} class="button" href={paths.regulatorInspect(facility.id, domain)} id={`inspect-start-${domain}`}>
            {t.inspections.start(t.inspections.domains[domain])}
          </Link>
        ))}
      </div>
    </section>
  );
}

function SuspendWarning({
  facility,
  failed,
  onFacility,
}: {
  facility: Facility;
  failed: Domain[];
  onFacility: (next: Versioned<Facility>) => void;
}) {
  const { lang, t } = useConsoleI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonErrors, setReasonErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = failed.map((domain) => t.inspections.domains[domain]).join(lang === 'en' ? ', ' : '、');

  const suspend = async () => {
    if (!reason.trim()) {
      setReasonErrors([t.validation.required]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onFacility(await facilityAction(facility.id, 'suspend', { reason: reason.trim() }, { lang }));
    } catch (caught) {
      setError(errorMessage(caught, t));
      setBusy(false);
    }
  };

  return (
    <div class="fail-warning" role="alert" id="fail-warning">
      <p class="fail-warning__title">{t.inspections.failWarningTitle}</p>
      <p>{t.inspections.failWarning(names)}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!open ? (
        <button type="button" class="button button--danger" id="suspend-open" onClick={() => setOpen(true)}>
          {t.inspections.suspend}
        </button>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void suspend();
          }}
        >
          <TextAreaField
            id="suspend-reason"
            label={t.inspections.suspendReason}
            value={reason}
            required
            rows={2}
            errors={reasonErrors}
            disabled={busy}
            onInput={(value) => {
              setReason(value);
              setReasonErrors([]);
            }}
          />
          <div class="form-actions">
            <button type="submit" class="button button--danger" id="suspend-confirm" disabled={busy}>
              {busy ? t.regulator.working : t.inspections.suspendConfirm}
            </button>
            <button type="button" class="button button--secondary" disabled={busy} onClick={() => setOpen(false)}>
              {t.console.cancel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function DomainCards({ latest }: { latest: Partial<Record<Domain, Inspection>> }) {
  const { lang, t } = useConsoleI18n();
  return (
    <ul class="domain-cards" aria-labelledby="latest-title">
      {DOMAINS.map((domain) => {
        const inspection = latest[domain];
        return (
          <li key={domain} class={`domain-card domain-card--${inspection?.outcome ?? 'none'}`} data-domain={domain}>
            <p class="domain-card__name">{t.inspections.domains[domain]}</p>
            {inspection ? (
              <>
                <p class="domain-card__outcome">
                  <OutcomeBadge outcome={inspection.outcome} />
                  <span class="domain-card__score">{t.inspections.scoreOf(inspection.score)}</span>
                </p>
                <p class="domain-card__when">
                  {t.inspections.inspectedOn(formatDate(inspection.inspectedAt, lang) ?? inspection.inspectedAt)}
                </p>
              </>
            ) : (
              <p class="domain-card__never">{t.inspections.neverInspected}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function InspectionCard({
  inspection,
  checklists,
  canAmend,
  onAmended,
}: {
  inspection: Inspection;
  checklists: Checklist[];
  canAmend: boolean;
  onAmended: (next: Inspection) => void;
}) {
  const { lang, t } = useConsoleI18n();
  const [amending, setAmending] = useState(false);
  const [done, setDone] = useState(false);
  const answers = [...effectiveAnswers(inspection).values()];
  const failed = answers.filter((answer) => answer.result === 'fail');
  const amended = inspection.amendments.length > 0;
  return (
    <li class="item-card inspection-card" data-inspection-id={inspection.id} data-domain={inspection.domain}>
      <div class="item-card__head">
        <p class="item-card__title">{t.inspections.formTitle(t.inspections.domains[inspection.domain])}</p>
        <OutcomeBadge outcome={inspection.outcome} />
        {amended && <span class="badge badge--amended">{t.inspections.amendedBadge}</span>}
      </div>
      <p class="item-card__meta">
        {[
          formatDateTime(inspection.inspectedAt, lang) ?? inspection.inspectedAt,
          t.inspections.scoreOf(inspection.score),
          t.inspections.failedCount(failed.length),
          t.inspections.checklistVersion(inspection.checklistVersion),
        ].join(' · ')}
      </p>
      {amended && (
        <p class="item-card__meta">
          {t.inspections.original(t.inspections.outcomes[inspection.originalOutcome], inspection.originalScore)}
        </p>
      )}
      {inspection.summary && <p class="inspection-card__summary">{inspection.summary}</p>}
      {done && <Notice kind="success">{t.inspections.amendDone}</Notice>}
      {failed.length > 0 && (
        <ul class="failed-items">
          {failed.map((answer) => {
            const item = itemOf(checklists, answer.code);
            return (
              <li key={answer.code}>
                {item && <SeverityBadge severity={item.severity} />} {itemText(item, answer.code, lang)}
                {answer.note && <span class="failed-items__note">{answer.note}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <details class="inspection-card__details">
        <summary>{t.inspections.itemsTitle}</summary>
        <ul class="result-list">
          {answers.map((answer) => (
            <li key={answer.code} class={`result-list__item result-list__item--${answer.result}`}>
              <span class="result-list__result">{t.inspections.results[answer.result]}</span>
              <span>{itemText(itemOf(checklists, answer.code), answer.code, lang)}</span>
            </li>
          ))}
        </ul>
      </details>
      {amended && (
        <div class="amendments">
          <p class="amendments__title">{t.inspections.amendmentsTitle}</p>
          <ol class="amendments__list">
            {inspection.amendments.map((amendment, index) => (
              <li key={index}>
                <strong>{t.inspections.amendmentHead(formatDateTime(amendment.at, lang) ?? amendment.at)}</strong>
                <span class="amendments__reason">{t.inspections.amendmentReason(amendment.reason)}</span>
                <ul>
                  {amendment.items.map((item) => (
                    <li key={item.code}>
                      {itemText(itemOf(checklists, item.code), item.code, lang)} → {t.inspections.results[item.result]}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
      {canAmend && !amending && (
        <div class="item-card__actions">
          <button
            type="button"
            class="button button--small button--secondary"
            onClick={() => {
              setAmending(true);
              setDone(false);
            }}
          >
            {t.inspections.amend}
          </button>
        </div>
      )}
      {canAmend && amending && (
        <AmendForm
          inspection={inspection}
          checklists={checklists}
          onCancel={() => setAmending(false)}
          onAmended={(next) => {
            setAmending(false);
            setDone(true);
            onAmended(next);
          }}
        />
      )}
    </li>
  );
}

interface RecordExtras {
  orders: RectificationOrder[];
  checklists: Checklist[];
}

export function InspectionRecord({
  facility,
  user,
  onFacility,
}: {
  facility: Facility;
  user: SessionUser;
  /** For the suspension (regulator page); absent on the operator's page. */
  onFacility?: (next: Versioned<Facility>) => void;
}) {
  const { lang, t } = useConsoleI18n();
  const list = usePagedList((cursor, signal) => listInspections(facility.id, cursor, { lang, signal }), facility.id);
  const extras = useAsync<RecordExtras>(async (signal) => {
    const [orders, checklists] = await Promise.all([
      listOrders({ facilityId: facility.id, limit: 100 }, { lang, signal }),
      loadChecklists(lang).catch(() => [] as Checklist[]), // item texts; codes stand in without them
    ]);
    return { orders: orders.items, checklists };
  }, facility.id);
  const [suspended, setSuspended] = useState(false);

  if (list.state.status === 'loading' || extras.state.status === 'loading') return <Loading inline />;
  if (list.state.status === 'error') return <Notice kind="error">{errorMessage(list.state.error, t)}</Notice>;
  if (extras.state.status === 'error') return <Notice kind="error">{errorMessage(extras.state.error, t)}</Notice>;
  const data = { inspections: list.items, ...extras.state.value };
  const latest = latestByDomain(data.inspections);
  const failed = DOMAINS.filter((domain) => latest[domain]?.outcome === 'fail');
  const amendable = domainsOf(user);

  return (
    <section class="panel-section inspection-record" aria-labelledby="record-title">
      <h2 id="record-title" class="visually-hidden">
        {t.inspections.recordTitle}
      </h2>
      {suspended && <Notice kind="success">{t.inspections.suspended}</Notice>}
      {onFacility && failed.length > 0 && isHealthRegulator(user) && facility.status === 'registered' && (
        <SuspendWarning
          facility={facility}
          failed={failed}
          onFacility={(next) => {
            setSuspended(true);
            onFacility(next);
          }}
        />
      )}
      <h3 id="latest-title">{t.inspections.latestTitle}</h3>
      <DomainCards latest={latest} />

      <h3 id="inspections-title">{t.inspections.listTitle}</h3>
      {data.inspections.length === 0 ? (
        <p>{t.inspections.listEmpty}</p>
      ) : (
        <ol class="item-list inspection-list" aria-labelledby="inspections-title">
          {data.inspections.map((inspection) => (
            <InspectionCard
              key={inspection.id}
              inspection={inspection}
              checklists={data.checklists}
              canAmend={amendable.includes(inspection.domain)}
              onAmended={(next) => {
                list.updateItems((items) => items.map((item) => (item.id === next.id ? next : item)));
                // The orders changed with it.
                list.reload();
                extras.reload();
              }}
            />
          ))}
        </ol>
      )}
      <LoadMore list={list} />

      <div class="section-head">
        <h3 id="record-orders-title">{t.inspections.ordersTitle}</h3>
        <Link href={paths.orders()}>{t.nav.orders}</Link>
      </div>
      {data.orders.length === 0 ? (
        <p>{t.inspections.ordersEmpty}</p>
      ) : (
        <ul class="item-list" aria-labelledby="record-orders-title">
          {data.orders.map((order) => (
            <OrderCard key={order.id} order={order} checklists={data.checklists} user={user} />
          ))}
        </ul>
      )}
    </section>
  );
}
