// Request and response shapes of consortia and member units (shared with the web app).
import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';

export const consortiumLevels = ['national', 'provincial', 'municipal'] as const;
export const consortiumStatuses = ['preparing', 'building', 'monitored', 'removed'] as const;
export const unitTypes = [
  'government',
  'park',
  'enterprise',
  'secondary_vocational',
  'higher_vocational',
  'vocational_undergraduate',
  'university',
  'research_institute',
  'industry_association',
  'training_institution',
] as const;
export const unitRoles = ['lead', 'council', 'member'] as const;

const regionCode = z.string().regex(/^\d{6}$/, 'a GB/T 2260 code: 6 digits');

export const consortiumOut = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  regionCode: z.string().nullable(),
  level: z.enum(consortiumLevels),
  status: z.enum(consortiumStatuses),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const consortiumListQuery = listQuery(['name', 'createdAt'], 'name').extend({
  q: z.string().trim().max(64).optional(),
});
export const consortiumPage = pageOf(consortiumOut);

export const createConsortiumBody = z.object({
  code: z
    .string()
    .trim()
    .min(2, 'at least 2 characters')
    .max(48, 'at most 48 characters')
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  name: z.string().trim().min(2, 'at least 2 characters').max(100, 'at most 100 characters'),
  nameEn: z.string().trim().max(200).optional(),
  regionCode: regionCode.optional(),
  level: z.enum(consortiumLevels),
});

export const updateConsortiumBody = z
  .object({
    name: z.string().trim().min(2, 'at least 2 characters').max(100, 'at most 100 characters'),
    nameEn: z.string().trim().max(200).nullable(),
    regionCode: regionCode.nullable(),
    level: z.enum(consortiumLevels),
    status: z.enum(consortiumStatuses),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const unitOut = z.object({
  id: z.uuid(),
  consortiumId: z.uuid(),
  name: z.string(),
  type: z.enum(unitTypes),
  role: z.enum(unitRoles),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const unitListQuery = listQuery(['name', 'type', 'createdAt'], 'name').extend({
  q: z.string().trim().max(64).optional().describe('part of the name (Chinese works)'),
  type: z.enum(unitTypes).optional(),
  role: z.enum(unitRoles).optional(),
});
export const unitPage = pageOf(unitOut);

export const createUnitBody = z.object({
  name: z.string().trim().min(2, 'at least 2 characters').max(100, 'at most 100 characters'),
  type: z.enum(unitTypes),
  role: z.enum(unitRoles).default('member'),
});
export const updateUnitBody = z
  .object({
    name: z.string().trim().min(2, 'at least 2 characters').max(100, 'at most 100 characters'),
    type: z.enum(unitTypes),
    role: z.enum(unitRoles),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const consortiumParams = z.object({ consortiumId: z.uuid() });
export const unitParams = consortiumParams.extend({ unitId: z.uuid() });

export const consortiumSummary = z.object({
  consortium: consortiumOut,
  unitsByType: z.array(z.object({ type: z.enum(unitTypes), count: z.number().int() })),
  users: z.number().int(),
});
