// /api/v1/consortia/:consortiumId/internships — three-party agreements: read the version in force (or an
// earlier one), confirm it as one of the parties, download it as a PDF.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { commonErrors, errorResponse } from '../../lib/http.ts';
import {
  agreementOut,
  agreementParams,
  agreementPdf,
  agreementQuery,
  confirmAgreement,
  confirmBody,
  getAgreement,
} from './agreements.ts';

export async function agreementRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;
  const tags = ['internships'];

  r.get(
    '/placements/:placementId/agreement',
    {
      schema: {
        tags,
        summary:
          'The placement’s three-party agreement: content, hash, confirmations, whom the viewer may confirm for',
        params: agreementParams,
        querystring: agreementQuery,
        response: { 200: agreementOut, ...commonErrors },
      },
    },
    async (request) =>
      getAgreement(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
        request.query.version,
      ),
  );

  r.post(
    '/placements/:placementId/agreement/confirm',
    {
      schema: {
        tags,
        summary:
          'Confirm the agreement in force as the school, the host or the student (by the hash of the version read)',
        description:
          'The school needs internship.write, a member host internship.supervise, the student is the one placed. ' +
          'For an external host, school staff record its confirmation with `onBehalfNote`. A hash other than the ' +
          'version in force, or a second confirmation of the same party, answers 409 CONFLICT.',
        params: agreementParams,
        body: confirmBody,
        response: { 200: agreementOut, ...commonErrors, 409: errorResponse },
      },
    },
    async (request) =>
      confirmAgreement(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
        request.body,
        { ip: request.ip, requestId: request.id },
      ),
  );

  r.get(
    '/placements/:placementId/agreement.pdf',
    {
      schema: {
        tags,
        summary: 'The agreement as a PDF (the version in force, or ?version=n)',
        params: agreementParams,
        querystring: agreementQuery,
        response: {
          200: z.any().describe('application/pdf'),
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const { pdf, fileName, version } = await agreementPdf(
        db,
        access,
        requireActor(request),
        request.params.consortiumId,
        request.params.placementId,
        request.query.version,
      );
      return reply
        .header('Content-Type', 'application/pdf')
        .header(
          'Content-Disposition',
          `inline; filename="agreement-v${version}.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(pdf);
    },
  );
}
