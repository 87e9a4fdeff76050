import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { RateScope } from '../outcomes/types';
import type { Dashboard, Rates } from './types';

export function useRates(consortiumId: string, scope: RateScope) {
  return useQuery({
    queryKey: ['talent', consortiumId, 'rates', scope],
    queryFn: () => api.get<Rates>(`/consortia/${consortiumId}/talent/rates`, scope),
    placeholderData: keepPreviousData,
  });
}

export function useDashboard(consortiumId: string) {
  return useQuery({
    queryKey: ['talent', consortiumId, 'dashboard'],
    queryFn: () => api.get<Dashboard>(`/consortia/${consortiumId}/talent/dashboard`),
  });
}
