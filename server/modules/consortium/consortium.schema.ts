// Request and response shapes of consortia and member units (shared with the web app).
import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';
import { regionCode as regionCodeOf, uscc } from '../../lib/identifiers.ts';

import { consortiumLevels, consortiumStatuses, parkKinds, unitRoles, unitTypes } from './consortium.enums.ts';

export { consortiumLevels, consortiumStatuses, parkKinds, unitRoles, unitTypes };

const regionCode = z.string().regex(/^\d{6}$/, 'a GB/T 2260 code: 6 digits');
const isoDate = z.iso.date('a date YYYY-MM-DD');

export const consortiumOut = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  regionCode: z.string().nullable(),
  level: z.enum(consortiumLevels),
  status: z.enum(consortiumStatuses),
  batch: z.number().int().nullable(),
  batchYear: z.number().int().nullable(),
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
    /** when the status changes: the date it took effect (default today) and a note */
    statusSince: isoDate,
    statusNote: z.string().trim().max(500),
    batch: z.number().int().min(1).max(99).nullable(),
    batchYear: z.number().int().min(2020).max(2100).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
  .refine((v) => v.status !== undefined || (v.statusSince === undefined && v.statusNote === undefined), {
    message: 'statusSince and statusNote go with a status change',
    path: ['statusSince'],
  });

export const parkIn = z.object({
  name: z.string().trim().min(2, 'at least 2 characters').max(100),
  kind: z.enum(parkKinds),
  outputValue: z.number().min(0, 'not negative').max(1e9).nullable().default(null).describe('亿元'),
  outputYear: z.number().int().min(1990).max(2100).nullable().default(null),
});
export const parksBody = z
  .array(parkIn)
  .max(20)
  .superRefine((ps, ctx) =>
    ps.forEach((p, i) => {
      // reported against the field that is missing, so that a form can show it there
      if ((p.outputValue === null) !== (p.outputYear === null)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, p.outputValue === null ? 'outputValue' : 'outputYear'],
          message: 'an output value needs its year, and a year its value',
        });
      }
    }),
  );
export const parkOut = parkIn.extend({ id: z.uuid() });

export const industryIn = z.object({
  industryCode: z
    .string()
    .trim()
    .regex(/^([A-T]|\d{2,4})$/, 'a GB/T 4754 code'),
  chains: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
});
export const industriesBody = z
  .array(industryIn)
  .max(10)
  .superRefine((xs, ctx) =>
    xs.forEach((x, i) => {
      const first = xs.findIndex((y) => y.industryCode === x.industryCode);
      if (first < i) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'industryCode'],
          message: `an industry is listed twice (also in row ${first + 1})`,
        });
      }
    }),
  );
export const industryOut = industryIn.extend({ industryName: z.string().nullable() });

export const documentOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.iso.datetime(),
});

export const statusEntry = z.object({
  status: z.enum(consortiumStatuses),
  since: z.string(),
  note: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});

const count = z.number().int('a whole number').min(0, 'not negative').max(10_000_000);

/** Fields of a member unit any editor of the unit may set. */
const unitProfileFields = {
  name: z.string().trim().min(2, 'at least 2 characters').max(100, 'at most 100 characters'),
  uscc: uscc().nullable(),
  regionCode: regionCodeOf().nullable(),
  industryCode: z
    .string()
    .trim()
    .regex(/^([A-T]|\d{2,4})$/, 'a GB/T 4754 code: a letter A–T or 2–4 digits')
    .nullable(),
  employeeCount: count.nullable(),
  employeeCountAsOf: isoDate.nullable(),
  enrolment: count.nullable(),
  enrolmentAsOf: isoDate.nullable(),
};
/** Fields only the secretariat sets: what the unit is and its place in the consortium. */
const unitStandingFields = {
  type: z.enum(unitTypes),
  role: z.enum(unitRoles),
  joinedOn: isoDate.nullable(),
  leftOn: isoDate.nullable(),
};
export const standingFieldNames = Object.keys(unitStandingFields) as (keyof typeof unitStandingFields)[];

export const unitOut = z.object({
  id: z.uuid(),
  consortiumId: z.uuid(),
  name: z.string(),
  type: z.enum(unitTypes),
  role: z.enum(unitRoles),
  uscc: z.string().nullable(),
  regionCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  employeeCount: z.number().int().nullable(),
  employeeCountAsOf: z.string().nullable(),
  enrolment: z.number().int().nullable(),
  enrolmentAsOf: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const unitListQuery = listQuery(['name', 'type', 'createdAt'], 'name').extend({
  q: z.string().trim().max(64).optional().describe('part of the name (Chinese works)'),
  type: z.enum(unitTypes).optional(),
  role: z.enum(unitRoles).optional(),
  regionCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional()
    .describe('region code or its prefix (province: 2 digits)'),
  current: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: units that have not left'),
});
export const unitPage = pageOf(unitOut);

export const createUnitBody = z.object({
  ...z.object(unitProfileFields).partial().shape,
  ...z.object(unitStandingFields).partial().shape,
  name: unitProfileFields.name,
  type: unitStandingFields.type,
  role: unitStandingFields.role.default('member'),
});
export const updateUnitBody = z
  .object({ ...unitProfileFields, ...unitStandingFields })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const consortiumParams = z.object({ consortiumId: z.uuid() });
export const unitParams = consortiumParams.extend({ unitId: z.uuid() });

export const consortiumSummary = z.object({
  consortium: consortiumOut,
  statusHistory: z.array(statusEntry),
  parks: z.array(parkOut),
  industries: z.array(industryOut),
  leadUnits: z.array(unitOut),
  councilUnits: z.array(unitOut),
  charter: documentOut.nullable(),
  unitsByType: z.array(z.object({ type: z.enum(unitTypes), count: z.number().int() })),
  users: z.number().int(),
});
