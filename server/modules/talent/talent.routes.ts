// /api/v1/consortia/:consortiumId/{outcomes,talent} and /api/v1/notifications: employment outcomes,
// the rates and the dashboard; and the in-app notifications of the signed-in user.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { candidates, notifications } from '../../db/schema/index.ts';
import { requireActor } from '../../lib/context.ts';
import { annotateErrors, writeTable, writeTemplate } from '../../lib/excel/index.ts';
import { commonErrors, errorResponse, pageOf } from '../../lib/http.ts';
import { importQuery, importResultOut, parseMapping, sendFile, uploadedFile } from '../../lib/import-http.ts';
import { maskIdCard } from '../../lib/mask.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { dashboard, dashboardOut } from './dashboard.ts';
import { importOutcomes, outcomeColumns, toOutcomeSheetRow } from './outcomes.excel.ts';
import * as outcomes from './outcomes.ts';

const writeErrors = { ...commonErrors, 409: errorResponse };
const consortiumParams = z.object({ consortiumId: z.uuid() });

export async function outcomeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['outcomes'];

  r.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Outcome records; with rate and part, the records behind a rate',
        params: consortiumParams,
        querystring: outcomes.outcomeListQuery,
        response: { 200: outcomes.outcomePage, ...commonErrors },
      },
    },
    async (request) =>
      outcomes.listOutcomes(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  r.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Record a graduate’s outcome for a cohort year',
        params: consortiumParams,
        body: outcomes.createOutcomeBody,
        response: { 201: outcomes.outcomeOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      const row = await outcomes.createOutcome(db, access, actor, consortiumId, request.body, request.id);
      return reply.code(201).send(await outcomes.getOutcome(db, access, actor, consortiumId, row.id));
    },
  );

  r.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'Export outcome records (the import’s columns); ID numbers masked unless you may see them',
        params: consortiumParams,
        querystring: outcomes.outcomeListQuery.omit({ page: true, pageSize: true, sort: true }).extend({
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      const { format, ...filter } = request.query;
      const rows = await outcomes.allOutcomes(db, access, actor, consortiumId, filter);
      // the consortium's ID numbers in one read (an export lists many of its graduates)
      const idCards = new Map(
        (
          await db
            .select({ id: candidates.id, idCard: candidates.idCard })
            .from(candidates)
            .where(eq(candidates.consortiumId, consortiumId))
        ).map((c) => [c.id, c.idCard]),
      );
      const personal = new Map<string | null, boolean>();
      const sheet = [];
      for (const o of rows) {
        if (!personal.has(o.schoolUnitId)) {
          personal.set(
            o.schoolUnitId,
            await access.can(actor, 'candidate.read_personal', { consortiumId, unitId: o.schoolUnitId }),
          );
        }
        const idCard = idCards.get(o.candidateId) ?? '';
        sheet.push(toOutcomeSheetRow(o, personal.get(o.schoolUnitId) ? idCard : maskIdCard(idCard)));
      }
      await recordAudit(db, {
        consortiumId,
        actor,
        entity: 'employment_outcome',
        entityId: consortiumId,
        action: 'export',
        after: { rows: sheet.length, filter },
        requestId: request.id,
      });
      return sendFile(
        reply,
        await writeTable(outcomeColumns, sheet, { format, sheetName: '毕业去向' }),
        `毕业去向.${format}`,
        format,
      );
    },
  );

  r.get(
    '/template',
    { schema: { tags, summary: 'The outcome import template', params: consortiumParams } },
    async (request, reply) => {
      await access.listScope(requireActor(request), 'outcome.write', request.params.consortiumId);
      return sendFile(
        reply,
        await writeTemplate(outcomeColumns, { sheetName: '毕业去向' }),
        '毕业去向导入模板.xlsx',
        'xlsx',
      );
    },
  );

  r.post(
    '/import',
    {
      schema: {
        tags,
        summary: 'Import outcomes from Excel/CSV: graduates by ID number, all rows or none',
        params: consortiumParams,
        querystring: importQuery,
        response: { 200: importResultOut, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await access.listScope(actor, 'outcome.write', request.params.consortiumId);
      const q = request.query;
      return importOutcomes(db, access, actor, request.params.consortiumId, uploadedFile(request.body), {
        format: q.format,
        mapping: parseMapping(q.mapping),
        dryRun: q.dryRun,
        requestId: request.id,
      });
    },
  );

  r.post(
    '/import/annotated',
    {
      schema: {
        tags,
        summary: 'The uploaded outcome file back with every bad cell marked',
        params: consortiumParams,
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await access.listScope(actor, 'outcome.write', request.params.consortiumId);
      const q = request.query;
      const file = uploadedFile(request.body);
      const result = await importOutcomes(db, access, actor, request.params.consortiumId, file, {
        format: q.format,
        mapping: parseMapping(q.mapping),
        dryRun: true,
      });
      return sendFile(
        reply,
        await annotateErrors(file, q.format, result.errors),
        '毕业去向-错误报告.xlsx',
        'xlsx',
      );
    },
  );

  r.get(
    '/:outcomeId',
    {
      schema: {
        tags,
        summary: 'One outcome record',
        params: outcomes.outcomeParams,
        response: { 200: outcomes.outcomeOut, ...commonErrors },
      },
    },
    async (request) =>
      outcomes.getOutcome(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.outcomeId,
      ),
  );

  r.patch(
    '/:outcomeId',
    {
      schema: {
        tags,
        summary: 'Correct or verify an outcome record',
        params: outcomes.outcomeParams,
        body: outcomes.updateOutcomeBody,
        response: { 200: outcomes.outcomeOut, ...writeErrors },
      },
    },
    async (request) => {
      const { consortiumId, outcomeId } = request.params;
      return outcomes.updateOutcome(
        db,
        access,
        requireActor(request),
        consortiumId,
        outcomeId,
        request.body,
        request.id,
      );
    },
  );

  r.delete(
    '/:outcomeId',
    {
      schema: {
        tags,
        summary: 'Delete an outcome record',
        params: outcomes.outcomeParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { consortiumId, outcomeId } = request.params;
      await outcomes.deleteOutcome(db, access, requireActor(request), consortiumId, outcomeId, request.id);
      return reply.code(204).send(null);
    },
  );
}

export async function statsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['talent statistics'];

  r.get(
    '/rates',
    {
      schema: {
        tags,
        summary: '就业率, 本地就业率, 专业对口率 and the verification mix, counted from the records in scope',
        params: consortiumParams,
        querystring: outcomes.rateScope,
        response: { 200: outcomes.ratesOut, ...commonErrors },
      },
    },
    async (request) => {
      await access.require(requireActor(request), 'talent.stats', {
        consortiumId: request.params.consortiumId,
      });
      return outcomes.computeRates(db, request.params.consortiumId, request.query);
    },
  );

  r.get(
    '/dashboard',
    {
      schema: {
        tags,
        summary: 'The supply–demand dashboard: demand vs supply, the application funnel, the rates by cohort',
        params: consortiumParams,
        response: { 200: dashboardOut, ...commonErrors },
      },
    },
    async (request) => {
      await access.require(requireActor(request), 'talent.stats', {
        consortiumId: request.params.consortiumId,
      });
      return dashboard(db, request.params.consortiumId);
    },
  );
}

const notificationOut = z.object({
  id: z.uuid(),
  consortiumId: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['notifications'];

  r.get(
    '/',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
          unread: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
        response: {
          200: pageOf(notificationOut).extend({ unread: z.number().int() }),
          401: errorResponse,
          400: errorResponse,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const mine = eq(notifications.userId, actor.userId);
      const where = q.unread ? and(mine, isNull(notifications.readAt)) : mine;
      const [rows, [count], [unread]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .where(where),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .where(and(mine, isNull(notifications.readAt))),
      ]);
      return {
        items: rows.map((n) => ({
          id: n.id,
          consortiumId: n.consortiumId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          readAt: n.readAt?.toISOString() ?? null,
          createdAt: n.createdAt.toISOString(),
        })),
        page: q.page,
        pageSize: q.pageSize,
        total: count?.n ?? 0,
        unread: unread?.n ?? 0,
      };
    },
  );

  r.post(
    '/read',
    {
      schema: {
        tags,
        summary: 'Mark notifications read: the ids given, or all of mine',
        body: z.object({ ids: z.array(z.uuid()).max(200).optional() }),
        response: {
          200: z.object({ updated: z.number().int() }),
          401: errorResponse,
          400: errorResponse,
          403: errorResponse,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const ids = request.body.ids;
      const rows = await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.userId, actor.userId),
            isNull(notifications.readAt),
            ...(ids ? [inArray(notifications.id, ids)] : []),
          ),
        )
        .returning({ id: notifications.id });
      return { updated: rows.length };
    },
  );
}
