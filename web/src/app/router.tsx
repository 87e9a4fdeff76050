import { lazy, Suspense } from 'react';
import { PageSpinner } from '../components/States';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../components/ResultPages';
import { useMe } from './auth';
import { Guard, RequireAuth } from './guards';
import { AppLayout } from './layout/AppLayout';
import { canListConsortia } from './layout/nav';

const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const ConsortiaPage = lazy(() => import('../features/consortia/ConsortiaPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const RolesPage = lazy(() => import('../features/roles/RolesPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const CatalogsPage = lazy(() => import('../features/catalogs/CatalogsPage'));
const CatalogBrowser = lazy(() => import('../features/catalogs/CatalogBrowser'));
const ListsPage = lazy(() => import('../features/lists/ListsPage'));
const PostingsPage = lazy(() => import('../features/postings/PostingsPage'));
const PostingDetailPage = lazy(() => import('../features/postings/PostingDetailPage'));
const ApplicationsPage = lazy(() => import('../features/applications/ApplicationsPage'));
const ApplicationDetailPage = lazy(() => import('../features/applications/ApplicationDetailPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const CandidatesPage = lazy(() => import('../features/candidates/CandidatesPage'));
const MyProfilePage = lazy(() => import('../features/candidates/MyProfilePage'));
const OutcomesPage = lazy(() => import('../features/outcomes/OutcomesPage'));
const RatesPage = lazy(() => import('../features/talent/RatesPage'));
const DashboardPage = lazy(() => import('../features/talent/DashboardPage'));
const MatchingPage = lazy(() => import('../features/matching/MatchingPage'));
const MatchingRunPage = lazy(() => import('../features/matching/MatchingRunPage'));
const InternPlansPage = lazy(() => import('../features/internships/PlansPage'));
const InternPlanDetailPage = lazy(() => import('../features/internships/PlanDetailPage'));
const InternPlacementsPage = lazy(() => import('../features/internships/PlacementsPage'));
const InternPlacementDetailPage = lazy(() => import('../features/internships/PlacementDetailPage'));
const InternMyPage = lazy(() => import('../features/internships/MyInternshipsPage'));
const InternCompliancePage = lazy(() => import('../features/internships/CompliancePage'));
const InternRulesPage = lazy(() => import('../features/internships/RulesPage'));
const InternHostsPage = lazy(() => import('../features/internships/HostsPage'));
const SupLogInboxPage = lazy(() => import('../features/internships/supervision/LogInboxPage'));
const SupFlagsPage = lazy(() => import('../features/internships/supervision/FlagsPage'));
const SupAlertsPage = lazy(() => import('../features/internships/supervision/AlertsPage'));
const SupHostRatingsPage = lazy(() => import('../features/internships/supervision/HostRatingsPage'));

function ConsortiaRoute() {
  const me = useMe();
  return (
    <Guard allowed={canListConsortia(me)}>
      <ConsortiaPage />
    </Guard>
  );
}

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageSpinner />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'consortia', element: <ConsortiaRoute /> },
      {
        path: 'units',
        element: (
          <Guard requires="unit.read" needsConsortium>
            <UnitsPage />
          </Guard>
        ),
      },
      {
        path: 'users',
        element: (
          <Guard requires="user.read" needsConsortium>
            <UsersPage />
          </Guard>
        ),
      },
      {
        path: 'audit',
        element: (
          <Guard requires="audit.read" needsConsortium>
            <AuditPage />
          </Guard>
        ),
      },
      {
        path: 'roles',
        element: (
          <Guard requires="role.read">
            <RolesPage />
          </Guard>
        ),
      },
      {
        path: 'lists',
        element: (
          <Guard requires="list.read" needsConsortium>
            <ListsPage />
          </Guard>
        ),
      },
      {
        path: 'postings',
        element: (
          <Guard requires="posting.read" needsConsortium>
            <PostingsPage />
          </Guard>
        ),
      },
      {
        path: 'postings/:postingId',
        element: (
          <Guard requires="posting.read" needsConsortium>
            <PostingDetailPage />
          </Guard>
        ),
      },
      {
        path: 'applications',
        element: (
          <Guard requires="application.read" needsConsortium>
            <ApplicationsPage />
          </Guard>
        ),
      },
      {
        path: 'applications/:applicationId',
        element: (
          <Guard requires="application.read" needsConsortium>
            <ApplicationDetailPage />
          </Guard>
        ),
      },
      {
        path: 'candidates',
        element: (
          <Guard requires="candidate.read" needsConsortium>
            <CandidatesPage />
          </Guard>
        ),
      },
      {
        path: 'my-profile',
        element: (
          <Guard requires="application.apply" needsConsortium>
            <MyProfilePage />
          </Guard>
        ),
      },
      {
        path: 'outcomes',
        element: (
          <Guard requires="outcome.read" needsConsortium>
            <OutcomesPage />
          </Guard>
        ),
      },
      {
        path: 'talent/rates',
        element: (
          <Guard requires="talent.stats" needsConsortium>
            <RatesPage />
          </Guard>
        ),
      },
      {
        path: 'talent/dashboard',
        element: (
          <Guard requires="talent.stats" needsConsortium>
            <DashboardPage />
          </Guard>
        ),
      },
      {
        path: 'matching',
        element: (
          <Guard requires="matching.read" needsConsortium>
            <MatchingPage />
          </Guard>
        ),
      },
      {
        path: 'matching/:runId',
        element: (
          <Guard requires="matching.read" needsConsortium>
            <MatchingRunPage />
          </Guard>
        ),
      },
      {
        path: 'internships/plans',
        element: (
          <Guard requires="internship.read" needsConsortium>
            <InternPlansPage />
          </Guard>
        ),
      },
      {
        path: 'internships/plans/:planId',
        element: (
          <Guard requires="internship.read" needsConsortium>
            <InternPlanDetailPage />
          </Guard>
        ),
      },
      {
        path: 'internships/placements',
        element: (
          <Guard requires="internship.read" needsConsortium forbiddenWith="internship.log">
            <InternPlacementsPage />
          </Guard>
        ),
      },
      {
        path: 'internships/placements/:placementId',
        element: (
          <Guard requires="internship.read" needsConsortium>
            <InternPlacementDetailPage />
          </Guard>
        ),
      },
      {
        path: 'internships/my',
        element: (
          <Guard requires="internship.log" needsConsortium>
            <InternMyPage />
          </Guard>
        ),
      },
      {
        path: 'internships/compliance',
        element: (
          <Guard requires="internship.read" needsConsortium forbiddenWith="internship.log">
            <InternCompliancePage />
          </Guard>
        ),
      },
      {
        path: 'internships/rules',
        element: (
          <Guard requires="internship.read" needsConsortium>
            <InternRulesPage />
          </Guard>
        ),
      },
      {
        path: 'internships/hosts',
        element: (
          <Guard requires="internship.write" needsConsortium>
            <InternHostsPage />
          </Guard>
        ),
      },
      {
        path: 'internships/logs',
        element: (
          <Guard requires="internship.read" needsConsortium forbiddenWith="internship.log">
            <SupLogInboxPage />
          </Guard>
        ),
      },
      {
        path: 'internships/flags',
        element: (
          <Guard requires="internship.read" needsConsortium forbiddenWith="internship.log">
            <SupFlagsPage />
          </Guard>
        ),
      },
      {
        path: 'internships/alerts',
        element: (
          <Guard requires="internship.read" needsConsortium>
            <SupAlertsPage />
          </Guard>
        ),
      },
      {
        path: 'internships/host-ratings',
        element: (
          <Guard requires="internship.read" needsConsortium forbiddenWith="internship.log">
            <SupHostRatingsPage />
          </Guard>
        ),
      },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'catalogs', element: <CatalogsPage /> },
      { path: 'catalogs/:kind/:version', element: <CatalogBrowser /> },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
