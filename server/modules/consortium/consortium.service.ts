// Use cases of consortia and member units. Each write is audited in the same transaction.
import type { Db, Queryable } from '../../db/client.ts';
import { AppError, validationError, type FieldIssue } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { codeStatuses } from '../reference/reference.service.ts';
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
  patch: Partial<Pick<repo.ConsortiumRow, 'name' | 'nameEn' | 'regionCode' | 'level' | 'status'>>,
  requestId?: string,
) {
  const before = await getConsortium(db, id);
  return db.transaction(async (tx) => {
    const after = await repo.updateConsortium(tx, id, patch);
    if (!after) throw new AppError('CONSORTIUM_NOT_FOUND', 'Not found.');
    await recordAudit(tx, {
      consortiumId: id,
      actor,
      entity: 'consortium',
      entityId: id,
      action: 'update',
      before: presentConsortium(before),
      after: presentConsortium(after),
      requestId,
    });
    return after;
  });
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
    return after;
  });
}

export async function summary(db: Db, consortiumId: string) {
  const consortium = await getConsortium(db, consortiumId);
  const [unitsByType, users] = await Promise.all([
    repo.countUnitsByType(db, consortiumId),
    repo.countUsers(db, consortiumId),
  ]);
  return { consortium: presentConsortium(consortium), unitsByType, users };
}
