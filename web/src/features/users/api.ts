import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  AddMembershipInput,
  CreateUserInput,
  Membership,
  Page,
  UpdateUserInput,
  UserWithMemberships,
} from '../../lib/types';

export type UserListQuery = {
  q?: string;
  roleCode?: string;
  memberUnitId?: string;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
  sort: string;
};

export function useUsers(consortiumId: string, query: UserListQuery) {
  return useQuery({
    queryKey: ['users', consortiumId, query],
    queryFn: () => api.get<Page<UserWithMemberships>>(`/consortia/${consortiumId}/users`, query),
    placeholderData: keepPreviousData,
  });
}

/** After a change to accounts: the lists, the user counts, and my own Me (my roles may have changed). */
function useInvalidateUsers(consortiumId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['users', consortiumId] }),
      qc.invalidateQueries({ queryKey: ['consortium', consortiumId] }),
      qc.invalidateQueries({ queryKey: ['audit', consortiumId] }),
    ]);
}

export function useCreateUser(consortiumId: string) {
  const invalidate = useInvalidateUsers(consortiumId);
  return useMutation({
    mutationFn: (input: CreateUserInput) =>
      api.post<UserWithMemberships>(`/consortia/${consortiumId}/users`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateUser(consortiumId: string) {
  const invalidate = useInvalidateUsers(consortiumId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateUserInput }) =>
      api.patch<UserWithMemberships>(`/consortia/${consortiumId}/users/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useResetPassword(consortiumId: string) {
  const invalidate = useInvalidateUsers(consortiumId);
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      api.post<void>(`/consortia/${consortiumId}/users/${id}/reset-password`, { newPassword }),
    onSuccess: invalidate,
  });
}

export function useAddMembership(consortiumId: string) {
  const invalidate = useInvalidateUsers(consortiumId);
  return useMutation({
    mutationFn: ({ userId, input }: { userId: string; input: AddMembershipInput }) =>
      api.post<Membership>(`/consortia/${consortiumId}/users/${userId}/memberships`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveMembership(consortiumId: string) {
  const invalidate = useInvalidateUsers(consortiumId);
  return useMutation({
    mutationFn: ({ userId, membershipId }: { userId: string; membershipId: string }) =>
      api.delete(`/consortia/${consortiumId}/users/${userId}/memberships/${membershipId}`),
    onSuccess: invalidate,
  });
}

export function useUser(consortiumId: string, userId: string | null) {
  return useQuery({
    queryKey: ['users', consortiumId, 'one', userId],
    queryFn: () => api.get<UserWithMemberships>(`/consortia/${consortiumId}/users/${userId}`),
    enabled: userId !== null,
  });
}
