// A small history-based router: the current location in a context, `navigate()` for code, and
// <Link> for anchors that change page without a full reload (modified clicks still open normally).
// After a navigation, focus moves to the new page's heading (`data-page-heading`) so screen-reader
// and keyboard users start at the top of the new content.
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';

const NAVIGATE_EVENT = 'app:navigate';

export interface Location {
  pathname: string;
  search: string;
}

interface RouterValue extends Location {
  /** Incremented on every navigation (also popstate), for effects that depend on "a new page". */
  seq: number;
}

const RouterContext = createContext<RouterValue | null>(null);

function readLocation(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

/**
 * Goes to a same-origin path (with query) without reloading. `focus: false` is for a page that only
 * changes its own query string (the search's filters): no scrolling to the top, focus stays put.
 */
export function navigate(to: string, options: { replace?: boolean; focus?: boolean } = {}): void {
  const current = `${window.location.pathname}${window.location.search}`;
  if (to !== current) {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
  }
  window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: { focus: options.focus ?? true } }));
}

function focusPageHeading(): void {
  const heading = document.querySelector<HTMLElement>('[data-page-heading]') ?? document.querySelector<HTMLElement>('main');
  heading?.focus({ preventScroll: true });
}

export function RouterProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<RouterValue>(() => ({ ...readLocation(), seq: 0 }));
  const [focusSeq, setFocusSeq] = useState(0);

  useEffect(() => {
    const onPop = () => setState((previous) => ({ ...readLocation(), seq: previous.seq + 1 }));
    const onNavigate = (event: Event) => {
      onPop();
      if ((event as CustomEvent<{ focus?: boolean }>).detail?.focus === false) return;
      window.scrollTo(0, 0);
      setFocusSeq((n) => n + 1);
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener(NAVIGATE_EVENT, onNavigate);
    // Children's effects run before this one: a <Redirect> on the first render has already moved
    // the location, before anyone listened. Catch up with it.
    setState((previous) =>
      previous.pathname === window.location.pathname && previous.search === window.location.search
        ? previous
        : { ...readLocation(), seq: previous.seq + 1 },
    );
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener(NAVIGATE_EVENT, onNavigate);
    };
  }, []);

  useEffect(() => {
    if (focusSeq > 0) focusPageHeading();
  }, [focusSeq]);

  const value = useMemo(() => state, [state]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useLocation(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useLocation() outside <RouterProvider>');
  return value;
}

export function useSearchParam(name: string): string | null {
  const { search } = useLocation();
  return new URLSearchParams(search).get(name);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An anchor that navigates in place on a plain left click. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        if (typeof onClick === 'function') onClick(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        if (rest.target && rest.target !== '_self') return;
        event.preventDefault();
        navigate(href);
      }}
    />
  );
}

/** Replaces the location on render (for redirects such as `/console` → the role's console). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
