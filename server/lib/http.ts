// HTTP conventions shared by every route: the error shape, list queries (page, pageSize, sort) and pages.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, isUniqueViolation, statusOf, type FieldIssue } from './errors.ts';

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('UPPER_SNAKE error code; stable once shipped'),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .describe('The one error shape of the API');

/** Responses every authenticated route may give besides its own. */
export const commonErrors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
} as const;

/**
 * Query parameters of a list endpoint: `page` (1-based), `pageSize` (1–200, default 20),
 * `sort` (a whitelisted field, `-field` for descending). Filters are named parameters of each endpoint.
 */
export function listQuery<const F extends readonly [string, ...string[]]>(
  sortFields: F,
  defaultSort: string,
) {
  const allowed = [...sortFields, ...sortFields.map((f) => `-${f}`)] as [string, ...string[]];
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    sort: z.enum(allowed).default(defaultSort),
  });
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

export function parseSort(sort: string): { field: string; desc: boolean } {
  return sort.startsWith('-') ? { field: sort.slice(1), desc: true } : { field: sort, desc: false };
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  return reply
    .code(status)
    .send({ error: details === undefined ? { code, message } : { code, message, details } });
}

export function errorHandler(
  err: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (err instanceof AppError) {
    return sendError(reply, statusOf(err.code), err.code, err.message, err.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'request';
    const issues: FieldIssue[] = err.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      code: v.keyword,
      message: v.message ?? 'invalid',
    }));
    const first = issues[0];
    return sendError(
      reply,
      400,
      'VALIDATION_FAILED',
      first ? `${first.path}: ${first.message}` : 'Invalid request',
      {
        issues,
      },
    );
  }
  if (isUniqueViolation(err)) {
    return sendError(
      reply,
      409,
      'CONFLICT',
      'The record was changed by someone else at the same time; reload and try again.',
    );
  }
  const status = (err as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large…
    const code = status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED';
    return sendError(reply, status, code, err.message);
  }
  request.log.error({ err }, 'unhandled error');
  return sendError(reply, 500, 'INTERNAL', 'Internal server error.');
}
