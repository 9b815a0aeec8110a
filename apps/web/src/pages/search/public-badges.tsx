// Small pieces both parents' pages show: how fresh the vacancy figures are, and inspection outcomes
// as labelled chips (text, not colour alone, carries the meaning).
import type { LatestInspection, PublicOutcome } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { freshness, latestByDomain } from './public-format';

export function FreshnessText({ updatedAt, stale, now }: { updatedAt: string | null; stale: boolean; now: Date }) {
  const { t } = useI18n();
  const fresh = freshness(updatedAt, stale, now);
  if (fresh.kind === 'unknown') return <span class="freshness freshness--stale">{t.search.updatedUnknown}</span>;
  if (fresh.kind === 'stale') return <span class="freshness freshness--stale">{t.search.stale(fresh.days)}</span>;
  return <span class="freshness">{fresh.days === 0 ? t.search.updatedToday : t.search.updatedDaysAgo(fresh.days)}</span>;
}

/** An outcome, with its domain's name unless a heading already gives it (`withDomain={false}`). */
export function OutcomeChip({
  domain,
  outcome,
  withDomain = true,
}: {
  domain: LatestInspection['domain'];
  outcome: PublicOutcome;
  withDomain?: boolean;
}) {
  const { t } = useI18n();
  const text = t.inspections.outcomes[outcome] ?? outcome;
  return (
    <span class={`badge badge--outcome-${outcome}`}>
      {withDomain ? t.search.inspection(t.inspections.domains[domain] ?? domain, text) : text}
    </span>
  );
}

/** The latest outcome of each inspected domain, or a note that there is none yet. */
export function LatestInspections({ inspections }: { inspections: readonly LatestInspection[] }) {
  const { t } = useI18n();
  const latest = latestByDomain(inspections ?? []);
  if (latest.length === 0) return <span class="result__none">{t.search.notInspected}</span>;
  return (
    <ul class="chip-list">
      {latest.map((inspection) => (
        <li key={inspection.domain}>
          <OutcomeChip domain={inspection.domain} outcome={inspection.outcome} />
        </li>
      ))}
    </ul>
  );
}
