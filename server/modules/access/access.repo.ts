import type { Queryable } from '../../db/client.ts';
import { capabilities, roleCapabilities, roles } from '../../db/schema/index.ts';
import { capabilityCatalog, roleCatalog } from './access.catalog.ts';
import { validateGrant, type Scope } from './access.core.ts';

export async function loadGrantRows(db: Queryable) {
  return db
    .select({
      roleCode: roleCapabilities.roleCode,
      capabilityCode: roleCapabilities.capabilityCode,
      scope: roleCapabilities.scope,
    })
    .from(roleCapabilities);
}

export async function listRoles(db: Queryable) {
  return db.select().from(roles).orderBy(roles.code);
}

export async function listCapabilities(db: Queryable) {
  return db.select().from(capabilities).orderBy(capabilities.code);
}

/**
 * Insert the built-in roles and capabilities that are missing; a capability seen for the first time
 * gets its default grants. Existing rows are left as the operator set them.
 */
export async function syncCatalog(db: Queryable): Promise<void> {
  for (const r of roleCatalog) {
    await db
      .insert(roles)
      .values({ ...r, builtin: true })
      .onConflictDoNothing();
  }
  for (const c of capabilityCatalog) {
    const [resource = '', action = ''] = c.code.split('.');
    const inserted = await db
      .insert(capabilities)
      .values({
        code: c.code,
        resource,
        action,
        kind: c.kind,
        descriptionZh: c.descriptionZh,
        descriptionEn: c.descriptionEn,
      })
      .onConflictDoNothing()
      .returning({ code: capabilities.code });
    if (inserted.length === 0) continue;
    for (const [roleCode, scope] of Object.entries(c.grants) as [string, Scope][]) {
      const problem = validateGrant(c.kind, scope);
      if (problem) throw new Error(`Built-in grant ${roleCode} → ${c.code}: ${problem}`);
      await db
        .insert(roleCapabilities)
        .values({ roleCode, capabilityCode: c.code, scope })
        .onConflictDoNothing();
    }
  }
}
