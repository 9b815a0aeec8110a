// What the API answered to a recorded inspection: outcome, score, and the rectification orders it
// issued with their due dates (item texts from the checklist).
import type { Checklist, Inspection } from '../../../api/inspections';
import { formatDate } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { OutcomeBadge, SeverityBadge } from './badges';

export function InspectionResult({ inspection, checklist }: { inspection: Inspection; checklist: Checklist | undefined }) {
  const { lang, t } = useI18n();
  const textOf = (code: string) => {
    const item = checklist?.items.find((candidate) => candidate.code === code);
    return item ? (lang === 'en' ? item.textEn || item.text : item.text) : code;
  };
  const orders = inspection.rectificationOrders;
  return (
    <section class={`card inspect-result inspect-result--${inspection.outcome}`} aria-labelledby="inspect-result-title" id="inspect-result">
      <h2 id="inspect-result-title" class="card__title">
        {t.inspections.resultTitle}
      </h2>
      <dl class="figures-row">
        <div>
          <dt>{t.inspections.outcome}</dt>
          <dd data-outcome={inspection.outcome}>
            <OutcomeBadge outcome={inspection.outcome} />
          </dd>
        </div>
        <div>
          <dt>{t.inspections.score}</dt>
          <dd data-score={inspection.score}>{t.inspections.scoreOf(inspection.score)}</dd>
        </div>
      </dl>
      {orders.length === 0 ? (
        <p>{t.inspections.noOrders}</p>
      ) : (
        <>
          <p class="inspect-result__orders-title">{t.inspections.ordersIssued(orders.length)}</p>
          <ul class="order-brief-list">
            {orders.map((order) => (
              <li key={order.id} class="order-brief" data-order-id={order.id}>
                <span class="order-brief__text">{textOf(order.itemCode)}</span>
                <span class="order-brief__meta">
                  <SeverityBadge severity={order.severity} />
                  <span>{t.inspections.dueOn(formatDate(order.dueOn, lang) ?? order.dueOn)}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
