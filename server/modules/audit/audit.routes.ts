// /api/v1/consortia/:consortiumId/audit — the audit trail, filtered and paged.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../lib/context.ts';
import { commonErrors } from '../../lib/http.ts';
import { consortiumParams } from '../consortium/consortium.schema.ts';
import { auditListQuery, auditPage } from './audit.schema.ts';
import { listAudit } from './audit.service.ts';

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  r.get(
    '/',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail of the consortium (newest first)',
        params: consortiumParams,
        querystring: auditListQuery,
        response: { 200: auditPage, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      await access.require(actor, 'audit.read', { consortiumId });
      const q = request.query;
      const { items, total } = await listAudit(db, consortiumId, q);
      return {
        items: items.map((a) => ({
          id: a.id,
          at: a.at.toISOString(),
          actorId: a.actorId,
          actorName: a.actorName,
          entity: a.entity,
          entityId: a.entityId,
          action: a.action,
          before: a.before,
          after: a.after,
        })),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },
  );
}
