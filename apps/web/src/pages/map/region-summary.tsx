// A unit's figures, shown in the map's tooltip. Rendered into the tooltip's element with Preact's
// render() (it lives outside the component tree, so it takes the language as props).
import type { RegionProperties } from '../../api/types';
import { formatInteger, formatRate } from '../../i18n/format';
import type { Lang } from '../../i18n/language';
import type { Messages } from '../../i18n/zh-CN';
import { colourFor } from '../../map/choropleth';
import { regionName } from './region-name';

export function Shortfall({ value, lang, t }: { value: number; lang: Lang; t: Messages }) {
  return value > 0 ? <>{formatInteger(value, lang)}</> : <span class="target-met">{t.region.targetMet}</span>;
}

export function RegionSummary({ region, lang, t }: { region: RegionProperties; lang: Lang; t: Messages }) {
  return (
    <div class="region-summary" lang={lang}>
      <p class="region-summary__name">
        <span class="swatch" style={{ background: colourFor(region.placesPer1000) }} aria-hidden="true" />
        {regionName(region, lang)}
      </p>
      <p class="region-summary__level">{t.region.level[region.level]}</p>
      <dl class="figures">
        <div>
          <dt>{t.region.population}</dt>
          <dd>{formatInteger(region.population, lang)}</dd>
        </div>
        <div>
          <dt>{t.region.places}</dt>
          <dd>{formatInteger(region.placeCount, lang)}</dd>
        </div>
        <div>
          <dt>{t.region.placesPer1000}</dt>
          <dd>
            <strong>{formatRate(region.placesPer1000, lang)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t.region.shortfall2025}</dt>
          <dd>
            <Shortfall value={region.shortfall2025} lang={lang} t={t} />
          </dd>
        </div>
        <div>
          <dt>{t.region.shortfall2035}</dt>
          <dd>
            <Shortfall value={region.shortfall2035} lang={lang} t={t} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
