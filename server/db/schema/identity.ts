// Identity tables: global (not per tenant). A user may belong to several consortia through memberships.
// In a distributed deployment they stay on the coordinator (they are small and read by primary key).
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consortia, memberUnits } from './consortium.ts';
import { roles } from './reference.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** personal data: masked on display unless the viewer may see it */
    phone: text('phone'),
    email: text('email'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_lower').on(sql`lower(${t.username})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the token held in the cookie; the token itself is never stored */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** null only for platform-level roles (platform admin) */
    consortiumId: uuid('consortium_id').references(() => consortia.id),
    memberUnitId: uuid('member_unit_id'),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.consortiumId, t.memberUnitId],
      foreignColumns: [memberUnits.consortiumId, memberUnits.id],
    }),
    uniqueIndex('memberships_unique').on(
      t.userId,
      sql`coalesce(${t.consortiumId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.memberUnitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.roleCode,
    ),
    index('memberships_consortium').on(t.consortiumId),
  ],
);

/** Security events of the identity layer: logins, lock-outs, password changes. Global, append-only. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    username: text('username'),
    kind: text('kind').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('security_events_user_at').on(t.userId, t.at)],
);
