// Other features' reactions to a change of member units (an edit or an import), run inside the same
// transaction: internships re-evaluate their ratio caps when a host's employee count changes.
import type { Queryable } from '../../db/client.ts';

type Listener = (tx: Queryable, consortiumId: string, unitIds: string[]) => Promise<void>;
const listeners: Listener[] = [];

export function onUnitsChanged(listener: Listener): void {
  listeners.push(listener);
}

export async function unitsChanged(tx: Queryable, consortiumId: string, unitIds: string[]): Promise<void> {
  if (unitIds.length === 0) return;
  for (const l of listeners) await l(tx, consortiumId, unitIds);
}
