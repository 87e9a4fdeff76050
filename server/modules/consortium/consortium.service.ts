import crypto from 'node:crypto';
// Use cases of consortia and member units. Each write is audited in the same transaction.
import { unitsChanged } from './unit-events.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError, validationError, type FieldIssue } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { codeStatuses, industryNames } from '../reference/reference.service.ts';
import { unitIssues } from './consortium.core.ts';
import * as repo from './consortium.repo.ts';

export function presentConsortium(c: repo.ConsortiumRow) {
  return { ...c, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() };
}

export function presentUnit(u: repo.UnitRow) {
  return { ...u, createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString() };
}

export async function getConsortium(db: Db, id: string) {
  const c = await repo.findConsortium(db, id);
  if (!c) throw new AppError('CONSORTIUM_NOT_FOUND', 'Not found.');
  return c;
}

export async function createConsortium(
  db: Db,
  actor: Actor,
  input: {
    code: string;
    name: string;
    nameEn?: string | undefined;
    regionCode?: string | undefined;
    level: repo.ConsortiumRow['level'];
  },
  requestId?: string,
) {
  if (await repo.findConsortiumByCode(db, input.code)) {
    throw new AppError('CONSORTIUM_CODE_TAKEN', `The code ${input.code} is taken.`, {
      issues: [{ path: 'body.code', code: 'taken', message: 'taken' }],
    });
  }
  return db.transaction(async (tx) => {
    const c = await repo.insertConsortium(tx, {
      code: input.code,
      name: input.name,
      nameEn: input.nameEn ?? null,
      regionCode: input.regionCode ?? null,
      level: input.level,
    });
    await recordAudit(tx, {
      consortiumId: c.id,
      actor,
      entity: 'consortium',
      entityId: c.id,
      action: 'create',
      after: presentConsortium(c),
      requestId,
    });
    return c;
  });
}

export async function updateConsortium(
  db: Db,
  actor: Actor,
  id: string,
  input: Partial<
    Pick<repo.ConsortiumRow, 'name' | 'nameEn' | 'regionCode' | 'level' | 'status' | 'batch' | 'batchYear'>
  > & {
    statusSince?: string | undefined;
    statusNote?: string | undefined;
  },
  requestId?: string,
) {
  const before = await getConsortium(db, id);
  const { statusSince, statusNote, ...patch } = input;
  if (patch.regionCode) {
    const status = (await codeStatuses(db, 'region', [patch.regionCode])).get(patch.regionCode);
    if (status === 'unknown') {
      throw validationError([
        {
          path: 'body.regionCode',
          code: 'UNKNOWN_REGION',
          message: `${patch.regionCode} is not in the region catalog`,
        },
      ]);
    }
  }
  return db.transaction(async (tx) => {
    const after = await repo.updateConsortium(tx, id, patch);
    if (!after) throw new AppError('CONSORTIUM_NOT_FOUND', 'Not found.');
    if (patch.status !== undefined && patch.status !== before.status) {
      await repo.insertStatus(tx, {
        consortiumId: id,
        status: patch.status,
        since: statusSince ?? new Date().toISOString().slice(0, 10),
        note: statusNote ?? null,
        recordedBy: actor.userId,
      });
    }
    await recordAudit(tx, {
      consortiumId: id,
      actor,
      entity: 'consortium',
      entityId: id,
      action: patch.status !== undefined && patch.status !== before.status ? 'status_change' : 'update',
      before: presentConsortium(before),
      after: {
        ...presentConsortium(after),
        ...(statusSince ? { statusSince } : {}),
        ...(statusNote ? { statusNote } : {}),
      },
      requestId,
    });
    return after;
  });
}

export async function replaceParks(
  db: Db,
  actor: Actor,
  consortiumId: string,
  parks: {
    name: string;
    kind: repo.ParkRow['kind'];
    outputValue: number | null;
    outputYear: number | null;
  }[],
  requestId?: string,
) {
  const before = await repo.listParks(db, consortiumId);
  return db.transaction(async (tx) => {
    await repo.replaceParks(tx, consortiumId, parks);
    const after = await repo.listParks(tx, consortiumId);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'consortium_parks',
      entityId: consortiumId,
      action: 'replace',
      before: { parks: before.map(presentPark) },
      after: { parks: after.map(presentPark) },
      requestId,
    });
    return after;
  });
}

export function presentPark(p: repo.ParkRow) {
  return { id: p.id, name: p.name, kind: p.kind, outputValue: p.outputValue, outputYear: p.outputYear };
}

export async function industriesWithNames(db: Queryable, consortiumId: string) {
  const rows = await repo.listIndustries(db, consortiumId);
  const names = await industryNames(
    db,
    rows.map((r) => r.industryCode),
  );
  return rows.map((r) => ({
    industryCode: r.industryCode,
    chains: r.chains,
    industryName: names.get(r.industryCode) ?? null,
  }));
}

export async function replaceIndustries(
  db: Db,
  actor: Actor,
  consortiumId: string,
  rows: { industryCode: string; chains: string[] }[],
  requestId?: string,
) {
  const statuses = await codeStatuses(
    db,
    'industry',
    rows.map((r) => r.industryCode),
  );
  const issues = rows.flatMap((r, i) =>
    statuses.get(r.industryCode) === 'unknown'
      ? [
          {
            path: `body.${i}.industryCode`,
            code: 'UNKNOWN_INDUSTRY',
            message: `${r.industryCode} is not in GB/T 4754`,
          },
        ]
      : [],
  );
  if (issues.length) throw validationError(issues);
  const before = await industriesWithNames(db, consortiumId);
  return db.transaction(async (tx) => {
    await repo.replaceIndustries(tx, consortiumId, rows);
    const after = await industriesWithNames(tx, consortiumId);
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'consortium_industries',
      entityId: consortiumId,
      action: 'replace',
      before: { industries: before },
      after: { industries: after },
      requestId,
    });
    return after;
  });
}

export const documentTypes: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export async function uploadCharter(
  db: Db,
  actor: Actor,
  consortiumId: string,
  file: { fileName: string; contentType: string; content: Buffer },
  requestId?: string,
) {
  const issues: FieldIssue[] = [];
  if (!documentTypes[file.contentType]) {
    issues.push({
      path: 'headers.content-type',
      code: 'FILE_TYPE',
      message: `accepted: PDF, Word, PNG, JPEG (got ${file.contentType})`,
    });
  }
  if (file.content.length === 0)
    issues.push({ path: 'body', code: 'EMPTY_FILE', message: 'the file is empty' });
  if (file.content.length > MAX_DOCUMENT_BYTES)
    issues.push({ path: 'body', code: 'FILE_TOO_LARGE', message: 'at most 20 MB' });
  if (issues.length) throw validationError(issues);
  return db.transaction(async (tx) => {
    const doc = await repo.insertDocument(tx, {
      consortiumId,
      kind: 'charter',
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.content.length,
      sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      uploadedBy: actor.userId,
    });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'consortium_document',
      entityId: doc.id,
      action: 'upload',
      after: { kind: 'charter', fileName: doc.fileName, size: doc.size, sha256: doc.sha256 },
      requestId,
    });
    return doc;
  });
}

export function presentDocument(d: NonNullable<Awaited<ReturnType<typeof repo.latestDocument>>>) {
  return {
    id: d.id,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

export async function getUnit(db: Db, consortiumId: string, unitId: string) {
  const u = await repo.findUnit(db, consortiumId, unitId);
  if (!u) throw new AppError('MEMBER_UNIT_NOT_FOUND', 'Member unit not found.');
  return u;
}

type UnitInput = Partial<Omit<repo.UnitRow, 'id' | 'consortiumId' | 'createdAt' | 'updatedAt'>>;

/**
 * Everything wrong with a unit as it would be saved: the pure rules, codes unknown to the national
 * catalogs, a USCC another unit of the consortium has. Throws 400 / 409 naming the fields.
 */
export async function checkUnit(
  db: Queryable,
  consortiumId: string,
  unit: UnitInput & { type: string },
  selfId?: string,
) {
  const issues: FieldIssue[] = unitIssues(unit);
  if (unit.regionCode) {
    const status = (await codeStatuses(db, 'region', [unit.regionCode])).get(unit.regionCode);
    if (status === 'unknown') {
      issues.push({
        path: 'body.regionCode',
        code: 'UNKNOWN_REGION',
        message: `${unit.regionCode} is not in the region catalog`,
      });
    }
  }
  if (unit.industryCode) {
    const status = (await codeStatuses(db, 'industry', [unit.industryCode])).get(unit.industryCode);
    if (status === 'unknown') {
      issues.push({
        path: 'body.industryCode',
        code: 'UNKNOWN_INDUSTRY',
        message: `${unit.industryCode} is not in GB/T 4754`,
      });
    }
  }
  if (issues.length) throw validationError(issues);
  if (unit.uscc) {
    const other = await repo.findUnitByUscc(db, consortiumId, unit.uscc);
    if (other && other.id !== selfId) {
      throw new AppError('USCC_TAKEN', `Another member unit (${other.name}) has the USCC ${unit.uscc}.`, {
        issues: [{ path: 'body.uscc', code: 'taken', message: `already used by ${other.name}` }],
      });
    }
  }
}

export async function createUnit(
  db: Db,
  actor: Actor,
  consortiumId: string,
  input: UnitInput & { name: string; type: repo.UnitRow['type']; role: repo.UnitRow['role'] },
  requestId?: string,
) {
  await checkUnit(db, consortiumId, input);
  return db.transaction(async (tx) => {
    const u = await repo.insertUnit(tx, { consortiumId, ...input });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'member_unit',
      entityId: u.id,
      action: 'create',
      after: presentUnit(u),
      requestId,
    });
    return u;
  });
}

export async function updateUnit(
  db: Db,
  actor: Actor,
  consortiumId: string,
  unitId: string,
  patch: UnitInput,
  requestId?: string,
) {
  const before = await getUnit(db, consortiumId, unitId);
  await checkUnit(db, consortiumId, { ...before, ...patch }, unitId);
  return db.transaction(async (tx) => {
    const after = await repo.updateUnit(tx, consortiumId, unitId, patch);
    if (!after) throw new AppError('MEMBER_UNIT_NOT_FOUND', 'Member unit not found.');
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'member_unit',
      entityId: unitId,
      action: 'update',
      before: presentUnit(before),
      after: presentUnit(after),
      requestId,
    });
    if (before.employeeCount !== after.employeeCount) await unitsChanged(tx, consortiumId, [unitId]);
    return after;
  });
}

export async function summary(db: Db, consortiumId: string) {
  const consortium = await getConsortium(db, consortiumId);
  const [unitsByType, users, history, parks, industries, leading, charter] = await Promise.all([
    repo.countUnitsByType(db, consortiumId),
    repo.countUsers(db, consortiumId),
    repo.listStatusHistory(db, consortiumId),
    repo.listParks(db, consortiumId),
    industriesWithNames(db, consortiumId),
    repo.unitsWithRoles(db, consortiumId, ['lead', 'council']),
    repo.latestDocument(db, consortiumId, 'charter'),
  ]);
  return {
    consortium: presentConsortium(consortium),
    statusHistory: history.map((h) => ({
      status: h.status,
      since: h.since,
      note: h.note,
      recordedAt: h.recordedAt.toISOString(),
    })),
    parks: parks.map(presentPark),
    industries,
    leadUnits: leading.filter((u) => u.role === 'lead').map(presentUnit),
    councilUnits: leading.filter((u) => u.role === 'council').map(presentUnit),
    charter: charter ? presentDocument(charter) : null,
    unitsByType,
    users,
  };
}
