// A section's load while it is on its way or after it failed (what it shows once ready is the section's own): the
// consoles' one way of saying both.
import { useI18n } from '../i18n/i18n';
import { errorMessage } from './error-message';
import { Loading } from './load-status';
import { Notice } from './notice';
import type { AsyncState } from './use-async';

export function AsyncStatus({ state }: { state: AsyncState<unknown> }) {
  const { t } = useI18n();
  if (state.status === 'loading') return <Loading inline />;
  if (state.status === 'error') return <Notice kind="error">{errorMessage(state.error, t)}</Notice>;
  return null;
}
