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
      { path: 'catalogs', element: <CatalogsPage /> },
      { path: 'catalogs/:kind/:version', element: <CatalogBrowser /> },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
