// Facilities as a list of cards: name (a link), status (and a badge when a filing waits past the review deadline),
// kind, unit, registration number or when it was submitted, and the reason a filing was returned.
import type { Facility } from '../../../api/registry';
import { regionLabel, useRegions } from '../../../components/region-names';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../i18n/format';
import { useConsoleI18n } from './console-text';
import { Link } from '../../../router/router';

export function FacilityList({
  items,
  hrefOf,
  labelledBy,
}: {
  items: Facility[];
  hrefOf: (facility: Facility) => string;
  labelledBy?: string;
}) {
  const { lang, t } = useConsoleI18n();
  const regions = useRegions();
  return (
    <ul class="item-list" aria-labelledby={labelledBy}>
      {items.map((facility) => {
        const region = regionLabel(regions, facility.regionCode, lang);
        return (
          <li key={facility.id} class="item-card" data-facility-id={facility.id}>
            <div class="item-card__head">
              <Link class="item-card__title" href={hrefOf(facility)}>
                {facility.name}
              </Link>
              <span class="change-badges">
                <StatusBadge status={facility.status} />
                {facility.reviewOverdue && <span class="badge badge--overdue">{t.regulator.reviewOverdue}</span>}
              </span>
            </div>
            <p class="item-card__meta">
              {[
                facility.kind ? t.facility.kinds[facility.kind] : null,
                region,
                facility.address,
                facility.registrationNo ? t.console.registrationNo(facility.registrationNo) : null,
                facility.status === 'submitted' && facility.submittedAt
                  ? t.regulator.submittedOn(formatDateTime(facility.submittedAt, lang) ?? facility.submittedAt)
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {facility.status === 'draft' && facility.rejectionReason && (
              <p class="item-card__warning">{t.console.rejected(facility.rejectionReason)}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
