// /api/v1/consortia — the tenants, and their member units.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { visibleConsortia } from '../access/access.core.ts';
import { AppError } from '../../lib/errors.ts';
import { commonErrors, errorResponse, parseSort } from '../../lib/http.ts';
import { annotateErrors, writeTable, writeTemplate } from '../../lib/excel/index.ts';
import {
  fileFormat,
  importQuery,
  importResultOut,
  parseMapping,
  sendFile,
  uploadedFile,
} from '../../lib/import-http.ts';
import * as repo from './consortium.repo.ts';
import { importUnits, toSheetRow, unitColumns } from './units.excel.ts';
import {
  consortiumListQuery,
  consortiumOut,
  consortiumPage,
  consortiumParams,
  consortiumSummary,
  createConsortiumBody,
  createUnitBody,
  documentOut,
  industriesBody,
  industryOut,
  parkOut,
  parksBody,
  unitListQuery,
  unitOut,
  unitPage,
  unitParams,
  updateConsortiumBody,
  standingFieldNames,
  updateUnitBody,
} from './consortium.schema.ts';
import * as svc from './consortium.service.ts';

const writeErrors = { ...commonErrors, 409: errorResponse };

export async function consortiumRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['consortia'];

  r.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Consortia visible to me',
        querystring: consortiumListQuery,
        response: { 200: consortiumPage, 401: errorResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const { items, total } = await repo.listConsortia(db, {
        ids: visibleConsortia(actor),
        q: q.q,
        sort: parseSort(q.sort),
        page: q.page,
        pageSize: q.pageSize,
      });
      return { items: items.map(svc.presentConsortium), page: q.page, pageSize: q.pageSize, total };
    },
  );

  r.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a consortium (platform admin)',
        body: createConsortiumBody,
        response: { 201: consortiumOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.require(actor, 'consortium.create', {});
      const c = await svc.createConsortium(db, actor, request.body, request.id);
      return reply.code(201).send(svc.presentConsortium(c));
    },
  );

  r.get(
    '/:consortiumId',
    {
      schema: {
        tags,
        summary: 'A consortium with its member counts',
        params: consortiumParams,
        response: { 200: consortiumSummary, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.require(actor, 'consortium.read', { consortiumId: request.params.consortiumId });
      return svc.summary(db, request.params.consortiumId);
    },
  );

  r.patch(
    '/:consortiumId',
    {
      schema: {
        tags,
        summary: 'Edit the consortium profile',
        params: consortiumParams,
        body: updateConsortiumBody,
        response: { 200: consortiumOut, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.require(actor, 'consortium.update', { consortiumId: request.params.consortiumId });
      const c = await svc.updateConsortium(db, actor, request.params.consortiumId, request.body, request.id);
      return svc.presentConsortium(c);
    },
  );

  r.put(
    '/:consortiumId/parks',
    {
      schema: {
        tags,
        summary: 'Replace the parks the consortium rests on',
        params: consortiumParams,
        body: parksBody,
        response: { 200: z.array(parkOut), ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.require(actor, 'consortium.update', { consortiumId: request.params.consortiumId });
      const parks = await svc.replaceParks(db, actor, request.params.consortiumId, request.body, request.id);
      return parks.map(svc.presentPark);
    },
  );

  r.put(
    '/:consortiumId/industries',
    {
      schema: {
        tags,
        summary: 'Replace the leading industries (GB/T 4754 codes) and their industry chains',
        params: consortiumParams,
        body: industriesBody,
        response: { 200: z.array(industryOut), ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.require(actor, 'consortium.update', { consortiumId: request.params.consortiumId });
      return svc.replaceIndustries(db, actor, request.params.consortiumId, request.body, request.id);
    },
  );

  r.put(
    '/:consortiumId/charter',
    {
      schema: {
        tags,
        summary: 'Upload the charter (章程): the file is the request body (PDF, Word, PNG or JPEG, ≤ 20 MB)',
        params: consortiumParams,
        querystring: z.object({ fileName: z.string().trim().min(1).max(255) }),
        response: { 201: documentOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.require(actor, 'consortium.update', { consortiumId: request.params.consortiumId });
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
      const doc = await svc.uploadCharter(
        db,
        actor,
        request.params.consortiumId,
        { fileName: request.query.fileName, contentType, content },
        request.id,
      );
      return reply.code(201).send(svc.presentDocument(doc));
    },
  );

  r.get(
    '/:consortiumId/charter',
    {
      schema: {
        tags,
        summary: 'Download the current charter',
        params: consortiumParams,
        // the answer is the file itself, or the error shape
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      await access.require(actor, 'consortium.read', { consortiumId });
      const doc = await repo.latestDocument(db, consortiumId, 'charter');
      const content = doc ? await repo.documentContent(db, consortiumId, doc.id) : undefined;
      if (!doc || !content) throw new AppError('NOT_FOUND', 'No charter has been uploaded.');
      return reply
        .header('Content-Type', doc.contentType)
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
        .send(content);
    },
  );

  const units = ['member units'];

  r.get(
    '/:consortiumId/units/export',
    {
      schema: {
        tags: units,
        summary: 'Export the member units (the same columns the import reads), filtered like the list',
        params: consortiumParams,
        querystring: unitListQuery.omit({ page: true, pageSize: true, sort: true }).extend({
          format: fileFormat.default('xlsx'),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      const scope = await access.listScope(actor, 'unit.read', consortiumId);
      if (scope.kind !== 'all') throw new AppError('FORBIDDEN', 'You may not list member units.');
      const { format, ...filter } = request.query;
      const rows = (await repo.allUnits(db, consortiumId, filter)).map(toSheetRow);
      const file = await writeTable(unitColumns, rows, { format, sheetName: '成员单位' });
      return sendFile(reply, file, `成员单位.${format}`, format);
    },
  );

  r.get(
    '/:consortiumId/units/template',
    {
      schema: {
        tags: units,
        summary: 'The member-unit import template (xlsx, with a 说明 sheet)',
        params: consortiumParams,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.require(actor, 'unit.create', { consortiumId: request.params.consortiumId });
      return sendFile(
        reply,
        await writeTemplate(unitColumns, { sheetName: '成员单位' }),
        '成员单位导入模板.xlsx',
        'xlsx',
      );
    },
  );

  r.post(
    '/:consortiumId/units/import',
    {
      schema: {
        tags: units,
        summary:
          'Import member units from Excel/CSV (request body): all rows or none; dryRun to validate only',
        params: consortiumParams,
        querystring: importQuery,
        response: { 200: importResultOut, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      await access.require(actor, 'unit.create', { consortiumId });
      const q = request.query;
      const { parsed: _parsed, ...result } = await importUnits(
        db,
        actor,
        consortiumId,
        uploadedFile(request.body),
        {
          format: q.format,
          mapping: parseMapping(q.mapping),
          dryRun: q.dryRun,
          requestId: request.id,
        },
      );
      return result;
    },
  );

  r.post(
    '/:consortiumId/units/import/annotated',
    {
      schema: {
        tags: units,
        summary: 'The uploaded file back as xlsx with every bad cell marked and an 错误报告 sheet',
        params: consortiumParams,
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      await access.require(actor, 'unit.create', { consortiumId });
      const q = request.query;
      const file = uploadedFile(request.body);
      const result = await importUnits(db, actor, consortiumId, file, {
        format: q.format,
        mapping: parseMapping(q.mapping),
        dryRun: true,
      });
      const annotated = await annotateErrors(file, q.format, result.errors);
      return sendFile(reply, annotated, `成员单位-错误报告.xlsx`, 'xlsx');
    },
  );

  r.get(
    '/:consortiumId/units',
    {
      schema: {
        tags: units,
        summary: 'Member units',
        params: consortiumParams,
        querystring: unitListQuery,
        response: { 200: unitPage, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      const scope = await access.listScope(actor, 'unit.read', consortiumId);
      if (scope.kind !== 'all') throw new AppError('FORBIDDEN', 'You may not list member units.');
      const q = request.query;
      const { items, total } = await repo.listUnits(db, consortiumId, { ...q, sort: parseSort(q.sort) });
      return { items: items.map(svc.presentUnit), page: q.page, pageSize: q.pageSize, total };
    },
  );

  r.post(
    '/:consortiumId/units',
    {
      schema: {
        tags: units,
        summary: 'Add a member unit',
        params: consortiumParams,
        body: createUnitBody,
        response: { 201: unitOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      await access.require(actor, 'unit.create', { consortiumId });
      const u = await svc.createUnit(db, actor, consortiumId, request.body, request.id);
      return reply.code(201).send(svc.presentUnit(u));
    },
  );

  r.get(
    '/:consortiumId/units/:unitId',
    {
      schema: {
        tags: units,
        summary: 'One member unit',
        params: unitParams,
        response: { 200: unitOut, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId, unitId } = request.params;
      await access.listScope(actor, 'unit.read', consortiumId);
      const u = await svc.getUnit(db, consortiumId, unitId);
      await access.require(actor, 'unit.read', { consortiumId, unitId });
      return svc.presentUnit(u);
    },
  );

  r.patch(
    '/:consortiumId/units/:unitId',
    {
      schema: {
        tags: units,
        summary: 'Edit a member unit',
        params: unitParams,
        body: updateUnitBody,
        response: { 200: unitOut, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId, unitId } = request.params;
      await access.listScope(actor, 'unit.update', consortiumId);
      await svc.getUnit(db, consortiumId, unitId);
      await access.require(actor, 'unit.update', { consortiumId, unitId });
      // what a unit is and its place in the consortium are the secretariat's to set, not the unit's own
      if (standingFieldNames.some((f) => request.body[f] !== undefined)) {
        await access.require(actor, 'unit.create', { consortiumId });
      }
      const u = await svc.updateUnit(db, actor, consortiumId, unitId, request.body, request.id);
      return svc.presentUnit(u);
    },
  );
}
