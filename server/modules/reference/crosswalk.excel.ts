// The major crosswalk as an Excel list: one row per major, with the GB/T 4754 codes of its 对应行业 and
// the 大典 codes of its 主要职业类别 (as in the 专业简介's 职业面向). Import replaces the links of the majors
// in the file, all of them or none.
import type { Db } from '../../db/client.ts';
import {
  columnsOf,
  headerOf,
  importReport,
  readTable,
  text,
  validateUnique,
  type RowError,
} from '../../lib/excel/index.ts';
import { fileImportResult, type ImportResultOut } from '../../lib/import-http.ts';
import type { Actor } from '../access/access.core.ts';
import * as repo from './reference.repo.ts';
import { getCatalog } from './reference.service.ts';

export type CrosswalkSheetRow = {
  majorCode: string;
  industryCodes: string | null;
  occupationCodes: string | null;
};

export const crosswalkColumns = columnsOf<CrosswalkSheetRow>()([
  {
    key: 'majorCode',
    header: '专业代码',
    headerEn: 'Major code',
    required: true,
    width: 12,
    ...text({ max: 6, pattern: /^\d{6}$/, patternHint: '6 位专业代码' }),
  },
  {
    key: 'industryCodes',
    header: '对应行业代码',
    headerEn: 'Industry codes',
    aliases: ['对应行业'],
    width: 30,
    note: '多个代码用分号或空格分隔',
    ...text({ max: 500 }),
  },
  {
    key: 'occupationCodes',
    header: '主要职业类别代码',
    headerEn: 'Occupation codes',
    aliases: ['主要职业类别'],
    width: 40,
    note: '多个代码用分号或空格分隔',
    ...text({ max: 1000 }),
  },
]);

const split = (v: string | null | undefined) =>
  [...new Set((v ?? '').split(/[\s,，;；、]+/).filter(Boolean))].sort();

export async function importCrosswalk(
  db: Db,
  actor: Actor,
  input: { version: string; fileName?: string | undefined; dryRun: boolean },
  file: Buffer,
  opts: { format: 'xlsx' | 'csv'; mapping?: Record<string, string> | undefined },
): Promise<ImportResultOut> {
  const majors = await getCatalog(db, 'major', input.version);
  const parsed = await readTable(file, {
    format: opts.format,
    columns: crosswalkColumns,
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
  });
  const [majorCol, industryCol, occupationCol] = crosswalkColumns.map((c) => headerOf(parsed, c)) as [
    string,
    string,
    string,
  ];
  const extra: RowError[] = validateUnique(parsed.rows, (v) => v.majorCode ?? null, majorCol);

  const industryCatalog = await repo.findCurrentCatalog(db, 'industry');
  const occupationCatalog = await repo.findCurrentCatalog(db, 'occupation');
  const allCodes = (key: 'industryCodes' | 'occupationCodes') =>
    parsed.rows.flatMap((r) => split(r.values[key]));
  const knownMajors = new Set(
    (
      await repo.findEntries(
        db,
        majors.id,
        parsed.rows.flatMap((r) => (r.values.majorCode ? [r.values.majorCode] : [])),
      )
    )
      .filter((e) => e.level === 3)
      .map((e) => e.code),
  );
  const knownIndustries = new Set(
    industryCatalog
      ? (await repo.findEntries(db, industryCatalog.id, allCodes('industryCodes'))).map((e) => e.code)
      : [],
  );
  const knownOccupations = new Set(
    occupationCatalog
      ? (await repo.findEntries(db, occupationCatalog.id, allCodes('occupationCodes'))).map((e) => e.code)
      : [],
  );

  const plan: {
    majorCode: string;
    links: { targetKind: 'industry' | 'occupation'; targetCatalogId: string; targetCode: string }[];
  }[] = [];
  for (const r of parsed.rows) {
    const code = r.values.majorCode;
    if (!code) continue;
    if (!knownMajors.has(code)) {
      extra.push({
        row: r.row,
        column: majorCol,
        code: 'UNKNOWN_MAJOR',
        message: `${code} is not a major of ${majors.title}`,
        messageZh: `${code} 不是${majors.title}中的专业`,
      });
      continue;
    }
    const industries = split(r.values.industryCodes);
    const occupations = split(r.values.occupationCodes);
    const badI = industries.filter((c) => !knownIndustries.has(c));
    const badO = occupations.filter((c) => !knownOccupations.has(c));
    if (badI.length)
      extra.push({
        row: r.row,
        column: industryCol,
        code: 'UNKNOWN_INDUSTRY',
        message: `not in the current GB/T 4754 catalog: ${badI.join(', ')}`,
        messageZh: `不在当前行业分类中：${badI.join('、')}`,
      });
    if (badO.length)
      extra.push({
        row: r.row,
        column: occupationCol,
        code: 'UNKNOWN_OCCUPATION',
        message: `not in the current 大典 catalog: ${badO.join(', ')}`,
        messageZh: `不在当前职业分类大典中：${badO.join('、')}`,
      });
    if (badI.length || badO.length) continue;
    plan.push({
      majorCode: code,
      links: [
        ...industries.map((c) => ({
          targetKind: 'industry' as const,
          targetCatalogId: industryCatalog!.id,
          targetCode: c,
        })),
        ...occupations.map((c) => ({
          targetKind: 'occupation' as const,
          targetCatalogId: occupationCatalog!.id,
          targetCode: c,
        })),
      ],
    });
  }
  const report = importReport(parsed, extra);
  let inserted = 0;
  let updated = 0;
  const key = (l: { targetKind: string; targetCode: string }) => `${l.targetKind}:${l.targetCode}`;
  for (const p of plan) {
    const before = (await repo.crosswalkOf(db, majors.id, p.majorCode)).map(key).sort().join('|');
    const after = p.links.map(key).sort().join('|');
    if (before === '') inserted++;
    else if (before !== after) updated++;
  }
  const result = fileImportResult(
    parsed,
    report,
    { inserted, updated, unchanged: plan.length - inserted - updated },
    input.dryRun,
  );
  if (!result.ok || input.dryRun) return result;
  await db.transaction(async (tx) => {
    for (const p of plan) await repo.replaceCrosswalk(tx, majors.id, p.majorCode, p.links);
    await repo.recordImport(tx, {
      catalogId: majors.id,
      actorId: actor.userId,
      actorName: actor.displayName,
      fileName: input.fileName ? `对照表：${input.fileName}` : '对照表',
      rows: parsed.rows.length,
      inserted,
      updated,
    });
  });
  return result;
}

export async function crosswalkSheetRows(db: Db, version: string): Promise<CrosswalkSheetRow[]> {
  const majors = await getCatalog(db, 'major', version);
  const links = await repo.allCrosswalk(db, majors.id);
  const byMajor = new Map<string, { industries: string[]; occupations: string[] }>();
  for (const l of links) {
    if (!byMajor.has(l.majorCode)) byMajor.set(l.majorCode, { industries: [], occupations: [] });
    byMajor.get(l.majorCode)![l.targetKind === 'industry' ? 'industries' : 'occupations'].push(l.targetCode);
  }
  return [...byMajor.entries()].map(([majorCode, v]) => ({
    majorCode,
    industryCodes: v.industries.join(';') || null,
    occupationCodes: v.occupations.join(';') || null,
  }));
}
