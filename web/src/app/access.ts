// useAccess(): the permission checks of the current user in the current consortium.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  capabilitiesIn,
  heldRoles,
  indexGrants,
  reachesConsortium,
  reachesUnit,
  type GrantIndex,
} from '../lib/access';
import { api } from '../lib/api';
import type { Capability, RolesCatalog } from '../lib/types';
import { useMe } from './auth';
import { useConsortium } from './consortium';

export const ROLES_KEY = ['roles'] as const;

/** The role catalogue (GET /roles): changes only with a server upgrade. */
export function useRolesCatalog() {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: () => api.get<RolesCatalog>('/roles'),
    staleTime: Infinity,
  });
}

export type Access = {
  consortiumId: string | null;
  can: (capability: Capability) => boolean;
  /** `capability` reaches records of this member unit (null: records in no unit) */
  canOnUnit: (capability: Capability, unitId: string | null) => boolean;
  /** `capability` reaches the whole consortium */
  canEverywhere: (capability: Capability) => boolean;
  roles: Set<string>;
  grants: GrantIndex | undefined;
};

export function useAccess(): Access {
  const me = useMe();
  const { consortiumId } = useConsortium();
  const catalog = useRolesCatalog();
  const grantRows = catalog.data?.grants;
  const grants = useMemo(() => (grantRows ? indexGrants(grantRows) : undefined), [grantRows]);

  return useMemo(() => {
    const caps = capabilitiesIn(me, consortiumId);
    return {
      consortiumId,
      can: (c) => caps.has(c),
      canOnUnit: (c, unitId) => caps.has(c) && reachesUnit(me, grants, consortiumId, c, unitId),
      canEverywhere: (c) => caps.has(c) && reachesConsortium(me, grants, consortiumId, c),
      roles: heldRoles(me, consortiumId),
      grants,
    };
  }, [me, consortiumId, grants]);
}
