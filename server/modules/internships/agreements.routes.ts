// /api/v1/consortia/:consortiumId/internships — three-party agreements (being built).
import type { FastifyInstance } from 'fastify';

export async function agreementRoutes(_app: FastifyInstance) {}
