// A facility's audit trail, oldest first: when, who (role), what, and what changed.
import { getHistory } from '../../../api/registry';
import { formatDateTime } from '../../../i18n/format';
import { useConsoleI18n, type ConsoleMessages } from './console-text';
import { AsyncStatus } from '../../../components/notice';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';

/** The audit action in words (`facility.submit` → 提交备案); an action this app does not know shows as recorded. */
function actionLabel(action: string, t: ConsoleMessages): string {
  return t.history.actions[action] ?? action;
}

function roleLabel(role: string, t: ConsoleMessages): string {
  return (t.roles as Record<string, string>)[role] ?? role;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** `changes` is whatever the API recorded: an object of fields (each maybe `{ from, to }`), or anything else. */
function Changes({ changes }: { changes: unknown }) {
  const { t } = useConsoleI18n();
  const fieldLabel = (field: string) => (t.facility.fields as Record<string, string>)[field] ?? field;
  const shown = (field: string, value: unknown) =>
    field === 'status' && typeof value === 'string' ? ((t.status as Record<string, string>)[value] ?? value) : valueText(value);
  if (changes === null || changes === undefined) return null;
  if (typeof changes !== 'object' || Array.isArray(changes)) return <p class="history__changes">{valueText(changes)}</p>;
  const entries = Object.entries(changes as Record<string, unknown>);
  if (entries.length === 0) return null;
  return (
    <details class="history__changes">
      <summary>{t.history.changes}</summary>
      <dl>
        {entries.map(([field, value]) => {
          const pair = value as { from?: unknown; to?: unknown; before?: unknown; after?: unknown } | null;
          const isPair =
            pair !== null && typeof pair === 'object' && ('from' in pair || 'to' in pair || 'before' in pair || 'after' in pair);
          return (
            <div key={field}>
              <dt>{fieldLabel(field)}</dt>
              <dd>{isPair ? `${shown(field, pair.from ?? pair.before)} → ${shown(field, pair.to ?? pair.after)}` : shown(field, value)}</dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}

export function HistoryView({ facilityId, refreshKey }: { facilityId: string; refreshKey: string | number }) {
  const { lang, t } = useConsoleI18n();
  const list = usePagedList((cursor, signal) => getHistory(facilityId, cursor, { lang, signal }), `${facilityId}:${refreshKey}`);
  const { state } = list;

  return (
    <section class="panel-section" aria-labelledby="history-title">
      <h2 id="history-title">{t.history.title}</h2>
      <AsyncStatus state={state} />
      {state.status === 'ready' && list.items.length === 0 && <p>{t.history.empty}</p>}
      {state.status === 'ready' && list.items.length > 0 && (
        <ol class="history">
          {list.items.map((entry, index) => (
            <li key={index} class="history__entry">
              <p class="history__head">
                <strong>{actionLabel(entry.action, t)}</strong>
                <time dateTime={entry.at}>{formatDateTime(entry.at, lang) ?? entry.at}</time>
              </p>
              <p class="history__actor">{t.history.actor(roleLabel(entry.actor?.role ?? '', t))}</p>
              <Changes changes={entry.changes} />
            </li>
          ))}
        </ol>
      )}
      <LoadMore list={list} />
    </section>
  );
}
