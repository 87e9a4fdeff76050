import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { Candidate, CandidateListQuery, CreateCandidateInput, UpdateCandidateInput } from './types';

const base = (consortiumId: string) => `/consortia/${consortiumId}/candidates`;

export function useCandidates(consortiumId: string, query: CandidateListQuery, enabled = true) {
  return useQuery({
    queryKey: ['candidates', consortiumId, 'list', query],
    queryFn: () => api.get<Page<Candidate>>(base(consortiumId), query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCandidate(consortiumId: string, id: string | null | undefined) {
  return useQuery({
    queryKey: ['candidates', consortiumId, 'one', id],
    queryFn: () => api.get<Candidate>(`${base(consortiumId)}/${id}`),
    enabled: !!id,
  });
}

/** The signed-in student's own profile; `null` when none is linked to the account. */
export function useMyCandidate(consortiumId: string) {
  return useQuery({
    queryKey: ['candidates', consortiumId, 'me'],
    queryFn: async () => {
      try {
        return await api.get<Candidate>(`${base(consortiumId)}/me`);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'CANDIDATE_NOT_FOUND') return null;
        throw err;
      }
    },
  });
}

function useInvalidate(consortiumId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['candidates', consortiumId] }),
      qc.invalidateQueries({ queryKey: ['talent', consortiumId] }),
    ]);
}

export function useCreateCandidate(consortiumId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: (input: CreateCandidateInput) => api.post<Candidate>(base(consortiumId), input),
    onSuccess: invalidate,
  });
}

export function useUpdateCandidate(consortiumId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateCandidateInput }) =>
      api.patch<Candidate>(`${base(consortiumId)}/${id}`, patch),
    onSuccess: invalidate,
  });
}

export const candidatePaths = (consortiumId: string) => ({
  list: base(consortiumId),
  export: `${base(consortiumId)}/export`,
  template: `${base(consortiumId)}/template`,
  import: `${base(consortiumId)}/import`,
});
