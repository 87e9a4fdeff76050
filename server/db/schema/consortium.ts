// The tenant root and the tenant tables of the consortium module.
// Tenant tables carry consortium_id first in their primary key so that they can be distributed by it.
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
    /** 统一社会信用代码 (GB 32100-2015); required for enterprises and schools */
    uscc: text('uscc'),
    /** GB/T 2260 code of where the unit is */
    regionCode: text('region_code'),
    /** GB/T 4754 code of an enterprise's industry */
    industryCode: text('industry_code'),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    /** on-post employees, with the date the figure is true of (the 10% intern cap counts from it) */
    employeeCount: integer('employee_count'),
    employeeCountAsOf: date('employee_count_as_of'),
    /** schools: students enrolled, with the date the figure is true of */
    enrolment: integer('enrolment'),
    enrolmentAsOf: date('enrolment_as_of'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    index('member_units_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    uniqueIndex('member_units_uscc').on(t.consortiumId, t.uscc),
  ],
);
