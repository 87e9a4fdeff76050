// Pure authorization logic: the one place that decides whether an actor may do something.
// Grants come from the role_capabilities table; this file knows nothing of HTTP or the database.

export const scopes = ['own', 'unit', 'consortium', 'oversight', 'platform'] as const;
export type Scope = (typeof scopes)[number];

export type Membership = {
  consortiumId: string | null;
  memberUnitId: string | null;
  roleCode: string;
};

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  memberships: Membership[];
};

/** role → capability → scope */
export type GrantTable = ReadonlyMap<string, ReadonlyMap<string, Scope>>;

export type Target = {
  consortiumId?: string;
  unitId?: string | null;
  ownerUserId?: string | null;
};

export type Decision = 'allow' | 'forbidden' | 'not_found';

function isPlatformGranted(actor: Actor, grants: GrantTable, capability: string): boolean {
  return actor.memberships.some(
    (m) => m.consortiumId === null && grants.get(m.roleCode)?.get(capability) === 'platform',
  );
}

/**
 * The consortia an actor may know exist: null = all (platform admins), else those of their memberships
 * (members and overseeing authorities). To everyone else a consortium does not exist (404).
 */
export function visibleConsortia(actor: Actor): string[] | null {
  if (actor.memberships.some((m) => m.consortiumId === null && m.roleCode === 'platform_admin')) return null;
  return [...new Set(actor.memberships.flatMap((m) => (m.consortiumId === null ? [] : [m.consortiumId])))];
}

export function canSeeConsortium(actor: Actor, consortiumId: string): boolean {
  const visible = visibleConsortia(actor);
  return visible === null || visible.includes(consortiumId);
}

export function decide(actor: Actor, grants: GrantTable, capability: string, target: Target): Decision {
  if (target.consortiumId !== undefined && !canSeeConsortium(actor, target.consortiumId)) return 'not_found';
  if (isPlatformGranted(actor, grants, capability)) return 'allow';
  if (target.consortiumId === undefined) return 'forbidden';
  for (const m of actor.memberships) {
    if (m.consortiumId !== target.consortiumId) continue;
    const scope = grants.get(m.roleCode)?.get(capability);
    switch (scope) {
      case 'consortium':
      case 'oversight':
        return 'allow';
      case 'unit':
        if (target.unitId && m.memberUnitId === target.unitId) return 'allow';
        break;
      case 'own':
        if (target.ownerUserId && target.ownerUserId === actor.userId) return 'allow';
        break;
      case 'platform':
      case undefined:
        break;
    }
  }
  return 'forbidden';
}

/** What part of a consortium's records a list may show the actor. */
export type ListScope = { kind: 'all' } | { kind: 'restricted'; unitIds: string[]; ownUserId: string | null };

export function listScope(
  actor: Actor,
  grants: GrantTable,
  capability: string,
  consortiumId: string,
): ListScope | Decision {
  if (!canSeeConsortium(actor, consortiumId)) return 'not_found';
  if (isPlatformGranted(actor, grants, capability)) return { kind: 'all' };
  const unitIds: string[] = [];
  let own = false;
  for (const m of actor.memberships) {
    if (m.consortiumId !== consortiumId) continue;
    const scope = grants.get(m.roleCode)?.get(capability);
    if (scope === 'consortium' || scope === 'oversight') return { kind: 'all' };
    if (scope === 'unit' && m.memberUnitId) unitIds.push(m.memberUnitId);
    if (scope === 'own') own = true;
  }
  if (unitIds.length === 0 && !own) return 'forbidden';
  return { kind: 'restricted', unitIds, ownUserId: own ? actor.userId : null };
}

/** Capabilities the actor holds in a consortium (for the web's navigation). */
export function capabilitiesIn(actor: Actor, grants: GrantTable, consortiumId: string | null): string[] {
  const out = new Set<string>();
  for (const m of actor.memberships) {
    if (m.consortiumId !== null && m.consortiumId !== consortiumId) continue;
    const caps = grants.get(m.roleCode);
    if (!caps) continue;
    for (const [cap, scope] of caps) {
      if (m.consortiumId === null && scope !== 'platform') continue;
      out.add(cap);
    }
  }
  return [...out].sort();
}

/** A grant of a write capability with oversight scope would break the authority's read-only promise. */
export function validateGrant(kind: 'read' | 'write', scope: Scope): string | null {
  if (scope === 'oversight' && kind !== 'read') return 'oversight scope may only grant read capabilities';
  return null;
}
