// The join condition between two tenant tables: same consortium, and the foreign key pointing at the
// target's id — `tenantJoin(candidates, internshipPlacements.candidateId)`.
import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

type TenantTable = { consortiumId: AnyPgColumn; id: AnyPgColumn };
type ForeignKey = AnyPgColumn & { table: unknown };

/** `target.consortium_id = <fk's table>.consortium_id and target.id = fk` */
export function tenantJoin(target: TenantTable, fk: ForeignKey, fkConsortium: AnyPgColumn): SQL {
  return and(eq(target.consortiumId, fkConsortium), eq(target.id, fk))!;
}
