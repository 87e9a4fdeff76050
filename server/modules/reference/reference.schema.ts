// Shapes of the reference-data API (shared with the web app).
import { z } from 'zod';
import { pageOf } from '../../lib/http.ts';

export const catalogKind = z.enum(['major', 'industry', 'occupation', 'region']);
export const catalogVersion = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[0-9A-Za-z._-]+$/, 'letters, digits, dot, underscore and hyphen');

export const catalogOut = z.object({
  id: z.uuid(),
  kind: catalogKind,
  version: z.string(),
  title: z.string(),
  source: z.string(),
  isCurrent: z.boolean(),
  updatedAt: z.iso.datetime(),
  levels: z.array(
    z.object({
      level: z.number().int(),
      nameZh: z.string(),
      nameEn: z.string(),
      loaded: z.number().int(),
      expected: z
        .number()
        .int()
        .nullable()
        .describe('size of the complete official table; null when unknown'),
      complete: z.boolean().nullable(),
    }),
  ),
  expectedSource: z.string(),
  expectedCertainty: z.enum(['V', 'P', 'M']).describe('V verified, P secondary source, M believed'),
});

export const catalogParams = z.object({ kind: catalogKind, version: catalogVersion });
export const entryParams = catalogParams.extend({ code: z.string().min(1).max(32) });

export const entryOut = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  parentCode: z.string().nullable(),
  educationLevel: z.enum(['secondary', 'higher', 'undergraduate']).nullable(),
  marks: z.array(z.string()),
  builtin: z.boolean(),
  certainty: z.enum(['V', 'P', 'M']).nullable(),
});

export const entryListQuery = z.object({
  q: z.string().trim().max(64).optional().describe('code prefix or part of the name'),
  level: z.coerce.number().int().min(1).max(5).optional(),
  parent: z.string().max(32).optional().describe('children of this code'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const entryPage = pageOf(entryOut);

export const crosswalkLink = z.object({
  targetKind: z.enum(['industry', 'occupation']),
  targetCatalogId: z.uuid(),
  targetCode: z.string(),
  targetName: z.string(),
});

export const entryDetailOut = z.object({
  catalog: catalogOut.pick({ id: true, kind: true, version: true, title: true }),
  entry: entryOut,
  ancestors: z.array(entryOut),
  children: z.number().int(),
  crosswalk: z.array(crosswalkLink),
});

export const crosswalkBody = z.object({
  industries: z.array(z.string().trim().min(1).max(8)).max(50).default([]),
  occupations: z.array(z.string().trim().min(1).max(16)).max(50).default([]),
});
