// One change filing in a list: status, overdue badge, when, the reason, the decision, and the side-by-side diff.
import type { ComponentChildren } from 'preact';
import type { ChangeFiling } from '../../../api/changes';
import { formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { ChangeDiff } from './change-diff';
import { useChangesText } from './changes-text';

export function ChangeStatusBadges({ filing }: { filing: ChangeFiling }) {
  const c = useChangesText();
  return (
    <span class="change-badges">
      <span class={`badge badge--change-${filing.status}`} data-status={filing.status}>
        {c.changes.statuses[filing.status]}
      </span>
      {filing.overdue && <span class="badge badge--overdue">{c.changes.overdue}</span>}
    </span>
  );
}

export function ChangeCard({ filing, title, children }: { filing: ChangeFiling; title?: ComponentChildren; children?: ComponentChildren }) {
  const { lang } = useI18n();
  const c = useChangesText();
  const when = (iso: string) => formatDateTime(iso, lang) ?? iso;
  return (
    <li class="item-card change-card" data-change-id={filing.id} data-status={filing.status}>
      <div class="item-card__head">
        <span class="item-card__title">{title ?? filing.reason}</span>
        <ChangeStatusBadges filing={filing} />
      </div>
      <p class="item-card__meta">
        {[
          title ? `${c.changes.reasonLabel}：${filing.reason}` : null,
          c.changes.submittedAt(when(filing.submittedAt)),
          filing.decidedAt ? c.changes.decidedAt(when(filing.decidedAt)) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {filing.decision?.reason && <p class="item-card__warning">{c.changes.decisionReason(filing.decision.reason)}</p>}
      {filing.decision?.note && <p class="item-card__meta">{c.changes.decisionNote(filing.decision.note)}</p>}
      <ChangeDiff filing={filing} idPrefix={`change-${filing.id}`} />
      {children}
    </li>
  );
}
