import { defineConfig } from 'vitest/config';

// Two tiers: unit (pure logic) and integration (a real database: PGlite by default, PostgreSQL when
// CHANJIAO_TEST_PG_URL is set — see tests/run-pg.mjs). `npm test` runs both on PGlite.
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
    ],
  },
});
