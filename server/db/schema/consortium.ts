// The tenant root and the tenant tables of the consortium module.
// Tenant tables carry consortium_id first in their primary key so that they can be distributed by it.
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  consortiumLevels,
  consortiumStatuses,
  parkKinds,
  unitRoles,
  unitTypes,
} from '../../modules/consortium/consortium.enums.ts';
import { bytea } from './columns.ts';

export const consortia = pgTable('consortia', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** short, stable, URL-safe handle such as `jianglin-im` */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  /** GB/T 2260 code of the city the consortium rests in */
  regionCode: text('region_code'),
  level: text('level', { enum: consortiumLevels }).notNull(),
  status: text('status', { enum: consortiumStatuses }).notNull().default('preparing'),
  /** the national or provincial list batch it was named in (第一批 = 1) and that batch's year */
  batch: integer('batch'),
  batchYear: integer('batch_year'),
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
    type: text('type', { enum: unitTypes }).notNull(),
    role: text('role', { enum: unitRoles }).notNull().default('member'),
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

/** Dated lifecycle of a consortium: 筹建 → 在建 → 监测 → 调出. */
export const consortiumStatusHistory = pgTable(
  'consortium_status_history',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    status: text('status', { enum: consortiumStatuses }).notNull(),
    /** the date the status took effect (may differ from when it was recorded) */
    since: date('since').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    index('consortium_status_since').on(t.consortiumId, t.since),
  ],
);

/** The parks a consortium rests on. */
export const consortiumParks = pgTable(
  'consortium_parks',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: parkKinds }).notNull(),
    /** 亿元 */
    outputValue: numeric('output_value', { precision: 14, scale: 2, mode: 'number' }),
    outputYear: integer('output_year'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.consortiumId, t.id] })],
);

/** Leading industries (GB/T 4754 codes) and the industry chains within each. */
export const consortiumIndustries = pgTable(
  'consortium_industries',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    industryCode: text('industry_code').notNull(),
    chains: text('chains')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.consortiumId, t.industryCode] })],
);

/** Documents of a consortium (its charter, …), stored in the database so both engines keep them. */
export const consortiumDocuments = pgTable(
  'consortium_documents',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: ['charter'] }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    index('consortium_documents_kind').on(t.consortiumId, t.kind, t.uploadedAt),
  ],
);
