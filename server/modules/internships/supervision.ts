// Evidence-based supervision of internships: the student's periodic logs with work artefacts, co-signed
// (or returned) by the enterprise mentor and reviewed by the school; anomaly flags raised by the pure
// detectors (server/engine/supervision) for people to review; the mentors' assessments and the final
// grade; the students' ratings of hosts; and the alerts of things about to go wrong, with a daily sweep
// that notifies them. See docs/decisions/018-evidence-supervision.md.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Queryable } from '../../db/client.ts';
import {
  agreementConfirmations,
  candidates,
  consortia,
  internshipAgreements,
  internshipAssessments,
  internshipFlags,
  internshipHosts,
  internshipLogFiles,
  internshipLogs,
  internshipPlacements,
  internshipPlans,
  memberUnits,
  notifications,
  users,
} from '../../db/schema/index.ts';
import * as eng from '../../engine/supervision/index.ts';
import { AppError, validationError, type FieldIssue } from '../../lib/errors.ts';
import type { Actor, ListScope } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { effectiveRules } from '../../engine/compliance/index.ts';
import { loadSettings } from './compliance.service.ts';
import { findPlan, requireSomeWrite } from './plans.service.ts';
import { notify, recordStatus, roleUserIds, today, unitUserIds } from '../talent/talent.shared.ts';
import { flagKinds, type assessorRoles } from './internships.enums.ts';
import {
  checkOnBehalfNote,
  loadPlacement,
  lockPlacementRow,
  requireSide,
  type PlacementRow,
  type PlacementSides,
} from './internships.shared.ts';
import {
  FLAG_NOTICE_EN,
  FLAG_NOTICE_ZH,
  MAX_LOG_FILE_BYTES,
  MAX_LOG_FILES,
  type AlertKind,
  type AlertOut,
  type AlertQuery,
  type AssessmentBody,
  type DetectBody,
  type FlagListQuery,
  type HostRatingsQuery,
  type LogBody,
  type LogInboxQuery,
  type LogPatchBody,
  type PlacementLogsQuery,
} from './supervision.schema.ts';

const P = internshipPlacements;
const L = internshipLogs;
const LF = internshipLogFiles;
const FL = internshipFlags;
const A = internshipAssessments;
const schoolUnit = alias(memberUnits, 'school_unit');
const hostUnit = alias(memberUnits, 'host_unit');

type LogRow = typeof internshipLogs.$inferSelect;
type FlagRow = typeof internshipFlags.$inferSelect;
type FlagKind = (typeof flagKinds)[number];
type AssessorRole = (typeof assessorRoles)[number];

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const placementJoin = and(eq(P.consortiumId, L.consortiumId), eq(P.id, L.placementId));
const candidateJoin = and(eq(candidates.consortiumId, P.consortiumId), eq(candidates.id, P.candidateId));
const chinaDay = (col: typeof L.submittedAt) =>
  sql<string>`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

// ---------------------------------------------------------------------------------------------------
// Shared lookups

type Summary = {
  id: string;
  planId: string;
  status: string;
  studentName: string;
  studentUserId: string | null;
  postTitle: string;
  schoolUnitId: string;
  schoolName: string | null;
  hostKind: 'member' | 'external';
  hostUnitId: string | null;
  externalHostId: string | null;
  hostName: string | null;
};

async function placementSummaries(db: Queryable, consortiumId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, Summary>();
  const rows = await db
    .select({
      id: P.id,
      planId: P.planId,
      status: P.status,
      studentName: candidates.name,
      studentUserId: candidates.userId,
      postTitle: P.postTitle,
      schoolUnitId: P.schoolUnitId,
      schoolName: schoolUnit.name,
      hostKind: P.hostKind,
      hostUnitId: P.hostUnitId,
      externalHostId: P.externalHostId,
      hostName: sql<string | null>`coalesce(${hostUnit.name}, ${internshipHosts.name})`,
    })
    .from(P)
    .innerJoin(candidates, candidateJoin)
    .leftJoin(schoolUnit, and(eq(schoolUnit.consortiumId, P.consortiumId), eq(schoolUnit.id, P.schoolUnitId)))
    .leftJoin(hostUnit, and(eq(hostUnit.consortiumId, P.consortiumId), eq(hostUnit.id, P.hostUnitId)))
    .leftJoin(
      internshipHosts,
      and(eq(internshipHosts.consortiumId, P.consortiumId), eq(internshipHosts.id, P.externalHostId)),
    )
    .where(and(eq(P.consortiumId, consortiumId), inArray(P.id, unique)));
  return new Map(rows.map((r) => [r.id, r]));
}

function presentSummary(s: Summary) {
  const { studentUserId: _hidden, ...out } = s;
  return out;
}

async function userNames(db: Queryable, ids: (string | null | undefined)[]) {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The plan of a placement (it always has one). */
async function planOf(db: Queryable, consortiumId: string, planId: string) {
  const plan = await findPlan(db, consortiumId, planId);
  if (!plan) throw new AppError('PLAN_NOT_FOUND', 'Plan not found.');
  return plan;
}

/**
 * What part of the consortium's placements a list shows: the secretariat (and authorities) all, school
 * and host staff their unit's, a student their own (unless `students` is false: flags are not shown
 * to students). Needs `candidates` joined.
 */
async function placementScope(
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  opts: { students: boolean },
): Promise<{ where: SQL | undefined; scope: ListScope }> {
  const scope = await access.listScope(actor, 'internship.read', consortiumId);
  if (scope.kind === 'all') return { where: undefined, scope };
  const parts: SQL[] = [];
  if (scope.unitIds.length) {
    parts.push(inArray(P.schoolUnitId, scope.unitIds));
    parts.push(inArray(P.hostUnitId, scope.unitIds));
  }
  if (opts.students && scope.ownUserId) parts.push(eq(candidates.userId, scope.ownUserId));
  if (parts.length === 0) {
    throw new AppError('FORBIDDEN', 'You do not have the permission internship.read here.', {
      capability: 'internship.read',
    });
  }
  return { where: or(...parts), scope };
}

/** Host staff to tell about a log: the host unit's admins and mentors, and the placement's mentor. */
async function hostRecipients(db: Queryable, consortiumId: string, p: PlacementRow): Promise<string[]> {
  const ids = p.hostUnitId ? await unitUserIds(db, consortiumId, p.hostUnitId, ['unit_admin', 'mentor']) : [];
  if (p.enterpriseMentorUserId) ids.push(p.enterpriseMentorUserId);
  return ids;
}

// ---------------------------------------------------------------------------------------------------
// Logs: validation

/** The first bytes each allowed content type starts with (the files are served back to others). */
function looksLike(contentType: string, b: Buffer): boolean {
  const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x);
  switch (contentType) {
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47);
    case 'image/gif':
      return b.subarray(0, 4).toString('latin1') === 'GIF8';
    case 'image/webp':
      return (
        b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'
      );
    case 'image/heic':
      return b.subarray(4, 8).toString('latin1') === 'ftyp';
    case 'application/pdf':
      return b.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'application/msword':
    case 'application/vnd.ms-excel':
    case 'application/vnd.ms-powerpoint':
      return starts(0xd0, 0xcf, 0x11, 0xe0);
    default:
      // the OOXML formats are zip files
      return starts(0x50, 0x4b, 0x03, 0x04);
  }
}

type DecodedFile = { fileName: string; contentType: string; size: number; sha256: string; content: Buffer };

function decodeFiles(files: LogBody['files'], path: string): { files: DecodedFile[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const out: DecodedFile[] = [];
  files.forEach((f, i) => {
    const content = Buffer.from(f.dataBase64, 'base64');
    if (content.length === 0 || content.length > MAX_LOG_FILE_BYTES) {
      issues.push({
        path: `${path}.${i}.dataBase64`,
        code: 'FILE_TOO_LARGE',
        message: 'a file must be 1 byte to 5 MB',
      });
      return;
    }
    if (!looksLike(f.contentType, content)) {
      issues.push({
        path: `${path}.${i}.contentType`,
        code: 'CONTENT_MISMATCH',
        message: `the file is not a ${f.contentType}`,
      });
      return;
    }
    out.push({
      fileName: f.fileName.replace(/[\\/\p{Cc}]/gu, '_'),
      contentType: f.contentType,
      size: content.length,
      sha256: sha256(content),
      content,
    });
  });
  return { files: out, issues };
}

function periodIssues(
  start: string,
  end: string,
  placement: PlacementRow,
  cadenceDays: number,
  asOf: string,
  others: { id: string; periodStart: string; periodEnd: string }[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (end < start) {
    issues.push({
      path: 'body.periodEnd',
      code: 'END_BEFORE_START',
      message: 'the period ends before it starts',
    });
    return issues;
  }
  if (start < placement.startDate || end > placement.endDate) {
    issues.push({
      path: start < placement.startDate ? 'body.periodStart' : 'body.periodEnd',
      code: 'OUTSIDE_PLACEMENT',
      message: `the period must lie within the placement (${placement.startDate} to ${placement.endDate})`,
    });
  }
  if (start > asOf) {
    issues.push({
      path: 'body.periodStart',
      code: 'FUTURE_PERIOD',
      message: 'a log cannot cover a period not yet begun',
    });
  } else if (end > asOf) {
    // a log of days still to come would also silence the missing-log checks until then
    issues.push({
      path: 'body.periodEnd',
      code: 'FUTURE_PERIOD',
      message: `a log covers days already past: its period ends today (${asOf}) at the latest`,
    });
  }
  const days = eng.periodDays(start, end);
  if (days > 2 * cadenceDays) {
    issues.push({
      path: 'body.periodEnd',
      code: 'PERIOD_TOO_LONG',
      message: `a log covers at most ${2 * cadenceDays} days (twice the plan's cadence of ${cadenceDays}); this one covers ${days}`,
    });
  }
  const overlap = others.find((o) => o.periodStart <= end && o.periodEnd >= start);
  if (overlap) {
    issues.push({
      path: 'body.periodStart',
      code: 'PERIOD_OVERLAP',
      message: `the period overlaps your log of ${overlap.periodStart} to ${overlap.periodEnd} (${overlap.id})`,
    });
  }
  return issues;
}

/** sha-256 of the browser's device token (X-Device-Id), or null when absent. */
export function deviceIdOf(header: string | string[] | undefined): string | null {
  const v = (Array.isArray(header) ? header[0] : header)?.trim();
  return v ? sha256(v.slice(0, 200)) : null;
}

// ---------------------------------------------------------------------------------------------------
// Logs: reading

async function presentLogs(db: Queryable, consortiumId: string, rows: LogRow[]) {
  const ids = rows.map((r) => r.id);
  const [files, names, summaries] = await Promise.all([
    ids.length
      ? db
          .select({
            id: LF.id,
            logId: LF.logId,
            fileName: LF.fileName,
            contentType: LF.contentType,
            size: LF.size,
            sha256: LF.sha256,
            uploadedAt: LF.uploadedAt,
          })
          .from(LF)
          .where(and(eq(LF.consortiumId, consortiumId), inArray(LF.logId, ids)))
          .orderBy(asc(LF.uploadedAt), asc(LF.fileName))
      : Promise.resolve([]),
    userNames(
      db,
      rows.flatMap((r) => [r.cosignedBy, r.reviewedBy]),
    ),
    placementSummaries(
      db,
      consortiumId,
      rows.map((r) => r.placementId),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    placementId: r.placementId,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    days: eng.periodDays(r.periodStart, r.periodEnd),
    content: r.content,
    status: r.status,
    submittedAt: r.submittedAt.toISOString(),
    mentorNote: r.mentorNote,
    cosignedByName: r.cosignedBy ? (names.get(r.cosignedBy) ?? null) : null,
    cosignedAt: r.cosignedAt?.toISOString() ?? null,
    cosignedOnBehalf: r.cosignedOnBehalf,
    reviewNote: r.reviewNote,
    reviewedByName: r.reviewedBy ? (names.get(r.reviewedBy) ?? null) : null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    files: files
      .filter((f) => f.logId === r.id)
      .map((f) => ({
        id: f.id,
        fileName: f.fileName,
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        uploadedAt: f.uploadedAt.toISOString(),
      })),
    placement: presentSummary(summaries.get(r.placementId)!),
  }));
}

/**
 * Who co-signs a log of this placement, if the viewer may: the host's mentor or staff (`host`), or, when
 * the host is external and so has nobody on the platform, school staff on its behalf (`school`).
 */
function cosignerOf(placement: PlacementRow, sides: PlacementSides): 'host' | 'school' | null {
  if (placement.hostKind === 'external') return sides.schoolWrite ? 'school' : null;
  return sides.hostSupervise ? 'host' : null;
}

function logActions(log: Pick<LogRow, 'status'>, placement: PlacementRow, sides: PlacementSides) {
  const cosigner = cosignerOf(placement, sides);
  return {
    edit:
      sides.student &&
      placement.status === 'active' &&
      (log.status === 'submitted' || log.status === 'returned'),
    cosign: cosigner !== null && log.status === 'submitted',
    /** the host is external: school staff record its mentor's co-signature, with a note */
    cosignOnBehalf: cosigner === 'school' && log.status === 'submitted',
    return: sides.hostSupervise && log.status === 'submitted',
    review: sides.schoolWrite && (log.status === 'submitted' || log.status === 'cosigned'),
  };
}

async function findLog(db: Queryable, consortiumId: string, logId: string) {
  const [log] = await db
    .select()
    .from(L)
    .where(and(eq(L.consortiumId, consortiumId), eq(L.id, logId)));
  return log ?? null;
}

/** A log the actor may see (else LOG_NOT_FOUND), its placement and the actor's sides. */
async function loadLog(
  db: Queryable,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  logId: string,
) {
  await access.listScope(actor, 'internship.read', consortiumId);
  const log = await findLog(db, consortiumId, logId);
  if (!log) throw new AppError('LOG_NOT_FOUND', 'Log not found.');
  try {
    return { log, ...(await loadPlacement(db, access, actor, consortiumId, log.placementId)) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'PLACEMENT_NOT_FOUND') {
      throw new AppError('LOG_NOT_FOUND', 'Log not found.');
    }
    throw err;
  }
}

async function logDetail(
  db: Queryable,
  consortiumId: string,
  logId: string,
  placement: PlacementRow,
  sides: PlacementSides,
) {
  const log = (await findLog(db, consortiumId, logId))!;
  const [out] = await presentLogs(db, consortiumId, [log]);
  return { ...out!, actions: logActions(log, placement, sides) };
}

export async function getLog(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  logId: string,
) {
  const { placement, sides } = await loadLog(db, access, actor, consortiumId, logId);
  return logDetail(db, consortiumId, logId, placement, sides);
}

function logOrder(sort: string) {
  const field = sort.replace(/^-/, '');
  const col = field === 'periodStart' ? L.periodStart : field === 'updatedAt' ? L.updatedAt : L.submittedAt;
  return [sort.startsWith('-') ? desc(col) : asc(col), asc(L.id)];
}

async function pageLogs(
  db: Queryable,
  consortiumId: string,
  where: (SQL | undefined)[],
  q: { page: number; pageSize: number; sort: string },
) {
  const cond = and(eq(L.consortiumId, consortiumId), ...where);
  const [rows, [count]] = await Promise.all([
    db
      .select({ log: L })
      .from(L)
      .innerJoin(P, placementJoin)
      .innerJoin(candidates, candidateJoin)
      .where(cond)
      .orderBy(...logOrder(q.sort))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(L)
      .innerJoin(P, placementJoin)
      .innerJoin(candidates, candidateJoin)
      .where(cond),
  ]);
  return {
    items: await presentLogs(
      db,
      consortiumId,
      rows.map((r) => r.log),
    ),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

export async function listPlacementLogs(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  placementId: string,
  q: PlacementLogsQuery,
) {
  await loadPlacement(db, access, actor, consortiumId, placementId);
  return pageLogs(
    db,
    consortiumId,
    [eq(L.placementId, placementId), q.status ? eq(L.status, q.status) : undefined],
    q,
  );
}

/** The inbox across placements: mentors their host's, schools their students', secretariat all, a student their own. */
export async function listLogs(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: LogInboxQuery,
) {
  const { where } = await placementScope(access, actor, consortiumId, { students: true });
  return pageLogs(
    db,
    consortiumId,
    [
      where,
      q.status ? eq(L.status, q.status) : undefined,
      q.placementId ? eq(L.placementId, q.placementId) : undefined,
      q.planId ? eq(P.planId, q.planId) : undefined,
      q.schoolUnitId ? eq(P.schoolUnitId, q.schoolUnitId) : undefined,
      q.hostUnitId ? eq(P.hostUnitId, q.hostUnitId) : undefined,
    ],
    q,
  );
}

export async function logFile(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  logId: string,
  fileId: string,
) {
  await loadLog(db, access, actor, consortiumId, logId);
  const [file] = await db
    .select()
    .from(LF)
    .where(and(eq(LF.consortiumId, consortiumId), eq(LF.logId, logId), eq(LF.id, fileId)));
  if (!file) throw new AppError('NOT_FOUND', 'File not found.');
  return file;
}

// ---------------------------------------------------------------------------------------------------
// Logs: writing

function auditLogView(l: {
  periodStart: string;
  periodEnd: string;
  content: string;
  status: string;
  files?: { fileName: string; size: number; sha256: string }[];
}) {
  return {
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    status: l.status,
    // the text itself is the student's: the audit keeps its length and fingerprint
    contentLength: l.content.length,
    contentSha256: sha256(l.content),
    ...(l.files
      ? { files: l.files.map((f) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256 })) }
      : {}),
  };
}

export type SubmitMeta = { ip: string | null; deviceId: string | null };

export async function createLog(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  placementId: string,
  body: LogBody,
  meta: SubmitMeta,
  requestId?: string,
) {
  const { placement, sides } = await loadPlacement(db, access, actor, consortiumId, placementId);
  requireSide(sides, 'student', 'internship.log');
  if (placement.status !== 'active') {
    throw new AppError(
      'INVALID_TRANSITION',
      `Logs are kept while a placement is active; this one is ${placement.status}.`,
      {
        status: placement.status,
      },
    );
  }
  const plan = await planOf(db, consortiumId, placement.planId);
  const decoded = decodeFiles(body.files, 'body.files');
  if (decoded.issues.length) throw validationError(decoded.issues);
  return db.transaction(async (tx) => {
    await lockPlacementRow(tx, consortiumId, placementId);
    const others = await tx
      .select({ id: L.id, periodStart: L.periodStart, periodEnd: L.periodEnd })
      .from(L)
      .where(and(eq(L.consortiumId, consortiumId), eq(L.placementId, placementId)));
    const issues = periodIssues(
      body.periodStart,
      body.periodEnd,
      placement,
      plan.logCadenceDays,
      today(),
      others,
    );
    if (issues.length) throw validationError(issues);
    const [log] = await tx
      .insert(L)
      .values({
        consortiumId,
        placementId,
        periodStart: body.periodStart,
        periodEnd: body.periodEnd,
        content: body.content,
        signature: eng.logSignature(body.content),
        submittedBy: actor.userId,
        ip: meta.ip,
        deviceId: meta.deviceId,
      })
      .returning();
    if (decoded.files.length) {
      await tx.insert(LF).values(decoded.files.map((f) => ({ consortiumId, logId: log!.id, ...f })));
    }
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_log',
      entityId: log!.id,
      action: 'submit',
      after: { placementId, ...auditLogView({ ...log!, files: decoded.files }) },
      requestId,
    });
    const studentName = (await placementSummaries(tx, consortiumId, [placementId])).get(
      placementId,
    )!.studentName;
    await notify(tx, consortiumId, await hostRecipients(tx, consortiumId, placement), {
      kind: 'internship.log.submitted',
      title: `实习日志待会签：${studentName}（${body.periodStart} 至 ${body.periodEnd}）`,
      link: `/internships/logs/${log!.id}`,
    });
    await detectForLog(tx, consortiumId, log!, placement);
    return logDetail(tx, consortiumId, log!.id, placement, sides);
  });
}

export async function editLog(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  logId: string,
  body: LogPatchBody,
  meta: SubmitMeta,
  requestId?: string,
) {
  const { log, placement, sides } = await loadLog(db, access, actor, consortiumId, logId);
  requireSide(sides, 'student', 'internship.log');
  if (placement.status !== 'active' || (log.status !== 'submitted' && log.status !== 'returned')) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Only a submitted or returned log of an active placement can be edited; this log is ${log.status}.`,
      { status: log.status, placementStatus: placement.status },
    );
  }
  const plan = await planOf(db, consortiumId, placement.planId);
  const decoded = decodeFiles(body.addFiles ?? [], 'body.addFiles');
  if (decoded.issues.length) throw validationError(decoded.issues);
  return db.transaction(async (tx) => {
    await lockPlacementRow(tx, consortiumId, placement.id);
    const current = (await findLog(tx, consortiumId, logId))!;
    if (current.status !== log.status) {
      throw new AppError('CONFLICT', 'The log was changed at the same time; reload and try again.');
    }
    const periodStart = body.periodStart ?? current.periodStart;
    const periodEnd = body.periodEnd ?? current.periodEnd;
    const content = body.content ?? current.content;
    const others = await tx
      .select({ id: L.id, periodStart: L.periodStart, periodEnd: L.periodEnd })
      .from(L)
      .where(and(eq(L.consortiumId, consortiumId), eq(L.placementId, placement.id), ne(L.id, logId)));
    const issues = periodIssues(periodStart, periodEnd, placement, plan.logCadenceDays, today(), others);
    const existing = await tx
      .select({ id: LF.id, fileName: LF.fileName, size: LF.size, sha256: LF.sha256 })
      .from(LF)
      .where(and(eq(LF.consortiumId, consortiumId), eq(LF.logId, logId)));
    const remove = new Set(body.removeFileIds ?? []);
    for (const id of remove) {
      if (!existing.some((f) => f.id === id)) {
        issues.push({
          path: 'body.removeFileIds',
          code: 'UNKNOWN_FILE',
          message: `${id} is not a file of this log`,
        });
      }
    }
    const kept = existing.filter((f) => !remove.has(f.id));
    if (kept.length + decoded.files.length > MAX_LOG_FILES) {
      issues.push({
        path: 'body.addFiles',
        code: 'TOO_MANY_FILES',
        message: `a log has at most ${MAX_LOG_FILES} files (${kept.length} kept + ${decoded.files.length} added)`,
      });
    }
    if (issues.length) throw validationError(issues);
    const resubmitted = current.status === 'returned';
    await tx
      .update(L)
      .set({
        periodStart,
        periodEnd,
        content,
        signature: eng.logSignature(content),
        status: 'submitted',
        ip: meta.ip,
        deviceId: meta.deviceId,
        updatedAt: new Date(),
        ...(resubmitted ? { submittedAt: new Date() } : {}),
      })
      .where(and(eq(L.consortiumId, consortiumId), eq(L.id, logId)));
    if (remove.size)
      await tx.delete(LF).where(and(eq(LF.consortiumId, consortiumId), inArray(LF.id, [...remove])));
    if (decoded.files.length) {
      await tx.insert(LF).values(decoded.files.map((f) => ({ consortiumId, logId, ...f })));
    }
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_log',
      entityId: logId,
      action: resubmitted ? 'resubmit' : 'edit',
      before: auditLogView({ ...current, files: existing }),
      after: auditLogView({
        periodStart,
        periodEnd,
        content,
        status: 'submitted',
        files: [...kept, ...decoded.files],
      }),
      requestId,
    });
    if (resubmitted) {
      const studentName = (await placementSummaries(tx, consortiumId, [placement.id])).get(
        placement.id,
      )!.studentName;
      await notify(tx, consortiumId, await hostRecipients(tx, consortiumId, placement), {
        kind: 'internship.log.resubmitted',
        title: `实习日志已修改重交：${studentName}（${periodStart} 至 ${periodEnd}）`,
        link: `/internships/logs/${logId}`,
      });
    }
    const after = (await findLog(tx, consortiumId, logId))!;
    await detectForLog(tx, consortiumId, after, placement);
    return logDetail(tx, consortiumId, logId, placement, sides);
  });
}

type LogAction = 'cosign' | 'return' | 'review';

export async function actOnLog(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  logId: string,
  action: LogAction,
  note: string | undefined,
  requestId?: string,
) {
  const { log, placement, sides } = await loadLog(db, access, actor, consortiumId, logId);
  const onBehalf = action === 'cosign' && placement.hostKind === 'external';
  if (action === 'review' || onBehalf) requireSide(sides, 'schoolWrite', 'internship.write');
  else requireSide(sides, 'hostSupervise', 'internship.supervise');
  checkOnBehalfNote(onBehalf, note, 'body.note', {
    required:
      "the host is external: school staff record its mentor's co-signature with a note on what they saw (e.g. the mentor's signature on the paper log)",
  });
  const allowedFrom = action === 'review' ? ['submitted', 'cosigned'] : ['submitted'];
  if (!allowedFrom.includes(log.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `A log that is ${log.status} cannot be ${action === 'cosign' ? 'co-signed' : `${action}ed`}.`,
      {
        from: log.status,
        action,
      },
    );
  }
  const to = action === 'cosign' ? 'cosigned' : action === 'return' ? 'returned' : 'reviewed';
  const now = new Date();
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(L)
      .set({
        status: to,
        updatedAt: now,
        ...(action === 'cosign'
          ? {
              cosignedBy: actor.userId,
              cosignedAt: now,
              mentorNote: note ?? null,
              cosignedOnBehalf: onBehalf,
            }
          : {}),
        ...(action === 'return' ? { mentorNote: note ?? null } : {}),
        ...(action === 'review'
          ? { reviewedBy: actor.userId, reviewedAt: now, reviewNote: note ?? null }
          : {}),
      })
      .where(and(eq(L.consortiumId, consortiumId), eq(L.id, logId), eq(L.status, log.status)))
      .returning({ id: L.id });
    if (updated.length === 0) {
      throw new AppError('CONFLICT', 'The log was changed at the same time; reload and try again.');
    }
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_log',
      entityId: logId,
      action,
      before: { status: log.status },
      after: { status: to, note: note ?? null, ...(onBehalf ? { onBehalf: true } : {}) },
      requestId,
    });
    if (action === 'return') {
      const summary = (await placementSummaries(tx, consortiumId, [placement.id])).get(placement.id)!;
      if (summary.studentUserId) {
        await notify(tx, consortiumId, [summary.studentUserId], {
          kind: 'internship.log.returned',
          title: `实习日志被退回（${log.periodStart} 至 ${log.periodEnd}），请修改后重新提交`,
          ...(note ? { body: note } : {}),
          link: `/internships/logs/${logId}`,
        });
      }
    }
    return logDetail(tx, consortiumId, logId, placement, sides);
  });
}

// ---------------------------------------------------------------------------------------------------
// Flags

const kindZh: Record<FlagKind, string> = {
  near_duplicate: '日志雷同',
  shared_device: '同一设备/IP 代交',
  never_cosigned: '企业导师长期未会签',
  missing_logs: '日志逾期未交',
};

type Raise = {
  kind: FlagKind;
  placementId: string;
  logId: string | null;
  dedupeKey: string;
  details: Record<string, unknown>;
};

type SimilarEntry = { logId: string; placementId: string; similarity: number; sameSchool: boolean };
const MAX_SIMILAR = 20;

function mergeSimilar(old: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const byLog = new Map<string, SimilarEntry>();
  for (const e of [
    ...((old.similarTo as SimilarEntry[] | undefined) ?? []),
    ...((next.similarTo as SimilarEntry[]) ?? []),
  ]) {
    byLog.set(e.logId, e);
  }
  const all = [...byLog.values()].sort((a, b) => b.similarity - a.similarity);
  return {
    ...next,
    similarTo: all.slice(0, MAX_SIMILAR),
    matches: Math.max(all.length, Number(old.matches ?? 0), Number(next.matches ?? 0)),
    maxSimilarity: all[0]?.similarity ?? 0,
  };
}

/**
 * Raise a flag unless its dedupe key exists. An open flag's evidence is refreshed; a reviewed flag is
 * left as the reviewer closed it (re-running never re-raises what a person dismissed).
 */
async function raiseFlag(
  tx: Queryable,
  consortiumId: string,
  r: Raise,
): Promise<'raised' | 'updated' | 'kept'> {
  const [existing] = await tx
    .select()
    .from(FL)
    .where(and(eq(FL.consortiumId, consortiumId), eq(FL.dedupeKey, r.dedupeKey)))
    .for('update');
  if (!existing) {
    const inserted = await tx
      .insert(FL)
      .values({
        consortiumId,
        kind: r.kind,
        placementId: r.placementId,
        logId: r.logId,
        dedupeKey: r.dedupeKey,
        details: r.details,
      })
      .onConflictDoNothing()
      .returning({ id: FL.id });
    return inserted.length ? 'raised' : 'kept';
  }
  if (existing.status !== 'open') return 'kept';
  const details =
    r.kind === 'near_duplicate'
      ? mergeSimilar(existing.details as Record<string, unknown>, r.details)
      : r.details;
  await tx
    .update(FL)
    .set({ details })
    .where(and(eq(FL.consortiumId, consortiumId), eq(FL.id, existing.id)));
  return 'updated';
}

type Trace = eng.SubmissionTrace & { schoolUnitId: string };

function traceSelect() {
  return {
    logId: L.id,
    placementId: L.placementId,
    studentId: P.candidateId,
    schoolUnitId: P.schoolUnitId,
    deviceId: L.deviceId,
    ip: L.ip,
    day: chinaDay(L.submittedAt),
  };
}

function sharedSourceRaises(
  groups: eng.SharedSource[],
  traces: Trace[],
  inScope: (placementId: string) => boolean,
): Raise[] {
  const out: Raise[] = [];
  for (const g of groups) {
    for (const placementId of g.placementIds) {
      if (!inScope(placementId)) continue;
      const mine = traces.filter(
        (t) =>
          t.placementId === placementId &&
          (g.by === 'device' ? t.deviceId === g.key : t.ip === g.key && t.day === g.day),
      );
      out.push({
        kind: 'shared_device',
        placementId,
        logId: mine[0]?.logId ?? null,
        dedupeKey:
          g.by === 'device'
            ? `shared_device:device:${g.key}:${placementId}`
            : `shared_device:ip:${g.key}:${g.day}:${placementId}`,
        details: {
          by: g.by,
          // a device id is a hash already; its prefix is enough to tell devices apart on screen. An IP
          // is shown by its network only (everyone who reads the flag, host staff included, sees it)
          source: g.by === 'device' ? g.key.slice(0, 12) : eng.networkOf(g.key),
          day: g.day,
          students: g.studentIds.length,
          otherPlacementIds: g.placementIds.filter((p) => p !== placementId).slice(0, 50),
          logIds: mine.map((t) => t.logId),
        },
      });
    }
  }
  return out;
}

function nearDuplicateRaises(
  matches: eng.DuplicateMatch[],
  info: Map<string, { placementId: string; schoolUnitId: string }>,
  threshold: number,
  inScope: (placementId: string) => boolean,
): Raise[] {
  const out: Raise[] = [];
  for (const [logId, similar] of eng.matchesByDoc(matches)) {
    const me = info.get(logId);
    if (!me || !inScope(me.placementId)) continue;
    const similarTo = similar.slice(0, MAX_SIMILAR).map((s) => {
      const other = info.get(s.id)!;
      return {
        logId: s.id,
        placementId: other.placementId,
        similarity: s.similarity,
        sameSchool: other.schoolUnitId === me.schoolUnitId,
      };
    });
    out.push({
      kind: 'near_duplicate',
      placementId: me.placementId,
      logId,
      dedupeKey: `near_duplicate:${logId}`,
      details: { similarTo, matches: similar.length, maxSimilarity: similar[0]?.similarity ?? 0, threshold },
    });
  }
  return out;
}

/**
 * The checks after a log is submitted or edited: near-duplicates of it among other students' logs
 * (the bands compared in the database, the candidates checked exactly), and its device and IP.
 */
async function detectForLog(tx: Queryable, consortiumId: string, log: LogRow, placement: PlacementRow) {
  const everywhere = () => true;
  const sig = log.signature;
  if (eng.isCurrentSignature(sig)) {
    const bandConds = eng
      .bandsOf(sig)
      .filter((b) => b.values.every((v) => Number.isInteger(v)))
      .map((b) =>
        sql.raw(`(internship_logs.signature[${b.from}:${b.to}] = ARRAY[${b.values.join(',')}]::integer[])`),
      );
    const rows = await tx
      .select({ id: L.id, content: L.content, placementId: L.placementId, schoolUnitId: P.schoolUnitId })
      .from(L)
      .innerJoin(P, placementJoin)
      .where(
        and(
          eq(L.consortiumId, consortiumId),
          ne(L.id, log.id),
          ne(P.candidateId, placement.candidateId),
          or(...bandConds),
        ),
      );
    if (rows.length) {
      const texts = new Map([
        [log.id, log.content],
        ...rows.map((r) => [r.id, r.content] as [string, string]),
      ]);
      const matches = eng.verifyNearDuplicates(
        rows.map((r) => [log.id, r.id]),
        texts,
      );
      const info = new Map([
        [log.id, { placementId: placement.id, schoolUnitId: placement.schoolUnitId }],
        ...rows.map((r) => [r.id, { placementId: r.placementId, schoolUnitId: r.schoolUnitId }] as const),
      ]);
      for (const r of nearDuplicateRaises(matches, info, eng.DEFAULT_DUPLICATE_THRESHOLD, everywhere)) {
        await raiseFlag(tx, consortiumId, r);
      }
    }
  }
  const sources: { traces: Trace[]; by: 'device' | 'ip' }[] = [];
  if (log.deviceId) {
    const traces = await tx
      .select(traceSelect())
      .from(L)
      .innerJoin(P, placementJoin)
      .where(and(eq(L.consortiumId, consortiumId), eq(L.deviceId, log.deviceId)));
    sources.push({ traces: traces.map((t) => ({ ...t, ip: null })), by: 'device' });
  }
  if (log.ip) {
    const day = chinaDate.format(log.submittedAt);
    const traces = await tx
      .select(traceSelect())
      .from(L)
      .innerJoin(P, placementJoin)
      .where(
        and(eq(L.consortiumId, consortiumId), eq(L.ip, log.ip), sql`${chinaDay(L.submittedAt)} = ${day}`),
      );
    sources.push({ traces: traces.map((t) => ({ ...t, deviceId: null })), by: 'ip' });
  }
  for (const s of sources) {
    const groups = eng.sharedSources(s.traces).filter((g) => g.by === s.by);
    for (const r of sharedSourceRaises(groups, s.traces, everywhere)) await raiseFlag(tx, consortiumId, r);
  }
}

export async function detectFlags(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: DetectBody,
  requestId?: string,
) {
  // schools and the secretariat look for anomalies; a host's staff read the flags on their interns
  await requireSomeWrite(db, access, actor, consortiumId);
  const scope = await access.listScope(actor, 'internship.write', consortiumId);
  const inScopeSchool = (schoolUnitId: string) =>
    scope.kind === 'all' || scope.unitIds.includes(schoolUnitId);
  const asOf = today();
  const threshold = body?.threshold ?? eng.DEFAULT_DUPLICATE_THRESHOLD;
  return db.transaction(async (tx) => {
    const logs = await tx
      .select({
        ...traceSelect(),
        signature: L.signature,
        periodEnd: L.periodEnd,
        cosigned: sql<boolean>`${L.cosignedAt} is not null`,
      })
      .from(L)
      .innerJoin(P, placementJoin)
      .where(eq(L.consortiumId, consortiumId));
    const placementSchool = new Map(logs.map((l) => [l.placementId, l.schoolUnitId]));
    const inScope = (placementId: string) => inScopeSchool(placementSchool.get(placementId) ?? '');

    // signatures missing or of another length are recomputed (and stored)
    const byId = new Map(logs.map((l) => [l.logId, l]));
    const stale = logs.filter((l) => !eng.isCurrentSignature(l.signature)).map((l) => l.logId);
    const texts = new Map<string, string>();
    for (let i = 0; i < stale.length; i += 500) {
      const chunk = await tx
        .select({ id: L.id, content: L.content })
        .from(L)
        .where(and(eq(L.consortiumId, consortiumId), inArray(L.id, stale.slice(i, i + 500))));
      for (const c of chunk) {
        texts.set(c.id, c.content);
        const signature = eng.logSignature(c.content);
        await tx
          .update(L)
          .set({ signature })
          .where(and(eq(L.consortiumId, consortiumId), eq(L.id, c.id)));
        const row = byId.get(c.id);
        if (row) row.signature = signature;
      }
    }
    const raises: Raise[] = [];

    // near-duplicates: candidates by bands, then the exact check on the texts of the candidates only
    const pairs = eng.nearDuplicateCandidates(
      logs.map((l) => ({ id: l.logId, ownerId: l.studentId, signature: l.signature ?? [] })),
    );
    const need = [...new Set(pairs.flat())].filter((id) => !texts.has(id));
    for (let i = 0; i < need.length; i += 500) {
      const chunk = await tx
        .select({ id: L.id, content: L.content })
        .from(L)
        .where(and(eq(L.consortiumId, consortiumId), inArray(L.id, need.slice(i, i + 500))));
      for (const c of chunk) texts.set(c.id, c.content);
    }
    const matches = eng.verifyNearDuplicates(pairs, texts, { threshold });
    const info = new Map(
      logs.map((l) => [l.logId, { placementId: l.placementId, schoolUnitId: l.schoolUnitId }]),
    );
    raises.push(...nearDuplicateRaises(matches, info, threshold, inScope));

    // shared devices and IPs
    const thresholds = {
      ...(body?.minStudentsPerDevice ? { minStudentsPerDevice: body.minStudentsPerDevice } : {}),
      ...(body?.minStudentsPerIpPerDay ? { minStudentsPerIpPerDay: body.minStudentsPerIpPerDay } : {}),
    };
    raises.push(...sharedSourceRaises(eng.sharedSources(logs, thresholds), logs, inScope));

    // logs never co-signed
    const byPlacement = new Map<string, eng.CosignLog[]>();
    for (const l of logs) {
      const list = byPlacement.get(l.placementId) ?? [];
      list.push({ id: l.logId, submittedOn: l.day, cosigned: l.cosigned });
      byPlacement.set(l.placementId, list);
    }
    for (const [placementId, list] of byPlacement) {
      if (!inScope(placementId)) continue;
      const found = eng.neverCosigned(list, asOf);
      if (!found) continue;
      raises.push({
        kind: 'never_cosigned',
        placementId,
        logId: found.logIds[0] ?? null,
        dedupeKey: `never_cosigned:${placementId}`,
        details: {
          logIds: found.logIds,
          count: found.logIds.length,
          oldestSubmittedOn: found.oldest,
          olderThanDays: eng.DEFAULT_COSIGN_RULE.olderThanDays,
        },
      });
    }

    // missing logs
    const graceDays = body?.graceDays ?? eng.DEFAULT_GRACE_DAYS;
    const active = await tx
      .select({
        id: P.id,
        schoolUnitId: P.schoolUnitId,
        startDate: P.startDate,
        endDate: P.endDate,
        cadenceDays: internshipPlans.logCadenceDays,
      })
      .from(P)
      .innerJoin(
        internshipPlans,
        and(eq(internshipPlans.consortiumId, P.consortiumId), eq(internshipPlans.id, P.planId)),
      )
      .where(and(eq(P.consortiumId, consortiumId), eq(P.status, 'active')));
    const lastEnd = new Map<string, string>();
    for (const l of logs) {
      const prev = lastEnd.get(l.placementId);
      if (!prev || l.periodEnd > prev) lastEnd.set(l.placementId, l.periodEnd);
    }
    for (const p of active) {
      if (!inScopeSchool(p.schoolUnitId)) continue;
      const overdue = eng.overdueLog({ ...p, lastLogEnd: lastEnd.get(p.id) ?? null }, asOf, graceDays);
      if (!overdue) continue;
      raises.push({
        kind: 'missing_logs',
        placementId: p.id,
        logId: null,
        dedupeKey: `missing_logs:${p.id}:${overdue.since}`,
        details: { ...overdue, cadenceDays: p.cadenceDays, graceDays, asOf },
      });
    }

    const raised = Object.fromEntries(flagKinds.map((k) => [k, 0])) as Record<FlagKind, number>;
    const raisedIds: string[] = [];
    for (const r of raises) {
      if ((await raiseFlag(tx, consortiumId, r)) === 'raised') {
        raised[r.kind]++;
        raisedIds.push(r.dedupeKey);
      }
    }
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_flags',
      entityId: consortiumId,
      action: 'detect',
      after: {
        raised,
        scannedLogs: logs.length,
        threshold,
        graceDays,
        ...thresholds,
        keys: raisedIds.slice(0, 200),
      },
      requestId,
    });
    return {
      raised,
      scannedLogs: logs.length,
      scannedPlacements: byPlacement.size,
      noticeZh: FLAG_NOTICE_ZH,
      noticeEn: FLAG_NOTICE_EN,
    };
  });
}

function flagSummaryZh(kind: FlagKind, d: Record<string, unknown>): string {
  const n = (k: string) => Number(d[k] ?? 0);
  switch (kind) {
    case 'near_duplicate':
      return `该日志与其他 ${n('matches')} 名学生的日志高度相似（最高相似度 ${Math.round(n('maxSimilarity') * 100)}%），可能存在抄袭或代写`;
    case 'shared_device':
      return d.by === 'device'
        ? `同一设备提交了 ${n('students')} 名学生的日志，可能存在代交`
        : `${String(d.day)} 同一 IP 地址（${String(d.source)}）提交了 ${n('students')} 名学生的日志，可能存在代交（也可能是同一机房或单位网络）`;
    case 'never_cosigned':
      return `已有 ${n('count')} 篇日志提交超过 ${n('olderThanDays')} 天仍未经企业导师会签`;
    case 'missing_logs':
      return `自 ${String(d.since)} 起已 ${n('daysSince')} 天未提交日志（周期 ${n('cadenceDays')} 天，宽限 ${n('graceDays')} 天，已逾期 ${n('daysOverdue')} 天）`;
  }
}

function flagSummaryEn(kind: FlagKind, d: Record<string, unknown>): string {
  const n = (k: string) => Number(d[k] ?? 0);
  const plural = (x: number, one: string, many = `${one}s`) => `${x} ${x === 1 ? one : many}`;
  switch (kind) {
    case 'near_duplicate':
      return `This log closely resembles the logs of ${plural(n('matches'), 'other student')} (highest similarity ${Math.round(n('maxSimilarity') * 100)}%): it may have been copied or written by someone else`;
    case 'shared_device':
      return d.by === 'device'
        ? `One device submitted the logs of ${plural(n('students'), 'student')}: someone may be submitting for others`
        : `On ${String(d.day)} one IP address (${String(d.source)}) submitted the logs of ${plural(n('students'), 'student')}: someone may be submitting for others (or they share a computer room or an employer's network)`;
    case 'never_cosigned':
      return `${plural(n('count'), 'log')} submitted more than ${plural(n('olderThanDays'), 'day')} ago ${n('count') === 1 ? 'is' : 'are'} still not co-signed by the host's mentor`;
    case 'missing_logs':
      return `No log for ${plural(n('daysSince'), 'day')} since ${String(d.since)} (cadence ${plural(n('cadenceDays'), 'day')}, grace ${plural(n('graceDays'), 'day')}; ${plural(n('daysOverdue'), 'day')} overdue)`;
  }
}

async function presentFlags(db: Queryable, consortiumId: string, rows: FlagRow[]) {
  const [names, summaries] = await Promise.all([
    userNames(
      db,
      rows.map((r) => r.reviewedBy),
    ),
    placementSummaries(
      db,
      consortiumId,
      rows.map((r) => r.placementId),
    ),
  ]);
  return rows.map((r) => {
    const details = (r.details ?? {}) as Record<string, unknown>;
    return {
      id: r.id,
      kind: r.kind,
      kindZh: kindZh[r.kind],
      status: r.status,
      placementId: r.placementId,
      logId: r.logId,
      summaryZh: flagSummaryZh(r.kind, details),
      summaryEn: flagSummaryEn(r.kind, details),
      noticeZh: FLAG_NOTICE_ZH,
      noticeEn: FLAG_NOTICE_EN,
      details,
      placement: presentSummary(summaries.get(r.placementId)!),
      raisedAt: r.raisedAt.toISOString(),
      reviewNote: r.reviewNote,
      reviewedByName: r.reviewedBy ? (names.get(r.reviewedBy) ?? null) : null,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
    };
  });
}

export async function listFlags(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: FlagListQuery,
) {
  const { where } = await placementScope(access, actor, consortiumId, { students: false });
  const cond = and(
    eq(FL.consortiumId, consortiumId),
    where,
    q.kind ? eq(FL.kind, q.kind) : undefined,
    q.status ? eq(FL.status, q.status) : undefined,
    q.placementId ? eq(FL.placementId, q.placementId) : undefined,
    q.schoolUnitId ? eq(P.schoolUnitId, q.schoolUnitId) : undefined,
    q.hostUnitId ? eq(P.hostUnitId, q.hostUnitId) : undefined,
  );
  const col = q.sort.replace(/^-/, '') === 'kind' ? FL.kind : FL.raisedAt;
  const flagPlacement = and(eq(P.consortiumId, FL.consortiumId), eq(P.id, FL.placementId));
  const [rows, [count]] = await Promise.all([
    db
      .select({ flag: FL })
      .from(FL)
      .innerJoin(P, flagPlacement)
      .innerJoin(candidates, candidateJoin)
      .where(cond)
      .orderBy(q.sort.startsWith('-') ? desc(col) : asc(col), asc(FL.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(FL)
      .innerJoin(P, flagPlacement)
      .innerJoin(candidates, candidateJoin)
      .where(cond),
  ]);
  return {
    items: await presentFlags(
      db,
      consortiumId,
      rows.map((r) => r.flag),
    ),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

export async function reviewFlag(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  flagId: string,
  body: { status: 'dismissed' | 'confirmed'; note: string },
  requestId?: string,
) {
  await access.listScope(actor, 'internship.read', consortiumId);
  const [flag] = await db
    .select()
    .from(FL)
    .where(and(eq(FL.consortiumId, consortiumId), eq(FL.id, flagId)));
  if (!flag) throw new AppError('FLAG_NOT_FOUND', 'Flag not found.');
  let sides: PlacementSides;
  try {
    ({ sides } = await loadPlacement(db, access, actor, consortiumId, flag.placementId));
  } catch (err) {
    if (err instanceof AppError && err.code === 'PLACEMENT_NOT_FOUND')
      throw new AppError('FLAG_NOT_FOUND', 'Flag not found.');
    throw err;
  }
  if (sides.student && !sides.schoolWrite) throw new AppError('FLAG_NOT_FOUND', 'Flag not found.');
  requireSide(sides, 'schoolWrite', 'internship.write');
  if (flag.status !== 'open') {
    throw new AppError('INVALID_TRANSITION', `This flag was ${flag.status} already.`, { from: flag.status });
  }
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(FL)
      .set({ status: body.status, reviewNote: body.note, reviewedBy: actor.userId, reviewedAt: new Date() })
      .where(and(eq(FL.consortiumId, consortiumId), eq(FL.id, flagId), eq(FL.status, 'open')))
      .returning();
    if (!after) throw new AppError('CONFLICT', 'The flag was reviewed at the same time; reload.');
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_flag',
      entityId: flagId,
      action: 'review',
      before: { status: flag.status },
      after: { status: body.status, note: body.note },
      requestId,
    });
    return (await presentFlags(tx, consortiumId, [after]))[0]!;
  });
}

// ---------------------------------------------------------------------------------------------------
// Assessments

function rubricOf(plan: { rubric: unknown }): eng.RubricItem[] {
  const raw = Array.isArray(plan.rubric) ? (plan.rubric as unknown[]) : [];
  return raw.flatMap((x) => {
    const r = x as Partial<eng.RubricItem>;
    return typeof r.key === 'string' && typeof r.weight === 'number'
      ? [{ key: r.key, label: typeof r.label === 'string' ? r.label : r.key, weight: r.weight }]
      : [];
  });
}

async function assessmentsOf(
  db: Queryable,
  consortiumId: string,
  placementId: string,
  sides: PlacementSides,
) {
  const [placement] = await db
    .select()
    .from(P)
    .where(and(eq(P.consortiumId, consortiumId), eq(P.id, placementId)));
  const plan = await planOf(db, consortiumId, placement!.planId);
  const rows = await db
    .select()
    .from(A)
    .where(and(eq(A.consortiumId, consortiumId), eq(A.placementId, placementId)))
    .orderBy(asc(A.role));
  // the student's rating of the host is not shown to the host's own staff
  const hostOnly = sides.host && !sides.school && !sides.all && !sides.student;
  return {
    placementId,
    placementStatus: placement!.status,
    rubric: rubricOf(plan),
    assessments: rows
      .filter((r) => !(hostOnly && r.role === 'student'))
      .map((r) => ({
        role: r.role,
        scores: r.scores as Record<string, number>,
        total: r.total,
        comment: r.comment,
        onBehalfNote: r.onBehalfNote,
        assessedByName: r.assessedByName,
        assessedAt: r.assessedAt.toISOString(),
      })),
    finalScore: placement!.finalScore,
    finalGrade: placement!.finalGrade,
  };
}

export async function getAssessments(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  placementId: string,
) {
  const { sides } = await loadPlacement(db, access, actor, consortiumId, placementId);
  return assessmentsOf(db, consortiumId, placementId, sides);
}

export async function putAssessment(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  placementId: string,
  role: AssessorRole,
  body: AssessmentBody,
  requestId?: string,
) {
  const { placement, sides } = await loadPlacement(db, access, actor, consortiumId, placementId);
  // an external host has nobody here: school staff record its mentor's scores, saying from what
  const onBehalf = role === 'enterprise_mentor' && placement.hostKind === 'external';
  if (onBehalf || role === 'school_mentor') requireSide(sides, 'schoolWrite', 'internship.write');
  else if (role === 'enterprise_mentor') requireSide(sides, 'hostSupervise', 'internship.supervise');
  else requireSide(sides, 'student', 'internship.log');
  checkOnBehalfNote(onBehalf, body.onBehalfNote, 'body.onBehalfNote', {
    required:
      "the host is external: school staff record its mentor's scores with a note on where they come from (e.g. the mentor's signed paper form)",
    notAllowed: "only for an external host's mentor",
  });
  if (placement.status !== 'active' && placement.status !== 'completed') {
    throw new AppError('INVALID_TRANSITION', `A placement that is ${placement.status} cannot be assessed.`, {
      status: placement.status,
    });
  }
  let total: number;
  if (role === 'student') {
    const issues = eng.studentRatingIssues(body.scores);
    if (issues.length) throw validationError(issues);
    total = eng.studentRatingTotal(body.scores as Record<eng.StudentRatingKey, number>);
  } else {
    const rubric = rubricOf(await planOf(db, consortiumId, placement.planId));
    const problems = eng.rubricProblems(rubric);
    if (problems.length) {
      throw new AppError('CONFLICT', `The plan's rubric cannot be used: ${problems.join('; ')}.`, {
        problems,
      });
    }
    const issues = eng.mentorScoreIssues(rubric, body.scores);
    if (issues.length) throw validationError(issues);
    total = eng.weightedTotal(rubric, body.scores);
  }
  return db.transaction(async (tx) => {
    await lockPlacementRow(tx, consortiumId, placementId);
    const [before] = await tx
      .select()
      .from(A)
      .where(and(eq(A.consortiumId, consortiumId), eq(A.placementId, placementId), eq(A.role, role)));
    const values = {
      scores: body.scores,
      total,
      comment: body.comment ?? null,
      onBehalfNote: body.onBehalfNote ?? null,
      assessedBy: actor.userId,
      assessedByName: actor.displayName,
      assessedAt: new Date(),
    };
    await tx
      .insert(A)
      .values({ consortiumId, placementId, role, ...values })
      .onConflictDoUpdate({ target: [A.consortiumId, A.placementId, A.role], set: values });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'internship_assessment',
      entityId: placementId,
      action: before ? 'reassess' : 'assess',
      before: before ? { role, scores: before.scores, total: before.total } : null,
      after: { role, scores: body.scores, total, ...(onBehalf ? { onBehalfNote: body.onBehalfNote } : {}) },
      requestId,
    });
    if (role !== 'student') {
      const mentors = await tx
        .select({ role: A.role, total: A.total })
        .from(A)
        .where(and(eq(A.consortiumId, consortiumId), eq(A.placementId, placementId), ne(A.role, 'student')));
      const ent = mentors.find((m) => m.role === 'enterprise_mentor');
      const sch = mentors.find((m) => m.role === 'school_mentor');
      if (ent && sch) {
        const final = eng.finalResult(ent.total, sch.total);
        const [current] = await tx
          .select({ score: P.finalScore, grade: P.finalGrade })
          .from(P)
          .where(and(eq(P.consortiumId, consortiumId), eq(P.id, placementId)));
        if (current?.score !== final.score || current.grade !== final.grade) {
          await tx
            .update(P)
            .set({ finalScore: final.score, finalGrade: final.grade, updatedAt: new Date() })
            .where(and(eq(P.consortiumId, consortiumId), eq(P.id, placementId)));
          await recordStatus(tx, {
            consortiumId,
            actor,
            entity: 'placement',
            entityId: placementId,
            field: 'finalGrade',
            from: current?.grade ?? null,
            to: final.grade,
            data: { finalScore: final.score, enterpriseMentor: ent.total, schoolMentor: sch.total },
          });
          await recordAudit(tx, {
            consortiumId,
            actor,
            entity: 'placement',
            entityId: placementId,
            action: 'final_grade',
            before: { finalScore: current?.score ?? null, finalGrade: current?.grade ?? null },
            after: { finalScore: final.score, finalGrade: final.grade },
            requestId,
          });
        }
      }
    }
    return assessmentsOf(tx, consortiumId, placementId, sides);
  });
}

/** Per host: how many students rated it and the mean of each dimension (the secretariat all, a school its students'). */
export async function hostRatings(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: HostRatingsQuery,
) {
  const scope = await access.listScope(actor, 'internship.read', consortiumId);
  if (scope.kind === 'restricted' && scope.unitIds.length === 0) {
    throw new AppError('FORBIDDEN', 'Host ratings are for schools and the secretariat.', {
      capability: 'internship.read',
    });
  }
  const dim = (k: string) => sql<number>`avg((${A.scores}->>${k})::numeric)::float8`;
  const rows = await db
    .select({
      hostKind: P.hostKind,
      hostUnitId: P.hostUnitId,
      externalHostId: P.externalHostId,
      hostName: sql<string | null>`coalesce(${hostUnit.name}, ${internshipHosts.name})`,
      ratings: sql<number>`count(*)::int`,
      overall: dim('overall'),
      guidance: dim('guidance'),
      safety: dim('safety'),
      learning: dim('learning'),
      total: sql<number>`avg(${A.total})::float8`,
    })
    .from(A)
    .innerJoin(P, and(eq(P.consortiumId, A.consortiumId), eq(P.id, A.placementId)))
    .leftJoin(hostUnit, and(eq(hostUnit.consortiumId, P.consortiumId), eq(hostUnit.id, P.hostUnitId)))
    .leftJoin(
      internshipHosts,
      and(eq(internshipHosts.consortiumId, P.consortiumId), eq(internshipHosts.id, P.externalHostId)),
    )
    .where(
      and(
        eq(A.consortiumId, consortiumId),
        eq(A.role, 'student'),
        scope.kind === 'restricted' ? inArray(P.schoolUnitId, scope.unitIds) : undefined,
      ),
    )
    .groupBy(P.hostKind, P.hostUnitId, P.externalHostId, hostUnit.name, internshipHosts.name);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const items = rows.map((r) => ({
    hostKind: r.hostKind,
    hostUnitId: r.hostUnitId,
    externalHostId: r.externalHostId,
    hostName: r.hostName,
    ratings: r.ratings,
    mean: {
      overall: r2(r.overall),
      guidance: r2(r.guidance),
      safety: r2(r.safety),
      learning: r2(r.learning),
      total: r2(r.total),
    },
  }));
  const field = q.sort.replace(/^-/, '');
  const dir = q.sort.startsWith('-') ? -1 : 1;
  const key = (x: (typeof items)[number]) =>
    field === 'ratings' ? x.ratings : field === 'overall' ? x.mean.overall : (x.hostName ?? '');
  items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * dir || (a.hostName ?? '').localeCompare(b.hostName ?? '');
  });
  return {
    items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    page: q.page,
    pageSize: q.pageSize,
    total: items.length,
  };
}

// ---------------------------------------------------------------------------------------------------
// Alerts

const partyZh: Record<string, string> = { school: '学校', host: '实习单位', student: '学生' };
const partyEn: Record<string, string> = { school: 'school', host: 'host', student: 'student' };
/** A ratio as a percentage with at most one decimal (0.1 → "10%"). */
const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;
const daysEn = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** An alert and whom it concerns (the audience is not presented; the sweep notifies it). */
type AlertRow = AlertOut & {
  startDate: string | null;
  audience: { userIds: string[]; unitRoles: { unitId: string; roles: string[] }[]; secretariat: boolean };
};

async function computeAlerts(
  db: Queryable,
  consortiumId: string,
  asOf: string,
  scope: ListScope,
): Promise<AlertRow[]> {
  const restricted = scope.kind === 'restricted' ? scope : null;
  // the host cap in force here (the secretariat may have changed the regulation's 10%)
  const hostRatio =
    effectiveRules(await loadSettings(db, consortiumId)).find((r) => r.def.id === 'R-RATIO-HOST')?.params
      .maxRatio ?? 0.1;
  const placementFilter = restricted
    ? or(
        ...(restricted.unitIds.length
          ? [inArray(P.schoolUnitId, restricted.unitIds), inArray(P.hostUnitId, restricted.unitIds)]
          : []),
        ...(restricted.ownUserId ? [eq(candidates.userId, restricted.ownUserId)] : []),
      )
    : undefined;
  const placements = await db
    .select({
      p: P,
      studentName: candidates.name,
      studentUserId: candidates.userId,
      cadenceDays: internshipPlans.logCadenceDays,
      teacherUserId: internshipPlans.teacherUserId,
      hostName: sql<string | null>`coalesce(${hostUnit.name}, ${internshipHosts.name})`,
    })
    .from(P)
    .innerJoin(candidates, candidateJoin)
    .innerJoin(
      internshipPlans,
      and(eq(internshipPlans.consortiumId, P.consortiumId), eq(internshipPlans.id, P.planId)),
    )
    .leftJoin(hostUnit, and(eq(hostUnit.consortiumId, P.consortiumId), eq(hostUnit.id, P.hostUnitId)))
    .leftJoin(
      internshipHosts,
      and(eq(internshipHosts.consortiumId, P.consortiumId), eq(internshipHosts.id, P.externalHostId)),
    )
    .where(and(eq(P.consortiumId, consortiumId), inArray(P.status, ['pending', 'active']), placementFilter));
  const ids = new Set(placements.map((x) => x.p.id));

  const confirmations = await db
    .select({ placementId: internshipAgreements.placementId, party: agreementConfirmations.party })
    .from(internshipAgreements)
    .innerJoin(
      agreementConfirmations,
      and(
        eq(agreementConfirmations.consortiumId, internshipAgreements.consortiumId),
        eq(agreementConfirmations.agreementId, internshipAgreements.id),
        eq(agreementConfirmations.contentHash, internshipAgreements.contentHash),
      ),
    )
    .where(and(eq(internshipAgreements.consortiumId, consortiumId), eq(internshipAgreements.current, true)));
  const confirmed = new Map<string, Set<string>>();
  for (const c of confirmations) {
    if (!ids.has(c.placementId)) continue;
    const s = confirmed.get(c.placementId) ?? new Set<string>();
    s.add(c.party);
    confirmed.set(c.placementId, s);
  }
  const lastLogs = await db
    .select({ placementId: L.placementId, lastEnd: sql<string>`max(${L.periodEnd})::text` })
    .from(L)
    .where(eq(L.consortiumId, consortiumId))
    .groupBy(L.placementId);
  const lastEnd = new Map(lastLogs.map((r) => [r.placementId, r.lastEnd]));

  const out: AlertRow[] = [];
  for (const x of placements) {
    const p = x.p;
    const base = {
      placementId: p.id,
      studentName: x.studentName,
      postTitle: p.postTitle,
      host: { kind: p.hostKind, unitId: p.hostUnitId, externalHostId: p.externalHostId, name: x.hostName },
      link: `/internships/placements/${p.id}`,
      startDate: p.startDate,
    };
    const schoolContact = [p.schoolMentorUserId, x.teacherUserId].filter((u): u is string => !!u);
    const schoolAudience = {
      userIds: schoolContact,
      // with no mentor or teacher named, the school's administrators
      unitRoles: schoolContact.length ? [] : [{ unitId: p.schoolUnitId, roles: ['unit_admin'] }],
      secretariat: false,
    };
    const ins = eng.insuranceAlert(p, asOf);
    if (ins) {
      out.push({
        ...base,
        kind: 'insurance_expiring',
        severity: ins.severity,
        messageZh:
          ins.state === 'missing'
            ? `${x.studentName}（${p.postTitle}）正在实习，但未登记实习责任保险`
            : ins.state === 'expired'
              ? `${x.studentName}的实习责任保险已于 ${p.insuranceEnd} 到期，实习至 ${p.endDate} 仍在进行`
              : `${x.studentName}的实习责任保险将于 ${p.insuranceEnd} 到期（还剩 ${ins.daysLeft} 天），实习至 ${p.endDate}`,
        messageEn:
          ins.state === 'missing'
            ? `${x.studentName} (${p.postTitle}) is on an internship without internship liability insurance on record`
            : ins.state === 'expired'
              ? `${x.studentName}'s internship liability insurance expired on ${p.insuranceEnd}; the internship runs until ${p.endDate}`
              : `${x.studentName}'s internship liability insurance expires on ${p.insuranceEnd} (in ${daysEn(ins.daysLeft ?? 0)}); the internship runs until ${p.endDate}`,
        numbers: {
          insuranceEnd: p.insuranceEnd,
          endDate: p.endDate,
          daysLeft: ins.daysLeft,
          state: ins.state,
        },
        audience: schoolAudience,
      });
    }
    const agr = eng.agreementAlert(p, confirmed.get(p.id) ?? new Set(), asOf);
    if (agr) {
      const userIds = [...schoolContact];
      const unitRoles: { unitId: string; roles: string[] }[] = [];
      if (agr.missing.includes('host')) {
        if (p.enterpriseMentorUserId) userIds.push(p.enterpriseMentorUserId);
        if (p.hostUnitId) unitRoles.push({ unitId: p.hostUnitId, roles: ['unit_admin'] });
      }
      if (agr.missing.includes('student') && x.studentUserId) userIds.push(x.studentUserId);
      if (agr.missing.includes('school') && schoolContact.length === 0) {
        unitRoles.push({ unitId: p.schoolUnitId, roles: ['unit_admin'] });
      }
      out.push({
        ...base,
        kind: 'agreement_unconfirmed',
        severity: agr.severity,
        messageZh: `${x.studentName}的三方协议尚未全部确认（待确认：${agr.missing.map((m) => partyZh[m]).join('、')}），${
          agr.daysToStart > 0 ? `距实习开始还有 ${agr.daysToStart} 天` : '实习已开始'
        }`,
        messageEn: `${x.studentName}'s three-party agreement is not confirmed by all (waiting for: ${agr.missing.map((m) => partyEn[m]).join(', ')}); ${
          agr.daysToStart > 0
            ? `the internship starts in ${daysEn(agr.daysToStart)}`
            : 'the internship has started'
        }`,
        numbers: { startDate: p.startDate, daysToStart: agr.daysToStart, missing: agr.missing.join(',') },
        audience: { userIds, unitRoles, secretariat: false },
      });
    }
    if (p.status === 'active') {
      const overdue = eng.overdueLog(
        { ...p, cadenceDays: x.cadenceDays, lastLogEnd: lastEnd.get(p.id) ?? null },
        asOf,
      );
      if (overdue) {
        out.push({
          ...base,
          kind: 'logs_overdue',
          severity: overdue.daysOverdue > x.cadenceDays ? 'high' : 'warn',
          messageZh: `${x.studentName}自 ${overdue.since} 起已 ${overdue.daysSince} 天未提交实习日志（周期 ${x.cadenceDays} 天，宽限 ${eng.DEFAULT_GRACE_DAYS} 天）`,
          messageEn: `${x.studentName} has submitted no internship log for ${daysEn(overdue.daysSince)} since ${overdue.since} (cadence ${daysEn(x.cadenceDays)}, grace ${daysEn(eng.DEFAULT_GRACE_DAYS)})`,
          numbers: { ...overdue, cadenceDays: x.cadenceDays, graceDays: eng.DEFAULT_GRACE_DAYS },
          audience: {
            ...schoolAudience,
            userIds: [...schoolContact, ...(x.studentUserId ? [x.studentUserId] : [])],
          },
        });
      }
    }
  }

  // the hosts' 10% caps: every position placement that is not cancelled, from today on
  if (!restricted || restricted.unitIds.length) {
    const rows = await db
      .select({
        hostKind: P.hostKind,
        hostUnitId: P.hostUnitId,
        externalHostId: P.externalHostId,
        schoolUnitId: P.schoolUnitId,
        startDate: P.startDate,
        endDate: P.endDate,
        terminatedOn: P.terminatedOn,
        employees: sql<number | null>`coalesce(${hostUnit.employeeCount}, ${internshipHosts.employeeCount})`,
        hostName: sql<string | null>`coalesce(${hostUnit.name}, ${internshipHosts.name})`,
      })
      .from(P)
      .innerJoin(
        internshipPlans,
        and(eq(internshipPlans.consortiumId, P.consortiumId), eq(internshipPlans.id, P.planId)),
      )
      .leftJoin(hostUnit, and(eq(hostUnit.consortiumId, P.consortiumId), eq(hostUnit.id, P.hostUnitId)))
      .leftJoin(
        internshipHosts,
        and(eq(internshipHosts.consortiumId, P.consortiumId), eq(internshipHosts.id, P.externalHostId)),
      )
      .where(
        and(
          eq(P.consortiumId, consortiumId),
          ne(P.status, 'cancelled'),
          eq(internshipPlans.kind, 'position'),
          gte(P.endDate, asOf),
        ),
      );
    const hosts = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = r.hostKind === 'member' ? `unit:${r.hostUnitId}` : `ext:${r.externalHostId}`;
      hosts.set(key, [...(hosts.get(key) ?? []), r]);
    }
    for (const [key, list] of hosts) {
      const h = list[0]!;
      if (h.employees === null) continue;
      if (
        restricted &&
        !(h.hostUnitId && restricted.unitIds.includes(h.hostUnitId)) &&
        !list.some((r) => restricted.unitIds.includes(r.schoolUnitId))
      ) {
        continue;
      }
      const peak = eng.peakConcurrent(
        list.map((r) => ({
          start: r.startDate,
          end: r.terminatedOn && r.terminatedOn < r.endDate ? r.terminatedOn : r.endDate,
        })),
        asOf,
      );
      const cap = eng.capAlert(h.employees, peak.peak, { share: hostRatio });
      if (!cap) continue;
      out.push({
        kind: 'cap_near_limit',
        severity: cap.severity,
        placementId: null,
        studentName: null,
        postTitle: null,
        host: { kind: h.hostKind, unitId: h.hostUnitId, externalHostId: h.externalHostId, name: h.hostName },
        messageZh: `${h.hostName ?? '实习单位'}自 ${peak.on} 起岗位实习学生将达 ${peak.peak} 人，${
          peak.peak > cap.cap ? '超过' : '接近'
        }上限 ${cap.cap} 人（在岗职工 ${h.employees} 人的 ${percent(hostRatio)}）`,
        messageEn: `From ${peak.on}, ${h.hostName ?? 'the host'} will have ${peak.peak} position interns, ${
          peak.peak > cap.cap ? 'above' : 'close to'
        } its cap of ${cap.cap} (${percent(hostRatio)} of its ${h.employees} employees)`,
        numbers: {
          peak: peak.peak,
          peakOn: peak.on,
          cap: cap.cap,
          employees: h.employees,
          usedShare: cap.usedShare,
        },
        link: `/internships/alerts?host=${encodeURIComponent(key)}`,
        startDate: null,
        audience: {
          userIds: [],
          unitRoles: h.hostUnitId ? [{ unitId: h.hostUnitId, roles: ['unit_admin'] }] : [],
          secretariat: true,
        },
      });
    }
  }
  const kindOrder: Record<AlertKind, number> = {
    insurance_expiring: 0,
    agreement_unconfirmed: 1,
    logs_overdue: 2,
    cap_near_limit: 3,
  };
  return out.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'high' ? -1 : 1) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      (a.startDate ?? '').localeCompare(b.startDate ?? '') ||
      a.link.localeCompare(b.link),
  );
}

function presentAlert(a: AlertRow): AlertOut {
  const { audience: _a, startDate: _s, ...out } = a;
  return out;
}

export async function listAlerts(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: AlertQuery,
) {
  const scope = await access.listScope(actor, 'internship.read', consortiumId);
  const asOf = today();
  const all = (await computeAlerts(db, consortiumId, asOf, scope)).filter(
    (a) =>
      (!q.kind || a.kind === q.kind) &&
      (!q.severity || a.severity === q.severity) &&
      (!q.placementId || a.placementId === q.placementId),
  );
  return {
    asOf,
    items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(presentAlert),
    page: q.page,
    pageSize: q.pageSize,
    total: all.length,
  };
}

/**
 * The daily sweep: every consortium's alerts as of today, each notified in the app to whom it concerns
 * once a day. The guard is the notifications table itself (an alert's kind and link already notified
 * today are skipped), so a restart, a second run or a second process sends nothing twice.
 */
export async function notifyAlerts(
  db: Db,
  opts: { asOf?: string } = {},
): Promise<{ alerts: number; notified: number }> {
  const asOf = opts.asOf ?? today();
  const list = await db.select({ id: consortia.id }).from(consortia);
  let alerts = 0;
  let notified = 0;
  for (const { id: consortiumId } of list) {
    const found = await computeAlerts(db, consortiumId, asOf, { kind: 'all' });
    if (found.length === 0) continue;
    alerts += found.length;
    await db.transaction(async (tx) => {
      // one sender per consortium at a time: a second process waits, then finds today's already sent
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`internship-alerts:${consortiumId}`}, 0))`,
      );
      const sent = await tx
        .selectDistinct({ kind: notifications.kind, link: notifications.link })
        .from(notifications)
        .where(
          and(
            eq(notifications.consortiumId, consortiumId),
            sql`${notifications.kind} like 'alert.%'`,
            sql`to_char(${notifications.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD') = ${asOf}`,
          ),
        );
      const done = new Set(sent.map((s) => `${s.kind} ${s.link}`));
      let secretariat: string[] | null = null;
      for (const a of found) {
        const kind = `alert.${a.kind}`;
        if (done.has(`${kind} ${a.link}`)) continue;
        done.add(`${kind} ${a.link}`);
        const recipients = [...a.audience.userIds];
        for (const u of a.audience.unitRoles)
          recipients.push(...(await unitUserIds(tx, consortiumId, u.unitId, u.roles)));
        if (a.audience.secretariat) {
          secretariat ??= await roleUserIds(tx, consortiumId, ['secretariat']);
          recipients.push(...secretariat);
        }
        const unique = [...new Set(recipients)];
        if (unique.length === 0) continue;
        await notify(tx, consortiumId, unique, {
          kind,
          title: `${a.severity === 'high' ? '【紧急】' : '【提醒】'}${a.messageZh}`,
          link: a.link,
        });
        notified += unique.length;
      }
    });
  }
  return { alerts, notified };
}
