// The app: the language context and the page for the current path. Pages are whole screens
// (header included), so each lays itself out; add one by adding a route.
import type { ComponentType } from 'preact';
import { I18nProvider } from './i18n/i18n';
import { MapPage } from './pages/map/map-page';
import { NotFoundPage } from './pages/not-found';

const ROUTES: Record<string, ComponentType> = {
  '/': MapPage,
};

export function App({ path }: { path: string }) {
  const Page = ROUTES[path] ?? NotFoundPage;
  return (
    <I18nProvider>
      <Page />
    </I18nProvider>
  );
}
