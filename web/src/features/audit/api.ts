import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { AuditEntry, Page } from '../../lib/types';

export type AuditQuery = {
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  sort: string;
};

export function useAudit(consortiumId: string, query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', consortiumId, query],
    queryFn: () => api.get<Page<AuditEntry>>(`/consortia/${consortiumId}/audit`, query),
    placeholderData: keepPreviousData,
  });
}
