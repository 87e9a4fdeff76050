// National reference catalogs (专业目录, GB/T 4754, 职业分类大典, GB/T 2260) and the major crosswalk.
// Reference tables: shared by every tenant, replicated to every node in a distributed deployment.
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

export const catalogKinds = ['major', 'industry', 'occupation', 'region'] as const;

export const catalogs = pgTable(
  'catalogs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: catalogKinds }).notNull(),
    /** e.g. 2021 (专业目录), 2017 (GB/T 4754-2017), 2022 (大典), 2023 (GB/T 2260 as published that year) */
    version: text('version').notNull(),
    title: text('title').notNull(),
    /** where the entries came from: the built-in subset, or the file an operator imported */
    source: text('source').notNull(),
    /** the version that forms, match scoring and analysis use for this kind */
    isCurrent: boolean('is_current').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('catalogs_kind_version').on(t.kind, t.version)],
);

export const catalogEntries = pgTable(
  'catalog_entries',
  {
    catalogId: uuid('catalog_id')
      .notNull()
      .references(() => catalogs.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 1 = top level (门类, 专业大类, 大典大类, province) … */
    level: integer('level').notNull(),
    parentCode: text('parent_code'),
    /** majors: secondary (中职) | higher (高职专科) | undergraduate (职业本科) */
    educationLevel: text('education_level', { enum: ['secondary', 'higher', 'undergraduate'] }),
    /** occupations: S (数字职业), L (绿色职业) */
    marks: text('marks')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** shipped with the platform (and how sure we are: V verified, P provincial/secondary, M believed) */
    builtin: boolean('builtin').notNull().default(false),
    certainty: text('certainty', { enum: ['V', 'P', 'M'] }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.catalogId, t.code] }),
    index('catalog_entries_parent').on(t.catalogId, t.parentCode),
    index('catalog_entries_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** major → industries (GB/T 4754) and occupations (大典): what alignment analysis and match scoring use */
export const majorCrosswalk = pgTable(
  'major_crosswalk',
  {
    majorCatalogId: uuid('major_catalog_id').notNull(),
    majorCode: text('major_code').notNull(),
    targetKind: text('target_kind', { enum: ['industry', 'occupation'] }).notNull(),
    targetCatalogId: uuid('target_catalog_id').notNull(),
    targetCode: text('target_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'major_crosswalk_pk',
      columns: [t.majorCatalogId, t.majorCode, t.targetKind, t.targetCatalogId, t.targetCode],
    }),
    foreignKey({
      name: 'major_crosswalk_major_fk',
      columns: [t.majorCatalogId, t.majorCode],
      foreignColumns: [catalogEntries.catalogId, catalogEntries.code],
    }).onDelete('cascade'),
    foreignKey({
      name: 'major_crosswalk_target_fk',
      columns: [t.targetCatalogId, t.targetCode],
      foreignColumns: [catalogEntries.catalogId, catalogEntries.code],
    }).onDelete('cascade'),
    index('major_crosswalk_target').on(t.targetCatalogId, t.targetCode),
  ],
);

/** Every import of a catalog: who, when, what file, what it changed. The history the UI shows. */
export const catalogImports = pgTable(
  'catalog_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catalogId: uuid('catalog_id')
      .notNull()
      .references(() => catalogs.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    fileName: text('file_name'),
    rows: integer('rows').notNull(),
    inserted: integer('inserted').notNull(),
    updated: integer('updated').notNull(),
  },
  (t) => [index('catalog_imports_catalog').on(t.catalogId, t.at)],
);
