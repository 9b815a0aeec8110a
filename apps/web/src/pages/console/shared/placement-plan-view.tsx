// A placement plan (the preview before closing, or the plan stored at closure): per class, where
// its enrolled children go and how many could not be placed, as a table and on a map.
import type { Facility, FacilityClass, PlacementPlan } from '../../../api/registry';
import { formatInteger } from '../../../i18n/format';
import { useConsoleI18n } from './console-text';
import { PlacementMap } from './placement-map';

export function PlacementPlanView({ plan, facility, classes }: { plan: PlacementPlan; facility: Facility; classes: FacilityClass[] }) {
  const { lang, t } = useConsoleI18n();
  const p = t.placement;
  const receivers = new Map<string, string>();
  for (const row of plan.classes) for (const placement of row.placements) receivers.set(placement.facilityId, placement.name);

  return (
    <div class="placement">
      <h3>{p.title}</h3>
      <p class={plan.unplacedTotal > 0 ? 'verdict verdict--failed' : 'verdict verdict--ok'}>
        {plan.classes.length === 0 ? p.noClasses : plan.unplacedTotal > 0 ? p.unplacedTotal(plan.unplacedTotal) : p.allPlaced}
      </p>
      {plan.classes.length > 0 && (
        <div class="table-wrap">
          <table class="data-table placement-table">
            <caption class="visually-hidden">{p.title}</caption>
            <thead>
              <tr>
                <th scope="col">{p.class}</th>
                <th scope="col" class="num">
                  {p.enrolled}
                </th>
                <th scope="col">{p.receiving}</th>
                <th scope="col" class="num">
                  {p.unplaced}
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.classes.map((row) => {
                const name = classes.find((item) => item.id === row.classId)?.name;
                return (
                  <tr key={row.classId}>
                    <th scope="row">
                      {name ?? t.classes.ageGroups[row.ageGroup]}
                      {name && <span class="placement-table__group">{t.classes.ageGroups[row.ageGroup] ?? row.ageGroup}</span>}
                    </th>
                    <td class="num">{formatInteger(row.enrolled, lang)}</td>
                    <td>
                      {row.placements.length === 0 ? (
                        p.none
                      ) : (
                        <ul class="placement-table__list">
                          {row.placements.map((placement) => (
                            <li key={`${placement.facilityId}-${placement.classId}`}>
                              {placement.name}
                              <span class="placement-table__figures">
                                {p.metres(formatInteger(placement.distanceM, lang))} · {p.count} {formatInteger(placement.count, lang)}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td class={`num${row.unplaced > 0 ? ' item-card__warning' : ''}`}>{formatInteger(row.unplaced, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {facility.location && (
        <PlacementMap
          origin={facility.location}
          originName={facility.name}
          receivers={[...receivers].map(([facilityId, name]) => ({ facilityId, name }))}
        />
      )}
    </div>
  );
}
