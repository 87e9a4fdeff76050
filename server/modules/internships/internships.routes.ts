// /api/v1/consortia/:consortiumId/internships — plans, hosts, placements, compliance; the agreement and
// supervision routes are registered under the same prefix.
import type { FastifyInstance } from 'fastify';
import { agreementRoutes } from './agreements.routes.ts';
import { supervisionRoutes } from './supervision.routes.ts';

export async function internshipRoutes(app: FastifyInstance) {
  await app.register(agreementRoutes);
  await app.register(supervisionRoutes);
}
