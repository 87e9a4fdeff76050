// Route guards: logged in at all; allowed to see this page in the current consortium.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, PageSpinner } from '../components/States';
import { ForbiddenPage, NoConsortiumPage } from '../components/ResultPages';
import type { Capability } from '../lib/types';
import { useAccess } from './access';
import { useAuth } from './auth';
import { useConsortium } from './consortium';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error, retry, loggedOut } = useAuth();
  const location = useLocation();
  if (loading) return <PageSpinner />;
  if (error && !me) return <ErrorState error={error} onRetry={retry} />;
  if (!me) {
    const back = location.pathname + location.search;
    // after "log out", the next person starts at home; after an expired session, back where they were
    const to = back === '/' || loggedOut ? '/login' : `/login?redirect=${encodeURIComponent(back)}`;
    return <Navigate to={to} replace />;
  }
  return children;
}

type GuardProps = {
  requires?: Capability;
  needsConsortium?: boolean;
  /** an extra condition besides the capability */
  allowed?: boolean;
  /** closed to those who hold this capability (students get their own pages instead; as the nav's hiddenWith) */
  forbiddenWith?: Capability;
  children: ReactNode;
};

export function Guard({ requires, needsConsortium, allowed = true, forbiddenWith, children }: GuardProps) {
  const { can } = useAccess();
  const { consortiumId } = useConsortium();
  if (needsConsortium && !consortiumId) return <NoConsortiumPage />;
  if (!allowed || (requires && !can(requires)) || (forbiddenWith && can(forbiddenWith))) {
    return <ForbiddenPage />;
  }
  return children;
}
