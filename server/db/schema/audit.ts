// The audit trail of every write to tenant data. A tenant table: distributed by consortium_id.
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { consortia } from './consortium.ts';
import { users } from './identity.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** kept so that the trail still reads after an actor's personal data is deleted */
    actorName: text('actor_name').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    /** personal fields masked before they are written */
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    index('audit_log_at').on(t.consortiumId, t.at),
    index('audit_log_entity').on(t.consortiumId, t.entity, t.entityId),
  ],
);
