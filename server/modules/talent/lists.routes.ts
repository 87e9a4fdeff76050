// /api/v1/consortia/:consortiumId/lists — the three lists (核心产品, 技术需求, 人才需求).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { annotateErrors, writeTable, writeTemplate } from '../../lib/excel/index.ts';
import { commonErrors, errorResponse } from '../../lib/http.ts';
import { importQuery, importResultOut, parseMapping, sendFile, uploadedFile } from '../../lib/import-http.ts';
import { allUnits } from '../consortium/consortium.repo.ts';
import { listKinds } from './talent.enums.ts';
import { importListItems, listColumns, listKindNames, toListSheetRow } from './lists.excel.ts';
import {
  createListItemBody,
  linkBody,
  linkOut,
  linkParams,
  listActionBody,
  listExportQuery,
  listItemDetail,
  listItemOut,
  listItemPage,
  listItemsQuery,
  listParams,
  progressBody,
  updateListItemBody,
} from './lists.schema.ts';
import * as svc from './lists.service.ts';

const writeErrors = { ...commonErrors, 409: errorResponse };
const consortiumParams = z.object({ consortiumId: z.uuid() });
const kindQuery = z.object({ kind: z.enum(listKinds) });

export async function listRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['lists'];

  r.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Items of one list; drafts only to their unit and the secretariat',
        params: consortiumParams,
        querystring: listItemsQuery,
        response: { 200: listItemPage, ...commonErrors },
      },
    },
    async (request) =>
      svc.listItemsPage(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  r.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Add an item (as a draft) for a member unit',
        params: consortiumParams,
        body: createListItemBody,
        response: { 201: listItemOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const item = await svc.createItem(
        db,
        access,
        actor,
        request.params.consortiumId,
        request.body,
        request.id,
      );
      return reply.code(201).send(svc.presentItem(item));
    },
  );

  r.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'Export one list (the columns its import reads), filtered like the list',
        params: consortiumParams,
        querystring: listExportQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      const { format, ...filter } = request.query;
      const items = await svc.allItems(db, access, actor, consortiumId, filter);
      const usccs = new Map((await allUnits(db, consortiumId)).map((u) => [u.id, u.uscc]));
      const rows = items.map((i) => toListSheetRow({ ...i, unitUscc: usccs.get(i.unitId) ?? null }));
      const name = listKindNames[filter.kind];
      const file = await writeTable(listColumns[filter.kind], rows, { format, sheetName: name });
      return sendFile(reply, file, `${name}.${format}`, format);
    },
  );

  r.get(
    '/template',
    {
      schema: {
        tags,
        summary: 'The import template of one list',
        params: consortiumParams,
        querystring: kindQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.require(actor, 'list.read', { consortiumId: request.params.consortiumId });
      const name = listKindNames[request.query.kind];
      return sendFile(
        reply,
        await writeTemplate(listColumns[request.query.kind], { sheetName: name }),
        `${name}导入模板.xlsx`,
        'xlsx',
      );
    },
  );

  r.post(
    '/import',
    {
      schema: {
        tags,
        summary: 'Import one list from Excel/CSV: all rows or none; the secretariat’s rows are published',
        params: consortiumParams,
        querystring: importQuery.extend(kindQuery.shape),
        response: { 200: importResultOut, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.require(actor, 'list.read', { consortiumId: request.params.consortiumId });
      const q = request.query;
      return importListItems(
        db,
        access,
        actor,
        request.params.consortiumId,
        q.kind,
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
        summary: 'The uploaded list file back with every bad cell marked and an 错误报告 sheet',
        params: consortiumParams,
        querystring: importQuery.extend(kindQuery.shape),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.require(actor, 'list.read', { consortiumId: request.params.consortiumId });
      const q = request.query;
      const file = uploadedFile(request.body);
      const result = await importListItems(db, access, actor, request.params.consortiumId, q.kind, file, {
        format: q.format,
        mapping: parseMapping(q.mapping),
        dryRun: true,
      });
      const annotated = await annotateErrors(file, q.format, result.errors);
      return sendFile(reply, annotated, `${listKindNames[q.kind]}-错误报告.xlsx`, 'xlsx');
    },
  );

  r.get(
    '/:itemId',
    {
      schema: {
        tags,
        summary: 'One item with its links (what answers it) and its status history',
        params: listParams,
        response: { 200: listItemDetail, ...commonErrors },
      },
    },
    async (request) =>
      svc.itemDetail(db, access, requireActor(request), request.params.consortiumId, request.params.itemId),
  );

  r.patch(
    '/:itemId',
    {
      schema: {
        tags,
        summary: 'Edit an item; a published item edited by its unit goes back to review',
        params: listParams,
        body: updateListItemBody,
        response: { 200: listItemOut, ...writeErrors },
      },
    },
    async (request) => {
      const { consortiumId, itemId } = request.params;
      const item = await svc.updateItem(
        db,
        access,
        requireActor(request),
        consortiumId,
        itemId,
        request.body,
        request.id,
      );
      return svc.presentItem(item);
    },
  );

  r.post(
    '/:itemId/actions',
    {
      schema: {
        tags,
        summary: 'Submit, publish, return (with a note), archive or reopen an item',
        params: listParams,
        body: listActionBody,
        response: { 200: listItemOut, ...writeErrors },
      },
    },
    async (request) => {
      const { consortiumId, itemId } = request.params;
      const item = await svc.actOnItem(
        db,
        access,
        requireActor(request),
        consortiumId,
        itemId,
        request.body.action,
        request.body.note,
        request.id,
      );
      return svc.presentItem(item);
    },
  );

  r.post(
    '/:itemId/progress',
    {
      schema: {
        tags,
        summary: 'Move a technology demand on: 征集 → 对接中 → 已签约 → 已解决 / 关闭',
        params: listParams,
        body: progressBody,
        response: { 200: listItemOut, ...writeErrors },
      },
    },
    async (request) => {
      const { consortiumId, itemId } = request.params;
      const item = await svc.setProgress(
        db,
        access,
        requireActor(request),
        consortiumId,
        itemId,
        request.body.progress,
        request.body.note,
        request.id,
      );
      return svc.presentItem(item);
    },
  );

  r.post(
    '/:itemId/links',
    {
      schema: {
        tags,
        summary: 'Link the item to what answers it (a posting, a programme, a contract…)',
        params: listParams,
        body: linkBody,
        response: { 201: linkOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { consortiumId, itemId } = request.params;
      const l = await svc.addLink(
        db,
        access,
        requireActor(request),
        consortiumId,
        itemId,
        request.body,
        request.id,
      );
      return reply.code(201).send({
        id: l.id,
        targetKind: l.targetKind,
        targetId: l.targetId,
        label: l.label,
        createdAt: l.createdAt.toISOString(),
      });
    },
  );

  r.delete(
    '/:itemId/links/:linkId',
    {
      schema: {
        tags,
        summary: 'Remove a link',
        params: linkParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { consortiumId, itemId, linkId } = request.params;
      await svc.removeLink(db, access, requireActor(request), consortiumId, itemId, linkId, request.id);
      return reply.code(204).send(null);
    },
  );
}
