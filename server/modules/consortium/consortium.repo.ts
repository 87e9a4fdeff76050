// Queries of consortia and member units. Every member-unit query takes the consortium id.
import { and, asc, desc, eq, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  consortia,
  consortiumDocuments,
  consortiumIndustries,
  consortiumParks,
  consortiumStatusHistory,
  memberships,
  memberUnits,
} from '../../db/schema/index.ts';
import { containsPattern } from '../../lib/like.ts';

export type ConsortiumRow = typeof consortia.$inferSelect;
export type UnitRow = typeof memberUnits.$inferSelect;

export async function findConsortium(db: Queryable, id: string): Promise<ConsortiumRow | undefined> {
  const [row] = await db.select().from(consortia).where(eq(consortia.id, id));
  return row;
}

export async function findConsortiumByCode(db: Queryable, code: string): Promise<ConsortiumRow | undefined> {
  const [row] = await db.select().from(consortia).where(eq(consortia.code, code));
  return row;
}

export async function listConsortia(
  db: Queryable,
  f: {
    ids: string[] | null;
    q?: string | undefined;
    sort: { field: string; desc: boolean };
    page: number;
    pageSize: number;
  },
) {
  const where: SQL[] = [];
  if (f.ids) where.push(f.ids.length ? inArray(consortia.id, f.ids) : sql`false`);
  if (f.q) {
    const c = or(ilike(consortia.name, containsPattern(f.q)), ilike(consortia.code, containsPattern(f.q)));
    if (c) where.push(c);
  }
  const cond = and(...where);
  const col = f.sort.field === 'createdAt' ? consortia.createdAt : consortia.name;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(consortia)
      .where(cond)
      .orderBy(f.sort.desc ? desc(col) : asc(col), asc(consortia.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(consortia)
      .where(cond),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function insertConsortium(
  db: Queryable,
  row: typeof consortia.$inferInsert,
): Promise<ConsortiumRow> {
  const [created] = await db.insert(consortia).values(row).returning();
  if (!created) throw new Error('insert returned nothing');
  return created;
}

export async function updateConsortium(
  db: Queryable,
  id: string,
  patch: Partial<typeof consortia.$inferInsert>,
) {
  const [row] = await db
    .update(consortia)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(consortia.id, id))
    .returning();
  return row;
}

export async function findUnit(
  db: Queryable,
  consortiumId: string,
  id: string,
): Promise<UnitRow | undefined> {
  const [row] = await db
    .select()
    .from(memberUnits)
    .where(and(eq(memberUnits.consortiumId, consortiumId), eq(memberUnits.id, id)));
  return row;
}

export type UnitFilter = {
  q?: string | undefined;
  type?: UnitRow['type'] | undefined;
  role?: UnitRow['role'] | undefined;
  regionCode?: string | undefined;
  current?: boolean | undefined;
};

function unitFilter(consortiumId: string, f: UnitFilter): SQL | undefined {
  const where: SQL[] = [eq(memberUnits.consortiumId, consortiumId)];
  // ILIKE '%…%' is served by the trigram index for 3+ characters and stays correct for 1–2.
  if (f.q) where.push(ilike(memberUnits.name, containsPattern(f.q)));
  if (f.type) where.push(eq(memberUnits.type, f.type));
  if (f.role) where.push(eq(memberUnits.role, f.role));
  if (f.regionCode) where.push(like(memberUnits.regionCode, `${f.regionCode.replace(/0+$/, '')}%`));
  if (f.current === true)
    where.push(or(isNull(memberUnits.leftOn), sql`${memberUnits.leftOn} > current_date`)!);
  if (f.current === false) where.push(sql`${memberUnits.leftOn} <= current_date`);
  return and(...where);
}

export async function listUnits(
  db: Queryable,
  consortiumId: string,
  f: UnitFilter & { sort: { field: string; desc: boolean }; page: number; pageSize: number },
) {
  const cond = unitFilter(consortiumId, f);
  const col =
    f.sort.field === 'type'
      ? memberUnits.type
      : f.sort.field === 'createdAt'
        ? memberUnits.createdAt
        : memberUnits.name;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(memberUnits)
      .where(cond)
      .orderBy(f.sort.desc ? desc(col) : asc(col), asc(memberUnits.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberUnits)
      .where(cond),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function insertUnit(db: Queryable, row: typeof memberUnits.$inferInsert): Promise<UnitRow> {
  const [created] = await db.insert(memberUnits).values(row).returning();
  if (!created) throw new Error('insert returned nothing');
  return created;
}

export async function updateUnit(
  db: Queryable,
  consortiumId: string,
  id: string,
  patch: Partial<typeof memberUnits.$inferInsert>,
) {
  const [row] = await db
    .update(memberUnits)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(memberUnits.consortiumId, consortiumId), eq(memberUnits.id, id)))
    .returning();
  return row;
}

export async function countUnitsByType(db: Queryable, consortiumId: string) {
  return db
    .select({ type: memberUnits.type, count: sql<number>`count(*)::int` })
    .from(memberUnits)
    .where(eq(memberUnits.consortiumId, consortiumId))
    .groupBy(memberUnits.type)
    .orderBy(memberUnits.type);
}

export async function countUsers(db: Queryable, consortiumId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${memberships.userId})::int` })
    .from(memberships)
    .where(eq(memberships.consortiumId, consortiumId));
  return row?.n ?? 0;
}

export async function findUnitByUscc(
  db: Queryable,
  consortiumId: string,
  uscc: string,
): Promise<UnitRow | undefined> {
  const [row] = await db
    .select()
    .from(memberUnits)
    .where(and(eq(memberUnits.consortiumId, consortiumId), eq(memberUnits.uscc, uscc)));
  return row;
}

export async function listStatusHistory(db: Queryable, consortiumId: string) {
  return db
    .select()
    .from(consortiumStatusHistory)
    .where(eq(consortiumStatusHistory.consortiumId, consortiumId))
    .orderBy(desc(consortiumStatusHistory.since), desc(consortiumStatusHistory.recordedAt));
}

export async function insertStatus(db: Queryable, row: typeof consortiumStatusHistory.$inferInsert) {
  await db.insert(consortiumStatusHistory).values(row);
}

export type ParkRow = typeof consortiumParks.$inferSelect;
export async function listParks(db: Queryable, consortiumId: string): Promise<ParkRow[]> {
  return db
    .select()
    .from(consortiumParks)
    .where(eq(consortiumParks.consortiumId, consortiumId))
    .orderBy(asc(consortiumParks.position));
}

export async function replaceParks(
  db: Queryable,
  consortiumId: string,
  parks: Omit<typeof consortiumParks.$inferInsert, 'consortiumId'>[],
) {
  await db.delete(consortiumParks).where(eq(consortiumParks.consortiumId, consortiumId));
  if (parks.length)
    await db.insert(consortiumParks).values(parks.map((p, i) => ({ ...p, consortiumId, position: i })));
}

export type IndustryRow = typeof consortiumIndustries.$inferSelect;
export async function listIndustries(db: Queryable, consortiumId: string): Promise<IndustryRow[]> {
  return db
    .select()
    .from(consortiumIndustries)
    .where(eq(consortiumIndustries.consortiumId, consortiumId))
    .orderBy(asc(consortiumIndustries.position));
}

export async function replaceIndustries(
  db: Queryable,
  consortiumId: string,
  rows: { industryCode: string; chains: string[] }[],
) {
  await db.delete(consortiumIndustries).where(eq(consortiumIndustries.consortiumId, consortiumId));
  if (rows.length)
    await db.insert(consortiumIndustries).values(rows.map((r, i) => ({ ...r, consortiumId, position: i })));
}

const documentMeta = {
  id: consortiumDocuments.id,
  kind: consortiumDocuments.kind,
  fileName: consortiumDocuments.fileName,
  contentType: consortiumDocuments.contentType,
  size: consortiumDocuments.size,
  sha256: consortiumDocuments.sha256,
  uploadedBy: consortiumDocuments.uploadedBy,
  uploadedAt: consortiumDocuments.uploadedAt,
};

export async function latestDocument(db: Queryable, consortiumId: string, kind: 'charter') {
  const [row] = await db
    .select(documentMeta)
    .from(consortiumDocuments)
    .where(and(eq(consortiumDocuments.consortiumId, consortiumId), eq(consortiumDocuments.kind, kind)))
    .orderBy(desc(consortiumDocuments.uploadedAt))
    .limit(1);
  return row;
}

export async function documentContent(db: Queryable, consortiumId: string, id: string) {
  const [row] = await db
    .select({ content: consortiumDocuments.content })
    .from(consortiumDocuments)
    .where(and(eq(consortiumDocuments.consortiumId, consortiumId), eq(consortiumDocuments.id, id)));
  return row?.content;
}

export async function insertDocument(db: Queryable, row: typeof consortiumDocuments.$inferInsert) {
  const [created] = await db.insert(consortiumDocuments).values(row).returning(documentMeta);
  if (!created) throw new Error('insert returned nothing');
  return created;
}

export async function unitsWithRoles(db: Queryable, consortiumId: string, roles: UnitRow['role'][]) {
  return db
    .select()
    .from(memberUnits)
    .where(and(eq(memberUnits.consortiumId, consortiumId), inArray(memberUnits.role, roles)))
    .orderBy(asc(memberUnits.role), asc(memberUnits.name));
}

/** Every unit of the consortium that passes the filter (the whole list when none is given), by name. */
export async function allUnits(db: Queryable, consortiumId: string, f: UnitFilter = {}): Promise<UnitRow[]> {
  return db.select().from(memberUnits).where(unitFilter(consortiumId, f)).orderBy(asc(memberUnits.name));
}
