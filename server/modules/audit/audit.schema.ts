import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';

export const auditListQuery = listQuery(['at'], '-at').extend({
  entity: z.string().max(64).optional().describe('entity kind, e.g. member_unit, user, consortium'),
  entityId: z.string().max(64).optional(),
  action: z.string().max(64).optional().describe('create, update, delete, …'),
  actorId: z.uuid().optional(),
  from: z.coerce.date().optional().describe('ISO date-time, inclusive'),
  to: z.coerce.date().optional().describe('ISO date-time, inclusive'),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export const auditPage = pageOf(auditEntry);
