// Loading and error states, announced to screen readers.
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** `inline`: in the flow of a page section, instead of covering the map area. */
export function Loading({ inline = false }: { inline?: boolean }) {
  const { t } = useI18n();
  return (
    <div class={inline ? 'load-status load-status--inline' : 'load-status'} role="status">
      <span class="spinner" aria-hidden="true" />
      {t.app.loading}
    </div>
  );
}

export function LoadError({ error, fallback, onRetry }: { error: unknown; fallback: string; onRetry: () => void }) {
  const { t } = useI18n();
  let message = fallback;
  if (error instanceof ApiError) message = error.status === 0 ? t.errors.network : (error.userMessage ?? fallback);
  return (
    <div class="load-status load-status--error" role="alert">
      <p>{message}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t.app.retry}
      </button>
    </div>
  );
}
