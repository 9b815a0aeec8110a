// Messages on a page: a notice (success, information or error), a section's load on its way or failed, and the
// error summary at the top of a form, whose entries link to their fields.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from './error-message';
import { Loading } from './load-status';
import type { AsyncState } from './use-async';

export function Notice({
  kind,
  children,
  id,
}: {
  kind: 'success' | 'info' | 'error' | 'warning';
  children: ComponentChildren;
  id?: string;
}) {
  return (
    <div id={id} class={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A section's load while it is on its way or after it failed (what it shows once ready is the section's own). */
export function AsyncStatus({ state }: { state: AsyncState<unknown> }) {
  const { t } = useI18n();
  if (state.status === 'loading') return <Loading inline />;
  if (state.status === 'error') return <Notice kind="error">{errorMessage(state.error, t)}</Notice>;
  return null;
}

export interface SummaryItem {
  /** The id of the field to go to, when the message belongs to one. */
  fieldId?: string | undefined;
  text: string;
}

/** Lists what stops a form, and takes focus when it appears (or changes) so it is read first. */
export function ErrorSummary({ title, items, focusKey }: { title: string; items: SummaryItem[]; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // Focus once per failed attempt (focusKey), not on every keystroke that edits the list.
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p class="error-summary__title">{title}</p>
      <ul>
        {items.map((item, index) => (
          <li key={index}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  const target = document.getElementById(item.fieldId!);
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  target.focus();
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
