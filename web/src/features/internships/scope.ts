// Who may make plans and placements here: the secretariat for every school, a school's staff for their
// own school only (an enterprise's admin also holds internship.write, but an enterprise makes no plans).
import { useMemo } from 'react';
import { useAccess } from '../../app/access';
import { useMe } from '../../app/auth';
import { isSchoolType } from '../matching/api';

export type InternshipScope = {
  /** the role catalogue is loaded: the answers below are final */
  ready: boolean;
  /** writes for every school of the consortium */
  whole: boolean;
  /** the schools of the user's own memberships that they may write for */
  ownSchools: { id: string; name: string }[];
  /** may make plans and placements somewhere */
  canWrite: boolean;
  /** may change the rules (the secretariat) */
  canRules: boolean;
};

export function useInternshipScope(): InternshipScope {
  const me = useMe();
  const { can, canEverywhere, canOnUnit, consortiumId, grants } = useAccess();
  return useMemo(() => {
    const whole = canEverywhere('internship.write');
    const seen = new Map<string, string>();
    for (const m of me.memberships) {
      if (m.consortiumId !== consortiumId || !m.memberUnitId || !isSchoolType(m.memberUnitType)) continue;
      if (canOnUnit('internship.write', m.memberUnitId)) seen.set(m.memberUnitId, m.memberUnitName ?? '');
    }
    const ownSchools = [...seen].map(([id, name]) => ({ id, name }));
    return {
      ready: grants !== undefined,
      whole,
      ownSchools,
      canWrite: whole || ownSchools.length > 0,
      canRules: can('internship.rules'),
    };
  }, [me, can, canEverywhere, canOnUnit, consortiumId, grants]);
}
