// Classes as cards: age group, places, enrolled, vacancies, and when the figures were last updated
// (flagged as out of date after 30 days). `actions` adds the operator's buttons to each card.
import type { ComponentChildren } from 'preact';
import type { FacilityClass } from '../../../api/registry';
import { formatDateTime, formatInteger } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { isStale } from '../operator/class-form-model';

export function ClassTotals({ classes }: { classes: FacilityClass[] }) {
  const { t } = useI18n();
  const sum = (pick: (item: FacilityClass) => number) => classes.reduce((total, item) => total + pick(item), 0);
  return (
    <p class="section-intro">
      {t.classes.total(
        sum((c) => c.places),
        sum((c) => c.enrolled),
        sum((c) => c.vacancies),
      )}
    </p>
  );
}

export function ClassCard({ item, actions, now }: { item: FacilityClass; actions?: ComponentChildren; now: Date }) {
  const { lang, t } = useI18n();
  const stale = isStale(item.updatedAt, now);
  return (
    <li class="item-card class-card" data-class-id={item.id}>
      <div class="item-card__head">
        <h3 class="item-card__title">{item.name}</h3>
        <span class="item-card__tag">{t.classes.ageGroups[item.ageGroup] ?? item.ageGroup}</span>
      </div>
      <dl class="figures-row">
        <div>
          <dt>{t.classes.places}</dt>
          <dd>{formatInteger(item.places, lang)}</dd>
        </div>
        <div>
          <dt>{t.classes.enrolled}</dt>
          <dd>{formatInteger(item.enrolled, lang)}</dd>
        </div>
        <div>
          <dt>{t.classes.vacancies}</dt>
          <dd>{formatInteger(item.vacancies, lang)}</dd>
        </div>
      </dl>
      <p class={`item-card__meta${stale ? ' item-card__warning' : ''}`}>
        {t.classes.lastUpdated(formatDateTime(item.updatedAt, lang) ?? item.updatedAt)}
        {stale && (
          <>
            <br />
            <span class="stale">{t.classes.staleNote}</span>
          </>
        )}
      </p>
      {actions}
    </li>
  );
}
