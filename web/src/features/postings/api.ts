// The postings API: list, one, create, edit, move along (submit, vet, close, reopen), export.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type {
  CreatePostingInput,
  Posting,
  PostingAction,
  PostingDetail,
  PostingFilter,
  PostingListQuery,
  TalentDemand,
  UpdatePostingInput,
} from './types';

const base = (consortiumId: string) => `/consortia/${consortiumId}/postings`;

export function usePostings(consortiumId: string, query: PostingListQuery, enabled = true) {
  return useQuery({
    queryKey: ['postings', consortiumId, 'list', query],
    queryFn: () => api.get<Page<Posting>>(base(consortiumId), query as Query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** How many postings match: one row asked for, only the total read. */
export function usePostingCount(consortiumId: string, filter: PostingFilter, enabled = true) {
  return useQuery({
    queryKey: ['postings', consortiumId, 'count', filter],
    queryFn: () => api.get<Page<Posting>>(base(consortiumId), { ...filter, page: 1, pageSize: 1 } as Query),
    select: (p) => p.total,
    enabled,
  });
}

export function usePosting(consortiumId: string, postingId: string, enabled = true) {
  return useQuery({
    queryKey: ['postings', consortiumId, 'one', postingId],
    queryFn: () => api.get<PostingDetail>(`${base(consortiumId)}/${postingId}`),
    enabled,
  });
}

function useInvalidatePostings(consortiumId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['postings', consortiumId] }),
      qc.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

export function useCreatePosting(consortiumId: string) {
  const invalidate = useInvalidatePostings(consortiumId);
  return useMutation({
    mutationFn: (input: CreatePostingInput) => api.post<Posting>(base(consortiumId), input),
    onSuccess: invalidate,
  });
}

export function useUpdatePosting(consortiumId: string) {
  const invalidate = useInvalidatePostings(consortiumId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdatePostingInput }) =>
      api.patch<Posting>(`${base(consortiumId)}/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function usePostingAction(consortiumId: string) {
  const invalidate = useInvalidatePostings(consortiumId);
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: PostingAction; reason?: string }) =>
      api.post<Posting>(`${base(consortiumId)}/${id}/actions`, reason ? { action, reason } : { action }),
    onSuccess: invalidate,
  });
}

export function exportPostings(
  consortiumId: string,
  filter: PostingFilter,
  format: 'xlsx' | 'csv',
  fileName: string,
) {
  return api.download(`${base(consortiumId)}/export`, { ...filter, format } as Query, fileName);
}

/** The published talent demands (人才需求) of an enterprise, which a posting may answer. */
export function useTalentDemands(consortiumId: string, unitId: string | undefined) {
  return useQuery({
    queryKey: ['lists', consortiumId, 'talent-demands', unitId],
    queryFn: () =>
      api.get<Page<TalentDemand>>(`/consortia/${consortiumId}/lists`, {
        kind: 'talent',
        unitId,
        status: 'published',
        pageSize: 100,
        sort: '-createdAt',
      }),
    enabled: !!unitId,
    staleTime: 60_000,
  });
}
