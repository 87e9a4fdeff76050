// Candidates: students, graduates and workers. Schools register and import their students; a student
// edits their own profile; 身份证号 and phone are masked unless the viewer may see personal data.
import { and, asc, desc, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import { candidates, memberUnits } from '../../db/schema/index.ts';
import { AppError, validationError, violatedConstraint, type FieldIssue } from '../../lib/errors.ts';
import { validateIdCard } from '../../lib/identifiers.ts';
import { maskIdCard, maskPhone } from '../../lib/mask.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { CandidateListQuery, CreateCandidateBody, UpdateCandidateBody } from './candidates.schema.ts';
import { selfFieldNames } from './candidates.schema.ts';
import { checkCodes, codeNames } from './talent.shared.ts';
import { containsPattern } from '../../lib/like.ts';
import { getUnit } from '../consortium/consortium.service.ts';

export type CandidateRow = typeof candidates.$inferSelect;
export type Certificate = {
  name: string;
  kind: '1+X' | 'skill_level' | 'qualification' | 'other';
  level?: string | null;
  issuedOn?: string | null;
};

export const schoolUnitTypes = [
  'secondary_vocational',
  'higher_vocational',
  'vocational_undergraduate',
  'university',
  'training_institution',
];

export function presentCandidate(
  c: CandidateRow,
  opts: { personal: boolean; schoolName: string | null; majorName: string | null },
) {
  return {
    id: c.id,
    kind: c.kind,
    schoolUnitId: c.schoolUnitId,
    schoolName: opts.schoolName,
    userId: c.userId,
    name: c.name,
    idCard: opts.personal ? c.idCard : maskIdCard(c.idCard),
    gender: c.gender,
    birthDate: opts.personal ? c.birthDate : null,
    studentNo: c.studentNo,
    mobile: c.mobile ? (opts.personal ? c.mobile : maskPhone(c.mobile)) : null,
    majorCode: c.majorCode,
    majorName: opts.majorName,
    level: c.level,
    yearOfStudy: c.yearOfStudy,
    enrolmentYear: c.enrolmentYear,
    expectedGraduation: c.expectedGraduation,
    homeDistrict: c.homeDistrict,
    skills: c.skills,
    certificates: c.certificates as Certificate[],
    consentShare: c.consentShare,
    consentAt: c.consentAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Presents several candidates with school and major names, masking by the viewer's rights per school. */
export async function presentCandidates(
  db: Queryable,
  access: AccessControl,
  actor: Actor,
  rows: CandidateRow[],
) {
  const majors = await codeNames(
    db,
    'major',
    rows.flatMap((r) => (r.majorCode ? [r.majorCode] : [])),
  );
  const schoolIds = [...new Set(rows.flatMap((r) => (r.schoolUnitId ? [r.schoolUnitId] : [])))];
  const schools = new Map<string, string>();
  if (schoolIds.length && rows[0]) {
    const us = await db
      .select({ id: memberUnits.id, name: memberUnits.name })
      .from(memberUnits)
      .where(and(eq(memberUnits.consortiumId, rows[0].consortiumId), inArray(memberUnits.id, schoolIds)));
    for (const u of us) schools.set(u.id, u.name);
  }
  const personalBySchool = new Map<string | null, boolean>();
  const out = [];
  for (const r of rows) {
    let personal = personalBySchool.get(r.schoolUnitId);
    if (personal === undefined) {
      personal = await access.can(actor, 'candidate.read_personal', {
        consortiumId: r.consortiumId,
        unitId: r.schoolUnitId,
      });
      personalBySchool.set(r.schoolUnitId, personal);
    }
    out.push(
      presentCandidate(r, {
        personal: personal || r.userId === actor.userId,
        schoolName: r.schoolUnitId ? (schools.get(r.schoolUnitId) ?? null) : null,
        majorName: r.majorCode ? (majors.get(r.majorCode) ?? null) : null,
      }),
    );
  }
  return out;
}

const sortColumns = {
  name: candidates.name,
  updatedAt: candidates.updatedAt,
  expectedGraduation: candidates.expectedGraduation,
};

export function candidateFilter(consortiumId: string, q: Partial<CandidateListQuery>): SQL[] {
  const where: SQL[] = [eq(candidates.consortiumId, consortiumId)];
  if (q.q) where.push(or(ilike(candidates.name, containsPattern(q.q)), eq(candidates.studentNo, q.q))!);
  if (q.schoolUnitId) where.push(eq(candidates.schoolUnitId, q.schoolUnitId));
  if (q.majorCode) where.push(like(candidates.majorCode, `${q.majorCode}%`));
  if (q.level) where.push(eq(candidates.level, q.level));
  if (q.kind) where.push(eq(candidates.kind, q.kind));
  if (q.graduationYear)
    where.push(sql`extract(year from ${candidates.expectedGraduation}) = ${q.graduationYear}`);
  return where;
}

/** The rows the actor may list: all (consortium scope), their schools', or their own profile. */
async function scopeFilter(
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
): Promise<SQL | undefined> {
  const scope = await access.listScope(actor, 'candidate.read', consortiumId);
  if (scope.kind === 'all') return undefined;
  const parts: SQL[] = [];
  if (scope.unitIds.length) parts.push(inArray(candidates.schoolUnitId, scope.unitIds));
  if (scope.ownUserId) parts.push(eq(candidates.userId, scope.ownUserId));
  return or(...parts);
}

export async function listCandidates(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: CandidateListQuery,
) {
  const scope = await scopeFilter(access, actor, consortiumId);
  const where = and(...candidateFilter(consortiumId, q), ...(scope ? [scope] : []));
  const col = sortColumns[q.sort.replace(/^-/, '') as keyof typeof sortColumns];
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(candidates)
      .where(where)
      .orderBy(q.sort.startsWith('-') ? desc(col) : asc(col), asc(candidates.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(candidates)
      .where(where),
  ]);
  return {
    items: await presentCandidates(db, access, actor, rows),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

export async function allCandidates(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: Partial<CandidateListQuery>,
) {
  const scope = await scopeFilter(access, actor, consortiumId);
  return db
    .select()
    .from(candidates)
    .where(and(...candidateFilter(consortiumId, q), ...(scope ? [scope] : [])))
    .orderBy(asc(candidates.schoolUnitId), asc(candidates.studentNo), asc(candidates.name));
}

export async function loadCandidate(db: Queryable, consortiumId: string, candidateId: string) {
  const [c] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.id, candidateId)));
  if (!c) throw new AppError('CANDIDATE_NOT_FOUND', 'Candidate not found.');
  return c;
}

const target = (c: CandidateRow) => ({
  consortiumId: c.consortiumId,
  unitId: c.schoolUnitId,
  ownerUserId: c.userId,
});

/** A candidate the actor may read; otherwise 404 (other schools' students do not exist for them). */
export async function getCandidate(
  db: Queryable,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  candidateId: string,
) {
  await access.listScope(actor, 'candidate.read', consortiumId);
  const c = await loadCandidate(db, consortiumId, candidateId);
  if (!(await access.can(actor, 'candidate.read', target(c))))
    throw new AppError('CANDIDATE_NOT_FOUND', 'Candidate not found.');
  return c;
}

export async function myCandidate(db: Queryable, consortiumId: string, userId: string) {
  const [c] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.userId, userId)));
  return c;
}

/** Rules beyond the shape, for one candidate as it would be saved. */
export async function candidateIssues(
  db: Queryable,
  c: {
    majorCode?: string | null;
    homeDistrict?: string | null;
    enrolmentYear?: number | null;
    expectedGraduation?: string | null;
  },
  prefix = 'body',
): Promise<FieldIssue[]> {
  const issues = await checkCodes(db, [
    { path: `${prefix}.majorCode`, kind: 'major', code: c.majorCode },
    { path: `${prefix}.homeDistrict`, kind: 'region', code: c.homeDistrict },
  ]);
  if (c.enrolmentYear && c.expectedGraduation && Number(c.expectedGraduation.slice(0, 4)) < c.enrolmentYear) {
    issues.push({
      path: `${prefix}.expectedGraduation`,
      code: 'DATE_ORDER',
      message: 'graduation before enrolment',
    });
  }
  return issues;
}

async function requireSchool(db: Db, consortiumId: string, unitId: string) {
  const u = await getUnit(db, consortiumId, unitId);
  if (!schoolUnitTypes.includes(u.type)) {
    throw validationError([
      { path: 'body.schoolUnitId', code: 'NOT_A_SCHOOL', message: `${u.name} is not a school` },
    ]);
  }
  return u;
}

function personalFromIdCard(idCard: string) {
  const r = validateIdCard(idCard);
  if (!r.ok) throw validationError([{ path: 'body.idCard', code: r.rule, message: r.message }]);
  return { idCard: r.value, gender: r.sex, birthDate: r.birthDate };
}

export async function createCandidate(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: CreateCandidateBody,
  requestId?: string,
) {
  await access.require(actor, 'candidate.write', { consortiumId, unitId: body.schoolUnitId });
  if (body.schoolUnitId) await requireSchool(db, consortiumId, body.schoolUnitId);
  else if (!(await access.can(actor, 'candidate.write', { consortiumId }))) {
    throw new AppError('FORBIDDEN', 'Only the secretariat registers candidates without a school.', {
      capability: 'candidate.write',
    });
  }
  const issues = await candidateIssues(db, body);
  if (issues.length) throw validationError(issues);
  const personal = personalFromIdCard(body.idCard);
  try {
    return await db.transaction(async (tx) => {
      const [c] = await tx
        .insert(candidates)
        .values({
          consortiumId,
          ...body,
          ...personal,
          consentAt: body.consentShare ? new Date() : null,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        consortiumId,
        actor,
        entity: 'candidate',
        entityId: c!.id,
        action: 'create',
        after: presentCandidate(c!, { personal: false, schoolName: null, majorName: null }),
        requestId,
      });
      return c!;
    });
  } catch (err) {
    throw uniqueAsConflict(err);
  }
}

function uniqueAsConflict(err: unknown): unknown {
  const constraint = violatedConstraint(err);
  if (constraint === 'candidates_id_card') {
    return new AppError('ID_CARD_TAKEN', 'A candidate with this ID number is registered already.', {
      issues: [{ path: 'body.idCard', code: 'taken', message: 'already registered in this consortium' }],
    });
  }
  if (constraint === 'candidates_student_no') {
    return new AppError('CONFLICT', 'Another student of this school has this student number.', {
      issues: [{ path: 'body.studentNo', code: 'taken', message: 'already used in this school' }],
    });
  }
  if (constraint === 'candidates_user') {
    return new AppError('CONFLICT', 'This account already has a candidate profile.', {
      issues: [{ path: 'body.userId', code: 'taken', message: 'already linked to another profile' }],
    });
  }
  return err;
}

export async function updateCandidate(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  candidateId: string,
  patch: UpdateCandidateBody,
  requestId?: string,
) {
  const before = await getCandidate(db, access, actor, consortiumId, candidateId);
  const school = await access.can(actor, 'candidate.write', { consortiumId, unitId: before.schoolUnitId });
  const self = before.userId === actor.userId && (await access.can(actor, 'candidate.write', target(before)));
  if (!school && !self) {
    throw new AppError('FORBIDDEN', 'You do not have the permission candidate.write here.', {
      capability: 'candidate.write',
    });
  }
  if (!school) {
    const locked = Object.keys(patch).filter((k) => !selfFieldNames.includes(k));
    if (locked.length) {
      throw validationError(
        locked.map((k) => ({
          path: `body.${k}`,
          code: 'SCHOOL_ONLY',
          message: `${k} is kept by the school; ask it to change it`,
        })),
      );
    }
  }
  const merged = { ...before, ...patch };
  const issues = await candidateIssues(db, merged);
  if (issues.length) throw validationError(issues);
  const personal = patch.idCard ? personalFromIdCard(patch.idCard) : {};
  const consentChanged = patch.consentShare !== undefined && patch.consentShare !== before.consentShare;
  try {
    return await db.transaction(async (tx) => {
      const [after] = await tx
        .update(candidates)
        .set({
          ...patch,
          ...personal,
          ...(consentChanged ? { consentAt: patch.consentShare ? new Date() : null } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.id, candidateId)))
        .returning();
      const view = { personal: false, schoolName: null, majorName: null };
      await recordAudit(tx, {
        consortiumId,
        actor,
        entity: 'candidate',
        entityId: candidateId,
        action: 'update',
        before: presentCandidate(before, view),
        after: presentCandidate(after!, view),
        requestId,
      });
      return after!;
    });
  } catch (err) {
    throw uniqueAsConflict(err);
  }
}
