// /api/v1/reference — the national catalogs every consortium shares. Anyone logged in reads them;
// platform admins import and edit them (capability catalog.manage).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { commonErrors } from '../../lib/http.ts';
import { annotateErrors, writeTable, writeTemplate } from '../../lib/excel/index.ts';
import {
  fileFormat,
  importQuery,
  importResultOut,
  parseMapping,
  sendFile,
  uploadedFile,
} from '../../lib/import-http.ts';
import { catalogColumns, catalogSheetRows, importCatalogFile } from './catalog.excel.ts';
import { crosswalkColumns, crosswalkSheetRows, importCrosswalk } from './crosswalk.excel.ts';
import * as repo from './reference.repo.ts';
import {
  catalogOut,
  catalogParams,
  catalogVersion,
  crosswalkBody,
  crosswalkLink,
  entryDetailOut,
  entryListQuery,
  entryPage,
  entryParams,
} from './reference.schema.ts';
import * as svc from './reference.service.ts';

const tags = ['reference data'];

function presentEntry(e: repo.EntryRow) {
  return {
    code: e.code,
    name: e.name,
    level: e.level,
    parentCode: e.parentCode,
    educationLevel: e.educationLevel,
    marks: e.marks,
    builtin: e.builtin,
    certainty: e.certainty,
  };
}

export async function referenceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;

  r.get(
    '/catalogs',
    {
      schema: {
        tags,
        summary: 'Loaded catalog versions and how complete each is',
        response: { 200: z.array(catalogOut), ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return svc.catalogOverview(db);
    },
  );

  r.get(
    '/catalogs/:kind/:version/entries',
    {
      schema: {
        tags,
        summary: 'Browse or search a catalog (by code prefix or name)',
        params: catalogParams,
        querystring: entryListQuery,
        response: { 200: entryPage, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      const c = await svc.getCatalog(db, request.params.kind, request.params.version);
      const q = request.query;
      const { items, total } = await repo.listEntries(db, c.id, {
        q: q.q,
        level: q.level,
        parentCode: q.parent,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { items: items.map(presentEntry), page: q.page, pageSize: q.pageSize, total };
    },
  );

  r.get(
    '/catalogs/:kind/:version/entries/:code',
    {
      schema: {
        tags,
        summary: 'One code with its ancestors, children count and (majors) crosswalk',
        params: entryParams,
        response: { 200: entryDetailOut, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      const { kind, version, code } = request.params;
      const d = await svc.entryDetail(db, kind, version, code);
      return {
        catalog: {
          id: d.catalog.id,
          kind: d.catalog.kind,
          version: d.catalog.version,
          title: d.catalog.title,
        },
        entry: presentEntry(d.entry),
        ancestors: d.ancestors.map(presentEntry),
        children: d.children,
        crosswalk: d.crosswalk,
      };
    },
  );

  r.post(
    '/catalogs/:kind/:version/import',
    {
      schema: {
        tags,
        summary:
          'Import an official table (Excel/CSV as the request body) into this catalog version: all rows or none',
        params: catalogParams,
        querystring: importQuery,
        response: { 200: importResultOut, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.require(actor, 'catalog.manage', {});
      const { kind, version } = request.params;
      const q = request.query;
      return importCatalogFile(
        db,
        actor,
        { kind, version, fileName: q.fileName, dryRun: q.dryRun },
        uploadedFile(request.body),
        {
          format: q.format,
          mapping: parseMapping(q.mapping),
        },
      );
    },
  );

  r.post(
    '/catalogs/:kind/:version/import/annotated',
    {
      schema: {
        tags,
        summary: 'The uploaded table back as xlsx with every bad cell marked and an 错误报告 sheet',
        params: catalogParams,
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.require(actor, 'catalog.manage', {});
      const { kind, version } = request.params;
      const q = request.query;
      const file = uploadedFile(request.body);
      const result = await importCatalogFile(db, actor, { kind, version, dryRun: true }, file, {
        format: q.format,
        mapping: parseMapping(q.mapping),
      });
      return sendFile(
        reply,
        await annotateErrors(file, q.format, result.errors),
        `${kind}-${version}-错误报告.xlsx`,
        'xlsx',
      );
    },
  );

  r.get(
    '/catalogs/:kind/:version/export',
    {
      schema: {
        tags,
        summary: 'Export a catalog version (the columns the import reads)',
        params: catalogParams,
        querystring: z.object({ format: fileFormat.default('xlsx') }),
      },
    },
    async (request, reply) => {
      requireActor(request);
      const { kind, version } = request.params;
      const c = await svc.getCatalog(db, kind, version);
      const { format } = request.query;
      const file = await writeTable(catalogColumns, await catalogSheetRows(db, c.id), {
        format,
        sheetName: kind,
      });
      return sendFile(reply, file, `${kind}-${version}.${format}`, format);
    },
  );

  r.get(
    '/catalog-template',
    { schema: { tags, summary: 'The catalog import template (xlsx)' } },
    async (request, reply) => {
      requireActor(request);
      return sendFile(
        reply,
        await writeTemplate(catalogColumns, { sheetName: '目录' }),
        '目录导入模板.xlsx',
        'xlsx',
      );
    },
  );

  r.post(
    '/catalogs/:kind/:version/current',
    {
      schema: {
        tags,
        summary: 'Make this version the current one of its kind',
        params: catalogParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.require(actor, 'catalog.manage', {});
      await svc.makeCurrent(db, request.params.kind, request.params.version);
      return reply.code(204).send(null);
    },
  );

  const crosswalkParams = z.object({ version: catalogVersion });

  r.post(
    '/crosswalk/:version/import',
    {
      schema: {
        tags,
        summary:
          'Import the major crosswalk (one row per major: 专业代码, 对应行业代码, 主要职业类别代码): all rows or none',
        params: crosswalkParams,
        querystring: importQuery,
        response: { 200: importResultOut, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.require(actor, 'catalog.manage', {});
      const q = request.query;
      return importCrosswalk(
        db,
        actor,
        { version: request.params.version, fileName: q.fileName, dryRun: q.dryRun },
        uploadedFile(request.body),
        { format: q.format, mapping: parseMapping(q.mapping) },
      );
    },
  );

  r.post(
    '/crosswalk/:version/import/annotated',
    {
      schema: {
        tags,
        summary: 'The uploaded crosswalk back as xlsx with every bad cell marked and an 错误报告 sheet',
        params: crosswalkParams,
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.require(actor, 'catalog.manage', {});
      const q = request.query;
      const file = uploadedFile(request.body);
      const result = await importCrosswalk(
        db,
        actor,
        { version: request.params.version, dryRun: true },
        file,
        {
          format: q.format,
          mapping: parseMapping(q.mapping),
        },
      );
      return sendFile(
        reply,
        await annotateErrors(file, q.format, result.errors),
        '专业对照表-错误报告.xlsx',
        'xlsx',
      );
    },
  );

  r.get(
    '/crosswalk/:version/export',
    {
      schema: {
        tags,
        summary: 'Export the major crosswalk (the columns the import reads)',
        params: crosswalkParams,
        querystring: z.object({ format: fileFormat.default('xlsx') }),
      },
    },
    async (request, reply) => {
      requireActor(request);
      const { format } = request.query;
      const rows = await crosswalkSheetRows(db, request.params.version);
      return sendFile(
        reply,
        await writeTable(crosswalkColumns, rows, { format, sheetName: '专业对照' }),
        `专业对照表.${format}`,
        format,
      );
    },
  );

  r.get(
    '/crosswalk-template',
    { schema: { tags, summary: 'The crosswalk import template (xlsx)' } },
    async (request, reply) => {
      requireActor(request);
      return sendFile(
        reply,
        await writeTemplate(crosswalkColumns, { sheetName: '专业对照' }),
        '专业对照表导入模板.xlsx',
        'xlsx',
      );
    },
  );

  r.put(
    '/crosswalk/:version/:code',
    {
      schema: {
        tags,
        summary:
          "Set a major's industries (GB/T 4754) and occupations (大典) — the crosswalk alignment and matching use",
        params: z.object({
          version: z.string().max(32),
          code: z.string().regex(/^\d{6}$/, 'a 6-digit major code'),
        }),
        body: crosswalkBody,
        response: { 200: z.array(crosswalkLink), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.require(actor, 'catalog.manage', {});
      return svc.setCrosswalk(db, request.params.version, request.params.code, request.body);
    },
  );
}
