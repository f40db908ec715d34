/**
 * Browser flows against a real server: `npx tsx e2e/run.ts`.
 *
 * Starts `npx tsx src/main.ts` on a free port with a fresh DATA_DIR (embedded PostgreSQL), or on
 * DATABASE_URL when set (the caller supplies a fresh database), waits for /api/health, drives
 * Debian's chromium through playwright-core, runs every `e2e/flows/*.flow.ts` in name order
 * (they share one server and hand state on), prints `✓ name` / `✗ name: error` per flow, writes
 * e2e/artifacts/summary.json, stops the server with SIGTERM and exits 1 if any flow failed.
 *
 *   E2E_ONLY=lockout      run only flows whose file name or title contains this text (comma-separated: any of them,
 *                         e.g. E2E_ONLY=01-setup,14-)
 *   E2E_KEEP_DATA=1       keep the temporary data directory
 *   E2E_HEADFUL=1         show the browser (needs a display)
 *   E2E_FLOW_TIMEOUT=ms   limit per flow (default 120000, or the flow's own `timeout`)
 *   E2E_ARTIFACTS=dir     screenshots, logs and summary.json there instead of e2e/artifacts
 *   LANTAI_WEB_DIST=dir   serve (and, if missing, build) the web app there instead of web/dist
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ARTIFACTS_DIR, type Flow, type FlowContext, type SharedState } from './lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = ARTIFACTS_DIR;
const WEB_DIST = process.env.LANTAI_WEB_DIST ? path.resolve(process.env.LANTAI_WEB_DIST) : path.join(ROOT, 'web', 'dist');
const FLOWS_DIR = path.join(ROOT, 'e2e', 'flows');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLOW_TIMEOUT = process.env.E2E_FLOW_TIMEOUT ? Number(process.env.E2E_FLOW_TIMEOUT) : null;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 400);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The server under test
// ---------------------------------------------------------------------------------------------

interface Server {
  child: ChildProcess;
  baseUrl: string;
  logFile: string;
  dataDir: string | null;
  exited: Promise<void>;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const dataDir = process.env.DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-e2e-'));
  const logFile = path.join(ARTIFACTS, 'server.log');
  const log = fs.openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LANTAI_SKIP_WEB_BUILD: '1',
  };
  if (dataDir) env.DATA_DIR = dataDir;
  // Its own process group, so SIGTERM reaches npx, tsx and the server alike.
  const child = spawn('npx', ['tsx', 'src/main.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', log, log] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: Server = { child, baseUrl, logFile, dataDir, exited };

  const t0 = Date.now();
  let done = false;
  void exited.then(() => (done = true));
  while (Date.now() - t0 < 180_000) {
    if (done) throw new Error(`the server exited before it was ready; see ${path.relative(ROOT, logFile)}:\n${tail(logFile)}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) return server;
    } catch {
      /* not listening yet */
    }
    await sleep(500);
  }
  await stopServer(server);
  throw new Error(`the server did not answer /api/health within 180 s; see ${path.relative(ROOT, logFile)}:\n${tail(logFile)}`);
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the server's process group; waits until every process of it has exited. */
async function stopServer(s: Server): Promise<void> {
  const pgid = s.child.pid;
  if (!pgid) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const t0 = Date.now();
  while (groupAlive(pgid) && Date.now() - t0 < 30_000) await sleep(200);
  if (groupAlive(pgid)) {
    console.error('the server did not stop within 30 s of SIGTERM: killing it');
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  await Promise.race([s.exited, sleep(2_000)]);
  if (s.dataDir && process.env.E2E_KEEP_DATA !== '1') fs.rmSync(s.dataDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------------------------

async function loadFlows(): Promise<{ file: string; flow: Flow }[]> {
  const only = (process.env.E2E_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const files = fs
    .readdirSync(FLOWS_DIR)
    .filter((f) => f.endsWith('.flow.ts'))
    .sort();
  const out: { file: string; flow: Flow }[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(FLOWS_DIR, file)).href)) as Partial<Flow>;
    if (typeof mod.name !== 'string' || typeof mod.run !== 'function') throw new Error(`${file} must export name and run`);
    const flow: Flow = { name: mod.name, run: mod.run, timeout: mod.timeout };
    if (only.length && !only.some((o) => file.includes(o) || flow.name.includes(o))) continue;
    out.push({ file, flow });
  }
  return out;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)))]).finally(
    () => clearTimeout(timer),
  );
}

async function runFlows(
  browser: Browser,
  baseUrl: string,
): Promise<{ passed: number; failed: number; results: { name: string; ok: boolean; error?: string; ms: number }[] }> {
  const flows = await loadFlows();
  const state: SharedState = {
    admin: { username: 'admin', password: 'Lantai#Admin2025', role: 'admin', displayName: '系统管理员' },
    accounts: [],
    importedUnits: [],
  };
  const results: { name: string; ok: boolean; error?: string; ms: number }[] = [];
  for (const { file, flow } of flows) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const lines: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') lines.push(`[console.error] ${m.text()}`);
    });
    page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
    const ctx: FlowContext = { browser, context, page, baseUrl, state, log: (m) => lines.push(m) };
    const t0 = Date.now();
    try {
      await withTimeout(flow.run(ctx), FLOW_TIMEOUT ?? flow.timeout ?? 120_000, flow.name);
      results.push({ name: flow.name, ok: true, ms: Date.now() - t0 });
      console.log(`✓ ${flow.name}`);
    } catch (e) {
      const base = path.join(ARTIFACTS, file.replace(/\.flow\.ts$/, ''));
      await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
      fs.writeFileSync(`${base}.log`, [`${flow.name}`, `url: ${page.url()}`, e instanceof Error ? (e.stack ?? e.message) : String(e), ...lines].join('\n'));
      results.push({ name: flow.name, ok: false, error: errText(e), ms: Date.now() - t0 });
      console.log(`✗ ${flow.name}: ${errText(e)}`);
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, results };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of fs.readdirSync(ARTIFACTS)) fs.rmSync(path.join(ARTIFACTS, f), { recursive: true, force: true });
  const summaryFile = path.join(ARTIFACTS, 'summary.json');
  const writeSummary = (s: object) => fs.writeFileSync(summaryFile, JSON.stringify(s, null, 2) + '\n');

  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    console.log(`${WEB_DIST} is missing: building the web app`);
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', WEB_DIST, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }

  let server: Server | null = null;
  let browser: Browser | null = null;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    browser = null;
    if (server) await stopServer(server);
    server = null;
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: stopping the server`);
      void stop().finally(() => process.exit(130));
    });
  }

  try {
    const t0 = Date.now();
    server = await startServer();
    console.log(
      `server ready at ${server.baseUrl} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'})`,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: process.env.E2E_HEADFUL !== '1',
      args: [
        ...(process.env.E2E_HEADFUL === '1' ? [] : ['--headless']),
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    const r = await runFlows(browser, server.baseUrl);
    writeSummary({ passed: r.passed, failed: r.failed, flows: r.results });
    console.log(`${r.passed} passed, ${r.failed} failed`);
    return r.failed > 0 ? 1 : 0;
  } catch (e) {
    console.log(`✗ e2e run: ${e instanceof Error ? e.message : String(e)}`);
    writeSummary({ passed: 0, failed: 1, error: errText(e) });
    console.log('0 passed, 1 failed');
    return 1;
  } finally {
    await stop();
  }
}

process.exitCode = await main();
