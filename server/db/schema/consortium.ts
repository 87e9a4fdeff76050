// The tenant root and the tenant tables of the consortium module.
// Tenant tables carry consortium_id first in their primary key so that they can be distributed by it.
import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const consortia = pgTable('consortia', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** short, stable, URL-safe handle such as `jianglin-im` */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  /** GB/T 2260 code of the city the consortium rests in */
  regionCode: text('region_code'),
  level: text('level', { enum: ['national', 'provincial', 'municipal'] }).notNull(),
  status: text('status', { enum: ['preparing', 'building', 'monitored', 'removed'] })
    .notNull()
    .default('preparing'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberUnits = pgTable(
  'member_units',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    type: text('type', {
      enum: [
        'government',
        'park',
        'enterprise',
        'secondary_vocational',
        'higher_vocational',
        'vocational_undergraduate',
        'university',
        'research_institute',
        'industry_association',
        'training_institution',
      ],
    }).notNull(),
    role: text('role', { enum: ['lead', 'council', 'member'] })
      .notNull()
      .default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    index('member_units_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
