// Which roles I may hand out here, and in which member units: the rules of the server's
// checkAssignment (server/modules/identity/users.service.ts), used to offer only choices that can succeed.
import type { Access } from '../../app/access';
import type { RoleDef, Unit } from '../../lib/types';

export function assignableRoles(roles: RoleDef[], access: Access): RoleDef[] {
  const wide = access.canEverywhere('user.manage');
  return roles.filter(
    (r) =>
      r.level === 'consortium' &&
      r.assignableBy.some((by) => access.roles.has(by)) &&
      // without consortium-wide account management, every account sits in one of my units
      (wide || r.unitRequirement !== 'none'),
  );
}

/** Whether an account with `role` may sit in unit `u`, given by me. */
export function unitFitsRole(role: RoleDef, u: Unit, access: Access): boolean {
  return (
    role.unitRequirement !== 'none' &&
    (!role.unitTypes || role.unitTypes.includes(u.type)) &&
    access.canOnUnit('user.manage', u.id)
  );
}

/** Whether I may take this role (held in this unit) away again. */
export function canUnassign(
  roles: RoleDef[],
  access: Access,
  roleCode: string,
  unitId: string | null,
): boolean {
  const role = roles.find((r) => r.code === roleCode);
  return (
    !!role &&
    role.level === 'consortium' &&
    role.assignableBy.some((by) => access.roles.has(by)) &&
    access.canOnUnit('user.manage', unitId)
  );
}
