// Where the user may act on students and outcomes: the whole consortium (the secretariat), or their own
// schools (a school administrator), computed like the server does (the server remains the judge).
import { useMemo } from 'react';
import { useAccess } from '../../app/access';
import { useMe } from '../../app/auth';
import type { Capability } from '../../lib/types';
import { isSchoolType } from './labels';

export type SchoolScope = {
  /** the capability reaches every school */
  everywhere: boolean;
  /** the user's own schools the capability reaches (when not everywhere) */
  schools: { id: string; name: string }[];
  /** the capability reaches something */
  any: boolean;
};

export function useSchoolScope(capability: Capability): SchoolScope {
  const me = useMe();
  const { consortiumId, can, canOnUnit, canEverywhere } = useAccess();
  return useMemo(() => {
    const everywhere = canEverywhere(capability);
    const seen = new Map<string, string>();
    for (const m of me.memberships) {
      if (m.consortiumId !== consortiumId || !m.memberUnitId || !isSchoolType(m.memberUnitType)) continue;
      if (canOnUnit(capability, m.memberUnitId)) seen.set(m.memberUnitId, m.memberUnitName ?? '');
    }
    const schools = [...seen].map(([id, name]) => ({ id, name }));
    return { everywhere, schools, any: can(capability) && (everywhere || schools.length > 0) };
  }, [me, consortiumId, can, canOnUnit, canEverywhere, capability]);
}
