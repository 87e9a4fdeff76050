// Applications: a student applies to an open posting and may withdraw; the posting enterprise
// shortlists, interviews, offers or rejects; the student accepts or declines an offer. Every transition
// is recorded with its time and actor, and the other side is notified in the app.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { applications, candidates, memberUnits, postings } from '../../db/schema/index.ts';
import { requireActor } from '../../lib/context.ts';
import { AppError, validationError } from '../../lib/errors.ts';
import { commonErrors, errorResponse, listQuery, pageOf } from '../../lib/http.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { myCandidate, type Certificate } from './candidates.service.ts';
import { certificate } from './candidates.schema.ts';
import { historyEntry } from './lists.schema.ts';
import { getPosting } from './postings.service.ts';
import { applicationTransitions, isOpen, nextStatus, type ApplicationAction } from './talent.core.ts';
import { applicationStatuses, educationLevels, postingKinds } from './talent.enums.ts';
import { codeNames, notify, recordStatus, statusHistory, today, unitUserIds } from './talent.shared.ts';

// ---------------------------------------------------------------------------------------------------
// Shapes

const consortiumParams = z.object({ consortiumId: z.uuid() });
const applicationParams = z.object({ consortiumId: z.uuid(), applicationId: z.uuid() });

export const applyBody = z.object({
  postingId: z.uuid(),
  coverNote: z.string().trim().max(1000).optional(),
});
export const applicationActionBody = z.object({
  action: z.enum(['withdraw', 'shortlist', 'interview', 'offer', 'reject', 'accept', 'decline']),
  note: z.string().trim().max(500).optional(),
  interviewAt: z.iso.datetime({ offset: true }).optional().describe('with interview: when'),
  interviewPlace: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('with interview: where (or the meeting link)'),
});
export const applicationListQuery = listQuery(['createdAt', 'updatedAt'], '-updatedAt').extend({
  postingId: z.uuid().optional(),
  candidateId: z.uuid().optional(),
  unitId: z.uuid().optional().describe('the posting enterprise'),
  schoolUnitId: z.uuid().optional(),
  status: z.enum(applicationStatuses).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: my own applications (students)'),
});
type ApplicationListQuery = z.infer<typeof applicationListQuery>;

export const applicationOut = z.object({
  id: z.uuid(),
  status: z.enum(applicationStatuses),
  coverNote: z.string().nullable(),
  interviewAt: z.iso.datetime().nullable(),
  interviewPlace: z.string().nullable(),
  posting: z.object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(postingKinds),
    unitId: z.uuid(),
    unitName: z.string(),
    deadline: z.string(),
  }),
  candidate: z
    .object({
      id: z.uuid(),
      name: z.string(),
      schoolName: z.string().nullable(),
      majorCode: z.string().nullable(),
      majorName: z.string().nullable(),
      level: z.enum(educationLevels).nullable(),
      expectedGraduation: z.string().nullable(),
      skills: z.array(z.string()),
      certificates: z.array(certificate),
    })
    .describe('what the posting enterprise sees of an applicant: no ID number, no phone'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const applicationPage = pageOf(applicationOut);
export const applicationDetail = applicationOut.extend({
  history: z.array(historyEntry),
  canManage: z.boolean().describe('the posting enterprise may move it on'),
  isMine: z.boolean().describe('the viewer is the applicant'),
});

// ---------------------------------------------------------------------------------------------------
// Service

const schools = sql`(select name from ${memberUnits} s where s.consortium_id = ${candidates.consortiumId}
  and s.id = ${candidates.schoolUnitId})`;

function selectApplications(db: Queryable) {
  return db
    .select({
      application: applications,
      posting: postings,
      unitName: memberUnits.name,
      candidate: candidates,
      schoolName: sql<string | null>`${schools}`,
    })
    .from(applications)
    .innerJoin(
      postings,
      and(eq(postings.consortiumId, applications.consortiumId), eq(postings.id, applications.postingId)),
    )
    .innerJoin(
      memberUnits,
      and(eq(memberUnits.consortiumId, postings.consortiumId), eq(memberUnits.id, postings.unitId)),
    )
    .innerJoin(
      candidates,
      and(
        eq(candidates.consortiumId, applications.consortiumId),
        eq(candidates.id, applications.candidateId),
      ),
    );
}
type Joined = Awaited<ReturnType<ReturnType<typeof selectApplications>['where']>>[number];

async function present(db: Queryable, rows: Joined[]) {
  const majors = await codeNames(
    db,
    'major',
    rows.flatMap((r) => (r.candidate.majorCode ? [r.candidate.majorCode] : [])),
  );
  return rows.map((r) => ({
    id: r.application.id,
    status: r.application.status,
    coverNote: r.application.coverNote,
    interviewAt: r.application.interviewAt?.toISOString() ?? null,
    interviewPlace: r.application.interviewPlace,
    posting: {
      id: r.posting.id,
      title: r.posting.title,
      kind: r.posting.kind,
      unitId: r.posting.unitId,
      unitName: r.unitName,
      deadline: r.posting.deadline,
    },
    candidate: {
      id: r.candidate.id,
      name: r.candidate.name,
      schoolName: r.schoolName,
      majorCode: r.candidate.majorCode,
      majorName: r.candidate.majorCode ? (majors.get(r.candidate.majorCode) ?? null) : null,
      level: r.candidate.level,
      expectedGraduation: r.candidate.expectedGraduation,
      skills: r.candidate.skills,
      certificates: r.candidate.certificates as Certificate[],
    },
    createdAt: r.application.createdAt.toISOString(),
    updatedAt: r.application.updatedAt.toISOString(),
  }));
}

async function scopeFilter(
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
): Promise<SQL | undefined> {
  const scope = await access.listScope(actor, 'application.read', consortiumId);
  if (scope.kind === 'all') return undefined;
  const parts: SQL[] = [];
  if (scope.unitIds.length) {
    parts.push(inArray(postings.unitId, scope.unitIds));
    parts.push(inArray(candidates.schoolUnitId, scope.unitIds));
  }
  if (scope.ownUserId) parts.push(eq(candidates.userId, scope.ownUserId));
  return or(...parts);
}

export async function listApplications(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: ApplicationListQuery,
) {
  const where: SQL[] = [eq(applications.consortiumId, consortiumId)];
  const scope = await scopeFilter(access, actor, consortiumId);
  if (scope) where.push(scope);
  if (q.mine) where.push(eq(candidates.userId, actor.userId));
  if (q.postingId) where.push(eq(applications.postingId, q.postingId));
  if (q.candidateId) where.push(eq(applications.candidateId, q.candidateId));
  if (q.unitId) where.push(eq(postings.unitId, q.unitId));
  if (q.schoolUnitId) where.push(eq(candidates.schoolUnitId, q.schoolUnitId));
  if (q.status) where.push(eq(applications.status, q.status));
  const cond = and(...where);
  const col = q.sort.replace(/^-/, '') === 'createdAt' ? applications.createdAt : applications.updatedAt;
  const [rows, [count]] = await Promise.all([
    selectApplications(db)
      .where(cond)
      .orderBy(q.sort.startsWith('-') ? desc(col) : asc(col), asc(applications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .innerJoin(
        postings,
        and(eq(postings.consortiumId, applications.consortiumId), eq(postings.id, applications.postingId)),
      )
      .innerJoin(
        candidates,
        and(
          eq(candidates.consortiumId, applications.consortiumId),
          eq(candidates.id, applications.candidateId),
        ),
      )
      .where(cond),
  ]);
  return { items: await present(db, rows), page: q.page, pageSize: q.pageSize, total: count?.n ?? 0 };
}

/** An application the actor may see (else 404), and which side of it they are on. */
async function getApplication(
  db: Queryable,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
) {
  await access.listScope(actor, 'application.read', consortiumId);
  const [row] = await selectApplications(db).where(
    and(eq(applications.consortiumId, consortiumId), eq(applications.id, id)),
  );
  if (!row) throw new AppError('APPLICATION_NOT_FOUND', 'Application not found.');
  const isMine = row.candidate.userId === actor.userId;
  const [enterpriseSide, schoolSide, canManage] = await Promise.all([
    access.can(actor, 'application.read', { consortiumId, unitId: row.posting.unitId }),
    access.can(actor, 'application.read', {
      consortiumId,
      unitId: row.candidate.schoolUnitId,
      ownerUserId: row.candidate.userId,
    }),
    access.can(actor, 'application.manage', { consortiumId, unitId: row.posting.unitId }),
  ]);
  if (!isMine && !enterpriseSide && !schoolSide)
    throw new AppError('APPLICATION_NOT_FOUND', 'Application not found.');
  return { row, isMine, canManage };
}

export async function applicationDetailOf(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
) {
  const { row, isMine, canManage } = await getApplication(db, access, actor, consortiumId, id);
  const [out] = await present(db, [row]);
  return { ...out!, history: await statusHistory(db, consortiumId, 'application', id), canManage, isMine };
}

export async function apply(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: z.infer<typeof applyBody>,
  requestId?: string,
) {
  const { posting } = await getPosting(db, access, actor, consortiumId, body.postingId);
  const candidate = await myCandidate(db, consortiumId, actor.userId);
  await access.require(actor, 'application.apply', {
    consortiumId,
    unitId: candidate?.schoolUnitId ?? null,
    ownerUserId: candidate?.userId ?? null,
  });
  if (!candidate) {
    throw new AppError(
      'CANDIDATE_NOT_FOUND',
      'Your account has no candidate profile here; ask your school to register you.',
    );
  }
  if (!isOpen(posting, today())) {
    throw new AppError('INVALID_TRANSITION', 'This posting is not open for applications.', {
      status: posting.status,
      deadline: posting.deadline,
    });
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(applications)
      .where(
        and(
          eq(applications.consortiumId, consortiumId),
          eq(applications.postingId, posting.id),
          eq(applications.candidateId, candidate.id),
        ),
      )
      .for('update');
    let id: string;
    if (existing) {
      if (existing.status !== 'withdrawn') {
        throw new AppError('ALREADY_APPLIED', 'You have applied to this posting already.', {
          applicationId: existing.id,
          status: existing.status,
        });
      }
      await tx
        .update(applications)
        .set({
          status: 'applied',
          coverNote: body.coverNote ?? null,
          interviewAt: null,
          interviewPlace: null,
          updatedAt: new Date(),
        })
        .where(and(eq(applications.consortiumId, consortiumId), eq(applications.id, existing.id)));
      id = existing.id;
      await recordStatus(tx, {
        consortiumId,
        actor,
        entity: 'application',
        entityId: id,
        from: 'withdrawn',
        to: 'applied',
      });
    } else {
      const [row] = await tx
        .insert(applications)
        .values({
          consortiumId,
          postingId: posting.id,
          candidateId: candidate.id,
          coverNote: body.coverNote ?? null,
          createdBy: actor.userId,
        })
        .returning();
      id = row!.id;
      await recordStatus(tx, {
        consortiumId,
        actor,
        entity: 'application',
        entityId: id,
        from: null,
        to: 'applied',
      });
    }
    await notify(
      tx,
      consortiumId,
      await unitUserIds(tx, consortiumId, posting.unitId, ['unit_admin', 'mentor']),
      {
        kind: 'application.new',
        title: `新的申请：${candidate.name} 申请“${posting.title}”`,
        link: `/applications/${id}`,
      },
    );
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'application',
      entityId: id,
      action: 'apply',
      after: { postingId: posting.id, candidateId: candidate.id },
      requestId,
    });
    const [row] = await selectApplications(tx).where(
      and(eq(applications.consortiumId, consortiumId), eq(applications.id, id)),
    );
    return (await present(tx, [row!]))[0]!;
  });
}

const statusZh: Record<string, string> = {
  shortlisted: '已进入初筛',
  interviewing: '邀请面试',
  offered: '已发放录用',
  rejected: '未被录用',
  withdrawn: '已撤回',
  accepted: '已接受录用',
  declined: '已拒绝录用',
};

export async function actOnApplication(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
  body: z.infer<typeof applicationActionBody>,
  requestId?: string,
) {
  const { row, isMine, canManage } = await getApplication(db, access, actor, consortiumId, id);
  const action: ApplicationAction = body.action;
  const rule = applicationTransitions[action];
  if (rule.by === 'candidate' ? !isMine : !canManage) {
    const capability = rule.by === 'candidate' ? 'application.apply' : 'application.manage';
    throw new AppError(
      'FORBIDDEN',
      `Only the ${rule.by === 'candidate' ? 'applicant' : 'posting enterprise'} may ${action}.`,
      {
        capability,
      },
    );
  }
  const from = row.application.status;
  const to = nextStatus(applicationTransitions, action, from);
  if (!to)
    throw new AppError('INVALID_TRANSITION', `An application that is ${from} cannot be ${action}ed.`, {
      from,
      action,
    });
  if (action === 'interview' && !body.interviewAt) {
    throw validationError([
      { path: 'body.interviewAt', code: 'REQUIRED', message: 'an interview needs a time' },
    ]);
  }
  return db.transaction(async (tx) => {
    await tx
      .update(applications)
      .set({
        status: to,
        updatedAt: new Date(),
        ...(action === 'interview'
          ? { interviewAt: new Date(body.interviewAt!), interviewPlace: body.interviewPlace ?? null }
          : {}),
      })
      .where(and(eq(applications.consortiumId, consortiumId), eq(applications.id, id)));
    await recordStatus(tx, {
      consortiumId,
      actor,
      entity: 'application',
      entityId: id,
      from,
      to,
      note: body.note,
      data:
        action === 'interview'
          ? { interviewAt: body.interviewAt, interviewPlace: body.interviewPlace ?? null }
          : null,
    });
    const recipients =
      rule.by === 'candidate'
        ? await unitUserIds(tx, consortiumId, row.posting.unitId, ['unit_admin', 'mentor'])
        : row.candidate.userId
          ? [row.candidate.userId]
          : [];
    await notify(tx, consortiumId, recipients, {
      kind: `application.${to}`,
      title: `“${row.posting.title}”的申请${statusZh[to] ?? to}${rule.by === 'candidate' ? `（${row.candidate.name}）` : ''}`,
      ...(body.note ? { body: body.note } : {}),
      link: `/applications/${id}`,
    });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'application',
      entityId: id,
      action,
      before: { status: from },
      after: { status: to },
      requestId,
    });
    const [after] = await selectApplications(tx).where(
      and(eq(applications.consortiumId, consortiumId), eq(applications.id, id)),
    );
    return (await present(tx, [after!]))[0]!;
  });
}

// ---------------------------------------------------------------------------------------------------
// Routes: /api/v1/consortia/:consortiumId/applications

export async function applicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['applications'];
  const writeErrors = { ...commonErrors, 409: errorResponse };

  r.get(
    '/',
    {
      schema: {
        tags,
        summary: "Applications: a student's own, an enterprise's postings', a school's students'",
        params: consortiumParams,
        querystring: applicationListQuery,
        response: { 200: applicationPage, ...commonErrors },
      },
    },
    async (request) =>
      listApplications(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  r.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Apply to an open posting (students)',
        params: consortiumParams,
        body: applyBody,
        response: { 201: applicationOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const a = await apply(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.body,
        request.id,
      );
      return reply.code(201).send(a);
    },
  );

  r.get(
    '/:applicationId',
    {
      schema: {
        tags,
        summary: 'One application with every transition (time and actor)',
        params: applicationParams,
        response: { 200: applicationDetail, ...commonErrors },
      },
    },
    async (request) =>
      applicationDetailOf(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.applicationId,
      ),
  );

  r.post(
    '/:applicationId/actions',
    {
      schema: {
        tags,
        summary:
          'Move an application on: the enterprise shortlists/interviews/offers/rejects, the student withdraws/accepts/declines',
        params: applicationParams,
        body: applicationActionBody,
        response: { 200: applicationOut, ...writeErrors },
      },
    },
    async (request) =>
      actOnApplication(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.applicationId,
        request.body,
        request.id,
      ),
  );
}
