// What the current user may do, computed the way the server decides (server/modules/access/access.core.ts):
// platform capabilities count everywhere; otherwise the grants of the roles held in the consortium, whose
// scope says whether they reach the whole consortium or only the member unit the role is held in.
// The server remains the judge: this only decides which pages and buttons to show.
import type { Capability, Grant, Me, Scope } from './types';

export type GrantIndex = Map<string, Map<string, Scope>>;

export function indexGrants(grants: Grant[]): GrantIndex {
  const index: GrantIndex = new Map();
  for (const g of grants) {
    let caps = index.get(g.roleCode);
    if (!caps) index.set(g.roleCode, (caps = new Map()));
    caps.set(g.capabilityCode, g.scope);
  }
  return index;
}

export function capabilitiesIn(me: Me, consortiumId: string | null): Set<string> {
  const out = new Set(me.capabilities.platform);
  if (consortiumId) for (const c of me.capabilities.byConsortium[consortiumId] ?? []) out.add(c);
  return out;
}

export function isPlatformWide(me: Me, capability: Capability): boolean {
  return me.capabilities.platform.includes(capability);
}

/** Whether `capability` reaches records of member unit `unitId` (null: records tied to no unit). */
export function reachesUnit(
  me: Me,
  grants: GrantIndex | undefined,
  consortiumId: string | null,
  capability: Capability,
  unitId: string | null,
): boolean {
  if (isPlatformWide(me, capability)) return true;
  if (!consortiumId || !grants) return false;
  for (const m of me.memberships) {
    if (m.consortiumId !== consortiumId) continue;
    const scope = grants.get(m.roleCode)?.get(capability);
    if (scope === 'consortium' || scope === 'oversight') return true;
    if (scope === 'unit' && unitId !== null && m.memberUnitId === unitId) return true;
  }
  return false;
}

/** Whether `capability` reaches the whole consortium (not only some member units). */
export function reachesConsortium(
  me: Me,
  grants: GrantIndex | undefined,
  consortiumId: string | null,
  capability: Capability,
): boolean {
  if (isPlatformWide(me, capability)) return true;
  if (!consortiumId || !grants) return false;
  return me.memberships.some((m) => {
    if (m.consortiumId !== consortiumId) return false;
    const scope = grants.get(m.roleCode)?.get(capability);
    return scope === 'consortium' || scope === 'oversight';
  });
}

/** Role codes the user holds in the consortium, platform roles included. */
export function heldRoles(me: Me, consortiumId: string | null): Set<string> {
  return new Set(
    me.memberships
      .filter((m) => m.consortiumId === null || m.consortiumId === consortiumId)
      .map((m) => m.roleCode),
  );
}

/** Consortia the user is a member of (or oversees), in membership order, without repeats. */
export function memberConsortia(me: Me): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const m of me.memberships) {
    if (m.consortiumId && !seen.has(m.consortiumId)) seen.set(m.consortiumId, m.consortiumName ?? '');
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}
