// A facility's 普惠 (affordable) recognition as the health regulator decided it: status, fee ceiling, expiry.
import type { ComponentChildren } from 'preact';
import type { AffordableRecognition, Facility } from '../../../api/registry';
import { formatDateTime, formatInteger } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { useChangesText } from './changes-text';

export function AffordableStatusView({ facility, hint, children }: { facility: Facility; hint?: string; children?: ComponentChildren }) {
  const { lang } = useI18n();
  const c = useChangesText();
  const a = c.affordable;
  const recognition: AffordableRecognition | null = facility.affordableRecognition ?? null;
  return (
    <section class="panel-section affordable-status" aria-labelledby="affordable-title" id="affordable-status">
      <h2 id="affordable-title">{a.title}</h2>
      {recognition ? (
        <p>
          <span class={`badge badge--affordable-${recognition.status}`} data-status={recognition.status}>
            {a.statuses[recognition.status]}
          </span>{' '}
          {[
            recognition.maxMonthlyFee !== null ? a.ceiling(formatInteger(recognition.maxMonthlyFee, lang)) : null,
            recognition.validUntil ? a.validUntil(recognition.validUntil) : null,
            recognition.decidedAt ? a.decidedAt(formatDateTime(recognition.decidedAt, lang) ?? recognition.decidedAt) : null,
            recognition.reason ? a.reason(recognition.reason) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : (
        <p>{a.none}</p>
      )}
      {hint && (!recognition || recognition.status !== 'recognized') && <p class="section-intro">{hint}</p>}
      {children}
    </section>
  );
}
