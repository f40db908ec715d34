import { defineConfig } from 'vitest/config';

/**
 * Two projects, run and counted together by `npm test`: `server` (unit, service and route tests
 * against one PostgreSQL per run) and `web` (components and pure helpers in jsdom, web/vitest.config.ts).
 * `vitest run --project web` runs one of them.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          globalSetup: ['src/test/global-setup.ts'],
        },
      },
      'web/vitest.config.ts',
    ],
  },
});
