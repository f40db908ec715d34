/**
 * One PostgreSQL per test run: the embedded server (default) or DATABASE_URL's server. A template
 * database is migrated once by the owner, who grants the run's app role (`<template>_app`, no
 * superuser, owns nothing) what the app gets in production; each test file clones it (CREATE
 * DATABASE … TEMPLATE, grants included) and the app connects as that role.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../kernel/db/embedded.js';
import { openDatabase, withDatabaseName } from '../kernel/db/index.js';
import { prepareDatabase } from '../kernel/db/prepare.js';
import { appRoleName, ensureAppRole } from '../kernel/db/roles.js';

let server: EmbeddedServer | null = null;
let tmpDir: string | null = null;
let adminUrl = '';
let template = '';
let appRole = '';

export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-test-'));
    server = await startEmbeddedPostgres(tmpDir);
    adminUrl = server.url('postgres');
  }
  template = `lantai_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  appRole = appRoleName(template);
  const appPassword = crypto.randomBytes(24).toString('base64url');
  const db = openDatabase(withDatabaseName(adminUrl, template), 'external', 2);
  await ensureAppRole(db.db, appRole, appPassword);
  await prepareDatabase(db.db, { appRole });
  await db.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgRunId', runId);
  project.provide('pgAppRole', appRole);
  project.provide('pgAppPassword', appPassword);

  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const dbs = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`lantai_%${runId}%`]);
    for (const { datname } of dbs.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    // roles belong to the server: drop the run's app role once its databases are gone
    await c.query(`DROP ROLE IF EXISTS "${appRole}"`).catch((e: Error) => console.warn(`could not drop the test app role ${appRole}: ${e.message}`));
    await c.end();
    if (server) await server.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgRunId: string;
    /** The app's restricted role and its password (each test file's app connects as it). */
    pgAppRole: string;
    pgAppPassword: string;
  }
}
