// GET /api/health — liveness, database kind and migration level. No authentication.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { migrationLevel } from '../../db/migrate.ts';

const healthOut = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({
    applied: z.number().int(),
    latest: z.string().nullable(),
    pending: z.number().int(),
  }),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export async function healthRoutes(app: FastifyInstance, opts: { version: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dbKind } = app.deps;
  r.get(
    '/health',
    { schema: { tags: ['health'], summary: 'Health and migration level', response: { 200: healthOut } } },
    async () => {
      let ok = true;
      try {
        await db.execute(sql`select 1`);
      } catch {
        ok = false;
      }
      const migrations = await migrationLevel(db);
      return {
        status: ok && migrations.pending === 0 ? ('ok' as const) : ('degraded' as const),
        database: dbKind,
        migrations,
        version: opts.version,
        uptimeSeconds: Math.round(process.uptime()),
      };
    },
  );
}
