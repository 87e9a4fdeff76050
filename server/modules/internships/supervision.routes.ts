// /api/v1/consortia/:consortiumId/internships — evidence-based supervision: logs with work artefacts
// (co-signed by the enterprise mentor, reviewed by the school), anomaly flags for people to review,
// assessments and the final grade, students' ratings of hosts, and alerts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { commonErrors, errorResponse } from '../../lib/http.ts';
import * as svc from './supervision.ts';
import {
  alertPage,
  alertQuery,
  assessmentBody,
  assessmentParams,
  assessmentsOut,
  detectBody,
  detectOut,
  flagListQuery,
  flagOut,
  flagPage,
  flagParams,
  flagReviewBody,
  hostRatingPage,
  hostRatingsQuery,
  LOG_BODY_LIMIT,
  logBody,
  logDetail,
  logFileParams,
  logInboxQuery,
  logPage,
  logParams,
  logPatchBody,
  noteBody,
  placementLogsQuery,
  placementParams,
  returnBody,
  supervisionConsortiumParams as consortiumParams,
} from './supervision.schema.ts';

export async function supervisionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const writeErrors = { ...commonErrors, 409: errorResponse };
  const logs = ['internship logs'];
  const flags = ['internship flags'];
  const assess = ['internship assessments'];
  const meta = (request: { ip: string; headers: Record<string, string | string[] | undefined> }) => ({
    ip: request.ip || null,
    deviceId: svc.deviceIdOf(request.headers['x-device-id']),
  });

  // ------------------------------------------------------------------------------------------------
  // Logs

  r.get(
    '/placements/:placementId/logs',
    {
      schema: {
        tags: logs,
        summary: "A placement's logs",
        params: placementParams,
        querystring: placementLogsQuery,
        response: { 200: logPage, ...commonErrors },
      },
    },
    async (request) =>
      svc.listPlacementLogs(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
        request.query,
      ),
  );

  r.post(
    '/placements/:placementId/logs',
    {
      bodyLimit: LOG_BODY_LIMIT,
      schema: {
        tags: logs,
        summary:
          'Submit a periodic log with work artefacts (the student; an active placement). Send the header X-Device-Id: the browser’s device token',
        params: placementParams,
        headers: z.object({ 'x-device-id': z.string().max(200).optional() }).passthrough(),
        body: logBody,
        response: { 201: logDetail, ...writeErrors },
      },
    },
    async (request, reply) => {
      const out = await svc.createLog(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
        request.body,
        meta(request),
        request.id,
      );
      return reply.code(201).send(out);
    },
  );

  r.get(
    '/logs',
    {
      schema: {
        tags: logs,
        summary:
          'The log inbox across placements: a mentor their host’s, a school its students’, the secretariat all, a student their own',
        params: consortiumParams,
        querystring: logInboxQuery,
        response: { 200: logPage, ...commonErrors },
      },
    },
    async (request) =>
      svc.listLogs(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  r.get(
    '/logs/:logId',
    {
      schema: {
        tags: logs,
        summary: 'One log, its files and what the viewer may do with it',
        params: logParams,
        response: { 200: logDetail, ...commonErrors },
      },
    },
    async (request) =>
      svc.getLog(db, access, requireActor(request), request.params.consortiumId, request.params.logId),
  );

  r.patch(
    '/logs/:logId',
    {
      bodyLimit: LOG_BODY_LIMIT,
      schema: {
        tags: logs,
        summary: 'Edit a submitted or returned log (the student); a returned log is resubmitted',
        params: logParams,
        headers: z.object({ 'x-device-id': z.string().max(200).optional() }).passthrough(),
        body: logPatchBody,
        response: { 200: logDetail, ...writeErrors },
      },
    },
    async (request) =>
      svc.editLog(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.logId,
        request.body,
        meta(request),
        request.id,
      ),
  );

  for (const action of ['cosign', 'review'] as const) {
    r.post(
      `/logs/:logId/${action}`,
      {
        schema: {
          tags: logs,
          summary:
            action === 'cosign'
              ? 'Co-sign a submitted log (the enterprise mentor; for an external host, school staff on its behalf, with a note)'
              : 'Review a co-signed (or submitted) log (the school)',
          params: logParams,
          body: noteBody,
          response: { 200: logDetail, ...writeErrors },
        },
      },
      async (request) =>
        svc.actOnLog(
          db,
          access,
          requireActor(request),
          request.params.consortiumId,
          request.params.logId,
          action,
          request.body?.note || undefined,
          request.id,
        ),
    );
  }

  r.post(
    '/logs/:logId/return',
    {
      schema: {
        tags: logs,
        summary: 'Return a submitted log to the student with a note (the enterprise mentor)',
        params: logParams,
        body: returnBody,
        response: { 200: logDetail, ...writeErrors },
      },
    },
    async (request) =>
      svc.actOnLog(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.logId,
        'return',
        request.body.note,
        request.id,
      ),
  );

  r.get(
    '/logs/:logId/files/:fileId',
    {
      schema: {
        tags: logs,
        summary: 'Download a work artefact of a log',
        params: logFileParams,
      },
    },
    async (request, reply) => {
      const f = await svc.logFile(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.logId,
        request.params.fileId,
      );
      return reply
        .header('Content-Type', f.contentType)
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('X-Content-SHA256', f.sha256)
        .send(f.content);
    },
  );

  // ------------------------------------------------------------------------------------------------
  // Flags

  r.post(
    '/flags/detect',
    {
      schema: {
        tags: flags,
        summary:
          'Run the anomaly detectors (near-duplicate logs, shared devices, never co-signed, missing logs) — school staff for their students, the secretariat for all. Flags are for people to review, never punishments',
        params: consortiumParams,
        body: detectBody,
        response: { 200: detectOut, ...writeErrors },
      },
    },
    async (request) =>
      svc.detectFlags(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.body,
        request.id,
      ),
  );

  r.get(
    '/flags',
    {
      schema: {
        tags: flags,
        summary:
          'Anomaly flags (school and host staff their placements’, the secretariat all; never students)',
        params: consortiumParams,
        querystring: flagListQuery,
        response: { 200: flagPage, ...commonErrors },
      },
    },
    async (request) =>
      svc.listFlags(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  r.post(
    '/flags/:flagId/review',
    {
      schema: {
        tags: flags,
        summary: 'Close a flag after checking it: dismissed or confirmed, with a note (the school)',
        params: flagParams,
        body: flagReviewBody,
        response: { 200: flagOut, ...writeErrors },
      },
    },
    async (request) =>
      svc.reviewFlag(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.flagId,
        request.body,
        request.id,
      ),
  );

  // ------------------------------------------------------------------------------------------------
  // Assessments, ratings, alerts

  r.get(
    '/placements/:placementId/assessments',
    {
      schema: {
        tags: assess,
        summary: "A placement's assessments, rubric and final grade",
        params: placementParams,
        response: { 200: assessmentsOut, ...commonErrors },
      },
    },
    async (request) =>
      svc.getAssessments(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
      ),
  );

  r.put(
    '/placements/:placementId/assessments/:role',
    {
      schema: {
        tags: assess,
        summary:
          "Assess: the enterprise or school mentor scores every rubric key 0–100 (the final grade follows once both have; an external host's mentor's scores are recorded by school staff with onBehalfNote); the student rates the host 1–5 on overall, guidance, safety and learning",
        params: assessmentParams,
        body: assessmentBody,
        response: { 200: assessmentsOut, ...writeErrors },
      },
    },
    async (request) =>
      svc.putAssessment(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
        request.params.role,
        request.body,
        request.id,
      ),
  );

  r.get(
    '/hosts/ratings',
    {
      schema: {
        tags: assess,
        summary:
          "Students' ratings per host: count and the mean of each dimension (schools and the secretariat)",
        params: consortiumParams,
        querystring: hostRatingsQuery,
        response: { 200: hostRatingPage, ...commonErrors },
      },
    },
    async (request) =>
      svc.hostRatings(db, access, requireActor(request), request.params.consortiumId, request.query),
  );

  r.get(
    '/alerts',
    {
      schema: {
        tags: ['internship alerts'],
        summary:
          'Alerts as of today: insurance running out, agreements unconfirmed near the start, overdue logs, hosts near their 10% cap',
        params: consortiumParams,
        querystring: alertQuery,
        response: { 200: alertPage, ...commonErrors },
      },
    },
    async (request) =>
      svc.listAlerts(db, access, requireActor(request), request.params.consortiumId, request.query),
  );
}
