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

/**
 * The answer to a file import: the report's errors (or EMPTY_FILE when the file has no data rows), and
 * the counts of what the import writes — zero unless every row is valid.
 */
export function fileImportResult(
  parsed: { headers: string[]; mapping: Record<string, string>; rows: readonly unknown[] },
  report: { ok: boolean; errors: ImportResultOut['errors'] },
  counts: { inserted: number; updated: number; unchanged: number },
  dryRun: boolean,
): ImportResultOut {
  const empty = parsed.rows.length === 0;
  const ok = report.ok && !empty;
  return {
    ok,
    dryRun,
    total: parsed.rows.length,
    inserted: ok ? counts.inserted : 0,
    updated: ok ? counts.updated : 0,
    unchanged: ok ? counts.unchanged : 0,
    errors:
      empty && report.errors.length === 0
        ? [
            {
              row: 0,
              column: '',
              code: 'EMPTY_FILE',
              message: 'the file has no data rows',
              messageZh: '文件中没有数据行',
            },
          ]
        : report.errors,
    headers: parsed.headers,
    mapping: parsed.mapping,
  };
}
