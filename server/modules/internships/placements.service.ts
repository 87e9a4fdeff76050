// Internship placements: saved only when no rule blocks them (the rules evaluated inside the transaction
// that holds the host's lock, so that two schools cannot together pass a host's cap), started only with
// the three confirmations and valid insurance, completed, terminated or cancelled; the explainable check;
// placements from a confirmed matching run; the hourly sweep that starts and completes them on their dates.
import { and, asc, desc, eq, ilike, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import {
  candidates,
  internshipHosts,
  internshipPlacements,
  internshipPlans,
  matchingResults,
  matchingRuns,
  memberUnits,
  memberships,
  placementFindings,
  postings,
} from '../../db/schema/index.ts';
import { blocking, type Finding } from '../../engine/compliance/index.ts';
import { AppError, validationError, type FieldIssue } from '../../lib/errors.ts';
import { parseSort } from '../../lib/http.ts';
import { containsPattern } from '../../lib/like.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isCurrentMember } from '../talent/talent.core.ts';
import { notify, recordStatus, statusHistory, today, unitUserIds } from '../talent/talent.shared.ts';
import { agreementState, syncAgreement } from './agreements.ts';
import {
  evaluateDraft,
  hostRefOf,
  lockHosts,
  reevaluateHosts,
  presentFinding,
  saveFindings,
  type Draft,
  type HostRef,
} from './compliance.service.ts';
import type { PlacementStatus } from './internships.enums.ts';
import type {
  PlacementBody,
  PlacementListQuery,
  UpdatePlacementBody,
  fromRunBody,
} from './internships.schema.ts';
import { placementBody, updatePlacementBody } from './internships.schema.ts';
import {
  hostNameSql,
  loadPlacement,
  lockPlacementRow,
  requireSide,
  schoolNameSql,
  type PlacementRow,
  type PlanRow,
} from './internships.shared.ts';
import { findPlan, loadPlan } from './plans.service.ts';
import type { z } from 'zod';
import { tenantJoin } from '../../db/tenant-join.ts';

const link = (id: string) => `/internships/placements/${id}`;
const OPEN: PlacementStatus[] = ['pending', 'active'];

// ---------------------------------------------------------------------------------------------------
// Validation of the data (400 / 409) — the rules of the regulation come after, in the engine

type Fields = Omit<
  Draft,
  | 'id'
  | 'consortiumId'
  | 'status'
  | 'terminatedOn'
  | 'statusNote'
  | 'matchingRunId'
  | 'finalScore'
  | 'finalGrade'
>;

/** A placement's fields with every optional one filled as stored. */
export function fieldsOf(
  planId: string,
  candidateId: string,
  schoolUnitId: string,
  b: z.infer<typeof updatePlacementBody> & Partial<PlacementBody>,
  base?: PlacementRow,
): Fields {
  const pick = <K extends keyof Fields>(k: K, dflt: Fields[K]): Fields[K] =>
    (b as Record<string, unknown>)[k] !== undefined
      ? ((b as Record<string, unknown>)[k] as Fields[K])
      : base
        ? base[k]
        : dflt;
  return {
    planId,
    candidateId,
    schoolUnitId,
    hostKind: pick('hostKind', 'member'),
    hostUnitId: pick('hostUnitId', null),
    externalHostId: pick('externalHostId', null),
    postingId: pick('postingId', null),
    postTitle: pick('postTitle', ''),
    postStaffCount: pick('postStaffCount', null),
    postMajorCodes: pick('postMajorCodes', []),
    schoolMentorUserId: pick('schoolMentorUserId', null),
    schoolMentorName: pick('schoolMentorName', ''),
    enterpriseMentorUserId: pick('enterpriseMentorUserId', null),
    enterpriseMentorName: pick('enterpriseMentorName', ''),
    startDate: pick('startDate', ''),
    endDate: pick('endDate', ''),
    dailyHours: pick('dailyHours', 8),
    daysPerWeek: pick('daysPerWeek', 5),
    nightShifts: pick('nightShifts', false),
    holidayWork: pick('holidayWork', false),
    overtime: pick('overtime', false),
    hazardousWork: pick('hazardousWork', false),
    exemptionRef: pick('exemptionRef', null),
    payAmount: pick('payAmount', null),
    postWage: pick('postWage', null),
    payChannel: pick('payChannel', null),
    payFrequency: pick('payFrequency', null),
    intensityClass: pick('intensityClass', 1),
    venueType: pick('venueType', 'factory'),
    address: pick('address', null),
    viaIntermediary: pick('viaIntermediary', false),
    feesCharged: pick('feesCharged', false),
    documentsHeld: pick('documentsHeld', false),
    guardianConsent: pick('guardianConsent', false),
    insurer: pick('insurer', null),
    policyNo: pick('policyNo', null),
    insuranceStart: pick('insuranceStart', null),
    insuranceEnd: pick('insuranceEnd', null),
    premiumPaidBy: pick('premiumPaidBy', null),
  };
}

/**
 * Everything wrong with the data itself: dates out of order or outside the plan, a student of another
 * school or major, an unknown or departed host, a posting of another host, a student already placed
 * over the same days. Throws 400 naming the fields, or 409 for the overlap.
 */
export async function checkData(
  db: Queryable,
  consortiumId: string,
  plan: PlanRow,
  f: Fields,
  selfId: string | null,
) {
  const issues: FieldIssue[] = [];
  const add = (path: string, code: string, message: string) => issues.push({ path, code, message });
  if (f.endDate < f.startDate) add('endDate', 'date_order', 'The end date is before the start date.');
  if (f.startDate < plan.startDate || f.endDate > plan.endDate) {
    add(
      'startDate',
      'outside_plan',
      `The placement must lie within the plan's period ${plan.startDate} – ${plan.endDate}.`,
    );
  }
  if (f.insuranceStart && f.insuranceEnd && f.insuranceEnd < f.insuranceStart) {
    add('insuranceEnd', 'date_order', 'The insurance ends before it starts.');
  }
  const [student] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.id, f.candidateId)));
  if (!student) add('candidateId', 'not_found', 'No such student in this consortium.');
  else {
    if (student.schoolUnitId !== plan.schoolUnitId)
      add('candidateId', 'other_school', `${student.name} is not a student of the plan's school.`);
    if (plan.majorCodes.length && !plan.majorCodes.some((m) => (student.majorCode ?? '').startsWith(m))) {
      add(
        'candidateId',
        'other_major',
        `${student.name}'s major ${student.majorCode ?? '(none)'} is not among the plan's majors ${plan.majorCodes.join(', ')}.`,
      );
    }
  }
  if (f.hostKind === 'member') {
    if (!f.hostUnitId) add('hostUnitId', 'required', 'Choose the member unit that hosts the intern.');
    else {
      const [u] = await db
        .select()
        .from(memberUnits)
        .where(and(eq(memberUnits.consortiumId, consortiumId), eq(memberUnits.id, f.hostUnitId)));
      if (!u) add('hostUnitId', 'not_found', 'No such member unit.');
      else if (!isCurrentMember(u, today()))
        add('hostUnitId', 'not_member', `${u.name} is not a current member.`);
      else if (u.id === plan.schoolUnitId)
        add('hostUnitId', 'own_school', 'The school cannot host its own internship here.');
    }
    if (f.externalHostId)
      add('externalHostId', 'not_allowed', 'An external host is only for hostKind = external.');
  } else {
    if (!f.externalHostId) add('externalHostId', 'required', 'Choose the registered external host.');
    else {
      const [x] = await db
        .select({ id: internshipHosts.id })
        .from(internshipHosts)
        .where(and(eq(internshipHosts.consortiumId, consortiumId), eq(internshipHosts.id, f.externalHostId)));
      if (!x) add('externalHostId', 'not_found', 'No such external host.');
    }
    if (f.hostUnitId) add('hostUnitId', 'not_allowed', 'A member unit is only for hostKind = member.');
  }
  if (f.postingId) {
    const [p] = await db
      .select()
      .from(postings)
      .where(and(eq(postings.consortiumId, consortiumId), eq(postings.id, f.postingId)));
    if (!p) add('postingId', 'not_found', 'No such posting.');
    else if (p.unitId !== f.hostUnitId)
      add('postingId', 'other_host', 'The posting belongs to another enterprise.');
    else if (p.kind !== 'internship')
      add('postingId', 'not_internship', 'The posting is a job, not an internship.');
  }
  const member = async (userId: string | null, unitId: string | null) =>
    userId === null ||
    (unitId !== null &&
      (
        await db
          .select({ id: memberships.id })
          .from(memberships)
          .where(
            and(
              eq(memberships.consortiumId, consortiumId),
              eq(memberships.userId, userId),
              eq(memberships.memberUnitId, unitId),
            ),
          )
      ).length > 0);
  if (!(await member(f.schoolMentorUserId, plan.schoolUnitId))) {
    add('schoolMentorUserId', 'not_staff', "The school mentor must be an account of the plan's school.");
  }
  if (!(await member(f.enterpriseMentorUserId, f.hostKind === 'member' ? f.hostUnitId : null))) {
    add('enterpriseMentorUserId', 'not_staff', 'The enterprise mentor must be an account of the host unit.');
  }
  if (issues.length) throw validationError(issues);
  await checkOverlap(db, consortiumId, f, selfId, student!.name);
}

/** 409 when the student already has an open placement over any of these days. */
async function checkOverlap(
  db: Queryable,
  consortiumId: string,
  f: Pick<Fields, 'candidateId' | 'startDate' | 'endDate'>,
  selfId: string | null,
  studentName: string,
) {
  const overlap = await db
    .select({
      id: internshipPlacements.id,
      startDate: internshipPlacements.startDate,
      endDate: internshipPlacements.endDate,
    })
    .from(internshipPlacements)
    .where(
      and(
        eq(internshipPlacements.consortiumId, consortiumId),
        eq(internshipPlacements.candidateId, f.candidateId),
        inArray(internshipPlacements.status, OPEN),
        lte(internshipPlacements.startDate, f.endDate),
        sql`coalesce(${internshipPlacements.terminatedOn}, ${internshipPlacements.endDate}) >= ${f.startDate}`,
        selfId ? ne(internshipPlacements.id, selfId) : sql`true`,
      ),
    );
  if (overlap.length) {
    throw new AppError(
      'CONFLICT',
      `${studentName} already has a placement from ${overlap[0]!.startDate} to ${overlap[0]!.endDate}.`,
      { placementId: overlap[0]!.id },
    );
  }
}

function refuse(findings: Finding[]): never {
  const b = blocking(findings);
  throw new AppError('COMPLIANCE_VIOLATION', b.map((f) => f.messageZh).join('；'), {
    findings,
    rules: b.map((f) => f.ruleId),
  });
}

// ---------------------------------------------------------------------------------------------------
// Presenting

type Listed = {
  placement: PlacementRow;
  kind: 'observation' | 'position';
  planTitle: string;
  studentName: string;
  studentNo: string | null;
  majorCode: string | null;
  schoolName: string;
  hostName: string;
};

function selectListed(db: Queryable) {
  return db
    .select({
      placement: internshipPlacements,
      kind: internshipPlans.kind,
      planTitle: internshipPlans.title,
      studentName: candidates.name,
      studentNo: candidates.studentNo,
      majorCode: candidates.majorCode,
      schoolName: schoolNameSql,
      hostName: hostNameSql,
    })
    .from(internshipPlacements)
    .innerJoin(
      internshipPlans,
      tenantJoin(internshipPlans, internshipPlacements.planId, internshipPlacements.consortiumId),
    )
    .innerJoin(
      candidates,
      tenantJoin(candidates, internshipPlacements.candidateId, internshipPlacements.consortiumId),
    )
    .$dynamic();
}

async function present(db: Queryable, consortiumId: string, rows: Listed[]) {
  const ids = rows.map((r) => r.placement.id);
  const found = ids.length
    ? await db
        .select()
        .from(placementFindings)
        .where(
          and(eq(placementFindings.consortiumId, consortiumId), inArray(placementFindings.placementId, ids)),
        )
    : [];
  return rows.map((r) => {
    const p = r.placement;
    return {
      id: p.id,
      planId: p.planId,
      planTitle: r.planTitle,
      kind: r.kind,
      candidateId: p.candidateId,
      studentName: r.studentName,
      studentNo: r.studentNo,
      majorCode: r.majorCode,
      schoolUnitId: p.schoolUnitId,
      schoolName: r.schoolName,
      hostKind: p.hostKind,
      hostUnitId: p.hostUnitId,
      externalHostId: p.externalHostId,
      hostName: r.hostName,
      postingId: p.postingId,
      postTitle: p.postTitle,
      postStaffCount: p.postStaffCount,
      postMajorCodes: p.postMajorCodes,
      schoolMentorUserId: p.schoolMentorUserId,
      schoolMentorName: p.schoolMentorName,
      enterpriseMentorUserId: p.enterpriseMentorUserId,
      enterpriseMentorName: p.enterpriseMentorName,
      startDate: p.startDate,
      endDate: p.endDate,
      dailyHours: p.dailyHours,
      daysPerWeek: p.daysPerWeek,
      nightShifts: p.nightShifts,
      holidayWork: p.holidayWork,
      overtime: p.overtime,
      hazardousWork: p.hazardousWork,
      exemptionRef: p.exemptionRef,
      payAmount: p.payAmount,
      postWage: p.postWage,
      payChannel: p.payChannel,
      payFrequency: p.payFrequency,
      intensityClass: p.intensityClass,
      venueType: p.venueType,
      address: p.address,
      viaIntermediary: p.viaIntermediary,
      feesCharged: p.feesCharged,
      documentsHeld: p.documentsHeld,
      guardianConsent: p.guardianConsent,
      insurer: p.insurer,
      policyNo: p.policyNo,
      insuranceStart: p.insuranceStart,
      insuranceEnd: p.insuranceEnd,
      premiumPaidBy: p.premiumPaidBy,
      status: p.status,
      terminatedOn: p.terminatedOn,
      statusNote: p.statusNote,
      matchingRunId: p.matchingRunId,
      finalScore: p.finalScore,
      finalGrade: p.finalGrade,
      findings: found
        .filter((f) => f.placementId === p.id)
        .map(presentFinding)
        .sort((a, b) =>
          a.severity === b.severity ? a.ruleId.localeCompare(b.ruleId) : a.severity === 'block' ? -1 : 1,
        ),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  });
}
export type PlacementOut = Awaited<ReturnType<typeof present>>[number];

async function presentOne(db: Queryable, consortiumId: string, id: string): Promise<PlacementOut> {
  const rows = await selectListed(db).where(
    and(eq(internshipPlacements.consortiumId, consortiumId), eq(internshipPlacements.id, id)),
  );
  return (await present(db, consortiumId, rows))[0]!;
}

// ---------------------------------------------------------------------------------------------------
// Reading

export async function listPlacements(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: PlacementListQuery,
) {
  const scope = await access.listScope(actor, 'internship.read', consortiumId);
  const where: SQL[] = [eq(internshipPlacements.consortiumId, consortiumId)];
  if (scope.kind === 'restricted') {
    const parts: SQL[] = [];
    if (scope.unitIds.length) {
      parts.push(
        inArray(internshipPlacements.schoolUnitId, scope.unitIds),
        inArray(internshipPlacements.hostUnitId, scope.unitIds),
      );
    }
    if (scope.ownUserId) parts.push(eq(candidates.userId, scope.ownUserId));
    if (parts.length === 0) return { items: [], page: q.page, pageSize: q.pageSize, total: 0 };
    where.push(or(...parts)!);
  }
  if (q.mine) where.push(eq(candidates.userId, actor.userId));
  if (q.planId) where.push(eq(internshipPlacements.planId, q.planId));
  if (q.schoolUnitId) where.push(eq(internshipPlacements.schoolUnitId, q.schoolUnitId));
  if (q.hostUnitId) where.push(eq(internshipPlacements.hostUnitId, q.hostUnitId));
  if (q.externalHostId) where.push(eq(internshipPlacements.externalHostId, q.externalHostId));
  if (q.candidateId) where.push(eq(internshipPlacements.candidateId, q.candidateId));
  if (q.status) where.push(eq(internshipPlacements.status, q.status));
  if (q.finding) {
    const sev = q.finding === 'any' ? sql`true` : sql`f.severity = ${q.finding}`;
    where.push(
      sql`exists (select 1 from ${placementFindings} f where f.consortium_id = ${internshipPlacements.consortiumId} and f.placement_id = ${internshipPlacements.id} and ${sev})`,
    );
  }
  if (q.q) {
    const p = containsPattern(q.q);
    where.push(
      or(
        ilike(candidates.name, p),
        ilike(internshipPlacements.postTitle, p),
        sql`${hostNameSql} ilike ${p}`,
      )!,
    );
  }
  const { field, desc: d } = parseSort(q.sort);
  const col =
    field === 'studentName'
      ? candidates.name
      : field === 'hostName'
        ? hostNameSql
        : field === 'createdAt'
          ? internshipPlacements.createdAt
          : internshipPlacements.startDate;
  const [rows, [count]] = await Promise.all([
    selectListed(db)
      .where(and(...where))
      .orderBy(d ? desc(col) : asc(col), asc(internshipPlacements.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(internshipPlacements)
      .innerJoin(
        candidates,
        tenantJoin(candidates, internshipPlacements.candidateId, internshipPlacements.consortiumId),
      )
      .where(and(...where)),
  ]);
  return {
    items: await present(db, consortiumId, rows),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

/** All placements a listing would give, for the Excel export (at most 20,000). */
export async function exportPlacements(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: PlacementListQuery,
) {
  return (await listPlacements(db, access, actor, consortiumId, { ...q, page: 1, pageSize: 20_000 })).items;
}

export async function placementDetail(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
) {
  const { placement, sides } = await loadPlacement(db, access, actor, consortiumId, id);
  const [out, history, agreement] = await Promise.all([
    presentOne(db, consortiumId, id),
    statusHistory(db, consortiumId, 'placement', id),
    agreementState(db, consortiumId, id),
  ]);
  const w = sides.schoolWrite;
  return {
    ...out,
    history,
    agreement: agreement
      ? {
          version: agreement.version,
          contentHash: agreement.contentHash,
          confirmed: agreement.confirmed,
          complete: agreement.complete,
        }
      : null,
    can: {
      edit: w && OPEN.includes(placement.status),
      start: w && placement.status === 'pending',
      complete: w && placement.status === 'active',
      terminate: w && placement.status === 'active',
      cancel: w && placement.status === 'pending',
    },
    sides: { school: sides.school, host: sides.host, student: sides.student, all: sides.all },
  };
}

// ---------------------------------------------------------------------------------------------------
// The explainable check: may this placement be saved (or started), and if not, why — nothing is saved

export async function checkPlacement(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: { placementId?: string | undefined; placement: Record<string, unknown>; stage: 'save' | 'start' },
) {
  let plan: PlanRow;
  let fields: Fields;
  let existing: PlacementRow | null = null;
  if (body.placementId) {
    const loaded = await loadPlacement(db, access, actor, consortiumId, body.placementId);
    existing = loaded.placement;
    const patch = parseOrThrow(updatePlacementBody, body.placement, 'placement');
    plan = (await findPlan(db, consortiumId, existing.planId))!;
    fields = fieldsOf(plan.id, existing.candidateId, plan.schoolUnitId, patch, existing);
  } else {
    const b = parseOrThrow(placementBody, body.placement, 'placement');
    plan = await loadPlan(db, access, actor, consortiumId, b.planId);
    fields = fieldsOf(plan.id, b.candidateId, plan.schoolUnitId, b);
  }
  await access.require(actor, 'internship.write', { consortiumId, unitId: plan.schoolUnitId });
  await checkData(db, consortiumId, plan, fields, existing?.id ?? null);
  const draft: Draft = { ...draftBase(existing, consortiumId), ...fields };
  const agreement =
    body.stage === 'start' && existing ? await agreementState(db, consortiumId, existing.id) : null;
  const findings = await evaluateDraft(
    db,
    consortiumId,
    draft,
    plan.kind,
    body.stage,
    agreement?.confirmed ?? null,
  );
  return { ok: blocking(findings).length === 0, findings };
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw validationError(
    r.error.issues.map((i) => ({
      path: [prefix, ...i.path.map(String)].join('.'),
      code: i.code,
      message: i.message,
    })),
  );
}

function draftBase(existing: PlacementRow | null, consortiumId: string) {
  return {
    id: existing?.id ?? null,
    consortiumId,
    status: existing?.status ?? ('pending' as const),
    terminatedOn: existing?.terminatedOn ?? null,
    statusNote: existing?.statusNote ?? null,
    matchingRunId: existing?.matchingRunId ?? null,
    finalScore: existing?.finalScore ?? null,
    finalGrade: existing?.finalGrade ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

async function notifyParties(
  db: Queryable,
  consortiumId: string,
  p: Pick<
    PlacementRow,
    'id' | 'hostKind' | 'hostUnitId' | 'enterpriseMentorUserId' | 'schoolMentorUserId' | 'candidateId'
  >,
  n: { kind: string; title: string; body?: string },
  who: { host?: boolean; student?: boolean; school?: boolean },
) {
  const ids: string[] = [];
  if (who.host && p.hostKind === 'member' && p.hostUnitId) {
    ids.push(...(await unitUserIds(db, consortiumId, p.hostUnitId, ['unit_admin'])));
    if (p.enterpriseMentorUserId) ids.push(p.enterpriseMentorUserId);
  }
  if (who.school && p.schoolMentorUserId) ids.push(p.schoolMentorUserId);
  if (who.student) {
    const [s] = await db
      .select({ userId: candidates.userId })
      .from(candidates)
      .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.id, p.candidateId)));
    if (s?.userId) ids.push(s.userId);
  }
  await notify(db, consortiumId, ids, { ...n, link: link(p.id) });
}

/** Insert a placement whose data passed `checkData`, under the host's lock; refuse it if a rule blocks. */
export async function insertChecked(
  tx: Queryable,
  actor: Actor,
  consortiumId: string,
  plan: PlanRow,
  fields: Fields,
  extra: { matchingRunId?: string | null; reevaluate?: boolean },
  requestId?: string,
): Promise<{ id: string; findings: Finding[] }> {
  const host = hostRefOf(fields);
  await lockHosts(tx, consortiumId, [host], [fields.candidateId]);
  // checked before the locks; again now that no other save of this student can slip in between
  const [student] = await tx
    .select({ name: candidates.name })
    .from(candidates)
    .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.id, fields.candidateId)));
  await checkOverlap(tx, consortiumId, fields, null, student?.name ?? '');
  const draft: Draft = {
    ...draftBase(null, consortiumId),
    ...fields,
    matchingRunId: extra.matchingRunId ?? null,
  };
  const findings = await evaluateDraft(tx, consortiumId, draft, plan.kind, 'save');
  if (blocking(findings).length) refuse(findings);
  const [row] = await tx
    .insert(internshipPlacements)
    .values({ ...fields, consortiumId, matchingRunId: extra.matchingRunId ?? null, createdBy: actor.userId })
    .returning();
  await saveFindings(tx, consortiumId, row!.id, findings);
  if (extra.reevaluate !== false) await reevaluateHosts(tx, consortiumId, [host]);
  await syncAgreement(tx, consortiumId, row!.id, actor);
  await recordStatus(tx, {
    consortiumId,
    actor,
    entity: 'placement',
    entityId: row!.id,
    from: null,
    to: 'pending',
  });
  await recordAudit(tx, {
    consortiumId,
    actor,
    entity: 'internship_placement',
    entityId: row!.id,
    action: 'create',
    after: await presentOne(tx, consortiumId, row!.id),
    requestId,
  });
  await notifyParties(
    tx,
    consortiumId,
    row!,
    { kind: 'placement_created', title: `新的实习安排：${fields.postTitle}`, body: '请查看并确认三方协议。' },
    { host: true, student: true },
  );
  return { id: row!.id, findings };
}

export async function createPlacement(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: PlacementBody,
  requestId?: string,
) {
  const plan = await loadPlan(db, access, actor, consortiumId, body.planId);
  await access.require(actor, 'internship.write', { consortiumId, unitId: plan.schoolUnitId });
  if (plan.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The plan is closed.');
  const fields = fieldsOf(plan.id, body.candidateId, plan.schoolUnitId, body);
  await checkData(db, consortiumId, plan, fields, null);
  const { id } = await db.transaction((tx) =>
    insertChecked(tx, actor, consortiumId, plan, fields, {}, requestId),
  );
  return placementDetail(db, access, actor, consortiumId, id);
}

export async function updatePlacement(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
  patch: UpdatePlacementBody,
  requestId?: string,
) {
  const { placement, sides } = await loadPlacement(db, access, actor, consortiumId, id);
  requireSide(sides, 'schoolWrite', 'internship.write');
  if (!OPEN.includes(placement.status)) {
    throw new AppError('INVALID_TRANSITION', `A ${placement.status} placement cannot be changed.`, {
      status: placement.status,
    });
  }
  const plan = (await findPlan(db, consortiumId, placement.planId))!;
  await checkData(
    db,
    consortiumId,
    plan,
    fieldsOf(plan.id, placement.candidateId, plan.schoolUnitId, patch, placement),
    id,
  );
  await db.transaction(async (tx) => {
    // the row first (a concurrent change or transition of this placement waits), then the hosts
    const current = await lockPlacementRow(tx, consortiumId, id);
    if (!OPEN.includes(current.status)) {
      throw new AppError('INVALID_TRANSITION', `A ${current.status} placement cannot be changed.`, {
        status: current.status,
      });
    }
    const fields = fieldsOf(plan.id, current.candidateId, plan.schoolUnitId, patch, current);
    const before = hostRefOf(current);
    const after = hostRefOf(fields);
    await lockHosts(tx, consortiumId, [before, after], [current.candidateId]);
    await checkData(tx, consortiumId, plan, fields, id);
    const draft: Draft = { ...draftBase(current, consortiumId), ...fields };
    const findings = await evaluateDraft(tx, consortiumId, draft, plan.kind, 'save');
    if (blocking(findings).length) refuse(findings);
    const beforeOut = await presentOne(tx, consortiumId, id);
    await tx
      .update(internshipPlacements)
      .set({ ...fields, updatedAt: new Date() })
      .where(and(eq(internshipPlacements.consortiumId, consortiumId), eq(internshipPlacements.id, id)));
    await saveFindings(tx, consortiumId, id, findings);
    await reevaluateHosts(tx, consortiumId, sameHost(before, after) ? [after] : [before, after]);
    const { changed } = await syncAgreement(tx, consortiumId, id, actor);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_placement',
      entityId: id,
      action: 'update',
      before: beforeOut,
      after: await presentOne(tx, consortiumId, id),
      requestId,
    });
    if (changed) {
      await notifyParties(
        tx,
        consortiumId,
        { ...current, ...fields },
        {
          kind: 'agreement_changed',
          title: `实习协议已更新：${fields.postTitle}`,
          body: '协议内容有变，请重新确认。',
        },
        { host: true, student: true },
      );
    }
  });
  return placementDetail(db, access, actor, consortiumId, id);
}

const sameHost = (a: HostRef, b: HostRef) => a.kind === b.kind && a.id === b.id;

const transitions: Record<
  'start' | 'complete' | 'terminate' | 'cancel',
  { from: PlacementStatus; to: PlacementStatus }
> = {
  start: { from: 'pending', to: 'active' },
  complete: { from: 'active', to: 'completed' },
  terminate: { from: 'active', to: 'terminated' },
  cancel: { from: 'pending', to: 'cancelled' },
};

/** Start (after every check of the start), complete, terminate (with a reason) or cancel a placement. */
export async function transitionPlacement(
  db: Db,
  access: AccessControl,
  actor: Actor | null,
  consortiumId: string,
  id: string,
  body: { action: 'start' | 'complete' | 'terminate' | 'cancel'; note?: string | undefined },
  requestId?: string,
) {
  let placement: PlacementRow;
  if (actor) {
    const loaded = await loadPlacement(db, access, actor, consortiumId, id);
    requireSide(loaded.sides, 'schoolWrite', 'internship.write');
    placement = loaded.placement;
  } else {
    const [row] = await db
      .select()
      .from(internshipPlacements)
      .where(and(eq(internshipPlacements.consortiumId, consortiumId), eq(internshipPlacements.id, id)));
    if (!row) throw new AppError('PLACEMENT_NOT_FOUND', 'Placement not found.');
    placement = row;
  }
  const t = transitions[body.action];
  if (placement.status !== t.from) {
    throw new AppError('INVALID_TRANSITION', `Cannot ${body.action} a ${placement.status} placement.`, {
      status: placement.status,
      action: body.action,
    });
  }
  if (body.action === 'terminate' && !body.note) {
    throw validationError([
      { path: 'note', code: 'required', message: 'Say why the internship ends early.' },
    ]);
  }
  const now = today();
  if (body.action === 'start' && now < placement.startDate) {
    throw new AppError('INVALID_TRANSITION', `The placement starts on ${placement.startDate}.`, {
      startDate: placement.startDate,
    });
  }
  await db.transaction(async (tx) => {
    // the row first: of two transitions at once (cancel twice, terminate and complete) one wins
    placement = await lockPlacementRow(tx, consortiumId, id);
    if (placement.status !== t.from) {
      throw new AppError('INVALID_TRANSITION', `Cannot ${body.action} a ${placement.status} placement.`, {
        status: placement.status,
        action: body.action,
      });
    }
    const host = hostRefOf(placement);
    await lockHosts(tx, consortiumId, [host]);
    if (body.action === 'start') {
      const plan = (await findPlan(tx, consortiumId, placement.planId))!;
      const agreement = await agreementState(tx, consortiumId, id);
      const findings = await evaluateDraft(
        tx,
        consortiumId,
        placement,
        plan.kind,
        'start',
        agreement?.confirmed ?? [],
      );
      if (blocking(findings).length) refuse(findings);
    }
    const beforeOut = await presentOne(tx, consortiumId, id);
    await tx
      .update(internshipPlacements)
      .set({
        status: t.to,
        statusNote: body.note ?? null,
        // ended early (terminated, or completed before its end): the caps stop counting it after today
        terminatedOn:
          body.action === 'terminate' || (body.action === 'complete' && now < placement.endDate)
            ? now
            : placement.terminatedOn,
        updatedAt: new Date(),
      })
      .where(and(eq(internshipPlacements.consortiumId, consortiumId), eq(internshipPlacements.id, id)));
    await reevaluateHosts(tx, consortiumId, [host]);
    if (t.to !== 'pending' && t.to !== 'active') {
      // closed placements keep no open findings
      await saveFindings(tx, consortiumId, id, []);
    }
    await recordStatus(tx, {
      consortiumId,
      actor,
      entity: 'placement',
      entityId: id,
      from: t.from,
      to: t.to,
      note: body.note ?? null,
    });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_placement',
      entityId: id,
      action: body.action,
      before: beforeOut,
      after: await presentOne(tx, consortiumId, id),
      requestId,
    });
    const title = {
      start: '实习已开始',
      complete: '实习已完成',
      terminate: '实习已终止',
      cancel: '实习安排已取消',
    }[body.action];
    await notifyParties(
      tx,
      consortiumId,
      placement,
      { kind: `placement_${body.action}`, title: `${title}：${placement.postTitle}`, body: body.note },
      {
        host: true,
        student: true,
        school: true,
      },
    );
  });
  return actor ? placementDetail(db, access, actor, consortiumId, id) : null;
}

// ---------------------------------------------------------------------------------------------------
// Placements from a confirmed matching run

export async function placementsFromRun(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  planId: string,
  body: z.infer<typeof fromRunBody>,
  requestId?: string,
) {
  const plan = await loadPlan(db, access, actor, consortiumId, planId);
  await access.require(actor, 'internship.write', { consortiumId, unitId: plan.schoolUnitId });
  if (plan.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The plan is closed.');
  const [run] = await db
    .select()
    .from(matchingRuns)
    .where(and(eq(matchingRuns.consortiumId, consortiumId), eq(matchingRuns.id, body.runId)));
  if (!run) throw new AppError('NOT_FOUND', 'Matching run not found.');
  if (run.status !== 'confirmed' || run.postingKind !== 'internship') {
    throw new AppError(
      'INVALID_TRANSITION',
      'Only a confirmed internship matching run can become placements.',
      {
        status: run.status,
        postingKind: run.postingKind,
      },
    );
  }
  const results = await db
    .select({
      candidateId: matchingResults.candidateId,
      studentName: candidates.name,
      schoolUnitId: candidates.schoolUnitId,
      posting: postings,
      hostName: memberUnits.name,
    })
    .from(matchingResults)
    .innerJoin(candidates, tenantJoin(candidates, matchingResults.candidateId, matchingResults.consortiumId))
    .innerJoin(postings, tenantJoin(postings, matchingResults.postingId, matchingResults.consortiumId))
    .innerJoin(memberUnits, tenantJoin(memberUnits, postings.unitId, postings.consortiumId))
    .where(
      and(
        eq(matchingResults.consortiumId, consortiumId),
        eq(matchingResults.runId, run.id),
        eq(candidates.schoolUnitId, plan.schoolUnitId),
      ),
    )
    .orderBy(asc(candidates.name));
  const d = body.defaults;
  const rows = [];
  let created = 0;
  for (const r of results) {
    const fields = fieldsOf(plan.id, r.candidateId, plan.schoolUnitId, {
      hostKind: 'member',
      hostUnitId: r.posting.unitId,
      postingId: r.posting.id,
      postTitle: r.posting.title,
      postStaffCount: r.posting.staffCount,
      postMajorCodes: r.posting.majorCodes,
      startDate: plan.startDate,
      endDate: plan.endDate,
      ...d,
    });
    const base = {
      candidateId: r.candidateId,
      studentName: r.studentName,
      postingId: r.posting.id,
      postTitle: r.posting.title,
      hostName: r.hostName,
    };
    try {
      await checkData(db, consortiumId, plan, fields, null);
      if (body.dryRun) {
        const draft: Draft = { ...draftBase(null, consortiumId), ...fields };
        const findings = await evaluateDraft(db, consortiumId, draft, plan.kind, 'save');
        rows.push({ ...base, ok: blocking(findings).length === 0, placementId: null, findings, error: null });
      } else {
        // each placement in its own transaction, under its host's lock: the caps count the ones before it
        const { id, findings } = await db.transaction((tx) =>
          insertChecked(
            tx,
            actor,
            consortiumId,
            plan,
            fields,
            { matchingRunId: run.id, reevaluate: false },
            requestId,
          ),
        );
        created++;
        rows.push({ ...base, ok: true, placementId: id, findings, error: null });
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const findings = (err.details as { findings?: Finding[] } | undefined)?.findings ?? [];
      rows.push({ ...base, ok: false, placementId: null, findings, error: err.message });
    }
  }
  if (created) {
    // the other placements at the hosts that received interns: evaluated once, not once per intern
    const hosts = new Map<string, HostRef>();
    for (const r of results) hosts.set(r.posting.unitId, { kind: 'member', id: r.posting.unitId });
    await db.transaction((tx) => reevaluateHosts(tx, consortiumId, [...hosts.values()]));
  }
  return { dryRun: body.dryRun, created, rows };
}

// ---------------------------------------------------------------------------------------------------
// The sweep: pending placements start on their day when everything needed is there; active ones complete
// after their end. Whatever cannot start stays pending (the alerts say why).

export async function sweepPlacements(
  db: Db,
  access: AccessControl,
): Promise<{ started: number; completed: number }> {
  const now = today();
  let started = 0;
  let completed = 0;
  const due = await db
    .select({ consortiumId: internshipPlacements.consortiumId, id: internshipPlacements.id })
    .from(internshipPlacements)
    .where(and(eq(internshipPlacements.status, 'pending'), lte(internshipPlacements.startDate, now)));
  for (const p of due) {
    try {
      await transitionPlacement(db, access, null, p.consortiumId, p.id, { action: 'start' });
      started++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  const ended = await db
    .select({ consortiumId: internshipPlacements.consortiumId, id: internshipPlacements.id })
    .from(internshipPlacements)
    .where(and(eq(internshipPlacements.status, 'active'), sql`${internshipPlacements.endDate} < ${now}`));
  for (const p of ended) {
    try {
      await transitionPlacement(db, access, null, p.consortiumId, p.id, {
        action: 'complete',
        note: '实习期满',
      });
      completed++;
    } catch (err) {
      // one placement that cannot move (changed meanwhile) does not stop the others
      if (!(err instanceof AppError)) throw err;
    }
  }
  return { started, completed };
}
