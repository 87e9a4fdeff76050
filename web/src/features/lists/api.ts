// The lists API: queries and mutations over /consortia/:id/lists.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import {
  listStatuses,
  type Answered,
  type CreateListItemInput,
  type LinkInput,
  type ListAction,
  type ListItem,
  type ListItemDetail,
  type ListKind,
  type ListLink,
  type ListStatus,
  type TechProgress,
  type UpdateListItemInput,
} from './types';

/** The filters of a list (also what its export takes). */
export type ListFilter = {
  kind: ListKind;
  status?: ListStatus;
  progress?: TechProgress;
  unitId?: string;
  q?: string;
  answered?: Answered;
  /** talent demands naming this major, or a code above or below it */
  majorCode?: string;
  /** items of this industry, or a code above or below it */
  industryCode?: string;
};

export type ListQuery = ListFilter & { page: number; pageSize: number; sort: string };

const base = (consortiumId: string) => `/consortia/${consortiumId}/lists`;

export function useListItems(consortiumId: string, query: ListQuery) {
  return useQuery({
    queryKey: ['lists', consortiumId, 'page', query],
    queryFn: () => api.get<Page<ListItem>>(base(consortiumId), query),
    placeholderData: keepPreviousData,
  });
}

export type StatusCounts = { byStatus: Partial<Record<ListStatus, number>>; awaiting: number | undefined };

/**
 * How many items of the filtered list are in each status, and how many published ones nobody answers yet
 * (one one-row request per figure: the API has no aggregate).
 */
export function useStatusCounts(
  consortiumId: string,
  filter: Omit<ListFilter, 'status'>,
  statuses: readonly ListStatus[] = listStatuses,
) {
  const count = (f: ListFilter) => ({
    queryKey: ['lists', consortiumId, 'count', f],
    queryFn: () => api.get<Page<ListItem>>(base(consortiumId), { ...f, page: 1, pageSize: 1 }),
    select: (p: Page<ListItem>) => p.total,
    placeholderData: keepPreviousData,
  });
  return useQueries({
    queries: [
      ...statuses.map((status) => count({ ...filter, status })),
      count({ ...filter, status: 'published', answered: 'no' }),
    ],
    combine: (results): StatusCounts & { isError: boolean } => ({
      byStatus: Object.fromEntries(statuses.map((s, i) => [s, results[i]?.data])),
      awaiting: results[statuses.length]?.data,
      isError: results.some((r) => r.isError),
    }),
  });
}

export function useListItem(consortiumId: string, itemId: string | undefined) {
  return useQuery({
    queryKey: ['lists', consortiumId, 'item', itemId],
    queryFn: () => api.get<ListItemDetail>(`${base(consortiumId)}/${itemId}`),
    enabled: !!itemId,
  });
}

function useInvalidateLists(consortiumId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['lists', consortiumId] });
}

/** After a change: the open item shows the server's answer at once, then every list refetches. */
function useItemChanged(consortiumId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateLists(consortiumId);
  return (item: ListItem) => {
    qc.setQueryData<ListItemDetail>(['lists', consortiumId, 'item', item.id], (old) =>
      old ? { ...old, ...item } : old,
    );
    void invalidate();
  };
}

export function useCreateListItem(consortiumId: string) {
  const invalidate = useInvalidateLists(consortiumId);
  return useMutation({
    mutationFn: (input: CreateListItemInput) => api.post<ListItem>(base(consortiumId), input),
    onSuccess: () => void invalidate(),
  });
}

export function useUpdateListItem(consortiumId: string) {
  const changed = useItemChanged(consortiumId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateListItemInput }) =>
      api.patch<ListItem>(`${base(consortiumId)}/${id}`, patch),
    onSuccess: changed,
  });
}

export function useListItemAction(consortiumId: string) {
  const changed = useItemChanged(consortiumId);
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: ListAction; note?: string }) =>
      api.post<ListItem>(`${base(consortiumId)}/${id}/actions`, { action, note: note || undefined }),
    onSuccess: changed,
  });
}

export function useSetProgress(consortiumId: string) {
  const changed = useItemChanged(consortiumId);
  return useMutation({
    mutationFn: ({ id, progress, note }: { id: string; progress: TechProgress; note?: string }) =>
      api.post<ListItem>(`${base(consortiumId)}/${id}/progress`, { progress, note: note || undefined }),
    onSuccess: changed,
  });
}

export function useAddLink(consortiumId: string) {
  const invalidate = useInvalidateLists(consortiumId);
  return useMutation({
    mutationFn: ({ id, link }: { id: string; link: LinkInput }) =>
      api.post<ListLink>(`${base(consortiumId)}/${id}/links`, link),
    onSuccess: () => void invalidate(),
  });
}

export function useRemoveLink(consortiumId: string) {
  const invalidate = useInvalidateLists(consortiumId);
  return useMutation({
    mutationFn: ({ id, linkId }: { id: string; linkId: string }) =>
      api.delete(`${base(consortiumId)}/${id}/links/${linkId}`),
    onSuccess: () => void invalidate(),
  });
}

/** Postings whose title matches `q`, to link one to an item (what answers a talent demand). */
export type PostingOption = { id: string; title: string; unitName: string; deadline: string };

export function usePostingOptions(
  consortiumId: string,
  q: string,
  unitId: string | undefined,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['postings', consortiumId, 'linkOptions', q, unitId],
    queryFn: () =>
      api.get<Page<PostingOption>>(`/consortia/${consortiumId}/postings`, {
        q: q || undefined,
        unitId,
        page: 1,
        pageSize: 20,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
