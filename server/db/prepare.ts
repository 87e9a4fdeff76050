// Bring a database up to date: schema migrations, then the built-in roles and capabilities.
import type { DatabaseHandle } from './client.ts';
import { migrate, type MigrationLevel } from './migrate.ts';
import { syncCatalog } from '../modules/access/access.repo.ts';

export async function prepareDatabase(handle: DatabaseHandle): Promise<MigrationLevel> {
  const level = await migrate(handle.db, { kind: handle.kind });
  await handle.db.transaction(async (tx) => syncCatalog(tx));
  return level;
}
