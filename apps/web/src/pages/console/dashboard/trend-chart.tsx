// The selected unit's places per 1,000 residents over time: an inline SVG line chart (monthly
// points), the target trajectory dashed, the derived part (reconstructed from registration dates)
// lighter and dashed. `role="img"` with a summary as its name; the figures are in a table in a
// <details> below it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryPoint } from '../../../api/targets';
import { formatDate, formatNumber, formatRate } from '../../../i18n/format';
import { useConsoleI18n } from '../shared/console-text';
import { chartPaths, type ChartGeometry } from './trend';

/** Drawn at the figure's own width (text keeps its size on a phone); the height follows. */
function geometry(width: number): ChartGeometry {
  return { width, height: Math.round(Math.min(280, Math.max(200, width * 0.45))), left: 36, right: 14, top: 12, bottom: 28 };
}

function monthLabel(day: string, lang: 'zh-CN' | 'en'): string {
  const [year, month] = day.split('-');
  return lang === 'en' ? `${month}/${year!.slice(2)}` : `${year!.slice(2)}年${Number(month)}月`;
}

export function TrendChart({ name, points }: { name: string; points: HistoryPoint[] }) {
  const { lang, t } = useConsoleI18n();
  const figureRef = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const figure = figureRef.current;
    if (!figure) return;
    const measure = () => setWidth(Math.max(260, Math.round(figure.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(figure);
    return () => observer.disconnect();
  }, [points.length > 0]);
  if (points.length === 0) return <p class="section-intro">{t.dashboard.trendEmpty}</p>;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const g = geometry(width);
  const paths = chartPaths(points, g);
  const summary = t.dashboard.trendSummary(
    name,
    formatDate(first.day, lang) ?? first.day,
    formatDate(last.day, lang) ?? last.day,
    formatRate(first.placesPer1000, lang),
    formatRate(last.placesPer1000, lang),
    formatNumber(last.target, lang),
  );
  const hasDerived = points.some((point) => point.derived);
  // A label every ~90 px along the axis, always the first and the last.
  const every = Math.max(1, Math.ceil(points.length / Math.max(2, Math.floor(width / 90))));
  const labelled = points.map((_, i) => i).filter((i) => i % every === 0 || i === points.length - 1);
  if (labelled.length > 1 && labelled[labelled.length - 1]! - labelled[labelled.length - 2]! < every / 2) labelled.splice(-2, 1);
  const { height, left, right, bottom } = g;
  return (
    <figure class="trend" ref={figureRef}>
      <svg class="trend__svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} width={width} height={height}>
        {paths.yTicks.map((tick) => (
          <g key={tick} class="trend__grid">
            <line x1={left} x2={width - right} y1={paths.y(tick)} y2={paths.y(tick)} />
            <text x={left - 6} y={paths.y(tick) + 4} text-anchor="end">
              {formatNumber(tick, lang)}
            </text>
          </g>
        ))}
        {labelled.map((i) => (
          <text
            key={i}
            class="trend__xlabel"
            x={paths.x(i)}
            y={height - bottom + 18}
            text-anchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}
          >
            {monthLabel(points[i]!.day, lang)}
          </text>
        ))}
        <path class="trend__target" d={paths.target} />
        {paths.derived && <path class="trend__line trend__line--derived" d={paths.derived} />}
        {paths.observed && <path class="trend__line" d={paths.observed} />}
      </svg>
      <figcaption class="trend__legend">
        <span class="trend__item">
          <span class="trend__key" aria-hidden="true" /> {t.dashboard.legendActual}
        </span>
        {hasDerived && (
          <span class="trend__item">
            <span class="trend__key trend__key--derived" aria-hidden="true" /> {t.dashboard.legendDerived}
          </span>
        )}
        <span class="trend__item">
          <span class="trend__key trend__key--target" aria-hidden="true" /> {t.dashboard.legendTarget}
        </span>
      </figcaption>
      <details class="trend__data">
        <summary>{t.dashboard.dataTable}</summary>
        <div class="table-wrap">
          <table class="units-table">
            <thead>
              <tr>
                <th scope="col">{t.dashboard.month}</th>
                <th scope="col" class="num">
                  {t.dashboard.per1000}
                </th>
                <th scope="col" class="num">
                  {t.dashboard.target}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.day}>
                  <th scope="row">
                    {formatDate(point.day, lang) ?? point.day}
                    {point.derived && ` (${t.dashboard.derivedShort})`}
                  </th>
                  <td class="num">{formatRate(point.placesPer1000, lang)}</td>
                  <td class="num">{formatNumber(point.target, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
