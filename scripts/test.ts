/**
 * `npm test`: vitest (the root config's projects: `server` unit, service and route tests; `web` component
 * tests in jsdom), then the browser flows (e2e/run.ts), then
 * one closing line `N passed, N failed[, N skipped]` over both. Exits non-zero when anything failed
 * or either stage crashed.
 *
 *   LANTAI_SKIP_E2E=1   skip the browser flows
 *   DATABASE_URL=…      run both stages on that PostgreSQL server instead of an embedded one
 *                       (vitest makes its own databases there; the flows get a fresh one, dropped after)
 *
 * Arguments are passed to vitest (`npm test -- src/modules/orgs`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { withDatabaseName } from '../src/kernel/db/index.js';
import { appRoleName } from '../src/kernel/db/roles.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const E2E_RUNNER = path.join(ROOT, 'e2e', 'run.ts');
const E2E_SUMMARY = path.join(ROOT, 'e2e', 'artifacts', 'summary.json');
const WEB_INDEX = path.join(ROOT, 'web', 'dist', 'index.html');

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];
let current: ChildProcess | null = null;
const cleanups: (() => Promise<void>)[] = [];

const secs = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const banner = (s: string) => console.log(`\n━━ ${s} ━━`);

/** Run a command with inherited stdio; resolves with its exit code (signals become 128+n). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    current = child;
    child.on('error', (e) => {
      console.error(`could not start ${cmd}: ${e.message}`);
      current = null;
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1));
    });
  });
}

function problem(msg: string, failures = 1) {
  problems.push(msg);
  total.failed += failures;
  console.error(`✗ ${msg}`);
}

// ---------- stage 1: vitest ----------
interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

async function vitestStage(): Promise<void> {
  banner('vitest: unit, service and route tests; web component tests');
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-vitest-'));
  const out = path.join(tmp, 'results.json');
  try {
    const code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)]);
    if (!fs.existsSync(out)) {
      problem(`vitest crashed before writing its results (exit code ${code})`);
      return;
    }
    const r = JSON.parse(fs.readFileSync(out, 'utf8')) as VitestJson;
    // A file that fails to load or whose hooks throw has no failing test of its own: count it once.
    const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'));
    const tally: Tally = { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles.length, skipped: r.numPendingTests + r.numTodoTests };
    total.passed += tally.passed;
    total.failed += tally.failed;
    total.skipped += tally.skipped;
    for (const f of brokenFiles) problems.push(`${path.relative(ROOT, f.name)} failed outside its tests`);
    if (code !== 0 && tally.failed === 0) problem(`vitest exited with code ${code} although no test failed (unhandled error or teardown failure)`);
    console.log(`vitest: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped in ${secs(t0)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------- stage 2: browser flows ----------

async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function e2eStage(): Promise<void> {
  if (process.env.LANTAI_SKIP_E2E === '1') {
    banner('browser flows: skipped (LANTAI_SKIP_E2E=1)');
    return;
  }
  banner('browser flows: e2e/run.ts');
  const t0 = Date.now();
  if (!fs.existsSync(E2E_RUNNER)) {
    problem('e2e/run.ts does not exist: no browser flows to run');
    return;
  }
  if (!fs.existsSync(WEB_INDEX)) {
    console.log('web/dist/index.html is missing: building the web app first');
    const code = await run(bin('vite'), ['build', '--config', 'web/vite.config.ts']);
    if (code !== 0 || !fs.existsSync(WEB_INDEX)) {
      problem(`the web build failed (exit code ${code}); browser flows not run`);
      return;
    }
  }

  const env: NodeJS.ProcessEnv = { ...process.env };
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `lantai_e2e_${crypto.randomBytes(5).toString('hex')}`;
    try {
      await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE template0`);
    } catch (e) {
      problem(`could not create the e2e database on DATABASE_URL's server: ${(e as Error).message}`);
      return;
    }
    // DATA_DIR keeps the app role's password and the audit checkpoint key, with an external database too
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-e2e-'));
    let dropped = false;
    const drop = async () => {
      if (dropped) return;
      dropped = true;
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e: Error) => console.error(`could not drop ${name}: ${e.message}`));
      // the app role the server made for it (roles belong to the server, not the database)
      await adminQuery(serverUrl, `DROP ROLE IF EXISTS ${appRoleName(name)}`).catch((e: Error) => console.error(`could not drop its role: ${e.message}`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    cleanups.push(drop);
    env.DATA_DIR = dataDir;
    env.DATABASE_URL = withDatabaseName(serverUrl, name);
    console.log(`browser flows use the fresh database ${name}`);
  }

  fs.rmSync(E2E_SUMMARY, { force: true });
  const code = await run(bin('tsx'), [E2E_RUNNER], env);
  for (const c of cleanups.splice(0)) await c();

  let summary: { passed?: unknown; failed?: unknown } | null;
  try {
    summary = JSON.parse(fs.readFileSync(E2E_SUMMARY, 'utf8'));
  } catch {
    summary = null;
  }
  if (!summary || typeof summary.passed !== 'number' || typeof summary.failed !== 'number') {
    problem(`e2e/run.ts exited with code ${code} without a valid e2e/artifacts/summary.json`);
    return;
  }
  total.passed += summary.passed;
  total.failed += summary.failed;
  if (code !== 0 && summary.failed === 0) problem(`e2e/run.ts exited with code ${code} although no flow failed`);
  console.log(`browser flows: ${summary.passed} passed, ${summary.failed} failed in ${secs(t0)}`);
}

// ---------- main ----------
async function shutdown(signal: NodeJS.Signals) {
  console.error(`\n${signal}: stopping`);
  current?.kill(signal);
  for (const c of cleanups.splice(0)) await c();
  process.exit(128 + (os.constants.signals[signal] ?? 1));
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const t0 = Date.now();
try {
  await vitestStage();
  await e2eStage();
} catch (e) {
  problem(`the test runner itself failed: ${(e as Error).stack ?? e}`);
} finally {
  for (const c of cleanups.splice(0)) await c();
}

banner(`done in ${secs(t0)}${process.env.DATABASE_URL ? ' (DATABASE_URL)' : ' (embedded PostgreSQL)'}`);
for (const p of problems) console.log(`  ✗ ${p}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
