// The enterprises the current user posts for in the current consortium.
import { useAccess } from '../../app/access';
import { useMe } from '../../app/auth';
import { isPlatformWide } from '../../lib/access';

export type PostingUnits = {
  /** member enterprises the user administers here (posting.write on the unit) */
  units: { id: string; name: string }[];
  /** may post for any member enterprise (platform administrators): pick one by search */
  anyUnit: boolean;
  /** may post at all */
  canPost: boolean;
};

export function usePostingUnits(): PostingUnits {
  const me = useMe();
  const { consortiumId, can, canOnUnit } = useAccess();
  const anyUnit = isPlatformWide(me, 'posting.write');
  const units = new Map<string, string>();
  for (const m of me.memberships) {
    if (m.consortiumId !== consortiumId || !m.memberUnitId || m.memberUnitType !== 'enterprise') continue;
    if (canOnUnit('posting.write', m.memberUnitId)) units.set(m.memberUnitId, m.memberUnitName ?? '');
  }
  const list = [...units].map(([id, name]) => ({ id, name }));
  return { units: list, anyUnit, canPost: can('posting.write') && (anyUnit || list.length > 0) };
}
