// /api/v1/consortia/:consortiumId/internships — logs, anomaly flags, assessments, alerts (being built).
import type { FastifyInstance } from 'fastify';

export async function supervisionRoutes(_app: FastifyInstance) {}
