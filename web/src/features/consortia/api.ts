import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { RawBody } from '../../lib/api';
import type {
  Consortium,
  ConsortiumLevel,
  ConsortiumStatus,
  ConsortiumSummary,
  CreateConsortiumInput,
  Page,
  ParkInput,
} from '../../lib/types';

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

export type UpdateConsortiumInput = {
  name?: string;
  nameEn?: string | null;
  regionCode?: string | null;
  level?: ConsortiumLevel;
  status?: ConsortiumStatus;
  statusSince?: string;
  statusNote?: string;
  batch?: number | null;
  batchYear?: number | null;
};

export type IndustryInput = { industryCode: string; chains: string[] };

/** The writes of a consortium's profile; each refreshes the overview and the lists of consortia. */
export function useConsortiumWrites(consortiumId: string) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['consortium', consortiumId] }),
      qc.invalidateQueries({ queryKey: ['consortia'] }),
    ]);
  const base = `/consortia/${consortiumId}`;
  return {
    update: useMutation({
      mutationFn: (input: UpdateConsortiumInput) => api.patch<unknown>(base, input),
      onSuccess: refresh,
    }),
    parks: useMutation({
      mutationFn: (parks: ParkInput[]) => api.put<unknown>(`${base}/parks`, parks),
      onSuccess: refresh,
    }),
    industries: useMutation({
      mutationFn: (industries: IndustryInput[]) => api.put<unknown>(`${base}/industries`, industries),
      onSuccess: refresh,
    }),
    charter: useMutation({
      mutationFn: ({ file, fileName }: { file: RawBody; fileName: string }) =>
        api.put<unknown>(`${base}/charter`, file, { fileName }),
      onSuccess: refresh,
    }),
  };
}
