// 毕业去向: one record per graduate and cohort year, with how it was verified; and the rates computed
// from those records for any scope — nothing is typed in as a total.
import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { candidates, consortia, employmentOutcomes, memberUnits } from '../../db/schema/index.ts';
import { AppError, validationError, violatedConstraint } from '../../lib/errors.ts';
import { listQuery, pageOf } from '../../lib/http.ts';
import { uscc as usccSchema } from '../../lib/identifiers.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  cityPrefix,
  employedDestinations,
  placedDestinations,
  rateDefinitions,
  rateKeys,
  ratio,
  type RateKey,
} from './talent.core.ts';
import { destinationTypes, verificationSources } from './talent.enums.ts';
import { checkCodes, codeNames } from './talent.shared.ts';
import { containsPattern } from '../../lib/like.ts';

// ---------------------------------------------------------------------------------------------------
// Shapes

const isoDate = z.iso.date('a date YYYY-MM-DD');
export const outcomeParams = z.object({ consortiumId: z.uuid(), outcomeId: z.uuid() });

const outcomeFields = {
  cohortYear: z.number().int().min(2000).max(2100).describe('the year of graduation (届)'),
  destination: z.enum(destinationTypes),
  employerName: z.string().trim().max(100).nullable().optional(),
  employerUscc: usccSchema().nullable().optional(),
  employerDistrict: z
    .string()
    .regex(/^\d{6}$/, 'a GB/T 2260 code: 6 digits')
    .nullable()
    .optional(),
  employerIndustry: z
    .string()
    .regex(/^([A-T]|\d{2,4})$/, 'a GB/T 4754 code')
    .nullable()
    .optional(),
  occupationCode: z
    .string()
    .regex(/^\d(-\d{2}){0,3}$/, 'a 职业分类大典 code')
    .nullable()
    .optional(),
  relatedToMajor: z.boolean().nullable().optional(),
  startDate: isoDate.nullable().optional(),
  verificationSource: z.enum(verificationSources),
  verifiedBy: z.string().trim().max(60).nullable().optional(),
  verifiedAt: isoDate.nullable().optional(),
};
export const createOutcomeBody = z.object({ candidateId: z.uuid(), ...outcomeFields });
export const updateOutcomeBody = z
  .object(outcomeFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

/** The scope of rates and of their drill-down. */
export const rateScope = z.object({
  cohortYear: z.coerce.number().int().min(2000).max(2100).optional(),
  schoolUnitId: z.uuid().optional(),
  majorCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional()
    .describe('a major, or a 专业类 / 专业大类 prefix'),
  industry: z
    .string()
    .regex(/^([A-T]|\d{2,4})$/)
    .optional()
    .describe("the employer's GB/T 4754 division (or longer code) prefix"),
});
export type RateScope = z.infer<typeof rateScope>;

export const outcomeListQuery = listQuery(['cohortYear', 'updatedAt', 'name'], '-cohortYear')
  .extend(rateScope.shape)
  .extend({
    destination: z.enum(destinationTypes).optional(),
    verificationSource: z.enum(verificationSources).optional(),
    q: z.string().trim().max(40).optional().describe('graduate name or employer'),
    rate: z.enum(rateKeys).optional().describe('drill down: the records behind a rate'),
    part: z.enum(['numerator', 'denominator']).optional().describe('with rate: which side of the fraction'),
  });
export type OutcomeListQuery = z.infer<typeof outcomeListQuery>;

export const outcomeOut = z.object({
  id: z.uuid(),
  candidateId: z.uuid(),
  candidateName: z.string(),
  schoolUnitId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  majorCode: z.string().nullable(),
  majorName: z.string().nullable(),
  cohortYear: z.number().int(),
  destination: z.enum(destinationTypes),
  employerName: z.string().nullable(),
  employerUscc: z.string().nullable(),
  employerDistrict: z.string().nullable(),
  employerIndustry: z.string().nullable(),
  occupationCode: z.string().nullable(),
  relatedToMajor: z.boolean().nullable(),
  startDate: z.string().nullable(),
  local: z.boolean().describe("employer inside the consortium's city"),
  verificationSource: z.enum(verificationSources),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export const outcomePage = pageOf(outcomeOut);

export const rateOut = z.object({
  key: z.enum(rateKeys),
  numerator: z.number().int(),
  denominator: z.number().int(),
  value: z.number().nullable().describe('numerator ÷ denominator, 4 decimals; null when nothing is counted'),
  definition: z.object({ zh: z.string(), en: z.string() }),
  available: z
    .boolean()
    .describe("false when the rate cannot be computed (local: the consortium's city is not set)"),
});
export const ratesOut = z.object({
  scope: rateScope,
  total: z.number().int().describe('outcome records in scope'),
  cityCode: z.string().nullable().describe("the consortium's region code local employment compares with"),
  rates: z.array(rateOut),
  verification: z.array(
    z.object({
      source: z.enum(verificationSources),
      count: z.number().int(),
      share: z.number().nullable(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------------
// Filters shared by the rates, the drill-down and the list

export function scopeConditions(consortiumId: string, s: RateScope): SQL[] {
  const where: SQL[] = [eq(employmentOutcomes.consortiumId, consortiumId)];
  if (s.cohortYear) where.push(eq(employmentOutcomes.cohortYear, s.cohortYear));
  if (s.schoolUnitId) where.push(eq(employmentOutcomes.schoolUnitId, s.schoolUnitId));
  if (s.majorCode) where.push(like(employmentOutcomes.majorCode, `${s.majorCode}%`));
  if (s.industry) where.push(like(employmentOutcomes.employerIndustry, `${s.industry}%`));
  return where;
}

const employed = inArray(employmentOutcomes.destination, employedDestinations);
const placed = inArray(employmentOutcomes.destination, placedDestinations);
function localCond(prefix: string | null): SQL {
  return prefix ? like(employmentOutcomes.employerDistrict, `${prefix}%`) : sql`false`;
}

/** The records on one side of a rate's fraction. */
export function rateCondition(
  rate: RateKey,
  part: 'numerator' | 'denominator',
  prefix: string | null,
): SQL | undefined {
  switch (rate) {
    case 'employment':
      return part === 'numerator' ? placed : undefined;
    case 'local':
      return part === 'numerator' ? and(employed, localCond(prefix)) : employed;
    case 'related':
      return part === 'numerator' ? and(employed, eq(employmentOutcomes.relatedToMajor, true)) : employed;
  }
}

async function consortiumCity(db: Queryable, consortiumId: string) {
  const [c] = await db
    .select({ regionCode: consortia.regionCode })
    .from(consortia)
    .where(eq(consortia.id, consortiumId));
  return { regionCode: c?.regionCode ?? null, prefix: cityPrefix(c?.regionCode) };
}

// ---------------------------------------------------------------------------------------------------
// Rates

export async function computeRates(db: Queryable, consortiumId: string, scope: RateScope) {
  const city = await consortiumCity(db, consortiumId);
  const where = and(...scopeConditions(consortiumId, scope));
  const [c] = await db
    .select({
      total: sql<number>`count(*)::int`,
      placed: sql<number>`count(*) filter (where ${placed})::int`,
      employed: sql<number>`count(*) filter (where ${employed})::int`,
      local: sql<number>`count(*) filter (where ${employed} and ${localCond(city.prefix)})::int`,
      related: sql<number>`count(*) filter (where ${employed} and ${employmentOutcomes.relatedToMajor} = true)::int`,
    })
    .from(employmentOutcomes)
    .where(where);
  const bySource = await db
    .select({ source: employmentOutcomes.verificationSource, n: sql<number>`count(*)::int` })
    .from(employmentOutcomes)
    .where(where)
    .groupBy(employmentOutcomes.verificationSource);
  const total = c?.total ?? 0;
  const fraction = (key: RateKey, numerator: number, denominator: number, available = true) => ({
    key,
    numerator,
    denominator,
    value: available ? ratio(numerator, denominator) : null,
    definition: rateDefinitions[key],
    available,
  });
  return {
    scope,
    total,
    cityCode: city.regionCode,
    rates: [
      fraction('employment', c?.placed ?? 0, total),
      fraction('local', c?.local ?? 0, c?.employed ?? 0, city.prefix !== null),
      fraction('related', c?.related ?? 0, c?.employed ?? 0),
    ],
    verification: verificationSources.map((source) => {
      const count = bySource.find((b) => b.source === source)?.n ?? 0;
      return { source, count, share: ratio(count, total) };
    }),
  };
}

/** The rates for every cohort year in scope (the trend on the dashboard). */
export async function ratesByYear(db: Queryable, consortiumId: string, scope: Omit<RateScope, 'cohortYear'>) {
  const years = await db
    .selectDistinct({ year: employmentOutcomes.cohortYear })
    .from(employmentOutcomes)
    .where(and(...scopeConditions(consortiumId, scope)))
    .orderBy(asc(employmentOutcomes.cohortYear));
  const out = [];
  for (const { year } of years)
    out.push(await computeRates(db, consortiumId, { ...scope, cohortYear: year }));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Records

const schoolName = sql<string | null>`(select name from ${memberUnits} s
  where s.consortium_id = ${employmentOutcomes.consortiumId} and s.id = ${employmentOutcomes.schoolUnitId})`;

function selectOutcomes(db: Queryable) {
  return db
    .select({
      outcome: employmentOutcomes,
      candidateName: candidates.name,
      userId: candidates.userId,
      schoolName,
    })
    .from(employmentOutcomes)
    .innerJoin(
      candidates,
      and(
        eq(candidates.consortiumId, employmentOutcomes.consortiumId),
        eq(candidates.id, employmentOutcomes.candidateId),
      ),
    );
}
type OutcomeJoined = Awaited<ReturnType<ReturnType<typeof selectOutcomes>['where']>>[number];

async function presentOutcomes(db: Queryable, consortiumId: string, rows: OutcomeJoined[]) {
  const city = await consortiumCity(db, consortiumId);
  const majors = await codeNames(
    db,
    'major',
    rows.flatMap((r) => (r.outcome.majorCode ? [r.outcome.majorCode] : [])),
  );
  return rows.map(({ outcome: o, candidateName, schoolName: sName }) => ({
    id: o.id,
    candidateId: o.candidateId,
    candidateName,
    schoolUnitId: o.schoolUnitId,
    schoolName: sName,
    majorCode: o.majorCode,
    majorName: o.majorCode ? (majors.get(o.majorCode) ?? null) : null,
    cohortYear: o.cohortYear,
    destination: o.destination,
    employerName: o.employerName,
    employerUscc: o.employerUscc,
    employerDistrict: o.employerDistrict,
    employerIndustry: o.employerIndustry,
    occupationCode: o.occupationCode,
    relatedToMajor: o.relatedToMajor,
    startDate: o.startDate,
    local: !!city.prefix && !!o.employerDistrict?.startsWith(city.prefix),
    verificationSource: o.verificationSource,
    verifiedBy: o.verifiedBy,
    verifiedAt: o.verifiedAt,
    updatedAt: o.updatedAt.toISOString(),
  }));
}

async function outcomeScope(
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
): Promise<SQL | undefined> {
  const scope = await access.listScope(actor, 'outcome.read', consortiumId);
  if (scope.kind === 'all') return undefined;
  const parts: SQL[] = [];
  if (scope.unitIds.length) parts.push(inArray(employmentOutcomes.schoolUnitId, scope.unitIds));
  if (scope.ownUserId) parts.push(eq(candidates.userId, scope.ownUserId));
  return or(...parts);
}

export async function outcomeFilter(
  db: Queryable,
  consortiumId: string,
  q: Partial<OutcomeListQuery>,
): Promise<SQL[]> {
  const where = scopeConditions(consortiumId, q);
  if (q.destination) where.push(eq(employmentOutcomes.destination, q.destination));
  if (q.verificationSource) where.push(eq(employmentOutcomes.verificationSource, q.verificationSource));
  if (q.q) {
    const p = containsPattern(q.q);
    where.push(or(sql`${candidates.name} ilike ${p}`, sql`${employmentOutcomes.employerName} ilike ${p}`)!);
  }
  if (q.rate) {
    const { prefix } = await consortiumCity(db, consortiumId);
    const cond = rateCondition(q.rate, q.part ?? 'numerator', prefix);
    if (cond) where.push(cond);
  }
  return where;
}

const sortCols = {
  cohortYear: employmentOutcomes.cohortYear,
  updatedAt: employmentOutcomes.updatedAt,
  name: candidates.name,
};

export async function listOutcomes(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: OutcomeListQuery,
) {
  const scope = await outcomeScope(access, actor, consortiumId);
  const cond = and(...(await outcomeFilter(db, consortiumId, q)), ...(scope ? [scope] : []));
  const col = sortCols[q.sort.replace(/^-/, '') as keyof typeof sortCols];
  const [rows, [count]] = await Promise.all([
    selectOutcomes(db)
      .where(cond)
      .orderBy(q.sort.startsWith('-') ? desc(col) : asc(col), asc(employmentOutcomes.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(employmentOutcomes)
      .innerJoin(
        candidates,
        and(
          eq(candidates.consortiumId, employmentOutcomes.consortiumId),
          eq(candidates.id, employmentOutcomes.candidateId),
        ),
      )
      .where(cond),
  ]);
  return {
    items: await presentOutcomes(db, consortiumId, rows),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

export async function allOutcomes(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: Partial<OutcomeListQuery>,
) {
  const scope = await outcomeScope(access, actor, consortiumId);
  const rows = await selectOutcomes(db)
    .where(and(...(await outcomeFilter(db, consortiumId, q)), ...(scope ? [scope] : [])))
    .orderBy(desc(employmentOutcomes.cohortYear), asc(candidates.name));
  return presentOutcomes(db, consortiumId, rows);
}

async function loadOutcome(
  db: Queryable,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
) {
  await access.listScope(actor, 'outcome.read', consortiumId);
  const [row] = await selectOutcomes(db).where(
    and(eq(employmentOutcomes.consortiumId, consortiumId), eq(employmentOutcomes.id, id)),
  );
  if (!row) throw new AppError('OUTCOME_NOT_FOUND', 'Outcome record not found.');
  const target = { consortiumId, unitId: row.outcome.schoolUnitId, ownerUserId: row.userId };
  if (!(await access.can(actor, 'outcome.read', target)))
    throw new AppError('OUTCOME_NOT_FOUND', 'Outcome record not found.');
  return row;
}

export async function getOutcome(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
) {
  return (
    await presentOutcomes(db, consortiumId, [await loadOutcome(db, access, actor, consortiumId, id)])
  )[0]!;
}

type OutcomeInput = Partial<z.infer<typeof createOutcomeBody>>;

/** Rules beyond the shape: employment needs an employer; codes known to the catalogs. */
export async function outcomeIssues(db: Queryable, o: OutcomeInput, prefix = 'body') {
  const issues = await checkCodes(db, [
    { path: `${prefix}.employerDistrict`, kind: 'region', code: o.employerDistrict },
    { path: `${prefix}.employerIndustry`, kind: 'industry', code: o.employerIndustry },
    { path: `${prefix}.occupationCode`, kind: 'occupation', code: o.occupationCode },
  ]);
  if (o.destination && ['employed_contract', 'entrepreneurship'].includes(o.destination) && !o.employerName) {
    issues.push({
      path: `${prefix}.employerName`,
      code: 'REQUIRED',
      message: 'employment needs the employer (or own business) name',
    });
  }
  if (o.destination === 'unemployed' && (o.employerName || o.employerUscc)) {
    issues.push({
      path: `${prefix}.employerName`,
      code: 'NOT_EMPLOYED',
      message: 'an unemployed graduate has no employer',
    });
  }
  return issues;
}

export async function createOutcome(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: z.infer<typeof createOutcomeBody>,
  requestId?: string,
) {
  await access.listScope(actor, 'outcome.write', consortiumId);
  const [c] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.id, body.candidateId)));
  // another school's graduates do not exist for a school
  if (!c || !(await access.can(actor, 'outcome.write', { consortiumId, unitId: c.schoolUnitId }))) {
    throw new AppError('CANDIDATE_NOT_FOUND', 'No such graduate of your school.');
  }
  const issues = await outcomeIssues(db, body);
  if (issues.length) throw validationError(issues);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(employmentOutcomes)
        .values({
          consortiumId,
          ...body,
          schoolUnitId: c.schoolUnitId,
          majorCode: c.majorCode,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        consortiumId,
        actor,
        entity: 'employment_outcome',
        entityId: row!.id,
        action: 'create',
        after: { ...body },
        requestId,
      });
      return row!;
    });
  } catch (err) {
    if (violatedConstraint(err) === 'employment_outcomes_unique') {
      throw new AppError('CONFLICT', 'This graduate has an outcome record for that cohort year already.', {
        issues: [
          { path: 'body.cohortYear', code: 'taken', message: 'one record per graduate and cohort year' },
        ],
      });
    }
    throw err;
  }
}

export async function updateOutcome(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
  patch: z.infer<typeof updateOutcomeBody>,
  requestId?: string,
) {
  const row = await loadOutcome(db, access, actor, consortiumId, id);
  if (!(await access.can(actor, 'outcome.write', { consortiumId, unitId: row.outcome.schoolUnitId }))) {
    throw new AppError('FORBIDDEN', 'You do not have the permission outcome.write here.', {
      capability: 'outcome.write',
    });
  }
  const issues = await outcomeIssues(db, { ...row.outcome, ...patch } as OutcomeInput);
  if (issues.length) throw validationError(issues);
  await db.transaction(async (tx) => {
    await tx
      .update(employmentOutcomes)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(employmentOutcomes.consortiumId, consortiumId), eq(employmentOutcomes.id, id)));
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'employment_outcome',
      entityId: id,
      action: 'update',
      before: { ...row.outcome },
      after: { ...row.outcome, ...patch },
      requestId,
    });
  });
  return getOutcome(db, access, actor, consortiumId, id);
}

export async function deleteOutcome(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
  requestId?: string,
) {
  const row = await loadOutcome(db, access, actor, consortiumId, id);
  if (!(await access.can(actor, 'outcome.write', { consortiumId, unitId: row.outcome.schoolUnitId }))) {
    throw new AppError('FORBIDDEN', 'You do not have the permission outcome.write here.', {
      capability: 'outcome.write',
    });
  }
  await db.transaction(async (tx) => {
    await tx
      .delete(employmentOutcomes)
      .where(and(eq(employmentOutcomes.consortiumId, consortiumId), eq(employmentOutcomes.id, id)));
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'employment_outcome',
      entityId: id,
      action: 'delete',
      before: { ...row.outcome },
      requestId,
    });
  });
}
