// Loading data for a component: the state of one async load, run again when `key` changes (the
// previous value is dropped) or on `reload()` (the previous value stays on screen meanwhile). An
// answer that arrives after the component moved on is dropped.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): { state: AsyncState<T>; reload: () => void; setValue: (value: T) => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef(key);

  useEffect(() => {
    const controller = new AbortController();
    const keyChanged = lastKey.current !== key;
    lastKey.current = key;
    setState((previous) => (previous.status === 'ready' && !keyChanged ? previous : { status: 'loading' }));
    loadRef.current(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
        setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setValue = useCallback((value: T) => setState({ status: 'ready', value }), []);
  return { state, reload, setValue };
}
