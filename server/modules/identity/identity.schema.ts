// Request and response shapes of the identity API (shared with the web app).
import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';

export const username = z
  .string()
  .trim()
  .min(3, 'at least 3 characters')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore and hyphen only');

export const loginBody = z.object({
  username: z.string().trim().min(1, 'required').max(64),
  password: z.string().min(1, 'required').max(128),
});

export const membershipOut = z.object({
  id: z.uuid(),
  consortiumId: z.uuid().nullable(),
  consortiumName: z.string().nullable(),
  memberUnitId: z.uuid().nullable(),
  memberUnitName: z.string().nullable(),
  memberUnitType: z.string().nullable(),
  roleCode: z.string(),
  roleNameZh: z.string(),
  roleNameEn: z.string(),
});

export const userOut = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable().describe('masked unless the viewer may see personal data'),
  email: z.string().nullable().describe('masked unless the viewer may see personal data'),
  status: z.enum(['active', 'disabled']),
  locale: z.enum(['zh-CN', 'en']),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const meOut = z.object({
  user: userOut,
  memberships: z.array(membershipOut),
  /** capabilities held at platform level, and per consortium */
  capabilities: z.object({
    platform: z.array(z.string()),
    byConsortium: z.record(z.string(), z.array(z.string())),
  }),
  csrfToken: z.string().describe('send as the X-CSRF-Token header on every write'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'required').max(128),
  newPassword: z.string().min(1, 'required').max(128),
});

export const updateMeBody = z.object({ locale: z.enum(['zh-CN', 'en']) });

export const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, 'a mainland mobile number: 11 digits starting with 1');

export const userListQuery = listQuery(['username', 'displayName', 'createdAt'], 'username').extend({
  q: z.string().trim().max(64).optional().describe('part of the username or name'),
  roleCode: z.string().max(32).optional(),
  memberUnitId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const userWithMemberships = userOut.extend({ memberships: z.array(membershipOut) });
export const userPage = pageOf(userWithMemberships);

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1, 'required').max(64),
  password: z.string().min(1, 'required').max(128),
  phone: phone.optional(),
  email: z.email('an e-mail address').optional(),
  roleCode: z.string().min(1).max(32),
  memberUnitId: z.uuid().optional(),
});

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1, 'required').max(64),
    phone: phone.nullable(),
    email: z.email('an e-mail address').nullable(),
    status: z.enum(['active', 'disabled']),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const resetPasswordBody = z.object({ newPassword: z.string().min(1, 'required').max(128) });

export const addMembershipBody = z.object({
  roleCode: z.string().min(1).max(32),
  memberUnitId: z.uuid().optional(),
});

export const consortiumParams = z.object({ consortiumId: z.uuid() });
export const userParams = consortiumParams.extend({ userId: z.uuid() });
export const membershipParams = userParams.extend({ membershipId: z.uuid() });
