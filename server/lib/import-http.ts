// The HTTP side of Excel imports and exports, shared by every list that has them: the query of an
// upload, the report it answers, and sending a file back.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from './errors.ts';

export const fileFormat = z.enum(['xlsx', 'csv']);

/** Query of `POST …/import`: the file is the request body. */
export const importQuery = z.object({
  format: fileFormat,
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: validate and report, write nothing'),
  fileName: z.string().max(255).optional(),
  mapping: z
    .string()
    .max(4000)
    .optional()
    .describe('JSON object: header in the file → field key (the wizard’s column-mapping step)'),
});

export const rowError = z.object({
  row: z.number().int().describe('1-based row in the file; 0 for the whole file'),
  column: z.string().describe('the header of the column, as in the file'),
  code: z.string(),
  message: z.string(),
  messageZh: z.string().optional(),
});

export const importResultOut = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  total: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(rowError),
  headers: z.array(z.string()).describe('the headers found in the file'),
  mapping: z.record(z.string(), z.string()).describe('how the headers were mapped to fields'),
});
export type ImportResultOut = z.infer<typeof importResultOut>;

export function parseMapping(raw: string | undefined): Record<string, string> | undefined {
  if (raw === undefined || raw === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = null;
  }
  const parsed = z.record(z.string(), z.string()).safeParse(value);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'mapping: a JSON object of header → field', {
      issues: [
        { path: 'querystring.mapping', code: 'invalid_json', message: 'a JSON object of header → field' },
      ],
    });
  }
  return parsed.data;
}

export function uploadedFile(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Send the file as the request body (Content-Type of xlsx or text/csv).',
      {
        issues: [{ path: 'body', code: 'EMPTY_FILE', message: 'no file in the request body' }],
      },
    );
  }
  return body;
}

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function sendFile(reply: FastifyReply, content: Buffer, fileName: string, format: 'xlsx' | 'csv') {
  return reply
    .header('Content-Type', contentTypes[format])
    .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(content);
}
