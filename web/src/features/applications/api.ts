// The applications API: list, one, apply, move along.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { ActionInput, Application, ApplicationDetail, ApplicationListQuery } from './types';

const base = (consortiumId: string) => `/consortia/${consortiumId}/applications`;

export function useApplications(consortiumId: string, query: ApplicationListQuery, enabled = true) {
  return useQuery({
    queryKey: ['applications', consortiumId, 'list', query],
    queryFn: () => api.get<Page<Application>>(base(consortiumId), query as Query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(consortiumId: string, applicationId: string, enabled = true) {
  return useQuery({
    queryKey: ['applications', consortiumId, 'one', applicationId],
    queryFn: () => api.get<ApplicationDetail>(`${base(consortiumId)}/${applicationId}`),
    enabled,
  });
}

function useInvalidate(consortiumId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['applications', consortiumId] }),
      qc.invalidateQueries({ queryKey: ['postings', consortiumId] }),
      qc.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

export function useApply(consortiumId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: (input: { postingId: string; coverNote?: string }) =>
      api.post<Application>(base(consortiumId), input),
    onSuccess: invalidate,
  });
}

export function useApplicationAction(consortiumId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: ({ id, ...input }: ActionInput & { id: string }) =>
      api.post<Application>(`${base(consortiumId)}/${id}/actions`, input),
    onSuccess: invalidate,
  });
}

/** The signed-in student's own candidate profile (404 CANDIDATE_NOT_FOUND when there is none). */
export type MyCandidate = { id: string; name: string; majorCode: string | null; majorName: string | null };
export function useMyCandidate(consortiumId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['candidates', consortiumId, 'me'],
    queryFn: () => api.get<MyCandidate>(`/consortia/${consortiumId}/candidates/me`),
    enabled,
    staleTime: 60_000,
  });
}
