// The signed-in user's in-app notifications (GET /notifications, POST /notifications/read).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';

export type Notification = {
  id: string;
  consortiumId: string;
  kind: string;
  title: string;
  body: string | null;
  /** the page it is about, e.g. /postings/<id> */
  link: string | null;
  readAt: string | null;
  createdAt: string;
};
export type NotificationPage = Page<Notification> & { unread: number };

/** How often the bell asks for news. */
export const POLL_MS = 45_000;

export function useNotifications(query: { unread?: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['notifications', 'list', query],
    queryFn: () =>
      api.get<NotificationPage>('/notifications', {
        page: query.page,
        pageSize: query.pageSize,
        unread: query.unread ? 'true' : undefined,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The latest few and the unread count, asked again every POLL_MS while the page is shown. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: ['notifications', 'latest'],
    queryFn: () => api.get<NotificationPage>('/notifications', { page: 1, pageSize: 8 }),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
}

/** Marks the given notifications read, or all of them without ids. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api.post<{ updated: number }>('/notifications/read', ids ? { ids } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
