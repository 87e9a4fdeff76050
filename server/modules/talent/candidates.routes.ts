// /api/v1/consortia/:consortiumId/candidates — students, graduates and workers.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { annotateErrors, writeTable, writeTemplate } from '../../lib/excel/index.ts';
import { commonErrors, errorResponse } from '../../lib/http.ts';
import { importQuery, importResultOut, parseMapping, sendFile, uploadedFile } from '../../lib/import-http.ts';
import { maskIdCard, maskPhone } from '../../lib/mask.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { candidateColumns, importCandidates, toCandidateSheetRow } from './candidates.excel.ts';
import {
  candidateListQuery,
  candidateOut,
  candidatePage,
  candidateParams,
  createCandidateBody,
  updateCandidateBody,
} from './candidates.schema.ts';
import * as svc from './candidates.service.ts';

const writeErrors = { ...commonErrors, 409: errorResponse };
const consortiumParams = z.object({ consortiumId: z.uuid() });
const candidateImportQuery = importQuery.extend({
  schoolUnitId: z.uuid().describe('the school whose students the file lists'),
});

export async function candidateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['candidates'];

  const one = async (actor: Parameters<typeof svc.presentCandidates>[2], row: svc.CandidateRow) =>
    (await svc.presentCandidates(db, access, actor, [row]))[0]!;

  r.get(
    '/',
    {
      schema: {
        tags,
        summary: "Candidates: all (secretariat), a school's own, or a student's own profile",
        params: consortiumParams,
        querystring: candidateListQuery,
        response: { 200: candidatePage, ...commonErrors },
      },
    },
    async (request) =>
      svc.listCandidates(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  r.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Register a candidate (a school its students; the secretariat anyone)',
        params: consortiumParams,
        body: createCandidateBody,
        response: { 201: candidateOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const c = await svc.createCandidate(
        db,
        access,
        actor,
        request.params.consortiumId,
        request.body,
        request.id,
      );
      return reply.code(201).send(await one(actor, c));
    },
  );

  r.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'My own candidate profile (students)',
        params: consortiumParams,
        response: { 200: candidateOut, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      await access.require(actor, 'consortium.read', { consortiumId });
      const c = await svc.myCandidate(db, consortiumId, actor.userId);
      if (!c)
        throw new AppError('CANDIDATE_NOT_FOUND', 'No candidate profile is linked to your account here.');
      return one(actor, c);
    },
  );

  r.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'Export the candidates the list shows; personal data masked unless you may see it; logged',
        params: consortiumParams,
        querystring: candidateListQuery.omit({ page: true, pageSize: true, sort: true }).extend({
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      const { format, ...filter } = request.query;
      const rows = await svc.allCandidates(db, access, actor, consortiumId, filter);
      const personal = new Map<string | null, boolean>();
      const sheet = [];
      for (const c of rows) {
        if (!personal.has(c.schoolUnitId)) {
          personal.set(
            c.schoolUnitId,
            await access.can(actor, 'candidate.read_personal', { consortiumId, unitId: c.schoolUnitId }),
          );
        }
        const row = toCandidateSheetRow(c);
        const open = personal.get(c.schoolUnitId) || c.userId === actor.userId;
        sheet.push(
          open
            ? row
            : { ...row, idCard: maskIdCard(row.idCard), mobile: row.mobile ? maskPhone(row.mobile) : null },
        );
      }
      await recordAudit(db, {
        consortiumId,
        actor,
        entity: 'candidate',
        entityId: consortiumId,
        action: 'export',
        after: { rows: sheet.length, filter },
        requestId: request.id,
      });
      const file = await writeTable(candidateColumns, sheet, { format, sheetName: '学生' });
      return sendFile(reply, file, `学生.${format}`, format);
    },
  );

  r.get(
    '/template',
    {
      schema: {
        tags,
        summary: 'The student import template (xlsx, with a 说明 sheet)',
        params: consortiumParams,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.listScope(actor, 'candidate.write', request.params.consortiumId);
      return sendFile(
        reply,
        await writeTemplate(candidateColumns, { sheetName: '学生' }),
        '学生导入模板.xlsx',
        'xlsx',
      );
    },
  );

  r.post(
    '/import',
    {
      schema: {
        tags,
        summary: "Import a school's students from Excel/CSV: every row validated, all rows or none",
        params: consortiumParams,
        querystring: candidateImportQuery,
        response: { 200: importResultOut, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.listScope(actor, 'candidate.write', request.params.consortiumId);
      const q = request.query;
      return importCandidates(
        db,
        access,
        actor,
        request.params.consortiumId,
        q.schoolUnitId,
        uploadedFile(request.body),
        { format: q.format, mapping: parseMapping(q.mapping), dryRun: q.dryRun, requestId: request.id },
      );
    },
  );

  r.post(
    '/import/annotated',
    {
      schema: {
        tags,
        summary: 'The uploaded student file back with every bad cell marked and an 错误报告 sheet',
        params: consortiumParams,
        querystring: candidateImportQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.listScope(actor, 'candidate.write', request.params.consortiumId);
      const q = request.query;
      const file = uploadedFile(request.body);
      const result = await importCandidates(
        db,
        access,
        actor,
        request.params.consortiumId,
        q.schoolUnitId,
        file,
        { format: q.format, mapping: parseMapping(q.mapping), dryRun: true },
      );
      return sendFile(
        reply,
        await annotateErrors(file, q.format, result.errors),
        '学生-错误报告.xlsx',
        'xlsx',
      );
    },
  );

  r.get(
    '/:candidateId',
    {
      schema: {
        tags,
        summary: 'One candidate',
        params: candidateParams,
        response: { 200: candidateOut, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const c = await svc.getCandidate(
        db,
        access,
        actor,
        request.params.consortiumId,
        request.params.candidateId,
      );
      return one(actor, c);
    },
  );

  r.patch(
    '/:candidateId',
    {
      schema: {
        tags,
        summary: 'Edit a candidate; a student may change their contact, skills, certificates and consent',
        params: candidateParams,
        body: updateCandidateBody,
        response: { 200: candidateOut, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId, candidateId } = request.params;
      const c = await svc.updateCandidate(
        db,
        access,
        actor,
        consortiumId,
        candidateId,
        request.body,
        request.id,
      );
      return one(actor, c);
    },
  );
}
