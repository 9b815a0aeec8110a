// The app: language, session and location contexts, and the page for the current path (see
// router/routes.ts). Pages are whole screens (header included), so each lays itself out.
import { SessionProvider } from './auth/session-context';
import { I18nProvider } from './i18n/i18n';
import { SearchPage } from './pages/search/search-page';
import { NotFoundPage } from './pages/not-found';
import { lazyPage } from './router/lazy-page';
import { RouterProvider, useLocation } from './router/router';
import { matchRoute, type Route } from './router/routes';

// The search (the landing page) and the not-found page are in the first-load bundle; a facility's public page,
// sign-in and the consoles are fetched when first opened (router/lazy-page.tsx), so each page loads its own code.
const PublicFacilityPage = lazyPage(() => import('./pages/facility/facility-page').then((m) => m.PublicFacilityPage));
const LoginPage = lazyPage(() => import('./pages/login/login-page').then((m) => m.LoginPage));
const ConsoleIndex = lazyPage(() => import('./pages/console/shared/require-role').then((m) => m.ConsoleIndex));
const OperatorHomePage = lazyPage(() => import('./pages/console/operator/operator-home').then((m) => m.OperatorHomePage));
const FacilityNewPage = lazyPage(() => import('./pages/console/operator/facility-new-page').then((m) => m.FacilityNewPage));
const OperatorFacilityPage = lazyPage(() => import('./pages/console/operator/facility-page').then((m) => m.OperatorFacilityPage));
const RegulatorHomePage = lazyPage(() => import('./pages/console/regulator/regulator-home').then((m) => m.RegulatorHomePage));
const RegulatorFacilityPage = lazyPage(() => import('./pages/console/regulator/review-page').then((m) => m.RegulatorFacilityPage));
const RegulatorChangePage = lazyPage(() => import('./pages/console/regulator/change-page').then((m) => m.RegulatorChangePage));
const InspectionFormPage = lazyPage(() => import('./pages/console/inspections/inspection-form-page').then((m) => m.InspectionFormPage));
const OrdersPage = lazyPage(() => import('./pages/console/inspections/orders-page').then((m) => m.OrdersPage));
const PlanPage = lazyPage(() => import('./pages/console/inspections/plan-page').then((m) => m.PlanPage));
const DashboardPage = lazyPage(() => import('./pages/console/dashboard/dashboard-page').then((m) => m.DashboardPage));
const IncidentsInboxPage = lazyPage(() => import('./pages/console/incidents/inbox-page').then((m) => m.IncidentsInboxPage));
const IncidentPage = lazyPage(() => import('./pages/console/incidents/incident-page').then((m) => m.IncidentPage));
const ReportIncidentPage = lazyPage(() => import('./pages/console/incidents/report-page').then((m) => m.ReportIncidentPage));
const MyApplicationsPage = lazyPage(() => import('./pages/applications/parent-pages').then((m) => m.MyApplicationsPage));
const ApplyPage = lazyPage(() => import('./pages/applications/parent-pages').then((m) => m.ApplyPage));
const ApplicantsPage = lazyPage(() => import('./pages/applications/applicants-page').then((m) => m.ApplicantsPage));
const ComplainPage = lazyPage(() => import('./pages/complaints/complain-page').then((m) => m.ComplainPage));
const FollowComplaintPage = lazyPage(() => import('./pages/complaints/follow-page').then((m) => m.FollowComplaintPage));
const ComplaintsInboxPage = lazyPage(() => import('./pages/console/complaints/inbox-page').then((m) => m.ComplaintsInboxPage));
const CreditPage = lazyPage(() => import('./pages/console/complaints/credit-page').then((m) => m.CreditPage));

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
    case 'regulatorChange':
      return <RegulatorChangePage key={route.id} id={route.id} />;
    case 'regulatorInspect':
      return <InspectionFormPage key={`${route.id}:${route.domain}`} id={route.id} domain={route.domain} />;
    case 'orders':
      return <OrdersPage />;
    case 'plan':
      return <PlanPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'incidents':
      return <IncidentsInboxPage />;
    case 'incident':
      return <IncidentPage key={route.id} id={route.id} />;
    case 'operatorReportIncident':
      return <ReportIncidentPage key={route.id} facilityId={route.id} />;
    case 'myApplications':
      return <MyApplicationsPage />;
    case 'applyForm':
      return <ApplyPage />;
    case 'applicants':
      return <ApplicantsPage key={route.id} id={route.id} />;
    case 'complain':
      return <ComplainPage />;
    case 'followComplaint':
      return <FollowComplaintPage />;
    case 'complaints':
      return <ComplaintsInboxPage />;
    case 'credit':
      return <CreditPage />;
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
