// A plan's placements from Excel: a school keeps its interns in a spreadsheet. Every row is checked as the
// API checks one placement — the data, then every rule of the regulation — with the caps counting the
// rows above it in the same file; all rows are written or none, with a per-row report of what is wrong.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { candidates, internshipHosts, memberUnits } from '../../db/schema/index.ts';
import { blocking, type Finding } from '../../engine/compliance/index.ts';
import { AppError, type FieldIssue } from '../../lib/errors.ts';
import {
  boolean,
  columnsOf,
  date,
  decimal,
  headerOf,
  importReport,
  integer,
  oneOf,
  readTable,
  text,
  validateUnique,
  type Column,
  type RowError,
} from '../../lib/excel/index.ts';
import { fileImportResult, type ImportResultOut } from '../../lib/import-http.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import type { VenueType } from './internships.enums.ts';
import { lockHosts, reevaluateHosts, type HostRef } from './compliance.service.ts';
import { checkData, fieldsOf, insertChecked } from './placements.service.ts';
import { loadPlan } from './plans.service.ts';

export type PlacementSheetRow = {
  studentNo: string;
  hostUscc: string;
  postTitle: string;
  postStaffCount: number | null;
  schoolMentorName: string;
  enterpriseMentorName: string;
  startDate: string;
  endDate: string;
  dailyHours: number;
  daysPerWeek: number | null;
  nightShifts: boolean | null;
  holidayWork: boolean | null;
  overtime: boolean | null;
  hazardousWork: boolean | null;
  exemptionRef: string | null;
  payAmount: number | null;
  postWage: number | null;
  payChannel: 'bank_to_student' | 'cash_to_student' | 'via_school' | 'via_agent' | 'in_kind' | null;
  payFrequency: 'monthly' | 'biweekly' | 'weekly' | 'end_of_term' | 'lump_sum' | null;
  intensityClass: number | null;
  venueType: VenueType;
  address: string | null;
  viaIntermediary: boolean | null;
  feesCharged: boolean | null;
  documentsHeld: boolean | null;
  guardianConsent: boolean | null;
  insurer: string | null;
  policyNo: string | null;
  insuranceStart: string | null;
  insuranceEnd: string | null;
  premiumPaidBy: 'school' | 'host' | 'government' | 'student' | null;
};

const venueLabels = {
  工厂车间: 'factory',
  办公场所: 'office',
  实验室: 'laboratory',
  施工现场: 'construction_site',
  门店: 'retail',
  酒店餐饮: 'hotel_catering',
  医疗机构: 'hospital',
  学校: 'school',
  户外: 'outdoor',
  其他: 'other',
  酒吧: 'bar',
  夜总会: 'nightclub',
  歌厅: 'ktv',
  洗浴中心: 'bath_centre',
  电子游戏厅: 'game_hall',
  网吧: 'internet_cafe',
} as const;

export const placementColumns = columnsOf<PlacementSheetRow>()([
  {
    key: 'studentNo',
    header: '学号',
    headerEn: 'Student no.',
    required: true,
    width: 14,
    ...text({ max: 30 }),
  },
  {
    key: 'hostUscc',
    header: '实习单位统一社会信用代码',
    headerEn: 'Host USCC',
    required: true,
    width: 22,
    note: '成员单位或已登记的外部实习单位',
    ...text({ min: 18, max: 18 }),
  },
  {
    key: 'postTitle',
    header: '实习岗位',
    headerEn: 'Post',
    required: true,
    width: 16,
    ...text({ min: 1, max: 80 }),
  },
  {
    key: 'postStaffCount',
    header: '该岗位在岗职工数',
    headerEn: 'Post staff',
    width: 10,
    ...integer({ min: 1 }),
  },
  {
    key: 'schoolMentorName',
    header: '学校指导教师',
    headerEn: 'School mentor',
    required: true,
    width: 10,
    ...text({ max: 40 }),
  },
  {
    key: 'enterpriseMentorName',
    header: '企业指导教师',
    headerEn: 'Enterprise mentor',
    required: true,
    width: 10,
    ...text({ max: 40 }),
  },
  { key: 'startDate', header: '开始日期', headerEn: 'Start', required: true, width: 12, ...date() },
  { key: 'endDate', header: '结束日期', headerEn: 'End', required: true, width: 12, ...date() },
  {
    key: 'dailyHours',
    header: '每日实习时长（小时）',
    headerEn: 'Hours a day',
    required: true,
    width: 8,
    ...decimal({ min: 1, max: 24, scale: 1 }),
  },
  {
    key: 'daysPerWeek',
    header: '每周天数',
    headerEn: 'Days a week',
    width: 8,
    ...integer({ min: 1, max: 7 }),
  },
  { key: 'nightShifts', header: '夜班', headerEn: 'Night shifts', width: 6, ...boolean() },
  { key: 'holidayWork', header: '法定节假日实习', headerEn: 'Holiday work', width: 6, ...boolean() },
  { key: 'overtime', header: '加班', headerEn: 'Overtime', width: 6, ...boolean() },
  { key: 'hazardousWork', header: '危险作业', headerEn: 'Hazardous work', width: 6, ...boolean() },
  { key: 'exemptionRef', header: '例外备案号', headerEn: 'Exemption', width: 14, ...text({ max: 100 }) },
  {
    key: 'payAmount',
    header: '实习报酬（元/月）',
    headerEn: 'Pay',
    width: 10,
    ...decimal({ min: 0, scale: 2 }),
  },
  {
    key: 'postWage',
    header: '相同岗位工资（元/月）',
    headerEn: "Post's wage",
    width: 10,
    ...decimal({ min: 0, scale: 2 }),
  },
  {
    key: 'payChannel',
    header: '报酬发放方式',
    headerEn: 'Pay channel',
    width: 12,
    ...oneOf({
      银行转账给学生: 'bank_to_student',
      现金给学生: 'cash_to_student',
      经学校发放: 'via_school',
      经中介发放: 'via_agent',
      实物: 'in_kind',
    }),
  },
  {
    key: 'payFrequency',
    header: '发放频率',
    headerEn: 'Pay frequency',
    width: 8,
    ...oneOf({
      每月: 'monthly',
      每两周: 'biweekly',
      每周: 'weekly',
      学期末: 'end_of_term',
      一次性: 'lump_sum',
    }),
  },
  {
    key: 'intensityClass',
    header: '体力劳动强度级别',
    headerEn: 'Intensity class',
    width: 8,
    ...integer({ min: 1, max: 4 }),
  },
  {
    key: 'venueType',
    header: '场所类型',
    headerEn: 'Venue',
    required: true,
    width: 10,
    ...oneOf(venueLabels),
  },
  { key: 'address', header: '实习地点', headerEn: 'Address', width: 24, ...text({ max: 200 }) },
  { key: 'viaIntermediary', header: '经由中介', headerEn: 'Via intermediary', width: 6, ...boolean() },
  { key: 'feesCharged', header: '向学生收费', headerEn: 'Fees charged', width: 6, ...boolean() },
  { key: 'documentsHeld', header: '扣押证件', headerEn: 'Documents held', width: 6, ...boolean() },
  {
    key: 'guardianConsent',
    header: '监护人知情同意书',
    headerEn: 'Guardian consent',
    width: 8,
    ...boolean(),
  },
  { key: 'insurer', header: '保险公司', headerEn: 'Insurer', width: 16, ...text({ max: 80 }) },
  { key: 'policyNo', header: '保单号', headerEn: 'Policy no.', width: 16, ...text({ max: 60 }) },
  { key: 'insuranceStart', header: '保险起期', headerEn: 'Insured from', width: 12, ...date() },
  { key: 'insuranceEnd', header: '保险止期', headerEn: 'Insured to', width: 12, ...date() },
  {
    key: 'premiumPaidBy',
    header: '保费承担方',
    headerEn: 'Premium paid by',
    width: 8,
    ...oneOf({ 学校: 'school', 实习单位: 'host', 政府: 'government', 学生: 'student' }),
  },
]);

/** Thrown inside the import's transaction to undo it (a dry run, or any row wrong). */
class Rollback extends Error {}

export async function importPlacements(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  planId: string,
  file: Buffer,
  opts: {
    format: 'xlsx' | 'csv';
    mapping?: Record<string, string> | undefined;
    dryRun: boolean;
    requestId?: string;
  },
): Promise<ImportResultOut> {
  const plan = await loadPlan(db, access, actor, consortiumId, planId);
  await access.require(actor, 'internship.write', { consortiumId, unitId: plan.schoolUnitId });
  if (plan.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The plan is closed.');
  const parsed = await readTable(file, {
    format: opts.format,
    columns: placementColumns,
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
  });
  const col = (key: keyof PlacementSheetRow) =>
    headerOf(parsed, placementColumns.find((c) => c.key === key) as Column<PlacementSheetRow>);
  const errors: RowError[] = [...validateUnique(parsed.rows, (v) => v.studentNo ?? null, col('studentNo'))];
  const failedRows = new Set([...parsed.errors, ...errors].map((e) => e.row));

  const studentNos = parsed.rows.flatMap((r) => (r.values.studentNo ? [r.values.studentNo] : []));
  const students = new Map(
    (studentNos.length
      ? await db
          .select({ id: candidates.id, studentNo: candidates.studentNo })
          .from(candidates)
          .where(
            and(
              eq(candidates.consortiumId, consortiumId),
              eq(candidates.schoolUnitId, plan.schoolUnitId),
              inArray(candidates.studentNo, studentNos),
            ),
          )
      : []
    ).map((s) => [s.studentNo!, s.id]),
  );
  const usccs = parsed.rows.flatMap((r) => (r.values.hostUscc ? [r.values.hostUscc.toUpperCase()] : []));
  const members = new Map(
    (usccs.length
      ? await db
          .select({ id: memberUnits.id, uscc: memberUnits.uscc })
          .from(memberUnits)
          .where(and(eq(memberUnits.consortiumId, consortiumId), inArray(memberUnits.uscc, usccs)))
      : []
    ).map((u) => [u.uscc!, u.id]),
  );
  const externals = new Map(
    (usccs.length
      ? await db
          .select({ id: internshipHosts.id, uscc: internshipHosts.uscc })
          .from(internshipHosts)
          .where(and(eq(internshipHosts.consortiumId, consortiumId), inArray(internshipHosts.uscc, usccs)))
      : []
    ).map((u) => [u.uscc, u.id]),
  );

  const fieldColumn: Record<string, keyof PlacementSheetRow> = {
    candidateId: 'studentNo',
    hostUnitId: 'hostUscc',
    externalHostId: 'hostUscc',
    postingId: 'postTitle',
  };
  let inserted = 0;
  try {
    await db.transaction(async (tx) => {
      // every lock the file needs, at once and in the one global order: two imports cannot deadlock
      const hostRefs: HostRef[] = [
        ...[...members.values()].map((id) => ({ kind: 'member' as const, id })),
        ...[...externals.values()].map((id) => ({ kind: 'external' as const, id })),
      ];
      await lockHosts(tx, consortiumId, hostRefs, [...students.values()]);
      for (const r of parsed.rows) {
        if (failedRows.has(r.row)) continue;
        const v = r.values as PlacementSheetRow;
        const candidateId = students.get(v.studentNo);
        if (!candidateId) {
          errors.push({
            row: r.row,
            column: col('studentNo'),
            code: 'UNKNOWN_STUDENT',
            message: `no student ${v.studentNo} at the plan's school`,
            messageZh: `计划所属学校没有学号为 ${v.studentNo} 的学生`,
          });
          continue;
        }
        const uscc = v.hostUscc.toUpperCase();
        const hostUnitId = members.get(uscc) ?? null;
        const externalHostId = hostUnitId ? null : (externals.get(uscc) ?? null);
        if (!hostUnitId && !externalHostId) {
          errors.push({
            row: r.row,
            column: col('hostUscc'),
            code: 'UNKNOWN_HOST',
            message: `${uscc} is neither a member unit nor a registered external host`,
            messageZh: `${uscc} 既不是成员单位，也不是已登记的外部实习单位`,
          });
          continue;
        }
        const fields = fieldsOf(plan.id, candidateId, plan.schoolUnitId, {
          hostKind: hostUnitId ? 'member' : 'external',
          hostUnitId,
          externalHostId,
          postTitle: v.postTitle,
          postStaffCount: v.postStaffCount ?? null,
          schoolMentorName: v.schoolMentorName,
          enterpriseMentorName: v.enterpriseMentorName,
          startDate: v.startDate,
          endDate: v.endDate,
          dailyHours: v.dailyHours,
          daysPerWeek: v.daysPerWeek ?? 5,
          nightShifts: v.nightShifts ?? false,
          holidayWork: v.holidayWork ?? false,
          overtime: v.overtime ?? false,
          hazardousWork: v.hazardousWork ?? false,
          exemptionRef: v.exemptionRef ?? null,
          payAmount: v.payAmount ?? null,
          postWage: v.postWage ?? null,
          payChannel: v.payChannel ?? null,
          payFrequency: v.payFrequency ?? null,
          intensityClass: v.intensityClass ?? 1,
          venueType: v.venueType,
          address: v.address ?? null,
          viaIntermediary: v.viaIntermediary ?? false,
          feesCharged: v.feesCharged ?? false,
          documentsHeld: v.documentsHeld ?? false,
          guardianConsent: v.guardianConsent ?? false,
          insurer: v.insurer ?? null,
          policyNo: v.policyNo ?? null,
          insuranceStart: v.insuranceStart ?? null,
          insuranceEnd: v.insuranceEnd ?? null,
          premiumPaidBy: v.premiumPaidBy ?? null,
        });
        try {
          // the same checks as the API, on the transaction: the rows above count towards the caps
          await checkData(tx, consortiumId, plan, fields, null);
          await insertChecked(tx, actor, consortiumId, plan, fields, { reevaluate: false }, opts.requestId);
          inserted++;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const details = err.details as { issues?: FieldIssue[]; findings?: Finding[] } | undefined;
          if (err.code === 'COMPLIANCE_VIOLATION') {
            for (const f of blocking(details?.findings ?? [])) {
              errors.push({
                row: r.row,
                column: '',
                code: f.ruleId,
                message: f.messageEn,
                messageZh: f.messageZh,
              });
            }
          } else if (details?.issues?.length) {
            for (const i of details.issues) {
              const key = fieldColumn[i.path] ?? (i.path as keyof PlacementSheetRow);
              const c = placementColumns.find((x) => x.key === key);
              errors.push({ row: r.row, column: c ? col(c.key) : '', code: i.code, message: i.message });
            }
          } else {
            errors.push({ row: r.row, column: '', code: err.code, message: err.message });
          }
        }
      }
      const report = importReport(parsed, errors);
      if (!report.ok || opts.dryRun) throw new Rollback();
      // the placements already at these hosts: evaluated once, with all of the file's rows counted
      await reevaluateHosts(tx, consortiumId, hostRefs);
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  const report = importReport(parsed, errors);
  return fileImportResult(
    parsed,
    report,
    { inserted: report.ok ? inserted : 0, updated: 0, unchanged: 0 },
    opts.dryRun,
  );
}
