// National catalogs as Excel/CSV: the columns the official tables are read with (a mapping step covers
// other headers), the import through the catalog rules, and the export that reads back the same.
import type { Db } from '../../db/client.ts';
import { columnsOf, headerOf, importReport, readTable, text, type RowError } from '../../lib/excel/index.ts';
import { fileImportResult, type ImportResultOut } from '../../lib/import-http.ts';
import type { Actor } from '../access/access.core.ts';
import type { CatalogKind } from './catalog.core.ts';
import * as repo from './reference.repo.ts';
import { importCatalogRows } from './reference.service.ts';

export type CatalogSheetRow = { code: string; name: string; parentCode: string | null; marks: string | null };

export const catalogColumns = columnsOf<CatalogSheetRow>()([
  {
    key: 'code',
    header: '代码',
    headerEn: 'Code',
    aliases: ['编码', '专业代码', '行业代码', '职业代码', '区划代码'],
    required: true,
    width: 14,
    ...text({ max: 32 }),
  },
  {
    key: 'name',
    header: '名称',
    headerEn: 'Name',
    aliases: ['类别名称', '专业名称', '职业名称', '单位名称'],
    required: true,
    width: 40,
    ...text({ max: 200 }),
  },
  {
    key: 'parentCode',
    header: '上级代码',
    headerEn: 'Parent code',
    aliases: ['父级代码', '所属上级'],
    width: 12,
    ...text({ max: 32 }),
  },
  {
    key: 'marks',
    header: '标识',
    headerEn: 'Marks',
    aliases: ['标注'],
    width: 8,
    note: '职业：S 数字职业，L 绿色职业（可同时标 S L）',
    ...text({ max: 8 }),
  },
]);

export async function importCatalogFile(
  db: Db,
  actor: Actor,
  input: { kind: CatalogKind; version: string; fileName?: string | undefined; dryRun: boolean },
  file: Buffer,
  opts: { format: 'xlsx' | 'csv'; mapping?: Record<string, string> | undefined },
): Promise<ImportResultOut> {
  const parsed = await readTable(file, {
    format: opts.format,
    columns: catalogColumns,
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
  });
  const unreadable = new Set(parsed.errors.map((e) => e.row));
  const readable = parsed.rows.filter((r) => !unreadable.has(r.row));
  const columnNames = {
    code: headerOf(parsed, catalogColumns[0]!),
    name: headerOf(parsed, catalogColumns[1]!),
    parent: headerOf(parsed, catalogColumns[2]!),
    marks: headerOf(parsed, catalogColumns[3]!),
  };
  const result = await importCatalogRows(
    db,
    actor,
    { ...input, dryRun: input.dryRun || parsed.errors.length > 0 },
    readable.map((r) => ({
      row: r.row,
      code: r.values.code ?? '',
      name: r.values.name ?? '',
      parentCode: r.values.parentCode ?? null,
      marks: r.values.marks ? r.values.marks.split(/[\s,，;；、]+/) : [],
    })),
    columnNames,
  );
  const report = importReport(parsed, result.errors as RowError[]);
  return fileImportResult(
    parsed,
    { ok: report.ok && result.ok, errors: report.errors },
    result,
    input.dryRun,
  );
}

export async function catalogSheetRows(db: Db, catalogId: string): Promise<CatalogSheetRow[]> {
  const { items } = await repo.listEntries(db, catalogId, { page: 1, pageSize: 1_000_000 });
  return items.map((e) => ({
    code: e.code,
    name: e.name,
    parentCode: e.parentCode,
    marks: e.marks.length ? e.marks.join(' ') : null,
  }));
}
