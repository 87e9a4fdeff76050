// /api/v1/consortia/:consortiumId/matching — matching runs: start one (it runs in the background),
// watch its progress, read its results and explanations, compare two, export, confirm into offers.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { columnsOf, integer, text, writeTable } from '../../lib/excel/index.ts';
import { commonErrors, errorResponse } from '../../lib/http.ts';
import { sendFile } from '../../lib/import-http.ts';
import {
  compareOut,
  createRunBody,
  resultPage,
  resultsQuery,
  runListQuery,
  runOut,
  runPage,
  runParams,
} from './matching.schema.ts';
import * as svc from './matching.service.ts';

const consortiumParams = z.object({ consortiumId: z.uuid() });
const reasonZh = {
  not_eligible: '不符合条件',
  post_full: '岗位已满',
  enterprise_full: '企业名额已满',
  lower_total: '总体最优另有安排',
} as const;

type ResultRow = {
  name: string;
  schoolName: string | null;
  majorCode: string | null;
  enterprise: string | null;
  posting: string | null;
  score: number | null;
  wishRank: number | null;
  why: string | null;
};
const resultColumns = columnsOf<ResultRow>()([
  { key: 'name', header: '姓名', headerEn: 'Name', width: 10, ...text() },
  { key: 'schoolName', header: '学校', headerEn: 'School', width: 24, ...text() },
  { key: 'majorCode', header: '专业代码', headerEn: 'Major', width: 10, ...text() },
  { key: 'enterprise', header: '企业', headerEn: 'Enterprise', width: 26, ...text() },
  { key: 'posting', header: '岗位', headerEn: 'Post', width: 24, ...text() },
  { key: 'score', header: '匹配分', headerEn: 'Score', width: 8, ...integer() },
  { key: 'wishRank', header: '志愿序号', headerEn: 'Wish rank', width: 8, ...integer() },
  { key: 'why', header: '未获更优岗位的原因', headerEn: 'Why not a preferred post', width: 60, ...text() },
]);

export async function matchingRoutes(
  app: FastifyInstance,
  opts: { enqueue: (consortiumId: string, runId: string) => void },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['matching'];

  r.get(
    '/runs',
    {
      schema: {
        tags,
        summary: 'Matching runs, newest first',
        params: consortiumParams,
        querystring: runListQuery,
        response: { 200: runPage, ...commonErrors },
      },
    },
    async (request) =>
      svc.listRuns(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  r.post(
    '/runs',
    {
      schema: {
        tags,
        summary: 'Start a matching run for a cohort and a set of postings; it runs in the background',
        params: consortiumParams,
        body: createRunBody,
        response: { 202: runOut, ...commonErrors },
      },
    },
    async (request, reply) => {
      const run = await svc.createRun(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.body,
        opts.enqueue,
        request.id,
      );
      return reply.code(202).send(svc.presentRun(run));
    },
  );

  r.get(
    '/runs/compare',
    {
      schema: {
        tags,
        summary: 'Two runs side by side: totals, and how many students the two place alike',
        params: consortiumParams,
        querystring: z.object({ a: z.uuid(), b: z.uuid() }),
        response: { 200: compareOut, ...commonErrors },
      },
    },
    async (request) =>
      svc.compareRuns(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.query.a,
        request.query.b,
      ),
  );

  r.get(
    '/runs/:runId',
    {
      schema: {
        tags,
        summary: 'One run: status, progress, totals',
        params: runParams,
        response: { 200: runOut, ...commonErrors },
      },
    },
    async (request) =>
      svc.presentRun(
        await svc.getRun(
          db,
          access,
          requireActor(request),
          request.params.consortiumId,
          request.params.runId,
        ),
      ),
  );

  r.get(
    '/runs/:runId/results',
    {
      schema: {
        tags,
        summary: "Each student's placement and the explanation of every post they preferred",
        params: runParams,
        querystring: resultsQuery,
        response: { 200: resultPage, ...commonErrors },
      },
    },
    async (request) =>
      svc.listResults(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.runId,
        request.query,
      ),
  );

  r.get(
    '/runs/:runId/export',
    { schema: { tags, summary: 'The run’s results as Excel', params: runParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId, runId } = request.params;
      const run = await svc.getRun(db, access, actor, consortiumId, runId);
      const all = await svc.listResults(db, access, actor, consortiumId, runId, {
        page: 1,
        pageSize: 1_000_000,
        sort: 'name',
      });
      const rows = all.items.map((x) => ({
        name: x.name,
        schoolName: x.schoolName,
        majorCode: x.majorCode,
        enterprise: x.posting?.enterpriseName ?? null,
        posting: x.posting?.title ?? null,
        score: x.score,
        wishRank: x.wishRank,
        why:
          x.explanation
            .map(
              (e) =>
                `${e.enterpriseName}·${e.postingTitle}：${reasonZh[e.reason]}${e.lowest ? `（最低录取 ${e.lowest.name}，${e.lowest.priority}）` : ''}`,
            )
            .join('；') || null,
      }));
      return sendFile(
        reply,
        await writeTable(resultColumns, rows, { format: 'xlsx', sheetName: '撮合结果' }),
        `撮合结果-${run.name}.xlsx`,
        'xlsx',
      );
    },
  );

  r.post(
    '/runs/:runId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a finished run: its placements become offers in the applications pipeline',
        params: runParams,
        response: {
          200: z.object({ run: runOut, offered: z.number().int(), skipped: z.number().int() }),
          ...commonErrors,
          409: errorResponse,
        },
      },
    },
    async (request) => {
      const out = await svc.confirmRun(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.runId,
        request.id,
      );
      return { ...out, run: svc.presentRun(out.run) };
    },
  );

  r.delete(
    '/runs/:runId',
    {
      schema: {
        tags,
        summary: 'Delete a finished or failed run that was not confirmed',
        params: runParams,
        response: { 204: z.null(), ...commonErrors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      await svc.deleteRun(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.runId,
        request.id,
      );
      return reply.code(204).send(null);
    },
  );
}
