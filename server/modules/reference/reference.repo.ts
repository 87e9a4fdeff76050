// Queries of the national catalogs (reference tables, not per tenant).
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { catalogEntries, catalogImports, catalogs, majorCrosswalk } from '../../db/schema/index.ts';
import type { CatalogKind } from './catalog.core.ts';
import { containsPattern, escapeLike } from '../../lib/like.ts';

export type CatalogRow = typeof catalogs.$inferSelect;
export type EntryRow = typeof catalogEntries.$inferSelect;

export async function listCatalogs(db: Queryable) {
  return db.select().from(catalogs).orderBy(asc(catalogs.kind), asc(catalogs.version));
}

export async function levelCounts(db: Queryable) {
  return db
    .select({
      catalogId: catalogEntries.catalogId,
      level: catalogEntries.level,
      n: sql<number>`count(*)::int`,
    })
    .from(catalogEntries)
    .groupBy(catalogEntries.catalogId, catalogEntries.level);
}

export async function findCatalog(db: Queryable, kind: CatalogKind, version: string) {
  const [row] = await db
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.kind, kind), eq(catalogs.version, version)));
  return row;
}

export async function findCurrentCatalog(db: Queryable, kind: CatalogKind) {
  const [row] = await db
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.kind, kind), eq(catalogs.isCurrent, true)));
  return row;
}

export async function insertCatalog(db: Queryable, row: typeof catalogs.$inferInsert): Promise<CatalogRow> {
  const [created] = await db.insert(catalogs).values(row).returning();
  if (!created) throw new Error('insert returned nothing');
  return created;
}

export async function setCurrent(db: Queryable, catalog: CatalogRow) {
  await db
    .update(catalogs)
    .set({ isCurrent: sql`${catalogs.id} = ${catalog.id}`, updatedAt: new Date() })
    .where(eq(catalogs.kind, catalog.kind));
}

export async function codeLevels(db: Queryable, catalogId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ code: catalogEntries.code, level: catalogEntries.level })
    .from(catalogEntries)
    .where(eq(catalogEntries.catalogId, catalogId));
  return new Map(rows.map((r) => [r.code, r.level]));
}

export async function entryNames(db: Queryable, catalogId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: catalogEntries.code, name: catalogEntries.name })
    .from(catalogEntries)
    .where(eq(catalogEntries.catalogId, catalogId));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function upsertEntries(db: Queryable, rows: (typeof catalogEntries.$inferInsert)[]) {
  // chunks keep each statement's parameter count under PostgreSQL's 65,535
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insert(catalogEntries)
      .values(rows.slice(i, i + 2000))
      .onConflictDoUpdate({
        target: [catalogEntries.catalogId, catalogEntries.code],
        set: {
          name: sql`excluded.name`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
          educationLevel: sql`excluded.education_level`,
          marks: sql`excluded.marks`,
          updatedAt: sql`now()`,
        },
      });
  }
}

export async function insertEntriesIfMissing(db: Queryable, rows: (typeof catalogEntries.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(catalogEntries).values(rows).onConflictDoNothing();
}

export async function listEntries(
  db: Queryable,
  catalogId: string,
  f: {
    q?: string | undefined;
    level?: number | undefined;
    parentCode?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const where: SQL[] = [eq(catalogEntries.catalogId, catalogId)];
  if (f.q) {
    const like = containsPattern(f.q);
    const c = or(ilike(catalogEntries.code, `${escapeLike(f.q)}%`), ilike(catalogEntries.name, like));
    if (c) where.push(c);
  }
  if (f.level) where.push(eq(catalogEntries.level, f.level));
  if (f.parentCode) where.push(eq(catalogEntries.parentCode, f.parentCode));
  const cond = and(...where);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(catalogEntries)
      .where(cond)
      .orderBy(asc(catalogEntries.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(catalogEntries)
      .where(cond),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function findEntries(db: Queryable, catalogId: string, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(catalogEntries)
    .where(and(eq(catalogEntries.catalogId, catalogId), inArray(catalogEntries.code, codes)));
}

export async function childCount(db: Queryable, catalogId: string, code: string) {
  return db.$count(
    catalogEntries,
    and(eq(catalogEntries.catalogId, catalogId), eq(catalogEntries.parentCode, code)),
  );
}

export async function recordImport(db: Queryable, row: typeof catalogImports.$inferInsert) {
  await db.insert(catalogImports).values(row);
}

export async function listImports(db: Queryable, catalogId: string) {
  return db
    .select()
    .from(catalogImports)
    .where(eq(catalogImports.catalogId, catalogId))
    .orderBy(sql`${catalogImports.at} desc`)
    .limit(50);
}

export async function crosswalkOf(db: Queryable, majorCatalogId: string, majorCode: string) {
  return db
    .select({
      targetKind: majorCrosswalk.targetKind,
      targetCatalogId: majorCrosswalk.targetCatalogId,
      targetCode: majorCrosswalk.targetCode,
      targetName: catalogEntries.name,
    })
    .from(majorCrosswalk)
    .innerJoin(
      catalogEntries,
      and(
        eq(catalogEntries.catalogId, majorCrosswalk.targetCatalogId),
        eq(catalogEntries.code, majorCrosswalk.targetCode),
      ),
    )
    .where(and(eq(majorCrosswalk.majorCatalogId, majorCatalogId), eq(majorCrosswalk.majorCode, majorCode)))
    .orderBy(asc(majorCrosswalk.targetKind), asc(majorCrosswalk.targetCode));
}

export async function replaceCrosswalk(
  db: Queryable,
  majorCatalogId: string,
  majorCode: string,
  links: { targetKind: 'industry' | 'occupation'; targetCatalogId: string; targetCode: string }[],
) {
  await db
    .delete(majorCrosswalk)
    .where(and(eq(majorCrosswalk.majorCatalogId, majorCatalogId), eq(majorCrosswalk.majorCode, majorCode)));
  if (links.length) {
    await db.insert(majorCrosswalk).values(links.map((l) => ({ majorCatalogId, majorCode, ...l })));
  }
}

export async function allCrosswalk(db: Queryable, majorCatalogId: string) {
  return db
    .select({
      majorCode: majorCrosswalk.majorCode,
      targetKind: majorCrosswalk.targetKind,
      targetCode: majorCrosswalk.targetCode,
    })
    .from(majorCrosswalk)
    .where(eq(majorCrosswalk.majorCatalogId, majorCatalogId))
    .orderBy(asc(majorCrosswalk.majorCode), asc(majorCrosswalk.targetKind), asc(majorCrosswalk.targetCode));
}
