// /api/v1/consortia/:consortiumId/postings — job and internship postings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { columnsOf, date, integer, list, oneOf, text, writeTable } from '../../lib/excel/index.ts';
import { commonErrors, errorResponse } from '../../lib/http.ts';
import { sendFile } from '../../lib/import-http.ts';
import { levelLabels } from './lists.excel.ts';
import {
  createPostingBody,
  postingActionBody,
  postingDetail,
  postingListQuery,
  postingOut,
  postingPage,
  postingParams,
  updatePostingBody,
} from './postings.schema.ts';
import * as svc from './postings.service.ts';

const writeErrors = { ...commonErrors, 409: errorResponse };
const consortiumParams = z.object({ consortiumId: z.uuid() });

type PostingSheetRow = {
  unitName: string;
  kind: 'job' | 'internship';
  title: string;
  status: svc.PostingRow['status'];
  headcount: number;
  majorCodes: string[];
  levels: string[];
  districtCode: string | null;
  payMin: number | null;
  payMax: number | null;
  deadline: string;
  applications: number;
};
const levelNames = Object.fromEntries(Object.entries(levelLabels).map(([zh, code]) => [code, zh]));
const postingColumns = columnsOf<PostingSheetRow>()([
  { key: 'unitName', header: '企业', headerEn: 'Enterprise', width: 28, ...text() },
  { key: 'kind', header: '类型', headerEn: 'Type', width: 8, ...oneOf({ 招聘: 'job', 实习: 'internship' }) },
  { key: 'title', header: '岗位名称', headerEn: 'Title', width: 28, ...text() },
  {
    key: 'status',
    header: '状态',
    headerEn: 'Status',
    width: 10,
    ...oneOf({ 草稿: 'draft', 待审核: 'pending', 已发布: 'published', 已驳回: 'rejected', 已关闭: 'closed' }),
  },
  { key: 'headcount', header: '招聘人数', headerEn: 'Headcount', width: 10, ...integer() },
  { key: 'majorCodes', header: '专业代码', headerEn: 'Majors', width: 20, ...list() },
  { key: 'levels', header: '学历层次', headerEn: 'Levels', width: 16, ...list() },
  { key: 'districtCode', header: '工作地区划代码', headerEn: 'District', width: 12, ...text() },
  { key: 'payMin', header: '月薪下限', headerEn: 'Pay from', width: 10, ...integer() },
  { key: 'payMax', header: '月薪上限', headerEn: 'Pay to', width: 10, ...integer() },
  { key: 'deadline', header: '截止日期', headerEn: 'Deadline', width: 12, ...date() },
  { key: 'applications', header: '申请数', headerEn: 'Applications', width: 8, ...integer() },
]);

export async function postingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['postings'];

  r.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Postings: search (Chinese, 1–2 character terms too) and filter; students see vetted ones only',
        params: consortiumParams,
        querystring: postingListQuery,
        response: { 200: postingPage, ...commonErrors },
      },
    },
    async (request) =>
      svc.listPostings(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  r.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a posting for a member enterprise (draft, or sent for vetting with submit)',
        params: consortiumParams,
        body: createPostingBody,
        response: { 201: postingOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const p = await svc.createPosting(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.body,
        request.id,
      );
      return reply.code(201).send(svc.presentPosting(p, true));
    },
  );

  r.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'Export the postings the list shows (xlsx or csv)',
        params: consortiumParams,
        querystring: postingListQuery.omit({ page: true, pageSize: true, sort: true }).extend({
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
        }),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await svc.allPostings(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        filter,
      );
      const file = await writeTable(
        postingColumns,
        rows.map((p) => ({
          unitName: p.unitName,
          kind: p.kind,
          title: p.title,
          status: p.status,
          headcount: p.headcount,
          majorCodes: p.majorCodes,
          levels: p.levels.map((l) => levelNames[l] ?? l),
          districtCode: p.districtCode,
          payMin: p.payMin,
          payMax: p.payMax,
          deadline: p.deadline,
          applications: p.applicationCount,
        })),
        { format, sheetName: '岗位' },
      );
      return sendFile(reply, file, `岗位.${format}`, format);
    },
  );

  r.get(
    '/:postingId',
    {
      schema: {
        tags,
        summary: 'One posting; drafts and pending ones exist only for their enterprise and the secretariat',
        params: postingParams,
        response: { 200: postingDetail, ...commonErrors },
      },
    },
    async (request) =>
      svc.postingDetail(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.postingId,
      ),
  );

  r.patch(
    '/:postingId',
    {
      schema: {
        tags,
        summary: 'Edit a posting (its enterprise); a published posting goes back to vetting',
        params: postingParams,
        body: updatePostingBody,
        response: { 200: postingOut, ...writeErrors },
      },
    },
    async (request) => {
      const { consortiumId, postingId } = request.params;
      const p = await svc.updatePosting(
        db,
        access,
        requireActor(request),
        consortiumId,
        postingId,
        request.body,
        request.id,
      );
      return svc.presentPosting(p, true);
    },
  );

  r.post(
    '/:postingId/actions',
    {
      schema: {
        tags,
        summary: 'Submit for vetting, approve, reject (with a reason), close or reopen',
        params: postingParams,
        body: postingActionBody,
        response: { 200: postingOut, ...writeErrors },
      },
    },
    async (request) => {
      const { consortiumId, postingId } = request.params;
      const p = await svc.actOnPosting(
        db,
        access,
        requireActor(request),
        consortiumId,
        postingId,
        request.body.action,
        request.body.reason,
        request.id,
      );
      return svc.presentPosting(p, true);
    },
  );
}
