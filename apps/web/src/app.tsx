// The app: language, session and location contexts, and the page for the current path (see
// router/routes.ts). Pages are whole screens (header included), so each lays itself out.
import { SessionProvider } from './auth/session-context';
import { I18nProvider } from './i18n/i18n';
import { PublicFacilityPage } from './pages/facility/facility-page';
import { SearchPage } from './pages/search/search-page';
import { NotFoundPage } from './pages/not-found';
import { LoginPage } from './pages/login/login-page';
import { FacilityNewPage } from './pages/console/operator/facility-new-page';
import { OperatorFacilityPage } from './pages/console/operator/facility-page';
import { OperatorHomePage } from './pages/console/operator/operator-home';
import { RegulatorHomePage } from './pages/console/regulator/regulator-home';
import { RegulatorFacilityPage } from './pages/console/regulator/review-page';
import { InspectionFormPage } from './pages/console/inspections/inspection-form-page';
import { OrdersPage } from './pages/console/inspections/orders-page';
import { PlanPage } from './pages/console/inspections/plan-page';
import { DashboardPage } from './pages/console/dashboard/dashboard-page';
import { ConsoleIndex } from './pages/console/shared/require-role';
import { RouterProvider, useLocation } from './router/router';
import { matchRoute, type Route } from './router/routes';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'map':
      return <SearchPage />;
    case 'facility':
      return <PublicFacilityPage key={route.id} id={route.id} />;
    case 'login':
      return <LoginPage />;
    case 'console':
      return <ConsoleIndex />;
    case 'operatorHome':
      return <OperatorHomePage />;
    case 'operatorNewFacility':
      return <FacilityNewPage />;
    case 'operatorFacility':
      return <OperatorFacilityPage key={route.id} id={route.id} />;
    case 'regulatorHome':
      return <RegulatorHomePage />;
    case 'regulatorFacility':
      return <RegulatorFacilityPage key={route.id} id={route.id} />;
    case 'regulatorInspect':
      return <InspectionFormPage key={`${route.id}:${route.domain}`} id={route.id} domain={route.domain} />;
    case 'orders':
      return <OrdersPage />;
    case 'plan':
      return <PlanPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

function CurrentPage() {
  const { pathname } = useLocation();
  return <Page route={matchRoute(pathname)} />;
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <CurrentPage />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
