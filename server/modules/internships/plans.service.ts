// Internship plans (a school's cohort, majors, kind, period, goals, log cadence, rubric) and the
// registered external hosts (outside the consortium, with their USCC and employee count).
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import {
  internshipAssessments,
  internshipHosts,
  internshipPlacements,
  internshipPlans,
  memberUnits,
  memberships,
  placementFindings,
} from '../../db/schema/index.ts';
import { AppError, validationError, type FieldIssue } from '../../lib/errors.ts';
import { parseSort } from '../../lib/http.ts';
import { tenantJoin } from '../../db/tenant-join.ts';
import { containsPattern } from '../../lib/like.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { schoolTypes } from '../consortium/consortium.core.ts';
import { getUnit } from '../consortium/consortium.service.ts';
import { recordStatus } from '../talent/talent.shared.ts';
import { syncAgreement } from './agreements.ts';
import { lockHosts, reevaluateHosts } from './compliance.service.ts';
import type { CreatePlanBody, HostBody, UpdatePlanBody } from './internships.schema.ts';
import type { PlanRow } from './internships.shared.ts';

type RubricItem = { key: string; label: string; weight: number };
export const defaultRubric: RubricItem[] = [
  { key: 'skill', label: '专业技能', weight: 40 },
  { key: 'attitude', label: '职业素养与纪律', weight: 30 },
  { key: 'safety', label: '安全规范', weight: 15 },
  { key: 'growth', label: '学习与进步', weight: 15 },
];

/** Bring the agreements of the open placements that `which` selects up to date (they quote plan and host). */
async function syncOpenAgreements(tx: Queryable, consortiumId: string, which: SQL, actor: Actor) {
  const open = await tx
    .select({ id: internshipPlacements.id })
    .from(internshipPlacements)
    .where(
      and(
        eq(internshipPlacements.consortiumId, consortiumId),
        which,
        inArray(internshipPlacements.status, ['pending', 'active']),
      ),
    );
  for (const p of open) await syncAgreement(tx, consortiumId, p.id, actor);
}

function planIssues(p: { startDate: string; endDate: string }): FieldIssue[] {
  return p.endDate < p.startDate
    ? [{ path: 'endDate', code: 'date_order', message: 'The end date is before the start date.' }]
    : [];
}

/** The responsible teacher, when named by account, must be an account of the plan's school. */
async function teacherIssues(
  db: Queryable,
  consortiumId: string,
  schoolUnitId: string,
  teacherUserId: string | null | undefined,
): Promise<FieldIssue[]> {
  if (!teacherUserId) return [];
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.consortiumId, consortiumId),
        eq(memberships.userId, teacherUserId),
        eq(memberships.memberUnitId, schoolUnitId),
      ),
    );
  return m
    ? []
    : [
        {
          path: 'teacherUserId',
          code: 'not_staff',
          message: "The teacher must be an account of the plan's school.",
        },
      ];
}

async function planCounts(db: Queryable, consortiumId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { placements: number; blocked: number }>();
  const rows = await db
    .select({
      planId: internshipPlacements.planId,
      placements: sql<number>`count(*)::int`,
      blocked: sql<number>`count(*) filter (where exists (select 1 from ${placementFindings} f where f.consortium_id = ${internshipPlacements.consortiumId} and f.placement_id = ${internshipPlacements.id} and f.severity = 'block'))::int`,
    })
    .from(internshipPlacements)
    .where(
      and(eq(internshipPlacements.consortiumId, consortiumId), inArray(internshipPlacements.planId, ids)),
    )
    .groupBy(internshipPlacements.planId);
  return new Map(rows.map((r) => [r.planId, r]));
}

async function presentPlans(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  rows: PlanRow[],
) {
  const counts = await planCounts(
    db,
    consortiumId,
    rows.map((r) => r.id),
  );
  const schoolIds = [...new Set(rows.map((r) => r.schoolUnitId))];
  const names = new Map(
    schoolIds.length
      ? (
          await db
            .select({ id: memberUnits.id, name: memberUnits.name })
            .from(memberUnits)
            .where(and(eq(memberUnits.consortiumId, consortiumId), inArray(memberUnits.id, schoolIds)))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const editable = new Map<string, boolean>();
  for (const id of schoolIds) {
    editable.set(id, await access.can(actor, 'internship.write', { consortiumId, unitId: id }));
  }
  return rows.map((r) => ({
    id: r.id,
    schoolUnitId: r.schoolUnitId,
    schoolName: names.get(r.schoolUnitId) ?? '',
    title: r.title,
    kind: r.kind,
    majorCodes: r.majorCodes,
    cohort: r.cohort,
    startDate: r.startDate,
    endDate: r.endDate,
    goals: r.goals,
    teacherUserId: r.teacherUserId,
    teacherName: r.teacherName,
    logCadenceDays: r.logCadenceDays,
    rubric: r.rubric as RubricItem[],
    status: r.status,
    placements: counts.get(r.id)?.placements ?? 0,
    blocked: counts.get(r.id)?.blocked ?? 0,
    canEdit: editable.get(r.schoolUnitId) ?? false,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listPlans(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: {
    page: number;
    pageSize: number;
    sort: string;
    schoolUnitId?: string | undefined;
    kind?: 'observation' | 'position' | undefined;
    status?: 'draft' | 'active' | 'closed' | undefined;
    q?: string | undefined;
  },
) {
  const scope = await access.listScope(actor, 'internship.read', consortiumId);
  const where: SQL[] = [eq(internshipPlans.consortiumId, consortiumId)];
  if (scope.kind === 'restricted') {
    if (scope.unitIds.length === 0) return { items: [], page: q.page, pageSize: q.pageSize, total: 0 };
    where.push(inArray(internshipPlans.schoolUnitId, scope.unitIds));
  }
  if (q.schoolUnitId) where.push(eq(internshipPlans.schoolUnitId, q.schoolUnitId));
  if (q.kind) where.push(eq(internshipPlans.kind, q.kind));
  if (q.status) where.push(eq(internshipPlans.status, q.status));
  if (q.q) {
    const p = containsPattern(q.q);
    where.push(or(ilike(internshipPlans.title, p), ilike(internshipPlans.cohort, p))!);
  }
  const { field, desc: d } = parseSort(q.sort);
  const col =
    field === 'title'
      ? internshipPlans.title
      : field === 'createdAt'
        ? internshipPlans.createdAt
        : internshipPlans.startDate;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(internshipPlans)
      .where(and(...where))
      .orderBy(d ? desc(col) : asc(col), asc(internshipPlans.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(internshipPlans)
      .where(and(...where)),
  ]);
  return {
    items: await presentPlans(db, access, actor, consortiumId, rows),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

export async function findPlan(db: Queryable, consortiumId: string, planId: string): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(internshipPlans)
    .where(and(eq(internshipPlans.consortiumId, consortiumId), eq(internshipPlans.id, planId)));
  return row ?? null;
}

/** A plan the actor may see (its school's staff, or the whole consortium's readers), else 404. */
export async function loadPlan(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  planId: string,
) {
  const scope = await access.listScope(actor, 'internship.read', consortiumId);
  const plan = await findPlan(db, consortiumId, planId);
  if (!plan || (scope.kind === 'restricted' && !scope.unitIds.includes(plan.schoolUnitId))) {
    throw new AppError('PLAN_NOT_FOUND', 'Internship plan not found.');
  }
  return plan;
}

export async function getPlan(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  planId: string,
) {
  const plan = await loadPlan(db, access, actor, consortiumId, planId);
  return (await presentPlans(db, access, actor, consortiumId, [plan]))[0]!;
}

export async function createPlan(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: CreatePlanBody,
  requestId?: string,
) {
  await access.require(actor, 'internship.write', { consortiumId, unitId: body.schoolUnitId });
  const school = await getUnit(db, consortiumId, body.schoolUnitId);
  const issues = [
    ...planIssues(body),
    ...(await teacherIssues(db, consortiumId, body.schoolUnitId, body.teacherUserId)),
  ];
  if (!(schoolTypes as readonly string[]).includes(school.type)) {
    issues.push({ path: 'schoolUnitId', code: 'not_a_school', message: `${school.name} is not a school.` });
  }
  if (issues.length) throw validationError(issues);
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(internshipPlans)
      .values({
        consortiumId,
        ...body,
        goals: body.goals ?? null,
        teacherUserId: body.teacherUserId ?? null,
        rubric: body.rubric ?? defaultRubric,
        createdBy: actor.userId,
      })
      .returning();
    await recordStatus(tx, {
      consortiumId,
      actor,
      entity: 'plan',
      entityId: plan!.id,
      from: null,
      to: plan!.status,
    });
    const [out] = await presentPlans(tx, access, actor, consortiumId, [plan!]);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_plan',
      entityId: plan!.id,
      action: 'create',
      after: out!,
      requestId,
    });
    return out!;
  });
}

export async function updatePlan(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  planId: string,
  patch: UpdatePlanBody,
  requestId?: string,
) {
  const plan = await loadPlan(db, access, actor, consortiumId, planId);
  await access.require(actor, 'internship.write', { consortiumId, unitId: plan.schoolUnitId });
  const next = { ...plan, ...patch };
  const issues = [
    ...planIssues(next),
    ...(patch.teacherUserId !== undefined
      ? await teacherIssues(db, consortiumId, plan.schoolUnitId, patch.teacherUserId)
      : []),
  ];
  if (patch.startDate !== undefined || patch.endDate !== undefined) {
    // a shorter plan must still hold its placements
    const [outside] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(internshipPlacements)
      .where(
        and(
          eq(internshipPlacements.consortiumId, consortiumId),
          eq(internshipPlacements.planId, planId),
          sql`${internshipPlacements.status} <> 'cancelled'`,
          sql`(${internshipPlacements.startDate} < ${next.startDate} or ${internshipPlacements.endDate} > ${next.endDate})`,
        ),
      );
    if ((outside?.n ?? 0) > 0) {
      issues.push({
        path: 'startDate',
        code: 'placements_outside',
        message: `${outside!.n} placement(s) of this plan lie outside ${next.startDate} – ${next.endDate}; change them first.`,
      });
    }
  }
  if (patch.rubric !== undefined) {
    const [assessed] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(internshipAssessments)
      .innerJoin(
        internshipPlacements,
        tenantJoin(
          internshipPlacements,
          internshipAssessments.placementId,
          internshipAssessments.consortiumId,
        ),
      )
      .where(
        and(
          eq(internshipAssessments.consortiumId, consortiumId),
          eq(internshipPlacements.planId, planId),
          sql`${internshipAssessments.role} <> 'student'`,
        ),
      );
    if ((assessed?.n ?? 0) > 0) {
      issues.push({
        path: 'rubric',
        code: 'assessed',
        message: 'Mentors have already assessed interns of this plan on its rubric; it cannot change now.',
      });
    }
  }
  const [placed] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(internshipPlacements)
    .where(and(eq(internshipPlacements.consortiumId, consortiumId), eq(internshipPlacements.planId, planId)));
  if (patch.kind && patch.kind !== plan.kind && (placed?.n ?? 0) > 0) {
    issues.push({
      path: 'kind',
      code: 'has_placements',
      message:
        'The kind of a plan with placements cannot change: the rules that apply would change under them.',
    });
  }
  if (issues.length) throw validationError(issues);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(internshipPlans)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(internshipPlans.consortiumId, consortiumId), eq(internshipPlans.id, planId)))
      .returning();
    // the agreements of its open placements quote the plan (title, goals, rubric): bring them up to date
    await syncOpenAgreements(tx, consortiumId, eq(internshipPlacements.planId, planId), actor);
    if (patch.status && patch.status !== plan.status) {
      await recordStatus(tx, {
        consortiumId,
        actor,
        entity: 'plan',
        entityId: planId,
        from: plan.status,
        to: patch.status,
      });
    }
    const [before, out] = await presentPlans(tx, access, actor, consortiumId, [plan, after!]);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_plan',
      entityId: planId,
      action: 'update',
      before: before!,
      after: out!,
      requestId,
    });
    return out!;
  });
}

// ---------------------------------------------------------------------------------------------------
// External hosts

function presentHost(h: typeof internshipHosts.$inferSelect, placements: number) {
  return {
    id: h.id,
    name: h.name,
    uscc: h.uscc,
    regionCode: h.regionCode,
    industryCode: h.industryCode,
    employeeCount: h.employeeCount,
    employeeCountAsOf: h.employeeCountAsOf,
    contactName: h.contactName,
    contactPhone: h.contactPhone,
    placements,
  };
}

async function hostPlacementCounts(db: Queryable, consortiumId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: internshipPlacements.externalHostId, n: sql<number>`count(*)::int` })
    .from(internshipPlacements)
    .where(
      and(
        eq(internshipPlacements.consortiumId, consortiumId),
        inArray(internshipPlacements.externalHostId, ids),
        inArray(internshipPlacements.status, ['pending', 'active']),
      ),
    )
    .groupBy(internshipPlacements.externalHostId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

export async function listHosts(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: { page: number; pageSize: number; q?: string | undefined },
) {
  await access.listScope(actor, 'internship.read', consortiumId);
  const where: SQL[] = [eq(internshipHosts.consortiumId, consortiumId)];
  if (q.q) {
    const p = containsPattern(q.q);
    where.push(or(ilike(internshipHosts.name, p), ilike(internshipHosts.uscc, p))!);
  }
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(internshipHosts)
      .where(and(...where))
      .orderBy(asc(internshipHosts.name), asc(internshipHosts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(internshipHosts)
      .where(and(...where)),
  ]);
  const counts = await hostPlacementCounts(
    db,
    consortiumId,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((h) => presentHost(h, counts.get(h.id) ?? 0)),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

/**
 * Registering or editing an external host needs the right to make placements somewhere in the
 * consortium: the secretariat, or the staff of a school (an enterprise's admin also holds
 * internship.write for its own unit, but an enterprise makes no placements).
 */
export async function requireSomeWrite(db: Db, access: AccessControl, actor: Actor, consortiumId: string) {
  const scope = await access.listScope(actor, 'internship.read', consortiumId);
  if (await access.can(actor, 'internship.write', { consortiumId })) return;
  const units = scope.kind === 'all' ? [] : scope.unitIds;
  const schools = units.length
    ? await db
        .select({ id: memberUnits.id })
        .from(memberUnits)
        .where(
          and(
            eq(memberUnits.consortiumId, consortiumId),
            inArray(memberUnits.id, units),
            inArray(memberUnits.type, [...schoolTypes]),
          ),
        )
    : [];
  for (const { id } of schools) {
    if (await access.can(actor, 'internship.write', { consortiumId, unitId: id })) return;
  }
  throw new AppError('FORBIDDEN', 'Only a school or the secretariat registers external hosts.', {
    capability: 'internship.write',
  });
}

async function hostIssues(
  db: Db,
  consortiumId: string,
  body: HostBody,
  id: string | null,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const [member] = await db
    .select({ name: memberUnits.name })
    .from(memberUnits)
    .where(and(eq(memberUnits.consortiumId, consortiumId), eq(memberUnits.uscc, body.uscc)));
  if (member) {
    issues.push({
      path: 'uscc',
      code: 'member_unit',
      message: `${member.name} is a member unit with this USCC: choose it as a member host instead.`,
    });
  }
  if ((body.employeeCount ?? null) !== null && !body.employeeCountAsOf) {
    issues.push({
      path: 'employeeCountAsOf',
      code: 'required',
      message: 'Say as of when the employee count holds.',
    });
  }
  const [taken] = await db
    .select({ id: internshipHosts.id })
    .from(internshipHosts)
    .where(and(eq(internshipHosts.consortiumId, consortiumId), eq(internshipHosts.uscc, body.uscc)));
  if (taken && taken.id !== id)
    throw new AppError('USCC_TAKEN', 'A host with this USCC is already registered.');
  return issues;
}

export async function createHost(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: HostBody,
  requestId?: string,
) {
  await requireSomeWrite(db, access, actor, consortiumId);
  const issues = await hostIssues(db, consortiumId, body, null);
  if (issues.length) throw validationError(issues);
  return db.transaction(async (tx) => {
    const [h] = await tx
      .insert(internshipHosts)
      .values({ consortiumId, ...body, createdBy: actor.userId })
      .returning();
    const out = presentHost(h!, 0);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_host',
      entityId: h!.id,
      action: 'create',
      after: out,
      requestId,
    });
    return out;
  });
}

export async function updateHost(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  hostId: string,
  body: HostBody,
  requestId?: string,
) {
  await requireSomeWrite(db, access, actor, consortiumId);
  const [before] = await db
    .select()
    .from(internshipHosts)
    .where(and(eq(internshipHosts.consortiumId, consortiumId), eq(internshipHosts.id, hostId)));
  if (!before) throw new AppError('HOST_NOT_FOUND', 'Host not found.');
  // its employee count is the base of every school's cap there: only who registered it, or the
  // secretariat, may change the host
  if (before.createdBy !== actor.userId && !(await access.can(actor, 'internship.write', { consortiumId }))) {
    throw new AppError('FORBIDDEN', 'Only who registered this host, or the secretariat, may change it.', {
      capability: 'internship.write',
    });
  }
  const issues = await hostIssues(db, consortiumId, body, hostId);
  if (issues.length) throw validationError(issues);
  return db.transaction(async (tx) => {
    const host = { kind: 'external' as const, id: hostId };
    await lockHosts(tx, consortiumId, [host]);
    const [after] = await tx
      .update(internshipHosts)
      .set({ ...body, updatedAt: new Date() })
      .where(and(eq(internshipHosts.consortiumId, consortiumId), eq(internshipHosts.id, hostId)))
      .returning();
    // the base of the 10% cap may have moved
    if (before.employeeCount !== after!.employeeCount) await reevaluateHosts(tx, consortiumId, [host]);
    // its name and USCC are in the agreements of its open placements
    if (before.name !== after!.name || before.uscc !== after!.uscc) {
      await syncOpenAgreements(tx, consortiumId, eq(internshipPlacements.externalHostId, hostId), actor);
    }
    const counts = await hostPlacementCounts(tx, consortiumId, [hostId]);
    const out = presentHost(after!, counts.get(hostId) ?? 0);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_host',
      entityId: hostId,
      action: 'update',
      before: presentHost(before, out.placements),
      after: out,
      requestId,
    });
    return out;
  });
}
