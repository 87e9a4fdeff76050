// Member units as an Excel list: the columns (shared by template, export and import) and the
// all-or-nothing import that validates every row the way the API validates one unit.
import { unitsChanged } from './unit-events.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, memberUnits } from '../../db/schema/index.ts';
import type { FieldIssue } from '../../lib/errors.ts';
import {
  columnsOf,
  date,
  fromValidator,
  headerOf,
  importReport,
  integer,
  oneOf,
  readTable,
  text,
  validateUnique,
  type ReadResult,
  type RowError,
} from '../../lib/excel/index.ts';
import { validateRegionCode, validateUscc } from '../../lib/identifiers.ts';
import { fileImportResult, type ImportResultOut } from '../../lib/import-http.ts';
import type { Actor } from '../access/access.core.ts';
import { codeStatuses } from '../reference/reference.service.ts';
import { unitIssues } from './consortium.core.ts';
import * as repo from './consortium.repo.ts';
import { presentUnit } from './consortium.service.ts';

export type UnitSheetRow = {
  name: string;
  type: repo.UnitRow['type'];
  role: repo.UnitRow['role'];
  uscc: string | null;
  regionCode: string | null;
  industryCode: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  employeeCount: number | null;
  employeeCountAsOf: string | null;
  enrolment: number | null;
  enrolmentAsOf: string | null;
};

export const unitTypeLabels = {
  政府部门: 'government',
  园区管委会: 'park',
  企业: 'enterprise',
  中职学校: 'secondary_vocational',
  高职专科: 'higher_vocational',
  职业本科: 'vocational_undergraduate',
  普通本科: 'university',
  科研院所: 'research_institute',
  行业协会: 'industry_association',
  培训机构: 'training_institution',
} as const;
export const unitRoleLabels = { 牵头单位: 'lead', 理事单位: 'council', 成员单位: 'member' } as const;

export const unitColumns = columnsOf<UnitSheetRow>()([
  {
    key: 'name',
    header: '单位名称',
    headerEn: 'Name',
    aliases: ['名称'],
    required: true,
    width: 32,
    ...text({ min: 2, max: 100 }),
  },
  { key: 'type', header: '单位类型', headerEn: 'Type', required: true, width: 12, ...oneOf(unitTypeLabels) },
  {
    key: 'role',
    header: '联合体角色',
    headerEn: 'Role',
    aliases: ['角色'],
    width: 12,
    ...oneOf(unitRoleLabels),
  },
  {
    key: 'uscc',
    header: '统一社会信用代码',
    headerEn: 'USCC',
    aliases: ['信用代码'],
    width: 22,
    note: '企业和学校必填',
    ...fromValidator(validateUscc, {
      hint: '18 位，含校验位',
      hintEn: '18 characters with a check character',
    }),
  },
  {
    key: 'regionCode',
    header: '行政区划代码',
    headerEn: 'Region code',
    aliases: ['区划代码'],
    width: 12,
    ...fromValidator(validateRegionCode, { hint: 'GB/T 2260 6 位代码', hintEn: 'GB/T 2260, 6 digits' }),
  },
  {
    key: 'industryCode',
    header: '行业代码',
    headerEn: 'Industry code',
    aliases: ['国民经济行业代码'],
    width: 10,
    ...text({ max: 4, pattern: /^([A-T]|\d{2,4})$/, patternHint: 'GB/T 4754 代码：门类字母或 2–4 位数字' }),
  },
  { key: 'joinedOn', header: '加入日期', headerEn: 'Joined on', width: 12, ...date() },
  { key: 'leftOn', header: '退出日期', headerEn: 'Left on', width: 12, ...date() },
  {
    key: 'employeeCount',
    header: '在岗职工数',
    headerEn: 'Employees',
    width: 10,
    ...integer({ min: 0, max: 10_000_000 }),
  },
  { key: 'employeeCountAsOf', header: '职工数截至日期', headerEn: 'Employees as of', width: 14, ...date() },
  {
    key: 'enrolment',
    header: '在校生数',
    headerEn: 'Enrolment',
    width: 10,
    ...integer({ min: 0, max: 10_000_000 }),
  },
  { key: 'enrolmentAsOf', header: '在校生数截至日期', headerEn: 'Enrolment as of', width: 14, ...date() },
]);

export function toSheetRow(u: repo.UnitRow): UnitSheetRow {
  return {
    name: u.name,
    type: u.type,
    role: u.role,
    uscc: u.uscc,
    regionCode: u.regionCode,
    industryCode: u.industryCode,
    joinedOn: u.joinedOn,
    leftOn: u.leftOn,
    employeeCount: u.employeeCount,
    employeeCountAsOf: u.employeeCountAsOf,
    enrolment: u.enrolment,
    enrolmentAsOf: u.enrolmentAsOf,
  };
}

const fieldKeys = unitColumns.map((c) => c.key);
const sameValues = (a: UnitSheetRow, b: UnitSheetRow) =>
  fieldKeys.every((k) => (a[k] ?? null) === (b[k] ?? null));

/**
 * Validate a member-unit file and, unless it is a dry run or any row is wrong, write it in one
 * transaction. A row updates the unit with the same USCC, else the same name; otherwise it adds one.
 */
export async function importUnits(
  db: Db,
  actor: Actor,
  consortiumId: string,
  file: Buffer,
  opts: {
    format: 'xlsx' | 'csv';
    mapping?: Record<string, string> | undefined;
    dryRun: boolean;
    requestId?: string;
  },
): Promise<ImportResultOut & { parsed: ReadResult<UnitSheetRow> }> {
  const parsed = await readTable(file, {
    format: opts.format,
    columns: unitColumns,
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
  });
  const header = (key: keyof UnitSheetRow) =>
    headerOf(
      parsed,
      unitColumns.find((c) => c.key === key)!,
    );
  const extra: RowError[] = [
    ...validateUnique(parsed.rows, (v) => v.uscc ?? null, header('uscc')),
    ...validateUnique(parsed.rows, (v) => v.name ?? null, header('name')),
  ];
  const failed = new Set(parsed.errors.map((e) => e.row));

  // reference codes, checked for the whole file at once
  const regions = await codeStatuses(
    db,
    'region',
    parsed.rows.flatMap((r) => (r.values.regionCode ? [r.values.regionCode] : [])),
  );
  const industries = await codeStatuses(
    db,
    'industry',
    parsed.rows.flatMap((r) => (r.values.industryCode ? [r.values.industryCode] : [])),
  );

  const existing = await repo.allUnits(db, consortiumId);
  const byUscc = new Map(existing.filter((u) => u.uscc).map((u) => [u.uscc!, u]));
  const byName = new Map(existing.map((u) => [u.name, u]));
  const plan: { row: number; values: UnitSheetRow; target: repo.UnitRow | undefined }[] = [];

  for (const r of parsed.rows) {
    const values: UnitSheetRow = {
      name: r.values.name ?? '',
      type: r.values.type ?? 'enterprise',
      role: r.values.role ?? 'member',
      uscc: r.values.uscc ?? null,
      regionCode: r.values.regionCode ?? null,
      industryCode: r.values.industryCode ?? null,
      joinedOn: r.values.joinedOn ?? null,
      leftOn: r.values.leftOn ?? null,
      employeeCount: r.values.employeeCount ?? null,
      employeeCountAsOf: r.values.employeeCountAsOf ?? null,
      enrolment: r.values.enrolment ?? null,
      enrolmentAsOf: r.values.enrolmentAsOf ?? null,
    };
    if (failed.has(r.row)) continue; // its cells already have errors; rules on half-read rows would mislead
    const issues: FieldIssue[] = unitIssues(values, 'row');
    if (values.regionCode && regions.get(values.regionCode) === 'unknown') {
      issues.push({
        path: 'row.regionCode',
        code: 'UNKNOWN_REGION',
        message: `${values.regionCode} is not in the region catalog`,
      });
    }
    if (values.industryCode && industries.get(values.industryCode) === 'unknown') {
      issues.push({
        path: 'row.industryCode',
        code: 'UNKNOWN_INDUSTRY',
        message: `${values.industryCode} is not in GB/T 4754`,
      });
    }
    const target = (values.uscc ? byUscc.get(values.uscc) : undefined) ?? byName.get(values.name);
    if (target && values.uscc && target.uscc && target.uscc !== values.uscc) {
      issues.push({
        path: 'row.uscc',
        code: 'USCC_CONFLICT',
        message: `${target.name} is already in the consortium with the USCC ${target.uscc}`,
      });
    }
    for (const i of issues) {
      extra.push({
        row: r.row,
        column: header(i.path.slice(4) as keyof UnitSheetRow),
        code: i.code,
        message: i.message,
      });
    }
    plan.push({ row: r.row, values, target });
  }

  const report = importReport(parsed, extra);
  const inserts = plan.filter((p) => !p.target);
  const updates = plan.filter((p) => p.target && !sameValues(toSheetRow(p.target), p.values));
  const result = {
    ...fileImportResult(
      parsed,
      report,
      {
        inserted: inserts.length,
        updated: updates.length,
        unchanged: plan.length - inserts.length - updates.length,
      },
      opts.dryRun,
    ),
    parsed,
  };
  if (!result.ok || opts.dryRun) return result;

  await db.transaction(async (tx) => {
    const audits: (typeof auditLog.$inferInsert)[] = [];
    const now = new Date();
    for (let i = 0; i < inserts.length; i += 1000) {
      const created = await tx
        .insert(memberUnits)
        .values(inserts.slice(i, i + 1000).map((p) => ({ consortiumId, ...p.values })))
        .returning();
      for (const u of created)
        audits.push(
          auditRow(consortiumId, actor, u.id, 'import_create', null, presentUnit(u), opts.requestId),
        );
    }
    for (const p of updates) {
      const [after] = await tx
        .update(memberUnits)
        .set({ ...p.values, updatedAt: now })
        .where(sql`${memberUnits.consortiumId} = ${consortiumId} and ${memberUnits.id} = ${p.target!.id}`)
        .returning();
      audits.push(
        auditRow(
          consortiumId,
          actor,
          p.target!.id,
          'import_update',
          presentUnit(p.target!),
          after ? presentUnit(after) : null,
          opts.requestId,
        ),
      );
    }
    for (let i = 0; i < audits.length; i += 1000) await tx.insert(auditLog).values(audits.slice(i, i + 1000));
    await unitsChanged(
      tx,
      consortiumId,
      updates.map((p) => p.target!.id),
    );
  });
  return result;
}

function auditRow(
  consortiumId: string,
  actor: Actor,
  entityId: string,
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  requestId: string | undefined,
): typeof auditLog.$inferInsert {
  return {
    consortiumId,
    actorId: actor.userId,
    actorName: actor.displayName,
    entity: 'member_unit',
    entityId,
    action,
    before,
    after,
    requestId: requestId ?? null,
  };
}
