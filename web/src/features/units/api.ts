import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { CreateUnitInput, Page, Unit, UnitRole, UnitType, UpdateUnitInput } from '../../lib/types';

export type UnitListQuery = {
  q?: string;
  type?: UnitType;
  role?: UnitRole;
  page: number;
  pageSize: number;
  sort: string;
};

export function useUnits(consortiumId: string, query: UnitListQuery) {
  return useQuery({
    queryKey: ['units', consortiumId, query],
    queryFn: () => api.get<Page<Unit>>(`/consortia/${consortiumId}/units`, query),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUnits(consortiumId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['units', consortiumId] }),
      qc.invalidateQueries({ queryKey: ['consortium', consortiumId] }),
    ]);
}

export function useCreateUnit(consortiumId: string) {
  const invalidate = useInvalidateUnits(consortiumId);
  return useMutation({
    mutationFn: (input: CreateUnitInput) => api.post<Unit>(`/consortia/${consortiumId}/units`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit(consortiumId: string) {
  const invalidate = useInvalidateUnits(consortiumId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateUnitInput }) =>
      api.patch<Unit>(`/consortia/${consortiumId}/units/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useUnit(consortiumId: string, unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['units', consortiumId, 'one', unitId],
    queryFn: () => api.get<Unit>(`/consortia/${consortiumId}/units/${unitId}`),
    enabled: !!unitId,
    staleTime: 60_000,
  });
}
