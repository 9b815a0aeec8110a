// The regulator's queue of pending change filings, oldest first, beside the filing queue: facility, reason, when
// filed, and a badge when the 5-working-day review deadline has passed.
import { listChangeFilings } from '../../../api/changes';
import { regionLabel, useRegions } from '../../../components/region-names';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';
import { formatDateTime } from '../../../i18n/format';
import { AsyncStatus } from '../../../components/notice';
import { useI18n } from '../../../i18n/i18n';
import { Link } from '../../../router/router';
import { paths } from '../../../router/routes';
import { ChangeStatusBadges } from '../shared/change-card';
import { useChangesText } from '../shared/changes-text';

export function ChangeQueue() {
  const { lang } = useI18n();
  const c = useChangesText();
  const regions = useRegions();
  const list = usePagedList((cursor, signal) => listChangeFilings({ status: 'pending', limit: 20, cursor }, { lang, signal }), 'pending');
  const { state } = list;
  return (
    <section class="panel-section" aria-labelledby="change-queue-title" id="change-queue">
      <div class="section-head">
        <h2 id="change-queue-title">{c.changes.queueTitle}</h2>
      </div>
      <AsyncStatus state={state} />
      {state.status === 'ready' && list.items.length === 0 && <p>{c.changes.queueEmpty}</p>}
      {list.items.length > 0 && (
        <ul class="item-list" aria-labelledby="change-queue-title">
          {list.items.map((filing) => (
            <li key={filing.id} class="item-card" data-change-id={filing.id}>
              <div class="item-card__head">
                <Link class="item-card__title" href={paths.regulatorChange(filing.id)}>
                  {filing.facilityName}
                </Link>
                <ChangeStatusBadges filing={filing} />
              </div>
              <p class="item-card__meta">
                {[
                  regionLabel(regions, filing.regionCode, lang),
                  c.changes.submittedAt(formatDateTime(filing.submittedAt, lang) ?? filing.submittedAt),
                  `${c.changes.reasonLabel}：${filing.reason}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} />
    </section>
  );
}
