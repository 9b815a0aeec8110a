// The map legend: the colour classes of places per 1,000 residents, with the 2025 and 2035
// targets drawn between the classes they separate, and the classes short of the 2025 target
// bracketed. Rendered into a Leaflet control (see pages/search/search-map.tsx) and below the dashboard's map.
import { Fragment } from 'preact';
import { formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/language';
import type { Messages } from '../../i18n/zh-CN';
import { choroplethClasses, TARGET_2025, TARGET_2035, type ChoroplethClass } from '../../map/choropleth';

function rangeLabel(cls: ChoroplethClass, lang: Lang): string {
  if (cls.index === 0 && cls.max !== null) return `< ${formatNumber(cls.max, lang)}`;
  if (cls.max === null) return `≥ ${formatNumber(cls.min, lang)}`;
  return `${formatNumber(cls.min, lang)} – ${formatNumber(cls.max, lang)}`;
}

function ClassRow({ cls, lang }: { cls: ChoroplethClass; lang: Lang }) {
  return (
    <li class="legend__class">
      <span class="swatch" style={{ background: cls.colour }} aria-hidden="true" />
      <span>{rangeLabel(cls, lang)}</span>
    </li>
  );
}

function TargetRow({ label, value, lang }: { label: string; value: number; lang: Lang }) {
  return (
    <li class="legend__target">
      <span>
        {label} {formatNumber(value, lang)}
      </span>
    </li>
  );
}

export interface LegendProps {
  lang: Lang;
  t: Messages;
  tilesFailed: boolean;
  /** Open at first (default); the user may still fold it. Closed on small maps, where it would cover them. */
  open?: boolean;
}

export function Legend({ lang, t, tilesFailed, open = true }: LegendProps) {
  // Highest class first ("more is up").
  const classes = choroplethClasses().reverse();
  const atOrAbove = classes.filter((cls) => !cls.belowTarget2025);
  const below = classes.filter((cls) => cls.belowTarget2025);
  return (
    <details class="legend" open={open} lang={lang}>
      <summary class="legend__title">{t.legend.title}</summary>
      <ul class="legend__classes">
        {atOrAbove.map((cls) => (
          <Fragment key={cls.index}>
            <ClassRow cls={cls} lang={lang} />
            {cls.min === TARGET_2035 && <TargetRow label={t.legend.target2035} value={TARGET_2035} lang={lang} />}
          </Fragment>
        ))}
        <TargetRow label={t.legend.target2025} value={TARGET_2025} lang={lang} />
        <li class="legend__below">
          <ul>
            {below.map((cls) => (
              <ClassRow key={cls.index} cls={cls} lang={lang} />
            ))}
          </ul>
          <span class="legend__below-label">{t.legend.belowTarget}</span>
        </li>
      </ul>
      {tilesFailed && <p class="legend__warning">{t.map.tilesUnavailable}</p>}
    </details>
  );
}
