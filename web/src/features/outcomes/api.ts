import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { CreateOutcomeInput, Outcome, OutcomeListQuery, UpdateOutcomeInput } from './types';

const base = (consortiumId: string) => `/consortia/${consortiumId}/outcomes`;

export const outcomePaths = (consortiumId: string) => ({
  export: `${base(consortiumId)}/export`,
  template: `${base(consortiumId)}/template`,
  import: `${base(consortiumId)}/import`,
});

export function useOutcomes(consortiumId: string, query: OutcomeListQuery) {
  return useQuery({
    queryKey: ['outcomes', consortiumId, 'list', query],
    queryFn: () => api.get<Page<Outcome>>(base(consortiumId), query),
    placeholderData: keepPreviousData,
  });
}

/** After a change: the lists, and the rates and dashboard counted from them. */
export function useInvalidateOutcomes(consortiumId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['outcomes', consortiumId] }),
      qc.invalidateQueries({ queryKey: ['talent', consortiumId] }),
    ]);
}

export function useCreateOutcome(consortiumId: string) {
  const invalidate = useInvalidateOutcomes(consortiumId);
  return useMutation({
    mutationFn: (input: CreateOutcomeInput) => api.post<Outcome>(base(consortiumId), input),
    onSuccess: invalidate,
  });
}

export function useUpdateOutcome(consortiumId: string) {
  const invalidate = useInvalidateOutcomes(consortiumId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateOutcomeInput }) =>
      api.patch<Outcome>(`${base(consortiumId)}/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteOutcome(consortiumId: string) {
  const invalidate = useInvalidateOutcomes(consortiumId);
  return useMutation({
    mutationFn: (id: string) => api.delete(`${base(consortiumId)}/${id}`),
    onSuccess: invalidate,
  });
}
