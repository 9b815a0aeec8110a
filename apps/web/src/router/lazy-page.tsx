// Route-based code splitting: a page whose code is fetched when it is first shown (the consoles and sign-in),
// so that the parents' pages load only their own code (issue #18; the budget is checked by
// test/e2e/web-assets.e2e-spec.ts). While the chunk loads the page says so; a failed fetch (offline, or a
// deployment replaced the chunk) offers to try again.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LoadError, Loading } from '../components/load-status';
import { useI18n } from '../i18n/i18n';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchPage = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null; // the next attempt fetches again
        throw error;
      },
    ));

  return function LazyPage(props: P) {
    const { t } = useI18n();
    const [component, setComponent] = useState<{ page: ComponentType<P> } | null>(loaded ? { page: loaded } : null);
    const [error, setError] = useState<unknown>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (component) return;
      let live = true;
      fetchPage().then(
        (page) => live && setComponent({ page }),
        (failure: unknown) => live && setError(failure ?? new Error('chunk')),
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    if (component) {
      const Page = component.page;
      return <Page {...props} />;
    }
    if (error)
      return (
        <LoadError
          error={error}
          fallback={t.errors.network}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      );
    return <Loading />;
  };
}
