// The three lists as Excel: one column set per kind (shared by template, export and import), and an
// all-or-nothing import that checks every row the way the API checks one item.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { listItems } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import {
  columnsOf,
  date,
  decimal,
  fromValidator,
  headerOf,
  importReport,
  integer,
  list,
  oneOf,
  readTable,
  text,
  validateUnique,
  type Column,
  type RowError,
} from '../../lib/excel/index.ts';
import { validateUscc } from '../../lib/identifiers.ts';
import { fileImportResult, type ImportResultOut } from '../../lib/import-http.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as units from '../consortium/consortium.repo.ts';
import type { ListKind } from './talent.enums.ts';
import { itemIssues, kindFields, writableUnits, type ListItemRow } from './lists.service.ts';
import { recordStatus } from './talent.shared.ts';

export type ListSheetRow = {
  unitName: string;
  unitUscc: string | null;
  title: string;
  description: string | null;
  industryCode: string | null;
  chain: string | null;
  chainPosition: 'upstream' | 'midstream' | 'downstream' | null;
  keyTechnologies: string[];
  year: number | null;
  field: string | null;
  expectedOutcome: string | null;
  budget: number | null;
  deadline: string | null;
  occupationCode: string | null;
  majorCodes: string[];
  level: ListItemRow['level'];
  headcount: number | null;
  skills: string[];
  windowStart: string | null;
  windowEnd: string | null;
  regionCode: string | null;
  location: string | null;
};

export const levelLabels = {
  中职: 'secondary',
  高职专科: 'higher',
  职业本科: 'undergraduate',
  普通本科: 'university',
  其他: 'other',
} as const;
const chainLabels = { 上游: 'upstream', 中游: 'midstream', 下游: 'downstream' } as const;
const industry = text({
  max: 4,
  pattern: /^([A-T]|\d{2,4})$/,
  patternHint: 'GB/T 4754 代码：门类字母或 2–4 位数字',
});

const col = columnsOf<ListSheetRow>();
const common = col([
  {
    key: 'unitName',
    header: '单位名称',
    headerEn: 'Unit',
    required: true,
    width: 28,
    ...text({ min: 2, max: 100 }),
  },
  {
    key: 'unitUscc',
    header: '统一社会信用代码',
    headerEn: 'Unit USCC',
    aliases: ['信用代码'],
    width: 22,
    note: '与单位名称一起确定单位；填写时以信用代码为准',
    ...fromValidator(validateUscc, {
      hint: '18 位，含校验位',
      hintEn: '18 characters with a check character',
    }),
  },
  {
    key: 'title',
    header: '名称',
    headerEn: 'Title',
    aliases: ['标题'],
    required: true,
    width: 30,
    ...text({ min: 2, max: 120 }),
  },
  {
    key: 'description',
    header: '说明',
    headerEn: 'Description',
    aliases: ['描述'],
    width: 40,
    ...text({ max: 4000 }),
  },
]);

export const listColumns: Record<ListKind, Column<ListSheetRow>[]> = {
  product: [
    ...common,
    { key: 'industryCode', header: '行业代码', headerEn: 'Industry code', width: 10, ...industry },
    { key: 'chain', header: '产业链', headerEn: 'Industry chain', width: 16, ...text({ max: 60 }) },
    {
      key: 'chainPosition',
      header: '链上位置',
      headerEn: 'Chain position',
      width: 10,
      ...oneOf(chainLabels),
    },
    {
      key: 'keyTechnologies',
      header: '关键技术',
      headerEn: 'Key technologies',
      width: 30,
      ...list({ maxItems: 20 }),
    },
    { key: 'year', header: '年份', headerEn: 'Year', width: 8, ...integer({ min: 1990, max: 2100 }) },
  ],
  tech: [
    ...common,
    { key: 'industryCode', header: '行业代码', headerEn: 'Industry code', width: 10, ...industry },
    { key: 'field', header: '技术领域', headerEn: 'Field', width: 16, ...text({ max: 60 }) },
    {
      key: 'expectedOutcome',
      header: '预期成果',
      headerEn: 'Expected outcome',
      width: 30,
      ...text({ max: 2000 }),
    },
    {
      key: 'budget',
      header: '预算（万元）',
      headerEn: 'Budget (10k yuan)',
      width: 12,
      ...decimal({ min: 0, max: 1_000_000, scale: 2 }),
    },
    { key: 'deadline', header: '截止日期', headerEn: 'Deadline', width: 12, ...date() },
  ],
  talent: [
    ...common,
    {
      key: 'occupationCode',
      header: '职业代码',
      headerEn: 'Occupation code',
      width: 14,
      ...text({ max: 12, pattern: /^\d(-\d{2}){0,3}$/, patternHint: '职业分类大典代码，如 6-18-01-01' }),
    },
    {
      key: 'majorCodes',
      header: '需求专业代码',
      headerEn: 'Major codes',
      width: 20,
      ...list({ maxItems: 20, item: /^\d{2}(\d{2}(\d{2})?)?$/, itemHint: '专业目录代码（2、4 或 6 位）' }),
    },
    { key: 'level', header: '学历层次', headerEn: 'Level', width: 10, ...oneOf(levelLabels) },
    {
      key: 'headcount',
      header: '需求人数',
      headerEn: 'Headcount',
      required: true,
      width: 10,
      ...integer({ min: 1, max: 100_000 }),
    },
    { key: 'skills', header: '技能要求', headerEn: 'Skills', width: 30, ...list({ maxItems: 30 }) },
    { key: 'windowStart', header: '需求开始日期', headerEn: 'Needed from', width: 12, ...date() },
    { key: 'windowEnd', header: '需求结束日期', headerEn: 'Needed until', width: 12, ...date() },
    {
      key: 'regionCode',
      header: '工作地区划代码',
      headerEn: 'Region code',
      width: 12,
      ...text({ max: 6, pattern: /^\d{6}$/, patternHint: 'GB/T 2260 6 位代码' }),
    },
    { key: 'location', header: '工作地点', headerEn: 'Location', width: 20, ...text({ max: 100 }) },
  ],
};

export const listKindNames: Record<ListKind, string> = {
  product: '核心产品清单',
  tech: '技术需求清单',
  talent: '人才需求清单',
};

export function toListSheetRow(
  i: ListItemRow & { unitName: string; unitUscc?: string | null },
): ListSheetRow {
  return {
    unitName: i.unitName,
    unitUscc: i.unitUscc ?? null,
    title: i.title,
    description: i.description,
    industryCode: i.industryCode,
    chain: i.chain,
    chainPosition: i.chainPosition,
    keyTechnologies: i.keyTechnologies,
    year: i.year,
    field: i.field,
    expectedOutcome: i.expectedOutcome,
    budget: i.budget,
    deadline: i.deadline,
    occupationCode: i.occupationCode,
    majorCodes: i.majorCodes,
    level: i.level,
    headcount: i.headcount,
    skills: i.skills,
    windowStart: i.windowStart,
    windowEnd: i.windowEnd,
    regionCode: i.regionCode,
    location: i.location,
  };
}

const arrayKeys = new Set(['keyTechnologies', 'majorCodes', 'skills']);

/** The kind's own values of a row, with what the file left empty as null (or [] for lists). */
function valuesOf(kind: ListKind, v: Partial<ListSheetRow>): Record<string, unknown> {
  const out: Record<string, unknown> = { title: v.title ?? '', description: v.description ?? null };
  for (const k of kindFields[kind]) {
    const value = v[k as keyof ListSheetRow];
    out[k] = value ?? (arrayKeys.has(k) ? [] : null);
  }
  return out;
}

function same(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a).every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));
}

/**
 * Validate a list file and, unless it is a dry run or any row is wrong, write it in one transaction. A
 * row updates the item of the same unit and title, else adds one. Items the secretariat imports are
 * published; a unit's own import waits for review.
 */
export async function importListItems(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  kind: ListKind,
  file: Buffer,
  opts: {
    format: 'xlsx' | 'csv';
    mapping?: Record<string, string> | undefined;
    dryRun: boolean;
    requestId?: string;
  },
): Promise<ImportResultOut> {
  await access.require(actor, 'list.read', { consortiumId });
  const reviewer = await access.can(actor, 'list.review', { consortiumId });
  const writable = reviewer ? null : await writableUnits(access, actor, consortiumId, 'list.write');
  if (writable && writable.length === 0) {
    throw new AppError('FORBIDDEN', 'You do not have the permission list.write here.', {
      capability: 'list.write',
    });
  }
  const columns = listColumns[kind];
  const parsed = await readTable(file, {
    format: opts.format,
    columns,
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
  });
  const header = (key: keyof ListSheetRow) =>
    headerOf(
      parsed,
      columns.find((c) => c.key === key)!,
    );
  const extra: RowError[] = [
    ...validateUnique(
      parsed.rows,
      (v) => (v.title ? `${v.unitUscc ?? v.unitName}\u0000${v.title}` : null),
      header('title'),
    ),
  ];
  const allUnits = await units.allUnits(db, consortiumId);
  const byUscc = new Map(allUnits.filter((u) => u.uscc).map((u) => [u.uscc!, u]));
  const byName = new Map(allUnits.map((u) => [u.name, u]));
  const existing = await db
    .select()
    .from(listItems)
    .where(and(eq(listItems.consortiumId, consortiumId), eq(listItems.kind, kind)));
  const byKey = new Map(existing.map((i) => [`${i.unitId}\u0000${i.title}`, i]));
  const failed = new Set(parsed.errors.map((e) => e.row));
  const plan: { values: Record<string, unknown>; unitId: string; target: ListItemRow | undefined }[] = [];
  let unchanged = 0;

  for (const r of parsed.rows) {
    const unit = r.values.unitUscc ? byUscc.get(r.values.unitUscc) : byName.get(r.values.unitName ?? '');
    if (!unit) {
      const which = r.values.unitUscc ? header('unitUscc') : header('unitName');
      extra.push({
        row: r.row,
        column: which,
        code: 'UNKNOWN_UNIT',
        message: `no member unit ${r.values.unitUscc ?? r.values.unitName ?? ''} in this consortium`,
        messageZh: `联合体中没有成员单位“${r.values.unitUscc ?? r.values.unitName ?? ''}”`,
      });
      continue;
    }
    if (writable && !writable.includes(unit.id)) {
      extra.push({
        row: r.row,
        column: header('unitName'),
        code: 'FORBIDDEN_UNIT',
        message: `you may not add items for ${unit.name}`,
        messageZh: `无权为“${unit.name}”填报清单`,
      });
      continue;
    }
    if (failed.has(r.row)) continue;
    const values = valuesOf(kind, r.values);
    for (const issue of await itemIssues(db, kind, values, 'row')) {
      const key = issue.path.split('.')[1] as keyof ListSheetRow;
      const c = columns.find((x) => x.key === key);
      extra.push({
        row: r.row,
        column: c ? headerOf(parsed, c) : key,
        code: issue.code,
        message: issue.message,
      });
    }
    const target = byKey.get(`${unit.id}\u0000${values.title as string}`);
    if (target && same(values, target as unknown as Record<string, unknown>)) unchanged++;
    else plan.push({ values, unitId: unit.id, target });
  }

  const report = importReport(parsed, extra);
  const counts = {
    inserted: plan.filter((p) => !p.target).length,
    updated: plan.filter((p) => p.target).length,
    unchanged,
  };
  if (report.ok && !opts.dryRun && parsed.rows.length > 0) {
    await db.transaction(async (tx) => {
      const now = new Date();
      for (const p of plan) {
        if (p.target) {
          const reReview = p.target.status === 'published' && !reviewer;
          await tx
            .update(listItems)
            .set({
              ...(p.values as Partial<ListItemRow>),
              updatedAt: now,
              ...(reReview ? { status: 'submitted' as const } : {}),
            })
            .where(and(eq(listItems.consortiumId, consortiumId), eq(listItems.id, p.target.id)));
          if (reReview) {
            await recordStatus(tx, {
              consortiumId,
              actor,
              entity: 'list_item',
              entityId: p.target.id,
              from: 'published',
              to: 'submitted',
              note: '导入修改，重新提交审核',
            });
          }
        } else {
          const status = reviewer ? ('published' as const) : ('submitted' as const);
          const [row] = await tx
            .insert(listItems)
            .values({
              consortiumId,
              kind,
              unitId: p.unitId,
              ...(p.values as Partial<ListItemRow>),
              title: p.values.title as string,
              status,
              progress: kind === 'tech' ? 'collecting' : null,
              ...(reviewer ? { publishedAt: now, reviewedAt: now, reviewedBy: actor.userId } : {}),
              createdBy: actor.userId,
            })
            .returning({ id: listItems.id });
          await recordStatus(tx, {
            consortiumId,
            actor,
            entity: 'list_item',
            entityId: row!.id,
            from: null,
            to: status,
            note: 'Excel 导入',
          });
        }
      }
      await recordAudit(tx, {
        consortiumId,
        actor,
        entity: 'list_item',
        entityId: consortiumId,
        action: 'import',
        after: { kind, rows: parsed.rows.length, ...counts },
        requestId: opts.requestId,
      });
    });
  }
  return fileImportResult(parsed, report, counts, opts.dryRun);
}
