// Which side of applications the current user is on in the current consortium: the applicant (students),
// a posting enterprise, a school (its students' applications), or the whole consortium (secretariat).
import { useAccess } from '../../app/access';
import { useMe } from '../../app/auth';

export type ApplicationSide = 'student' | 'enterprise' | 'school' | 'all';

export function useApplicationSide(): {
  side: ApplicationSide;
  /** enterprises whose applications the user handles */
  enterpriseUnits: string[];
  canManageUnit: (unitId: string) => boolean;
} {
  const me = useMe();
  const { consortiumId, can, canOnUnit, canEverywhere } = useAccess();
  const enterpriseUnits = me.memberships
    .filter(
      (m) =>
        m.consortiumId === consortiumId &&
        m.memberUnitId &&
        m.memberUnitType === 'enterprise' &&
        canOnUnit('application.manage', m.memberUnitId),
    )
    .map((m) => m.memberUnitId!);
  const side: ApplicationSide = can('application.apply')
    ? 'student'
    : enterpriseUnits.length > 0
      ? 'enterprise'
      : canEverywhere('application.read')
        ? 'all'
        : 'school';
  return {
    side,
    enterpriseUnits,
    canManageUnit: (unitId) => canOnUnit('application.manage', unitId),
  };
}
