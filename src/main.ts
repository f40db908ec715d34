/**
 * config → open database (embedded or DATABASE_URL) → migrate → app → listen → clean shutdown.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './kernel/paths.js';
import { loadConfig } from './config.js';
import { buildApp, WEB_DIST } from './app.js';
import { acquireDataDirLock } from './kernel/db/embedded.js';
import { openConfiguredDatabase } from './kernel/db/open.js';

async function main() {
  const config = loadConfig();
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html')) && process.env.LANTAI_SKIP_WEB_BUILD !== '1') {
    console.log('Building the web app (first start)…');
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', WEB_DIST, '--emptyOutDir', '--logLevel', 'warn'], {
      stdio: 'inherit',
      cwd: PROJECT_ROOT,
    });
  }
  const releaseLock = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
  let database;
  try {
    database = await openConfiguredDatabase(config, (m) => {
      if (/FATAL|ERROR|PANIC/.test(m)) console.error(`[postgres] ${m}`);
    });
  } catch (e) {
    releaseLock();
    throw e;
  }
  const app = await buildApp({ db: database.db, config, database: { kind: database.kind, version: database.version }, auditKey: database.auditKey });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received, shutting down`);
    try {
      await app.close();
      await database.shutdown();
    } finally {
      releaseLock();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Lantai 兰台 is serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${database.kind} PostgreSQL ${database.version})`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
