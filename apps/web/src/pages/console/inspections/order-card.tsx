// One rectification order as a card: facility (when shown), item text, domain, severity, due date,
// overdue and status badges, the operator's response and the regulator's verification; with
// `actions`, the owner's response form (open orders) or the regulator's verification (responded
// orders of its agency's domains, or any for health).
import { useState } from 'preact/hooks';
import type { SessionUser } from '../../../api/auth';
import { mayVerify, respondToOrder, verifyOrder, type Checklist, type RectificationOrder } from '../../../api/inspections';
import { errorMessage } from '../../../components/error-message';
import { TextAreaField } from '../../../components/fields';
import { Notice } from '../../../components/notice';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { useConsoleI18n } from '../shared/console-text';
import { Link } from '../../../router/router';
import { OrderStatusBadge, OverdueBadge, SeverityBadge } from './badges';
import { itemOf, itemText } from './lookups';
import { useAlertText } from '../shared/alert-inbox-text';

export interface OrderCardProps {
  order: RectificationOrder;
  checklists: Checklist[];
  user: SessionUser;
  /** The facility's name (undefined while loading, null when unavailable) and page, when the list spans facilities. */
  facility?: { name: string | null | undefined; href: string } | undefined;
  actions?: boolean;
  onChanged?: (order: RectificationOrder, message: string) => void;
}

function OrderActions({
  order,
  user,
  onChanged,
}: {
  order: RectificationOrder;
  user: SessionUser;
  onChanged: OrderCardProps['onChanged'];
}) {
  const { lang, t } = useConsoleI18n();
  const [note, setNote] = useState('');
  const [noteErrors, setNoteErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const respond = user.role === 'operator' && order.status === 'open';
  const verify = order.status === 'responded' && mayVerify(user, order.domain);
  if (!respond && !verify) return null;
  const id = `order-${order.id}`;

  const run = async (action: 'respond' | 'accept' | 'refuse') => {
    const text = note.trim();
    if ((action === 'respond' || action === 'refuse') && !text) {
      setNoteErrors([t.validation.required]);
      return;
    }
    setNoteErrors([]);
    setError(null);
    setBusy(true);
    try {
      const next =
        action === 'respond'
          ? await respondToOrder(order.id, text, { lang })
          : await verifyOrder(order.id, { accepted: action === 'accept', ...(text ? { note: text } : {}) }, { lang });
      setNote('');
      onChanged?.(next, action === 'respond' ? t.orders.responded : action === 'accept' ? t.orders.accepted : t.orders.refused);
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="order-actions"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run(respond ? 'respond' : 'accept');
      }}
    >
      {error && <Notice kind="error">{error}</Notice>}
      <TextAreaField
        id={`${id}-note`}
        label={respond ? t.orders.responseNote : t.orders.verifyNote}
        value={note}
        rows={2}
        required={respond}
        errors={noteErrors}
        disabled={busy}
        onInput={(value) => {
          setNote(value.slice(0, 1000));
          setNoteErrors([]);
        }}
      />
      <div class="form-actions order-actions__buttons">
        {respond ? (
          <button type="submit" class="button" disabled={busy} id={`${id}-respond`}>
            {busy ? t.regulator.working : t.orders.respond}
          </button>
        ) : (
          <>
            <button type="submit" class="button" disabled={busy} id={`${id}-accept`}>
              {t.orders.accept}
            </button>
            <button
              type="button"
              class="button button--danger-outline"
              disabled={busy}
              id={`${id}-refuse`}
              onClick={() => void run('refuse')}
            >
              {t.orders.refuse}
            </button>
          </>
        )}
      </div>
    </form>
  );
}

export function OrderCard({ order, checklists, user, facility, actions = false, onChanged }: OrderCardProps) {
  const { lang, t } = useConsoleI18n();
  const { verifyBy } = useAlertText();
  const item = itemOf(checklists, order.itemCode);
  return (
    <li class={`item-card order-card order-card--${order.status}${order.overdue ? ' order-card--overdue' : ''}`} data-order-id={order.id}>
      {facility && (
        <p class="order-card__facility">
          <Link href={facility.href}>{facility.name === undefined ? t.app.loading : (facility.name ?? t.orders.facilityUnknown)}</Link>
        </p>
      )}
      {/* The item as people read it; its code (what the regulator's checklist prints) only on hover. */}
      <p class="order-card__text" title={order.itemCode}>
        {itemText(item, order.itemCode, lang)}
      </p>
      <p class="order-card__badges">
        <SeverityBadge severity={order.severity} />
        <OrderStatusBadge status={order.status} />
        {order.overdue && <OverdueBadge />}
      </p>
      <p class="item-card__meta">
        {[
          t.inspections.domains[order.domain] ?? order.domain,
          t.orders.due(formatDate(order.dueOn, lang) ?? order.dueOn),
          ...(order.verificationDueOn ? [verifyBy(formatDate(order.verificationDueOn, lang) ?? order.verificationDueOn)] : []),
        ].join(' · ')}
      </p>
      {order.response && (
        <p class="order-card__response">
          {t.orders.response(order.response.note)}
          <span class="order-card__when">{t.orders.respondedAt(formatDateTime(order.response.at, lang) ?? order.response.at)}</span>
        </p>
      )}
      {order.verification && (
        <p class={`order-card__verification order-card__verification--${order.verification.accepted ? 'accepted' : 'refused'}`}>
          {t.orders.verification(order.verification.accepted, order.verification.note ?? null)}
          <span class="order-card__when">{formatDateTime(order.verification.at, lang) ?? order.verification.at}</span>
        </p>
      )}
      {actions && <OrderActions order={order} user={user} onChanged={onChanged} />}
    </li>
  );
}
