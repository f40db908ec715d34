/**
 * `npm run bench`: does Lantai meet issue 12 §1's performance targets (and issue 14's: the case and
 * licensing lists, figures over the province's subtree)? One line per target (name, goal, measured,
 * ratio, PASS/FAIL), a JSON file in bench/results/, exit 0 whatever the verdicts (it is a
 * measurement), 1 only when the bench itself breaks.
 *
 * 1. A fresh database: an embedded PostgreSQL in a temp dir, or (with DATABASE_URL) a fresh
 *    database on that server, dropped afterwards.
 * 2. The app in-process (buildApp, the logger as shipped: pino at info, every request logged, to a
 *    /dev/null stream) on a free loopback port.
 * 3. Dataset: BENCH_ORGS bureaus (the province through POST /api/setup, 9 cities and counties
 *    through POST /api/orgs), one admin each; BENCH_UNITS_PER_ORG units per org; 10,000 open
 *    disclosure applications in the bench bureau (杭州市档案局) with their reply clocks as rows
 *    written by SQL alone, and BENCH_APPLICATIONS − 10,000 answered ones spread over the tree;
 *    200 inspections in the bench bureau from a draw; BENCH_DRAW_CANDIDATES units in a draw
 *    bureau; in the bench bureau (for http and figures) BENCH_CASES penalty cases filed over the last
 *    year (mostly closed with a penalty or none, some under investigation) and BENCH_LICENSING
 *    licensing applications over its two catalogue items (created through the API; mostly decided
 *    and published, some submitted or under review, with the clock rows of the open ones and their
 *    snapshots, as the list joins them — they show on the bench bureau's dashboard too). Large tables
 *    set-based (INSERT … SELECT FROM unnest / generate_series).
 * 4. Parts (BENCH_ONLY=a,b… runs some):
 *    - dashboard: a warm GET /api/dashboard's latency with 10,000 open clocks (< 100 ms);
 *    - http: units list, search and detail, disclosure applications list and detail, inspections
 *      list and detail, the dashboard (paged, and by state), penalty cases list and detail (a closed
 *      case with a fine), licensing applications list and detail (one under review), each against a
 *      bare fastify route on the same pool replaying the statements captured from the app's handler
 *      in order with the same parameters — without a session lookup, and with one SELECT of the
 *      session joined to its user by the token hash. autocannon in a child process,
 *      BENCH_CONNECTIONS connections; app / bare / bare+session interleaved, BENCH_REPEATS times,
 *      each run on an idle pool (the requests the previous run left in flight answered first);
 *      median and min req/s, median p99; one request alone and its statements replayed alone are
 *      logged. Targets: ≥ 0.6 × bare+session req/s, p99 ≤ 1.5 × bare+session's (both FAIL when a
 *      variant answered nothing);
 *    - tables: annual-report tables for one bureau, and with includeChildren=true for the whole
 *      tree (< 2 s, ≤ 1.5 × one hand-written SQL aggregate over the same rows), or "not supported";
 *    - figures: GET /api/figures for this year with includeChildren=true as the province's admin over
 *      the whole tree (every module's figures: the disclosure applications, cases, licensing
 *      applications, inspections), the median of BENCH_FIGURE_SAMPLES warm requests (< 1 s); with one
 *      request's SQL timed statement by statement (SQL vs the rest), and the bench bureau alone (INFO);
 *    - draw: freeze + execute (+ the server's verification) + GET detail over the draw bureau's
 *      candidates (< 2 s), the longest event-loop block (perf_hooks.monitorEventLoopDelay, ≤ 100 ms);
 *    - generate: inspections from that (published) draw, k = min(5,000, candidates) (< 5 s), SQL
 *      statements counted;
 *    - import: a 14,629-row units .xlsx through POST /api/units/import (checked and written at once);
 *    - start: `node scripts/start.mjs` (npm start) on an existing data dir until GET /api/health
 *      answers 200, three times, median (< 2 s).
 *    The load average (os.loadavg) is printed before, after each part and at the end.
 *
 *   BENCH_SECONDS=10          seconds per load measurement (warm-up: min(3, this))
 *   BENCH_CONNECTIONS=50      autocannon connections
 *   BENCH_REPEATS=3           interleaved repeats of app / bare / bare+session
 *   BENCH_ORGS=100            bureaus in the tree (the subtree of the includeChildren tables)
 *   BENCH_UNITS_PER_ORG=5000  units per bureau (not the draw bureau)
 *   BENCH_APPLICATIONS=1000000  disclosure applications in all (10,000 of them open)
 *   BENCH_DRAW_CANDIDATES=100000  units in the draw bureau (all active: the draw's candidates)
 *   BENCH_CASES=100000        penalty cases in the bench bureau (http and figures)
 *   BENCH_LICENSING=100000    licensing applications in the bench bureau (http and figures)
 *   BENCH_FIGURE_SAMPLES=5    warm requests timed in the figures part
 *   BENCH_KEEP_DB=1           with DATABASE_URL: keep the bench database (to EXPLAIN its queries afterwards)
 *   BENCH_ONLY=http,dashboard,tables,figures,draw,generate,import,start   (default: all; generate runs the draw too)
 *   BENCH_ENDPOINTS='inspection detail,units list'   (http part: only these endpoints; default all)
 *
 * Quick run: BENCH_SECONDS=2 BENCH_REPEATS=1 BENCH_UNITS_PER_ORG=500 BENCH_APPLICATIONS=20000 BENCH_DRAW_CANDIDATES=5000 BENCH_ORGS=10
 *   BENCH_CASES=10000 BENCH_LICENSING=10000
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { freePort } from '../src/kernel/db/embedded.js';
import { withDatabaseName } from '../src/kernel/db/index.js';
import { openConfiguredDatabase, type OpenedDatabase } from '../src/kernel/db/open.js';
import { appRoleName } from '../src/kernel/db/roles.js';
import { hashPassword } from '../src/kernel/auth/password.js';
import { addDays } from '../src/kernel/calendar/calendar.js';
import { todayInChina } from '../src/kernel/calendar/store.js';
import { storeClockSnapshots } from '../src/kernel/calendar/clocks.js';
import { loadWorkCalendar } from '../src/kernel/calendar/store.js';
import {
  CITIES,
  createLicensingItems,
  createOrgTree,
  insertApplications,
  insertCases,
  insertLicensing,
  insertUnits,
  makeUnits,
  prepareInspections,
  type BenchOrg,
} from './data.js';
import { Client, cleanup, fmtLoad, isCleaning, loadavg, log, mib, onCleanup, secs, signIn } from './lib.js';
import {
  dashboardPart,
  drawFailed,
  drawPart,
  figuresPart,
  generatePart,
  httpPart,
  importPart,
  isApiError,
  startPart,
  tablesPart,
  targets,
  type Endpoint,
  type Target,
} from './parts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const num = (name: string, dflt: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}=${v}: not a number`);
  return n;
};
const SECONDS = num('BENCH_SECONDS', 10);
const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
const REPEATS = Math.max(1, num('BENCH_REPEATS', 3));
const ORGS = Math.max(3, num('BENCH_ORGS', 100));
const UNITS_PER_ORG = num('BENCH_UNITS_PER_ORG', 5000);
const APPLICATIONS = num('BENCH_APPLICATIONS', 1_000_000);
const DRAW_CANDIDATES = Math.max(1, num('BENCH_DRAW_CANDIDATES', 100_000));
const CASES = num('BENCH_CASES', 100_000);
const LICENSING = num('BENCH_LICENSING', 100_000);
const FIGURE_SAMPLES = Math.max(1, num('BENCH_FIGURE_SAMPLES', 5));
const WARMUP_SECONDS = Math.min(3, SECONDS);
const OPEN_CLOCKS = 10_000;
const GENERATE_K = 5000;
const IMPORT_ROWS = 14_629;
const BENCH_BUREAU_INSPECTIONS = 200;
const PASSWORD = 'Bench-Pass-2024!';
const PARTS = ['http', 'dashboard', 'tables', 'figures', 'draw', 'generate', 'import', 'start'] as const;
type Part = (typeof PARTS)[number];
const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const p of only) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`BENCH_ONLY: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
const wanted = new Set<Part>(only.length ? (only as Part[]) : PARTS);
if (wanted.has('generate')) wanted.add('draw'); // inspections are generated from the draw

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<boolean> {
  const t0 = Date.now();
  const load: Record<string, number[]> = { before: loadavg() };
  log(
    `Lantai bench (issue 12 §1, issue 14): parts ${[...wanted].join(', ')}; ${ORGS} bureaus × ${UNITS_PER_ORG} units, ${APPLICATIONS.toLocaleString('en')} applications, ` +
      `${CASES.toLocaleString('en')} cases, ${LICENSING.toLocaleString('en')} licensing applications, ` +
      `${DRAW_CANDIDATES.toLocaleString('en')} draw candidates; ${CONNECTIONS} connections, ${SECONDS} s × ${REPEATS} per variant`,
  );
  log(`${os.cpus().length} CPUs, Node ${process.version}; load average before: ${fmtLoad(load.before!)} (1 / 5 / 15 min)`);
  let broken = false;
  const results: Record<string, unknown> = {};
  const errors: { part: string; error: string }[] = [];

  // ---- database ----
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-bench-')),
    cookieSecure: false,
    trustProxy: [],
    logLevel: 'info',
    uploadLimitBytes: 10 * 1024 * 1024,
    xlsx: {},
  };
  onCleanup('remove temp data dir', () => fs.rmSync(config.dataDir, { recursive: true, force: true }));
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `lantai_bench_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    await admin.end();
    if (process.env.BENCH_KEEP_DB) log(`database ${name} is kept (BENCH_KEEP_DB)`);
    else
      onCleanup(`drop ${name}`, async () => {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${appRoleName(name)}`); // the app role made for it (roles are per server)
        await c.end();
      });
    config.databaseUrl = withDatabaseName(serverUrl, name);
    log(`database: fresh ${name} on DATABASE_URL's server`);
  } else {
    log(`database: embedded PostgreSQL in ${config.dataDir}`);
  }
  const tDb = Date.now();
  const database: OpenedDatabase = await openConfiguredDatabase(config, (m) => {
    if (!isCleaning() && /FATAL|PANIC/.test(m)) console.error(`[postgres] ${m}`);
  });
  onCleanup('close database', () => database.shutdown());
  const pool = database.pool;
  log(`  PostgreSQL ${database.version} (${database.kind}) ready and migrated in ${secs(Date.now() - tDb)}`);

  // ---- the app, logging as shipped ----
  const devNull = fs.openSync('/dev/null', 'w');
  onCleanup('close /dev/null', () => fs.closeSync(devNull));
  let logLines = 0;
  const app = await buildApp({
    db: database.db,
    config,
    database: { kind: database.kind, version: database.version },
    auditKey: database.auditKey,
    serveWeb: false,
    logStream: {
      write(line: string) {
        logLines++;
        fs.writeSync(devNull, line);
      },
    },
  });
  onCleanup('close app', () => app.close());
  const appPort = await freePort();
  await app.listen({ port: appPort, host: '127.0.0.1' });
  const appBase = `http://127.0.0.1:${appPort}`;

  // ---- dataset ----
  const tGen = Date.now();
  const today = todayInChina(new Date());
  const year = Number(today.slice(0, 4));
  const plannedDate = addDays(today, 7);
  const root = new Client(appBase);
  const setup = await root.ok<{ org: { id: string } }>('POST', '/api/setup', {
    org: { name: '浙江省档案局', level: 'province', regionCode: '330000' },
    admin: { username: 'admin', password: PASSWORD, displayName: '省局管理员' },
    demo: false,
  });
  await root.ok('POST', '/api/auth/login', { username: 'admin', password: PASSWORD });
  const rootOrg: BenchOrg = {
    id: setup.org.id,
    name: '浙江省档案局',
    city: { name: '杭州市', region: '330000', districts: CITIES.flatMap((c) => c.districts.slice(0, 2)) },
    admin: 'admin',
    level: 'province',
  };
  const orgs = await createOrgTree(root, rootOrg, ORGS, pool, await hashPassword(PASSWORD), (username) => signIn(appBase, username, PASSWORD));
  const benchOrg = orgs[1]!; // 杭州市档案局
  const drawOrg = orgs[orgs.length - 1]!;
  const rootPath = (await pool.query<{ path: string }>('SELECT path FROM orgs WHERE id = $1', [rootOrg.id])).rows[0]!.path;
  log(`dataset (${today}):`);
  log(`  ${orgs.length} bureaus; bench bureau ${benchOrg.name}, draw bureau ${drawOrg.name}`);

  const needApps = wanted.has('http') || wanted.has('dashboard') || wanted.has('tables') || wanted.has('figures');
  if (wanted.has('http') || wanted.has('import')) {
    const t = Date.now();
    for (const [i, o] of orgs.entries()) if (o !== drawOrg) await insertUnits(pool, o.id, makeUnits(i, o.city, UNITS_PER_ORG));
    log(`  units: ${UNITS_PER_ORG} in each of ${orgs.length - 1} bureaus in ${secs(Date.now() - t)}`);
  }
  if (wanted.has('draw')) {
    const t = Date.now();
    await insertUnits(pool, drawOrg.id, makeUnits(9999, drawOrg.city, DRAW_CANDIDATES, true));
    log(`  draw bureau: ${DRAW_CANDIDATES.toLocaleString('en')} active units in ${secs(Date.now() - t)}`);
  }
  if (needApps) {
    const t = Date.now();
    const decided = Math.max(0, APPLICATIONS - OPEN_CLOCKS);
    await insertApplications(pool, { openOrg: benchOrg.id, open: OPEN_CLOCKS, orgIds: orgs.map((o) => o.id), decided, today });
    log(
      `  applications: ${OPEN_CLOCKS.toLocaleString('en')} open (with reply clocks) in the bench bureau, ${decided.toLocaleString('en')} answered over ${orgs.length} bureaus in ${secs(Date.now() - t)}`,
    );
  }
  const bureau = await signIn(appBase, benchOrg.admin, PASSWORD);
  let benchInspection: string | null = null;
  let benchInspectionsError: string | null = null;
  if (wanted.has('http')) {
    // Inspections for the list and detail pages: a small draw in the bench bureau, published, generated.
    try {
      const { planId } = await prepareInspections(bureau, 'ZJHZ', Number(plannedDate.slice(0, 4)));
      const d = await bureau.ok<{ id: string }>('POST', `/api/inspections/plans/${planId}/draws`, { plannedDate, k: BENCH_BUREAU_INSPECTIONS, teamSize: 2 });
      await bureau.ok('POST', `/api/inspections/draws/${d.id}/execute`, { entropySource: 'server' });
      await bureau.ok('POST', `/api/inspections/draws/${d.id}/publish`);
      const made = await bureau.ok<{ items: { id: string }[] }>('POST', `/api/inspections/draws/${d.id}/inspections`);
      benchInspection = made.items[0]?.id ?? null;
      log(`  inspections: ${made.items.length} in the bench bureau (from a draw)`);
    } catch (e) {
      if (!isApiError(e)) throw e;
      benchInspectionsError = (e as Error).message;
      log(`  ⚠ inspections for the bench bureau failed: ${benchInspectionsError}`);
    }
  }
  let licensingError: string | null = null;
  if (wanted.has('http') || wanted.has('figures')) {
    // Penalty cases and licensing applications in the bench bureau (after the inspectors: a case's officers are two of them).
    const admin = (await pool.query<{ id: string; name: string }>('SELECT id, display_name AS name FROM users WHERE username = $1', [benchOrg.admin])).rows[0]!;
    const prefix = benchOrg.city.name.slice(0, 1);
    let t = Date.now();
    await insertCases(pool, { orgId: benchOrg.id, count: CASES, today, prefix, city: benchOrg.city.name, actor: admin });
    log(`  penalty cases: ${CASES.toLocaleString('en')} in the bench bureau in ${secs(Date.now() - t)}`);
    t = Date.now();
    try {
      const items = await createLicensingItems(bureau, benchOrg.name);
      const ctx = { db: database.db, actor: null, now: () => new Date() };
      const { open } = await insertLicensing(
        pool,
        { orgId: benchOrg.id, count: LICENSING, today, prefix, city: benchOrg.city.name.replace(/市$/, ''), items, actorId: admin.id },
        async (rows) => storeClockSnapshots(ctx, await loadWorkCalendar(database.db), today, rows),
      );
      log(
        `  licensing applications: ${LICENSING.toLocaleString('en')} in the bench bureau over ${items.length} items (${open.toLocaleString('en')} open, with clocks) in ${secs(Date.now() - t)}`,
      );
    } catch (e) {
      if (!isApiError(e)) throw e;
      licensingError = (e as Error).message;
      log(`  ⚠ licensing items for the bench bureau failed: ${licensingError}`);
    }
  }
  // statistics for the bulk-loaded tables (as the owner: the app role may not ANALYZE them)
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  await owner.query('ANALYZE');
  await owner.end();
  const counts = (
    await pool.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM orgs) orgs, (SELECT count(*) FROM users) users, (SELECT count(*) FROM units) units,
              (SELECT count(*) FROM disclosure_applications) applications, (SELECT count(*) FROM clocks WHERE closed_at IS NULL) open_clocks,
              (SELECT count(*) FROM inspections) inspections, (SELECT count(*) FROM enforcement_cases) cases,
              (SELECT count(*) FROM licensing_applications) licensing_applications`,
    )
  ).rows[0]!;
  const genMs = Date.now() - tGen;
  log(
    `  ${Object.entries(counts)
      .map(([k, v]) => `${Number(v).toLocaleString('en')} ${k.replaceAll('_', ' ')}`)
      .join(', ')}; built in ${secs(genMs)}`,
  );
  load.afterDataset = loadavg();
  log(`  load average: ${fmtLoad(load.afterDataset)}`);

  // ---- parts ----
  const run = async (part: Part, fn: () => Promise<unknown>) => {
    if (!wanted.has(part)) return;
    log(`\n[${part}]`);
    const t = Date.now();
    try {
      results[part] = await fn();
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      errors.push({ part, error: msg });
      results[part] = { error: msg };
      if (!isApiError(e)) {
        broken = true;
        console.error(e instanceof Error ? (e.stack ?? msg) : msg);
      } else log(`  ✗ the app answered an error: ${msg}`);
    }
    load[part] = loadavg();
    log(`  (${secs(Date.now() - t)}; load average ${fmtLoad(load[part]!)})`);
  };

  await run('dashboard', () => dashboardPart({ client: bureau, pool, orgId: benchOrg.id, samples: 15 }));

  await run('http', async () => {
    const unitId = (
      await pool.query<{ id: string }>(`SELECT id FROM units WHERE org_id = $1 AND status = 'active' ORDER BY name LIMIT 1 OFFSET 7`, [benchOrg.id])
    ).rows[0]?.id;
    const appId = (
      await pool.query<{ id: string }>(`SELECT id FROM disclosure_applications WHERE org_id = $1 AND decided_on IS NULL ORDER BY received_on, id LIMIT 1`, [
        benchOrg.id,
      ])
    ).rows[0]?.id;
    const caseId = (
      await pool.query<{ id: string }>(
        `SELECT id FROM enforcement_cases WHERE org_id = $1 AND status = 'closed' AND heaviest_penalty = 'fine' ORDER BY filed_on DESC, id LIMIT 1`,
        [benchOrg.id],
      )
    ).rows[0]?.id;
    const licensingId = (
      await pool.query<{ id: string }>(
        `SELECT id FROM licensing_applications WHERE org_id = $1 AND status = 'reviewing' ORDER BY received_on DESC, id LIMIT 1`,
        [benchOrg.id],
      )
    ).rows[0]?.id;
    const none = '00000000-0000-4000-8000-000000000000';
    const endpoints: Endpoint[] = [
      { name: 'units list', path: '/api/units?page=1&pageSize=20' },
      { name: 'units search', path: `/api/units?page=1&pageSize=20&q=${encodeURIComponent('科技')}` },
      { name: 'unit detail', path: `/api/units/${unitId ?? 'none'}` },
      { name: 'applications list', path: '/api/disclosure/applications?page=1&pageSize=20' },
      { name: 'application detail', path: `/api/disclosure/applications/${appId ?? 'none'}` },
      { name: 'inspections list', path: '/api/inspections?page=1&pageSize=20' },
      { name: 'inspection detail', path: `/api/inspections/${benchInspection ?? '00000000-0000-4000-8000-000000000000'}` },
      { name: 'dashboard', path: '/api/dashboard?page=1&pageSize=20' },
      { name: 'dashboard by state', path: '/api/dashboard?page=1&pageSize=20&state=overdue' },
      { name: 'cases list', path: '/api/enforcement/cases?page=1&pageSize=20' },
      { name: 'case detail', path: `/api/enforcement/cases/${caseId ?? none}` },
      { name: 'licensing list', path: '/api/licensing/applications?page=1&pageSize=20' },
      { name: 'licensing detail', path: `/api/licensing/applications/${licensingId ?? none}` },
    ];
    const pick = (process.env.BENCH_ENDPOINTS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const p of pick)
      if (!endpoints.some((e) => e.name === p)) throw new Error(`BENCH_ENDPOINTS: unknown endpoint "${p}" (${endpoints.map((e) => e.name).join(', ')})`);
    const chosen = pick.length ? endpoints.filter((e) => pick.includes(e.name)) : endpoints;
    log(`  signed in as ${benchOrg.admin} (${benchOrg.name}); ${SECONDS} s per run, warm-up ${WARMUP_SECONDS} s, ${REPEATS} repeat(s)`);
    if (benchInspectionsError) log(`  (no inspections in the bench bureau: ${benchInspectionsError})`);
    if (licensingError) log(`  (no licensing applications in the bench bureau: ${licensingError})`);
    return httpPart({
      appBase,
      client: bureau,
      pool,
      endpoints: chosen,
      seconds: SECONDS,
      warmup: WARMUP_SECONDS,
      repeats: REPEATS,
      connections: CONNECTIONS,
      onCleanup,
    });
  });

  await run('tables', async () => {
    const province = await signIn(appBase, 'admin', PASSWORD);
    return tablesPart({ bureau, province, pool, year, rootPath, bureauId: benchOrg.id, samples: 3 });
  });

  await run('figures', async () => {
    const province = await signIn(appBase, 'admin', PASSWORD);
    return figuresPart({ province, bureau, pool, year, rootPath, samples: FIGURE_SAMPLES });
  });

  let drawId: string | null = null;
  let drawError: string | undefined;
  const k = Math.min(GENERATE_K, DRAW_CANDIDATES);
  const drawClient = wanted.has('draw') ? await signIn(appBase, drawOrg.admin, PASSWORD) : null;
  await run('draw', async () => {
    try {
      const { planId } = await prepareInspections(drawClient!, 'ZJDR', Number(plannedDate.slice(0, 4)));
      const r = await drawPart({ client: drawClient!, planId, plannedDate, k, candidates: DRAW_CANDIDATES });
      drawId = r.drawId;
      return r;
    } catch (e) {
      drawError = e instanceof Error ? e.message : String(e);
      drawFailed(e, DRAW_CANDIDATES);
      throw e;
    }
  });
  await run('generate', () => generatePart({ client: drawClient!, pool, drawId, k, drawError }));

  await run('import', () => importPart({ client: root, rows: IMPORT_ROWS, city: CITIES[0]! }));
  await run('start', () => startPart({ root: ROOT, runs: 3, onCleanup }));

  // ---- report ----
  load.after = loadavg();
  const mem = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  printTargets(targets);
  log('');
  for (const e of errors) log(`error in ${e.part}: ${e.error}`);
  log(`load average (1 / 5 / 15 min): before ${fmtLoad(load.before!)}, after ${fmtLoad(load.after)}`);
  log(`app log lines written (pino, level info): ${logLines.toLocaleString('en')}`);
  log(`process RSS ${mib(mem.rss)} (peak ${mib(peakRss)}): app, bare server and pool in this process; autocannon and PostgreSQL apart`);
  log(`total: ${secs(Date.now() - t0)}`);

  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const knobs = { SECONDS, CONNECTIONS, REPEATS, ORGS, UNITS_PER_ORG, APPLICATIONS, CASES, LICENSING, DRAW_CANDIDATES, FIGURE_SAMPLES, only: [...wanted] };
  const out = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    postgres: `${database.version} (${database.kind})`,
    knobs,
    loadavg: load,
    dataset: { today, counts, generationMs: genMs },
    targets,
    results,
    errors,
    appLogLines: logLines,
    rss: mem.rss,
    peakRss,
  };
  fs.writeFileSync(file, JSON.stringify(out, null, 2));
  log(`results: ${path.relative(ROOT, file)}`);
  return !broken;
}

/** One line per target: name, goal, measured, ratio, verdict. */
function printTargets(ts: Target[]) {
  const cols = ['name', 'goal', 'measured', 'ratio', 'verdict'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...ts.map((t) => t[c].length)) + 2])) as Record<(typeof cols)[number], number>;
  const line = (t: Record<(typeof cols)[number], string>) =>
    cols
      .map((c) => t[c].padEnd(width[c]))
      .join('')
      .trimEnd();
  log('');
  log(line({ name: 'target', goal: 'goal', measured: 'measured', ratio: 'ratio', verdict: 'verdict' }));
  for (const t of ts) log(line(t));
  const pass = ts.filter((t) => t.verdict === 'PASS').length;
  const fail = ts.filter((t) => t.verdict === 'FAIL').length;
  log(`${pass} passed, ${fail} failed (of ${pass + fail} targets)`);
}

let code = 1;
try {
  code = (await main()) ? 0 : 1;
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
} finally {
  await cleanup();
}
process.exit(code);
