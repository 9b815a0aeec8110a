// Page `/console/dashboard` (regulators, admins): places per 1,000 residents on a choropleth (the
// regulator's own unit outlined and zoomed to; the whole city for city-level regulators and admins),
// the units in a table (lowest first; a unit regulator sees its unit and the city), the selected
// unit's trend over the past three years, and the open alerts grouped by kind.
import { useMemo, useState } from 'preact/hooks';
import { getRegionHistory, listRegions } from '../../../api/targets';
import type { RegionBoundaries, RegionProperties } from '../../../api/types';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { AsyncStatus, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { formatInteger, formatRate } from '../../../i18n/format';
import { useConsoleI18n } from '../shared/console-text';
import { loadMapBackground, type MapBackground } from '../../../map/base-map';
import { colourFor } from '../../../map/choropleth';
import { paths } from '../../../router/routes';
import { regionName } from '../../map/region-name';
import { Shortfall } from '../../map/region-summary';
import { AlertInbox } from '../shared/alert-inbox';
import { RequireRole } from '../shared/require-role';
import { DashboardMap } from './dashboard-map';
import { TrendChart } from './trend-chart';
import { monthlyPoints } from './trend';

const CITY_CODE = '220100';

/** Today in Beijing time, `YYYY-MM-DD`, and the day three years before. */
function historyRange(): { from: string; to: string } {
  const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const from = new Date(`${to}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 3 * 365);
  return { from: from.toISOString().slice(0, 10), to };
}

function UnitsTable({
  rows,
  selected,
  ownCode,
  onSelect,
}: {
  rows: RegionProperties[];
  selected: string;
  ownCode: string | null;
  onSelect: (code: string) => void;
}) {
  const { lang, t } = useConsoleI18n();
  // This year's target is the same for every row: the header names it once.
  const thisYear = rows[0];
  return (
    <section class="panel-section dashboard__table" aria-labelledby="dashboard-units-title">
      <h2 id="dashboard-units-title">{t.dashboard.tableTitle}</h2>
      <p class="section-intro">{t.dashboard.tableIntro}</p>
      <div class="table-wrap">
        <table class="units-table dashboard-table" id="dashboard-units">
          <thead>
            <tr>
              <th scope="col">{t.dashboard.unit}</th>
              <th scope="col" class="num">
                {t.dashboard.population}
              </th>
              <th scope="col" class="num">
                {t.dashboard.places}
              </th>
              <th scope="col" class="num">
                {t.dashboard.per1000}
              </th>
              <th scope="col" class="num">
                {t.applications.demand}
              </th>
              {thisYear && (
                <th scope="col" class="num" id="dashboard-shortfall-this-year">
                  {t.dashboard.shortfallThisYear(thisYear.currentYear, formatRate(thisYear.targetCurrentYear, lang))}
                </th>
              )}
              <th scope="col" class="num">
                {t.dashboard.shortfall2025}
              </th>
              <th scope="col" class="num">
                {t.dashboard.shortfall2035}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const name = row.level === 'city' ? t.region.level.city : regionName(row, lang);
              const isSelected = row.code === selected;
              return (
                <tr
                  key={row.code}
                  data-code={row.code}
                  class={`${isSelected ? 'is-selected' : ''}${row.code === ownCode ? ' is-own' : ''}`.trim() || undefined}
                >
                  <th scope="row">
                    <button
                      type="button"
                      class="link-button"
                      aria-pressed={isSelected}
                      title={t.dashboard.select(name)}
                      onClick={() => onSelect(row.code)}
                    >
                      <span class="swatch" style={{ background: colourFor(row.placesPer1000) }} aria-hidden="true" />
                      {name}
                    </button>
                  </th>
                  <td class="num">{formatInteger(row.population, lang)}</td>
                  <td class="num">{formatInteger(row.placeCount, lang)}</td>
                  <td class="num">{formatRate(row.placesPer1000, lang)}</td>
                  <td class="num" data-waiting>
                    {formatInteger(row.waitingChildren ?? 0, lang)}
                  </td>
                  {thisYear && (
                    <td class="num" data-shortfall-this-year>
                      <Shortfall value={row.shortfallCurrentYear} lang={lang} t={t} />
                    </td>
                  )}
                  <td class="num">
                    <Shortfall value={row.shortfall2025} lang={lang} t={t} />
                  </td>
                  <td class="num">
                    <Shortfall value={row.shortfall2035} lang={lang} t={t} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Trend({ region }: { region: RegionProperties }) {
  const { lang, t } = useConsoleI18n();
  const name = regionName(region, lang);
  const { state } = useAsync(async (signal) => {
    const { from, to } = historyRange();
    return monthlyPoints((await getRegionHistory(region.code, from, to, { lang, signal })).items);
  }, region.code);
  return (
    <section class="panel-section dashboard__trend" aria-labelledby="dashboard-trend-title" id="dashboard-trend">
      <h2 id="dashboard-trend-title">{t.dashboard.trendTitle(name)}</h2>
      <AsyncStatus state={state} />
      {state.status === 'ready' && <TrendChart name={name} points={state.value} />}
    </section>
  );
}

interface DashboardData {
  regions: RegionProperties[];
  background: MapBackground;
}

function Dashboard() {
  const { t } = useConsoleI18n();
  const { session } = useSession();
  const user = session!.user;
  const ownCode = user.role === 'regulator' && user.regionCode && user.regionCode !== CITY_CODE ? user.regionCode : null;
  const [selected, setSelected] = useState<string>(ownCode ?? CITY_CODE);
  const { state } = useAsync<DashboardData>(async (signal) => {
    const [list, background] = await Promise.all([listRegions({ signal }), loadMapBackground()]);
    return { regions: list.items, background };
  }, 'dashboard');

  const figures = useMemo(
    () => new Map((state.status === 'ready' ? state.value.regions : []).map((region) => [region.code, region])),
    [state],
  );
  const rows = useMemo(() => {
    if (state.status !== 'ready') return [];
    const units = state.value.regions.filter((region) => region.level !== 'city' && (!ownCode || region.code === ownCode));
    units.sort((a, b) => a.placesPer1000 - b.placesPer1000 || a.code.localeCompare(b.code));
    const city = state.value.regions.find((region) => region.level === 'city');
    return ownCode && city ? [...units, city] : units;
  }, [state, ownCode]);

  const select = (code: string) => {
    setSelected(code);
    document.getElementById('dashboard-trend')?.scrollIntoView({ block: 'nearest' });
  };

  const boundaries = state.status === 'ready' ? state.value.background.boundaries : null;
  const background = useMemo(
    () => (state.status === 'ready' && boundaries ? { ...state.value.background, boundaries: boundaries as RegionBoundaries } : null),
    [state, boundaries],
  );
  const selectedRegion = figures.get(selected) ?? figures.get(CITY_CODE) ?? null;

  return (
    <ConsolePage title={t.dashboard.title}>
      <p class="section-intro">{t.dashboard.intro}</p>
      <AsyncStatus state={state} />
      {state.status === 'ready' && (
        <div class="dashboard">
          <section class="panel-section dashboard__map" aria-labelledby="dashboard-map-title">
            <h2 id="dashboard-map-title">{t.dashboard.mapTitle}</h2>
            {background ? (
              <DashboardMap background={background} figures={figures} ownCode={ownCode} selected={selected} onSelect={select} />
            ) : (
              <Notice kind="warning">{t.errors.loadRegions}</Notice>
            )}
          </section>
          <UnitsTable rows={rows} selected={selected} ownCode={ownCode} onSelect={select} />
          {selectedRegion && <Trend key={selectedRegion.code} region={selectedRegion} />}
          <AlertInbox
            headingId="dashboard-alerts-title"
            title={t.dashboard.alertsTitle}
            intro={t.dashboard.alertsIntro}
            facilityHref={(id) => paths.regulatorFacility(id)}
            filter
          />
        </div>
      )}
    </ConsolePage>
  );
}

export function DashboardPage() {
  return (
    <RequireRole roles={['regulator', 'admin']}>
      <Dashboard />
    </RequireRole>
  );
}
