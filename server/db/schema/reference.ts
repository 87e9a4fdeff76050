// Reference tables: small, shared by every tenant. In a distributed deployment (Citus) they are
// `create_reference_table` — replicated to every node. See docs/decisions/002-tenancy-and-distribution.md.
import { boolean, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh').notNull(),
  descriptionEn: text('description_en').notNull(),
  /** platform roles are held without a consortium (platform admin); the others inside one */
  level: text('level', { enum: ['platform', 'consortium'] }).notNull(),
  /** role codes whose holders may hand this role out */
  assignableBy: text('assignable_by').array().notNull(),
  unitRequirement: text('unit_requirement', { enum: ['none', 'optional', 'required'] }).notNull(),
  /** member-unit types a membership of this role may sit in; null = any */
  unitTypes: text('unit_types').array(),
  builtin: boolean('builtin').notNull().default(true),
});

export const capabilities = pgTable('capabilities', {
  code: text('code').primaryKey(),
  resource: text('resource').notNull(),
  action: text('action').notNull(),
  kind: text('kind', { enum: ['read', 'write'] }).notNull(),
  descriptionZh: text('description_zh').notNull(),
  descriptionEn: text('description_en').notNull(),
});

export const roleCapabilities = pgTable(
  'role_capabilities',
  {
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    capabilityCode: text('capability_code')
      .notNull()
      .references(() => capabilities.code),
    scope: text('scope', { enum: ['own', 'unit', 'consortium', 'oversight', 'platform'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleCode, t.capabilityCode] })],
);
