// Bring a database up to date: schema migrations, then the built-in roles and capabilities.
import type { DatabaseHandle } from './client.ts';
import { migrate, type MigrationLevel } from './migrate.ts';
import { syncCatalog } from '../modules/access/access.repo.ts';
import { syncBuiltinCatalogs } from '../modules/reference/reference.service.ts';

export async function prepareDatabase(handle: DatabaseHandle): Promise<MigrationLevel> {
  const level = await migrate(handle.db, { kind: handle.kind });
  await handle.db.transaction(async (tx) => {
    await syncCatalog(tx);
    await syncBuiltinCatalogs(tx);
  });
  return level;
}
