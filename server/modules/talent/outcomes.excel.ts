// Employment outcomes from Excel: graduates found by 身份证号, one record per graduate and cohort year;
// every row checked, all rows or none written.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { candidates, employmentOutcomes } from '../../db/schema/index.ts';
import {
  boolean,
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
  type RowError,
} from '../../lib/excel/index.ts';
import { validateIdCard, validateUscc } from '../../lib/identifiers.ts';
import { fileImportResult, type ImportResultOut } from '../../lib/import-http.ts';
import { maskIdCard } from '../../lib/mask.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DestinationType, VerificationSource } from './talent.enums.ts';
import { outcomeIssues } from './outcomes.ts';

export type OutcomeSheetRow = {
  idCard: string;
  name: string | null;
  cohortYear: number;
  destination: DestinationType;
  employerName: string | null;
  employerUscc: string | null;
  employerDistrict: string | null;
  employerIndustry: string | null;
  occupationCode: string | null;
  relatedToMajor: boolean | null;
  startDate: string | null;
  verificationSource: VerificationSource;
  verifiedBy: string | null;
  verifiedAt: string | null;
};

export const destinationLabels = {
  签约就业: 'employed_contract',
  灵活就业: 'flexible',
  升学: 'further_study',
  应征入伍: 'enlisted',
  自主创业: 'entrepreneurship',
  待就业: 'unemployed',
} as const;
export const verificationLabels = {
  用人单位确认: 'employer_confirmed',
  签约协议: 'signed_agreement',
  社保缴纳记录: 'social_insurance',
  毕业生自报: 'self_report',
} as const;

export const outcomeColumns = columnsOf<OutcomeSheetRow>()([
  {
    key: 'idCard',
    header: '身份证号',
    headerEn: 'ID number',
    required: true,
    width: 22,
    ...fromValidator((v) => validateIdCard(v), {
      hint: '18 位，含校验位',
      hintEn: '18 characters with a check digit',
    }),
  },
  { key: 'name', header: '姓名', headerEn: 'Name', width: 10, note: '仅用于核对', ...text({ max: 40 }) },
  {
    key: 'cohortYear',
    header: '届别',
    headerEn: 'Cohort year',
    required: true,
    width: 8,
    ...integer({ min: 2000, max: 2100 }),
  },
  {
    key: 'destination',
    header: '去向类型',
    headerEn: 'Destination',
    required: true,
    width: 12,
    ...oneOf(destinationLabels),
  },
  { key: 'employerName', header: '单位名称', headerEn: 'Employer', width: 28, ...text({ max: 100 }) },
  {
    key: 'employerUscc',
    header: '单位统一社会信用代码',
    headerEn: 'Employer USCC',
    width: 22,
    ...fromValidator(validateUscc, {
      hint: '18 位，含校验位',
      hintEn: '18 characters with a check character',
    }),
  },
  {
    key: 'employerDistrict',
    header: '单位所在地区划代码',
    headerEn: 'Employer district',
    width: 12,
    ...text({ max: 6, pattern: /^\d{6}$/, patternHint: 'GB/T 2260 6 位代码' }),
  },
  {
    key: 'employerIndustry',
    header: '单位行业代码',
    headerEn: 'Employer industry',
    width: 10,
    ...text({ max: 4, pattern: /^([A-T]|\d{2,4})$/, patternHint: 'GB/T 4754 代码' }),
  },
  {
    key: 'occupationCode',
    header: '职业代码',
    headerEn: 'Occupation',
    width: 14,
    ...text({ max: 12, pattern: /^\d(-\d{2}){0,3}$/, patternHint: '职业分类大典代码' }),
  },
  { key: 'relatedToMajor', header: '与专业相关', headerEn: 'Related to major', width: 10, ...boolean() },
  { key: 'startDate', header: '就业日期', headerEn: 'Start date', width: 12, ...date() },
  {
    key: 'verificationSource',
    header: '核实方式',
    headerEn: 'Verification',
    required: true,
    width: 14,
    ...oneOf(verificationLabels),
  },
  { key: 'verifiedBy', header: '核实人', headerEn: 'Verified by', width: 10, ...text({ max: 60 }) },
  { key: 'verifiedAt', header: '核实日期', headerEn: 'Verified on', width: 12, ...date() },
]);

export async function importOutcomes(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  file: Buffer,
  opts: {
    format: 'xlsx' | 'csv';
    mapping?: Record<string, string> | undefined;
    dryRun: boolean;
    requestId?: string;
  },
): Promise<ImportResultOut> {
  const scope = await access.listScope(actor, 'outcome.write', consortiumId);
  const parsed = await readTable(file, {
    format: opts.format,
    columns: outcomeColumns,
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
  });
  const col = (key: keyof OutcomeSheetRow) =>
    headerOf(
      parsed,
      outcomeColumns.find((c) => c.key === key)!,
    );
  const extra: RowError[] = [
    ...validateUnique(
      parsed.rows,
      (v) => (v.idCard && v.cohortYear ? `${v.idCard}/${v.cohortYear}` : null),
      col('idCard'),
    ),
  ];
  const idCards = [...new Set(parsed.rows.flatMap((r) => (r.values.idCard ? [r.values.idCard] : [])))];
  const found: (typeof candidates.$inferSelect)[] = [];
  for (let i = 0; i < idCards.length; i += 5000) {
    found.push(
      ...(await db
        .select()
        .from(candidates)
        .where(
          and(
            eq(candidates.consortiumId, consortiumId),
            inArray(candidates.idCard, idCards.slice(i, i + 5000)),
          ),
        )),
    );
  }
  const byIdCard = new Map(found.map((c) => [c.idCard, c]));
  const existing = new Map(
    (
      await db
        .select({ candidateId: employmentOutcomes.candidateId, cohortYear: employmentOutcomes.cohortYear })
        .from(employmentOutcomes)
        .where(eq(employmentOutcomes.consortiumId, consortiumId))
    ).map((o) => [`${o.candidateId}/${o.cohortYear}`, true]),
  );
  const failed = new Set(parsed.errors.map((e) => e.row));
  const values: (typeof employmentOutcomes.$inferInsert)[] = [];
  let updated = 0;
  for (const r of parsed.rows) {
    const v = r.values;
    const c = v.idCard ? byIdCard.get(v.idCard) : undefined;
    if (v.idCard && !c) {
      extra.push({
        row: r.row,
        column: col('idCard'),
        code: 'UNKNOWN_CANDIDATE',
        message: `no candidate ${maskIdCard(v.idCard)} in this consortium: register the graduate first`,
        messageZh: `联合体中没有身份证号为 ${maskIdCard(v.idCard)} 的学生，请先登记`,
      });
      continue;
    }
    if (!c) continue;
    if (scope.kind !== 'all' && !(c.schoolUnitId && scope.unitIds.includes(c.schoolUnitId))) {
      extra.push({
        row: r.row,
        column: col('idCard'),
        code: 'OTHER_SCHOOL',
        message: 'the graduate belongs to another school',
        messageZh: '该毕业生不属于本校',
      });
      continue;
    }
    if (v.name && v.name !== c.name) {
      extra.push({
        row: r.row,
        column: col('name'),
        code: 'NAME_MISMATCH',
        message: `the ID number belongs to ${c.name}`,
        messageZh: `身份证号对应的学生是“${c.name}”`,
      });
    }
    if (failed.has(r.row)) continue;
    for (const issue of await outcomeIssues(db, v, 'row')) {
      const key = issue.path.split('.')[1] as keyof OutcomeSheetRow;
      const cdef = outcomeColumns.find((x) => x.key === key);
      extra.push({
        row: r.row,
        column: cdef ? headerOf(parsed, cdef) : key,
        code: issue.code,
        message: issue.message,
      });
    }
    if (existing.has(`${c.id}/${v.cohortYear}`)) updated++;
    values.push({
      consortiumId,
      candidateId: c.id,
      schoolUnitId: c.schoolUnitId,
      majorCode: c.majorCode,
      cohortYear: v.cohortYear!,
      destination: v.destination!,
      employerName: v.employerName ?? null,
      employerUscc: v.employerUscc ?? null,
      employerDistrict: v.employerDistrict ?? null,
      employerIndustry: v.employerIndustry ?? null,
      occupationCode: v.occupationCode ?? null,
      relatedToMajor: v.relatedToMajor ?? null,
      startDate: v.startDate ?? null,
      verificationSource: v.verificationSource!,
      verifiedBy: v.verifiedBy ?? null,
      verifiedAt: v.verifiedAt ?? null,
      createdBy: actor.userId,
    });
  }
  const report = importReport(parsed, extra);
  const counts = { inserted: values.length - updated, updated, unchanged: 0 };
  if (report.ok && !opts.dryRun && values.length) {
    await db.transaction(async (tx) => {
      for (let i = 0; i < values.length; i += 1000) {
        await tx
          .insert(employmentOutcomes)
          .values(values.slice(i, i + 1000))
          .onConflictDoUpdate({
            target: [
              employmentOutcomes.consortiumId,
              employmentOutcomes.candidateId,
              employmentOutcomes.cohortYear,
            ],
            set: Object.fromEntries(
              [
                'destination',
                'employer_name',
                'employer_uscc',
                'employer_district',
                'employer_industry',
                'occupation_code',
                'related_to_major',
                'start_date',
                'verification_source',
                'verified_by',
                'verified_at',
              ].map((c) => [
                c.replace(/_(\w)/g, (_m, x: string) => x.toUpperCase()),
                sql.raw(`excluded.${c}`),
              ]),
            ),
          });
      }
      await recordAudit(tx, {
        consortiumId,
        actor,
        entity: 'employment_outcome',
        entityId: consortiumId,
        action: 'import',
        after: { rows: parsed.rows.length, ...counts },
        requestId: opts.requestId,
      });
    });
  }
  return fileImportResult(parsed, report, counts, opts.dryRun);
}

export function toOutcomeSheetRow(
  o: {
    candidateName: string;
    cohortYear: number;
    destination: DestinationType;
    employerName: string | null;
    employerUscc: string | null;
    employerDistrict: string | null;
    employerIndustry: string | null;
    occupationCode: string | null;
    relatedToMajor: boolean | null;
    startDate: string | null;
    verificationSource: VerificationSource;
    verifiedBy: string | null;
    verifiedAt: string | null;
  },
  idCard: string,
): OutcomeSheetRow {
  return {
    idCard,
    name: o.candidateName,
    cohortYear: o.cohortYear,
    destination: o.destination,
    employerName: o.employerName,
    employerUscc: o.employerUscc,
    employerDistrict: o.employerDistrict,
    employerIndustry: o.employerIndustry,
    occupationCode: o.occupationCode,
    relatedToMajor: o.relatedToMajor,
    startDate: o.startDate,
    verificationSource: o.verificationSource,
    verifiedBy: o.verifiedBy,
    verifiedAt: o.verifiedAt,
  };
}
