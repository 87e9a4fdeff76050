import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Consortium, ConsortiumSummary, CreateConsortiumInput, Page } from '../../lib/types';

export type ConsortiumListQuery = { q?: string; page: number; pageSize: number; sort: string };

export function useConsortia(query: ConsortiumListQuery, enabled = true) {
  return useQuery({
    queryKey: ['consortia', query],
    queryFn: () => api.get<Page<Consortium>>('/consortia', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useConsortiumSummary(consortiumId: string | null) {
  return useQuery({
    queryKey: ['consortium', consortiumId],
    queryFn: () => api.get<ConsortiumSummary>(`/consortia/${consortiumId}`),
    enabled: consortiumId !== null,
  });
}

export function useCreateConsortium() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateConsortiumInput) => api.post<Consortium>('/consortia', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['consortia'] }),
  });
}
