// /api/v1/consortia/:consortiumId/internships — plans, external hosts, placements (with the explainable
// check and the rules enforced on every save), the rules and their settings, the compliance page; the
// agreement and supervision routes are registered under the same prefix.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { boolean, columnsOf, date, decimal, integer, text, writeTable } from '../../lib/excel/index.ts';
import { commonErrors, errorResponse } from '../../lib/http.ts';
import {
  fileFormat,
  importQuery,
  importResultOut,
  parseMapping,
  sendFile,
  uploadedFile,
} from '../../lib/import-http.ts';
import { annotateErrors, writeTemplate } from '../../lib/excel/index.ts';
import { importPlacements, placementColumns } from './placements.excel.ts';
import { agreementRoutes } from './agreements.routes.ts';
import * as compliance from './compliance.service.ts';
import {
  checkBody,
  checkOut,
  complianceOut,
  complianceQuery,
  consortiumParams,
  createPlanBody,
  fromRunBody,
  fromRunOut,
  hostBody,
  hostListQuery,
  hostOut,
  hostPage,
  hostParams,
  placementActionBody,
  placementBody,
  placementDetail,
  placementListQuery,
  placementPage,
  placementParams,
  planListQuery,
  planOut,
  planPage,
  planParams,
  ruleOut,
  ruleParams,
  ruleSettingBody,
  updatePlacementBody,
  updatePlanBody,
} from './internships.schema.ts';
import * as placements from './placements.service.ts';
import * as plans from './plans.service.ts';
import { supervisionRoutes } from './supervision.routes.ts';

const statusZh = {
  pending: '待开始',
  active: '实习中',
  completed: '已完成',
  terminated: '已终止',
  cancelled: '已取消',
} as const;
const kindZh = { observation: '认识实习', position: '岗位实习' } as const;

type ExportRow = {
  studentName: string;
  studentNo: string | null;
  schoolName: string;
  plan: string;
  kind: string;
  hostName: string;
  postTitle: string;
  startDate: string;
  endDate: string;
  dailyHours: number;
  payAmount: number | null;
  postWage: number | null;
  insured: boolean;
  status: string;
  blocking: string | null;
  warnings: string | null;
  finalScore: number | null;
};
const exportColumns = columnsOf<ExportRow>()([
  { key: 'studentName', header: '学生', headerEn: 'Student', width: 10, ...text() },
  { key: 'studentNo', header: '学号', headerEn: 'Student no.', width: 14, ...text() },
  { key: 'schoolName', header: '学校', headerEn: 'School', width: 24, ...text() },
  { key: 'plan', header: '实习计划', headerEn: 'Plan', width: 24, ...text() },
  { key: 'kind', header: '实习类型', headerEn: 'Kind', width: 10, ...text() },
  { key: 'hostName', header: '实习单位', headerEn: 'Host', width: 26, ...text() },
  { key: 'postTitle', header: '岗位', headerEn: 'Post', width: 20, ...text() },
  { key: 'startDate', header: '开始日期', headerEn: 'Start', width: 12, ...date() },
  { key: 'endDate', header: '结束日期', headerEn: 'End', width: 12, ...date() },
  { key: 'dailyHours', header: '每日时长', headerEn: 'Hours a day', width: 8, ...decimal({ scale: 1 }) },
  { key: 'payAmount', header: '实习报酬（元/月）', headerEn: 'Pay', width: 12, ...decimal({ scale: 2 }) },
  {
    key: 'postWage',
    header: '相同岗位工资（元/月）',
    headerEn: "Post's wage",
    width: 14,
    ...decimal({ scale: 2 }),
  },
  { key: 'insured', header: '已投保', headerEn: 'Insured', width: 8, ...boolean() },
  { key: 'status', header: '状态', headerEn: 'Status', width: 8, ...text() },
  { key: 'blocking', header: '违规（阻止）', headerEn: 'Violations', width: 50, ...text() },
  { key: 'warnings', header: '提醒', headerEn: 'Warnings', width: 50, ...text() },
  { key: 'finalScore', header: '成绩', headerEn: 'Score', width: 8, ...integer() },
]);

export async function internshipRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['internships'];
  const violation = {
    409: errorResponse.describe('COMPLIANCE_VIOLATION (details.findings), CONFLICT, INVALID_TRANSITION'),
  };

  // plans -------------------------------------------------------------------------------------------
  r.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Internship plans (a school sees its own)',
        params: consortiumParams,
        querystring: planListQuery,
        response: { 200: planPage, ...commonErrors },
      },
    },
    async (request) =>
      plans.listPlans(db, access, requireActor(request), request.params.consortiumId, request.query),
  );
  r.post(
    '/plans',
    {
      schema: {
        tags,
        summary: "Create a school's internship plan",
        params: consortiumParams,
        body: createPlanBody,
        response: { 201: planOut, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await plans.createPlan(
            db,
            access,
            requireActor(request),
            request.params.consortiumId,
            request.body,
            request.id,
          ),
        ),
  );
  r.get(
    '/plans/:planId',
    {
      schema: { tags, summary: 'One plan', params: planParams, response: { 200: planOut, ...commonErrors } },
    },
    async (request) =>
      plans.getPlan(db, access, requireActor(request), request.params.consortiumId, request.params.planId),
  );
  r.patch(
    '/plans/:planId',
    {
      schema: {
        tags,
        summary: 'Change a plan (its kind only while it has no placements)',
        params: planParams,
        body: updatePlanBody,
        response: { 200: planOut, ...commonErrors },
      },
    },
    async (request) =>
      plans.updatePlan(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.planId,
        request.body,
        request.id,
      ),
  );
  r.post(
    '/plans/:planId/placements/from-run',
    {
      schema: {
        tags,
        summary:
          "Turn a confirmed internship matching run's results for the plan's school into placements (dryRun: only check)",
        params: planParams,
        body: fromRunBody,
        response: { 200: fromRunOut, ...commonErrors, ...violation },
      },
    },
    async (request) =>
      placements.placementsFromRun(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.planId,
        request.body,
        request.id,
      ),
  );

  r.get(
    '/plans/:planId/placements/template',
    {
      schema: {
        tags,
        summary: 'The placement import template (xlsx, with a 说明 sheet)',
        params: planParams,
      },
    },
    async (request, reply) => {
      await plans.loadPlan(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.planId,
      );
      return sendFile(
        reply,
        await writeTemplate(placementColumns, { sheetName: '实习安排' }),
        '实习安排导入模板.xlsx',
        'xlsx',
      );
    },
  );
  r.post(
    '/plans/:planId/placements/import',
    {
      schema: {
        tags,
        summary:
          "Import a plan's placements: every row checked as the API checks one (data, then every rule, the caps counting the rows above), all rows or none",
        params: planParams,
        querystring: importQuery,
        response: { 200: importResultOut, ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const actor = requireActor(request);
      // who may import, before what was sent: a stranger learns nothing from a bad file
      await plans.loadPlan(db, access, actor, request.params.consortiumId, request.params.planId);
      return importPlacements(
        db,
        access,
        actor,
        request.params.consortiumId,
        request.params.planId,
        uploadedFile(request.body),
        {
          format: q.format,
          mapping: parseMapping(q.mapping),
          dryRun: q.dryRun,
          requestId: request.id,
        },
      );
    },
  );
  r.post(
    '/plans/:planId/placements/import/annotated',
    {
      schema: {
        tags,
        summary: 'The uploaded placement file back with every bad row marked and an 错误报告 sheet',
        params: planParams,
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const actor = requireActor(request);
      await plans.loadPlan(db, access, actor, request.params.consortiumId, request.params.planId);
      const file = uploadedFile(request.body);
      const result = await importPlacements(
        db,
        access,
        actor,
        request.params.consortiumId,
        request.params.planId,
        file,
        {
          format: q.format,
          mapping: parseMapping(q.mapping),
          dryRun: true,
        },
      );
      return sendFile(
        reply,
        await annotateErrors(file, q.format, result.errors),
        '实习安排-错误报告.xlsx',
        'xlsx',
      );
    },
  );

  // external hosts ----------------------------------------------------------------------------------
  r.get(
    '/hosts',
    {
      schema: {
        tags,
        summary: 'Registered external hosts',
        params: consortiumParams,
        querystring: hostListQuery,
        response: { 200: hostPage, ...commonErrors },
      },
    },
    async (request) =>
      plans.listHosts(db, access, requireActor(request), request.params.consortiumId, request.query),
  );
  r.post(
    '/hosts',
    {
      schema: {
        tags,
        summary: 'Register a host outside the consortium (with its USCC)',
        params: consortiumParams,
        body: hostBody,
        response: { 201: hostOut, ...commonErrors, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await plans.createHost(
            db,
            access,
            requireActor(request),
            request.params.consortiumId,
            request.body,
            request.id,
          ),
        ),
  );
  r.put(
    '/hosts/:hostId',
    {
      schema: {
        tags,
        summary: "Change an external host; a new employee count re-evaluates its placements' caps",
        params: hostParams,
        body: hostBody,
        response: { 200: hostOut, ...commonErrors, 409: errorResponse },
      },
    },
    async (request) =>
      plans.updateHost(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.hostId,
        request.body,
        request.id,
      ),
  );

  // placements --------------------------------------------------------------------------------------
  r.get(
    '/placements',
    {
      schema: {
        tags,
        summary: 'Placements (a school its students, a host its interns, a student their own)',
        params: consortiumParams,
        querystring: placementListQuery,
        response: { 200: placementPage, ...commonErrors },
      },
    },
    async (request) =>
      placements.listPlacements(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.query,
      ),
  );
  r.get(
    '/placements/export',
    {
      schema: {
        tags,
        summary: 'The listed placements as an Excel or CSV file, with their findings',
        params: consortiumParams,
        querystring: placementListQuery.extend({ format: fileFormat.default('xlsx') }),
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      const items = await placements.exportPlacements(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        q,
      );
      const rows: ExportRow[] = items.map((p) => ({
        studentName: p.studentName,
        studentNo: p.studentNo,
        schoolName: p.schoolName,
        plan: p.planTitle,
        kind: kindZh[p.kind],
        hostName: p.hostName,
        postTitle: p.postTitle,
        startDate: p.startDate,
        endDate: p.endDate,
        dailyHours: p.dailyHours,
        payAmount: p.payAmount,
        postWage: p.postWage,
        insured: Boolean(p.insurer && p.policyNo),
        status: statusZh[p.status],
        blocking:
          p.findings
            .filter((f) => f.severity === 'block')
            .map((f) => f.messageZh)
            .join('\n') || null,
        warnings:
          p.findings
            .filter((f) => f.severity === 'warn')
            .map((f) => f.messageZh)
            .join('\n') || null,
        finalScore: p.finalScore === null ? null : Math.round(p.finalScore),
      }));
      return sendFile(
        reply,
        await writeTable(exportColumns, rows, { format, sheetName: '实习安排' }),
        '实习安排',
        format,
      );
    },
  );
  r.post(
    '/placements/check',
    {
      schema: {
        tags,
        summary:
          'May this placement be saved (or started), and if not why — evaluates every rule, saves nothing',
        params: consortiumParams,
        body: checkBody,
        response: { 200: checkOut, ...commonErrors, 409: errorResponse },
      },
    },
    async (request) =>
      placements.checkPlacement(db, access, requireActor(request), request.params.consortiumId, request.body),
  );
  r.post(
    '/placements',
    {
      schema: {
        tags,
        summary: 'Create a placement; refused with COMPLIANCE_VIOLATION when a rule blocks it',
        params: consortiumParams,
        body: placementBody,
        response: { 201: placementDetail, ...commonErrors, ...violation },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await placements.createPlacement(
            db,
            access,
            requireActor(request),
            request.params.consortiumId,
            request.body,
            request.id,
          ),
        ),
  );
  r.get(
    '/placements/:placementId',
    {
      schema: {
        tags,
        summary: 'One placement with its findings, agreement state and history',
        params: placementParams,
        response: { 200: placementDetail, ...commonErrors },
      },
    },
    async (request) =>
      placements.placementDetail(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
      ),
  );
  r.patch(
    '/placements/:placementId',
    {
      schema: {
        tags,
        summary:
          'Change a pending or active placement; the rules are evaluated again and a changed agreement needs new confirmations',
        params: placementParams,
        body: updatePlacementBody,
        response: { 200: placementDetail, ...commonErrors, ...violation },
      },
    },
    async (request) =>
      placements.updatePlacement(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
        request.body,
        request.id,
      ),
  );
  r.post(
    '/placements/:placementId/transition',
    {
      schema: {
        tags,
        summary:
          'Start (needs the three confirmations and valid insurance), complete, terminate (with a reason) or cancel',
        params: placementParams,
        body: placementActionBody,
        response: { 200: placementDetail, ...commonErrors, ...violation },
      },
    },
    async (request) => {
      const out = await placements.transitionPlacement(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
        request.body,
        request.id,
      );
      return out!;
    },
  );

  // rules and compliance ----------------------------------------------------------------------------
  r.get(
    '/rules',
    {
      schema: {
        tags,
        summary: 'The compliance rules with their source, certainty, parameters and severity here',
        params: consortiumParams,
        response: { 200: z.array(ruleOut), ...commonErrors },
      },
    },
    async (request) => compliance.listRules(db, access, requireActor(request), request.params.consortiumId),
  );
  r.put(
    '/rules/:ruleId',
    {
      schema: {
        tags,
        summary:
          "Change a rule's parameters and severity (audited; rules cannot be deleted); open placements are evaluated again",
        params: ruleParams,
        body: ruleSettingBody,
        response: { 200: ruleOut, ...commonErrors },
      },
    },
    async (request) =>
      compliance.setRule(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.ruleId,
        request.body,
        request.id,
      ),
  );
  r.get(
    '/compliance',
    {
      schema: {
        tags,
        summary: 'Current violations and warnings of open placements, grouped by host, school or rule',
        params: consortiumParams,
        querystring: complianceQuery,
        response: { 200: complianceOut, ...commonErrors },
      },
    },
    async (request) =>
      compliance.compliance(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  await app.register(agreementRoutes);
  await app.register(supervisionRoutes);
}
