// Who may start and manage runs here: the secretariat over the whole consortium, a school administrator
// over its own students only (the server forces such a run's cohort to the school).
import { useMemo } from 'react';
import { useAccess } from '../../app/access';
import { useMe } from '../../app/auth';
import { isSchoolType } from './api';

export type RunScope = {
  /** the role catalogue is loaded: the answers below are final */
  ready: boolean;
  /** may start, confirm and delete runs (the ones the user can see) */
  canRun: boolean;
  /** runs over every school of the consortium */
  whole: boolean;
  /** a school administrator's own schools: the cohort is fixed to them */
  ownSchools: { id: string; name: string }[];
  /** may start a run: the whole consortium, or at least one own school */
  canCreate: boolean;
};

export function useRunScope(): RunScope {
  const me = useMe();
  const { can, canEverywhere, canOnUnit, consortiumId, grants } = useAccess();
  return useMemo(() => {
    const canRun = can('matching.run');
    const whole = canEverywhere('matching.run');
    const seen = new Map<string, string>();
    for (const m of me.memberships) {
      if (m.consortiumId !== consortiumId || !m.memberUnitId || !isSchoolType(m.memberUnitType)) continue;
      if (canOnUnit('matching.run', m.memberUnitId)) seen.set(m.memberUnitId, m.memberUnitName ?? '');
    }
    const ownSchools = [...seen].map(([id, name]) => ({ id, name }));
    return {
      ready: grants !== undefined,
      canRun,
      whole,
      ownSchools,
      canCreate: canRun && (whole || ownSchools.length > 0),
    };
  }, [me, can, canEverywhere, canOnUnit, consortiumId, grants]);
}
