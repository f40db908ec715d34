/**
 * `npm run bench`: how much does Lantai's stack (helmet, cookies, CSRF hook, session lookup, zod
 * validation and serialisation, presenting rows) cost on a realistic list page, compared with a
 * bare fastify route that runs the very same SQL through the very same pg pool?
 *
 * 1. A fresh database: an embedded PostgreSQL in a temp dir, or (with DATABASE_URL) a fresh
 *    database on that server, dropped afterwards.
 * 2. Dataset: 10 orgs (the first and its admin through POST /api/setup, nine child orgs through
 *    POST /api/orgs), one admin per org, 5,000 units per org (multi-row INSERT … SELECT unnest,
 *    valid 统一社会信用代码 from makeCreditCode).
 * 3. The app in-process on a free loopback port; a bare fastify on another.
 * 4. autocannon (a child process, so it does not share the server's event loop), 50 connections,
 *    BENCH_SECONDS (default 10) per target after a short warm-up; then a table.
 *
 *   BENCH_SECONDS=10  BENCH_CONNECTIONS=50  BENCH_UNITS_PER_ORG=5000
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { freePort } from '../src/kernel/db/embedded.js';
import { withDatabaseName } from '../src/kernel/db/index.js';
import { openConfiguredDatabase, type OpenedDatabase } from '../src/kernel/db/open.js';
import { hashPassword } from '../src/kernel/auth/password.js';
import { makeCreditCode } from '../src/modules/orgs/credit-code.js';
import { UNIT_TYPES, UnitListQuery } from '../src/modules/orgs/contracts.js';
import { listUnits } from '../src/modules/orgs/units.service.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const UNITS_PER_ORG = Number(process.env.BENCH_UNITS_PER_ORG ?? 5000);
const WARMUP_SECONDS = Math.min(3, SECONDS);
const PASSWORD = 'Bench-Pass-2024!';
const LIST_QUERY = { page: '3', pageSize: '20', type: 'private', q: '科技', sort: 'name' };

const log = (s: string) => console.log(s);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

// ---------------------------------------------------------------------------------------------
// Things to stop, newest first.
const cleanups: { name: string; fn: () => Promise<unknown> | unknown }[] = [];
let loadChild: ChildProcess | null = null;
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    loadChild?.kill('SIGKILL');
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c.fn();
      } catch (e) {
        console.error(`cleanup (${c.name}) failed: ${(e as Error).message}`);
      }
    }
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Data that looks like a real directory (检查对象名录库) of Zhejiang's archives administrations.
const CITIES: { name: string; region: string; districts: string[] }[] = [
  { name: '杭州市', region: '330100', districts: ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '富阳区'] },
  { name: '宁波市', region: '330200', districts: ['海曙区', '江北区', '北仑区', '镇海区', '鄞州区', '奉化区', '余姚市', '慈溪市'] },
  { name: '温州市', region: '330300', districts: ['鹿城区', '龙湾区', '瓯海区', '洞头区', '瑞安市', '乐清市', '永嘉县'] },
  { name: '嘉兴市', region: '330400', districts: ['南湖区', '秀洲区', '嘉善县', '海盐县', '海宁市', '平湖市', '桐乡市'] },
  { name: '湖州市', region: '330500', districts: ['吴兴区', '南浔区', '德清县', '长兴县', '安吉县'] },
  { name: '绍兴市', region: '330600', districts: ['越城区', '柯桥区', '上虞区', '新昌县', '诸暨市', '嵊州市'] },
  { name: '金华市', region: '330700', districts: ['婺城区', '金东区', '武义县', '浦江县', '义乌市', '东阳市', '永康市'] },
  { name: '衢州市', region: '330800', districts: ['柯城区', '衢江区', '常山县', '开化县', '龙游县', '江山市'] },
  { name: '舟山市', region: '330900', districts: ['定海区', '普陀区', '岱山县', '嵊泗县'] },
];
const TRADE_NAME_CHARS = '华信恒达金桥东方海天中联鸿运新锐博远明德瑞丰天成宏图嘉禾正泰安永盛启航同创卓越众合汇通星辰远康宁和鼎长风光锦程凯铭润泽宇昊晨阳诚泰兴隆';
const PRIVATE_TRADES = ['科技', '信息技术', '网络科技', '电子科技', '环保科技', '建设工程', '商贸', '文化传媒', '物流', '医药', '食品', '咨询服务', '教育科技', '建筑设计', '机械制造', '纺织'];
const SOE_SUFFIX = ['集团有限公司', '城市建设投资集团有限公司', '交通投资集团有限公司', '水务集团有限公司', '国有资本运营有限公司', '旅游发展有限公司'];
const ARCHIVE_SUFFIX = ['档案管理服务有限公司', '档案数字化科技有限公司', '档案寄存服务有限公司', '信息科技有限公司'];
const BUREAUS = ['市场监督管理局', '自然资源和规划局', '住房和城乡建设局', '交通运输局', '教育局', '卫生健康委员会', '人力资源和社会保障局', '民政局', '财政局', '司法局', '生态环境局', '农业农村局', '应急管理局', '文化和广电旅游体育局'];
const INSTITUTIONS = ['人民医院', '中医院', '疾病预防控制中心', '不动产登记中心', '公共资源交易中心', '图书馆', '第一中学', '实验小学', '职业技术学校', '社会保险事业管理中心', '城市管理服务中心'];
const STREETS = ['城东', '城西', '城南', '城北', '江滨', '新华', '人民', '解放', '中山', '文化', '朝阳', '和平'];
const TOWNS = ['临江', '白沙', '青山', '石门', '桃源', '龙泉', '双溪', '清湖', '大洋', '金山'];
const INDUSTRIES = ['信息技术', '制造业', '建筑业', '批发零售', '文化体育', '卫生', '教育', '公共管理', '金融', '交通运输', '住宿餐饮', '租赁商务服务'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉鹏宇浩欣怡晨晓雪梅琳';
const ROADS = ['解放路', '中山路', '人民路', '建设路', '文化路', '学院路', '环城北路', '滨江大道', '凤起路', '延安路'];
// 统一社会信用代码 registration prefix by unit type (first two characters).
const CREDIT_PREFIX: Record<(typeof UNIT_TYPES)[number], string> = {
  agency: '11',
  institution: '12',
  soe: '91',
  private: '91',
  archive_service: '91',
  community: '59',
  township: '11',
};
// Share of each unit type in a directory.
const TYPE_WEIGHTS: [(typeof UNIT_TYPES)[number], number][] = [
  ['private', 40],
  ['agency', 15],
  ['institution', 15],
  ['soe', 10],
  ['community', 8],
  ['township', 7],
  ['archive_service', 5],
];

/** A small seeded PRNG (mulberry32): the same dataset every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[] | string): T => xs[int(xs.length)] as T;
  const weighted = <T>(xs: [T, number][]): T => {
    let r = next() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

interface UnitColumns {
  name: string[];
  code: string[];
  type: string[];
  industry: string[];
  address: string[];
  contact: string[];
  phone: string[];
  risk: string[];
  status: string[];
  created: string[];
}

/**
 * Serials unique across the dataset. makeCreditCode folds the letters the code alphabet lacks
 * (I O S V Z) into others, so serials whose base-36 form has one are skipped to keep codes unique.
 */
let serial = 10_000_000;
function nextSerial(): number {
  do serial++;
  while (/[iosvz]/.test(serial.toString(36)));
  return serial;
}

function makeUnits(orgIndex: number, city: { name: string; region: string; districts: string[] }, count: number): UnitColumns {
  const r = rng(1000 + orgIndex);
  const cols: UnitColumns = { name: [], code: [], type: [], industry: [], address: [], contact: [], phone: [], risk: [], status: [], created: [] };
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const type = r.weighted(TYPE_WEIGHTS);
    const district = r.pick(city.districts);
    const trade = r.pick<string>(TRADE_NAME_CHARS) + r.pick<string>(TRADE_NAME_CHARS);
    let name: string;
    switch (type) {
      case 'private':
        name = `${city.name.replace(/市$/, '')}${trade}${r.pick(PRIVATE_TRADES)}有限公司`;
        break;
      case 'soe':
        name = `${city.name}${trade}${r.pick(SOE_SUFFIX)}`;
        break;
      case 'archive_service':
        name = `${city.name.replace(/市$/, '')}${trade}${r.pick(ARCHIVE_SUFFIX)}`;
        break;
      case 'agency':
        name = `${city.name}${district}${r.pick(BUREAUS)}`;
        break;
      case 'institution':
        name = `${city.name}${district}${r.pick(INSTITUTIONS)}`;
        break;
      case 'community':
        name = `${district}${r.pick(STREETS)}街道${trade}社区居民委员会`;
        break;
      default:
        name = `${district}${r.pick(TOWNS)}镇人民政府`;
    }
    cols.name.push(name);
    cols.code.push(makeCreditCode(CREDIT_PREFIX[type], city.region, nextSerial()));
    cols.type.push(type);
    cols.industry.push(r.pick(INDUSTRIES));
    cols.address.push(`浙江省${city.name}${district}${r.pick(ROADS)}${1 + r.int(399)}号`);
    cols.contact.push(r.pick<string>(SURNAMES) + r.pick<string>(GIVEN) + (r.next() < 0.6 ? r.pick<string>(GIVEN) : ''));
    cols.phone.push(r.next() < 0.7 ? `1${r.pick('35789')}${String(r.int(1e9)).padStart(9, '0')}` : `0${570 + r.int(10)}-8${String(r.int(1e7)).padStart(7, '0')}`);
    cols.risk.push(r.weighted([['low', 50], ['medium', 35], ['high', 15]]));
    cols.status.push(r.next() < 0.95 ? 'active' : 'closed');
    cols.created.push(new Date(now - r.int(3 * 365 * 86_400_000)).toISOString());
  }
  return cols;
}

// ---------------------------------------------------------------------------------------------
/** A minimal HTTP client with a cookie jar and the CSRF header, like the browser. */
class Client {
  private jar = new Map<string, string>();
  private csrf: string | null = null;
  constructor(private base: string) {}
  cookie(name: string) {
    return this.jar.get(name);
  }
  private header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async request(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = {};
    if (method !== 'GET') {
      if (!this.csrf) this.csrf = ((await this.request('GET', '/api/auth/csrf')).json as { token: string }).token;
      headers['x-csrf-token'] = this.csrf;
      headers['content-type'] = 'application/json';
    }
    if (this.jar.size) headers.cookie = this.header();
    const res = await fetch(this.base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
    }
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, json };
  }
  async ok<T>(method: string, url: string, body?: unknown): Promise<T> {
    const r = await this.request(method, url, body);
    if (r.status !== 200) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.json)}`);
    return r.json as T;
  }
}

// ---------------------------------------------------------------------------------------------
interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** autocannon in a child process; resolves with its JSON summary. */
function autocannon(url: string, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
  const args = [cli, '--json', '--connections', String(CONNECTIONS), '--duration', String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push('--headers', `${k}:${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    loadChild = child;
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      loadChild = null;
      try {
        const j = JSON.parse(out.slice(out.indexOf('{')));
        resolve({
          rps: j.requests.average,
          p50: j.latency.p50,
          p99: j.latency.p99,
          requests: j.requests.total,
          non2xx: j.non2xx ?? 0,
          errors: j.errors ?? 0,
          timeouts: j.timeouts ?? 0,
        });
      } catch {
        reject(new Error(`autocannon exited with ${code}: ${err.slice(-2000)}`));
      }
    });
  });
}

/** Every query a piece of code sends through pg, with the exact config it was sent with. */
type CapturedQuery = { text: string; values?: unknown[]; rowMode?: string; types?: unknown };
async function captureQueries(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  const seen: CapturedQuery[] = [];
  proto.query = function (this: unknown, ...a: unknown[]) {
    const first = a[0];
    if (typeof first === 'string') seen.push({ text: first, values: Array.isArray(a[1]) ? a[1] : undefined });
    else if (first && typeof first === 'object' && 'text' in first) {
      // drizzle sends ({ text, rowMode, types }, values)
      const config = first as CapturedQuery;
      seen.push({ ...config, values: config.values ?? (Array.isArray(a[1]) ? a[1] : undefined) });
    }
    return original.apply(this, a);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const t0 = Date.now();
  log(`Lantai bench: ${CITIES.length + 1} orgs × ${UNITS_PER_ORG} units, ${CONNECTIONS} connections, ${SECONDS} s per target (${os.cpus().length} CPUs, Node ${process.version})`);

  // ---- database ----

  const config: Config = { port: 0, host: '127.0.0.1', dataDir: '', cookieSecure: false, logLevel: 'warn', uploadLimitBytes: 10 * 1024 * 1024 };
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `lantai_bench_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    await admin.end();
    cleanups.push({
      name: `drop ${name}`,
      fn: async () => {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    });
    config.databaseUrl = withDatabaseName(serverUrl, name);
    log(`database: fresh ${name} on DATABASE_URL's server`);
  } else {
    config.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-bench-'));
    cleanups.push({ name: 'remove temp data dir', fn: () => fs.rmSync(config.dataDir, { recursive: true, force: true }) });
    log(`database: embedded PostgreSQL in ${config.dataDir}`);
  }
  const tDb = Date.now();
  const database: OpenedDatabase = await openConfiguredDatabase(config, (m) => {
    if (!cleaning && /FATAL|PANIC/.test(m)) console.error(`[postgres] ${m}`);
  });
  cleanups.push({ name: 'close database', fn: () => database.shutdown() });
  log(`  PostgreSQL ${database.version} (${database.kind}) ready and migrated in ${secs(Date.now() - tDb)}`);

  // ---- the app ----
  const app = await buildApp({ db: database.db, config, database: { kind: database.kind, version: database.version }, serveWeb: false, logger: false });
  cleanups.push({ name: 'close app', fn: () => app.close() });
  const appPort = await freePort();
  await app.listen({ port: appPort, host: '127.0.0.1' });
  const appBase = `http://127.0.0.1:${appPort}`;

  // ---- dataset ----
  const tGen = Date.now();
  const root = new Client(appBase);
  const setup = await root.ok<{ org: { id: string } }>('POST', '/api/setup', {
    org: { name: '浙江省档案局', level: 'province', regionCode: '330000' },
    admin: { username: 'admin', password: PASSWORD, displayName: '省局管理员' },
    demo: false,
  });
  await root.ok('POST', '/api/auth/login', { username: 'admin', password: PASSWORD });
  const orgs: { id: string; name: string; city: (typeof CITIES)[number]; admin: string }[] = [
    { id: setup.org.id, name: '浙江省档案局', city: { name: '杭州市', region: '330000', districts: CITIES.flatMap((c) => c.districts.slice(0, 2)) }, admin: 'admin' },
  ];
  for (const city of CITIES) {
    const org = await root.ok<{ id: string }>('POST', '/api/orgs', { parentId: setup.org.id, name: `${city.name}档案局`, level: 'city', regionCode: city.region });
    orgs.push({ id: org.id, name: `${city.name}档案局`, city, admin: `admin${city.region}` });
  }
  const hash = await hashPassword(PASSWORD);
  for (const o of orgs.slice(1)) {
    await database.pool.query(
      `INSERT INTO users (org_id, username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, ARRAY['admin'])`,
      [o.id, o.admin, `${o.city.name}管理员`, hash],
    );
  }
  for (const [i, o] of orgs.entries()) {
    const c = makeUnits(i, o.city, UNITS_PER_ORG);
    await database.pool.query(
      `INSERT INTO units (org_id, name, credit_code, type, industry, address, contact_name, contact_phone, risk_tier, status, created_at, updated_at)
       SELECT $1::uuid, t.name, t.code, t.type, t.industry, t.address, t.contact, t.phone, t.risk, t.status, t.created, t.created
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
         AS t(name, code, type, industry, address, contact, phone, risk, status, created)`,
      [o.id, c.name, c.code, c.type, c.industry, c.address, c.contact, c.phone, c.risk, c.status, c.created],
    );
  }
  await database.pool.query('ANALYZE');
  const genMs = Date.now() - tGen;
  const counts = await database.pool.query<{ orgs: string; units: string; users: string }>(
    `SELECT (SELECT count(*) FROM orgs) orgs, (SELECT count(*) FROM units) units, (SELECT count(*) FROM users) users`,
  );
  log(`dataset: ${counts.rows[0]!.orgs} orgs, ${counts.rows[0]!.users} users, ${counts.rows[0]!.units} units generated in ${secs(genMs)}`);

  // ---- sign in as a city archives bureau's admin ----
  const target = orgs[1]!;
  const client = new Client(appBase);
  await client.ok('POST', '/api/auth/login', { username: target.admin, password: PASSWORD });
  const session = client.cookie('lantai_session');
  if (!session) throw new Error('login set no lantai_session cookie');
  const listPath = `/api/units?${new URLSearchParams(LIST_QUERY)}`;
  let probe = { status: 0, json: null as unknown };
  const routeQueries = await captureQueries(async () => {
    probe = await client.request('GET', listPath);
  });
  const routeOk = probe.status === 200;
  const routeTotal = routeOk ? (probe.json as { total: number; items: unknown[] }).total : null;

  // ---- the SQL the units list service runs, captured from the service itself ----
  const [actorRow] = (
    await database.pool.query<{ id: string; username: string; display_name: string; org_id: string; path: string }>(
      `SELECT u.id, u.username, u.display_name, u.org_id, o.path FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.username = $1`,
      [target.admin],
    )
  ).rows;
  const actor = { userId: actorRow!.id, username: actorRow!.username, displayName: actorRow!.display_name, orgId: actorRow!.org_id, orgPath: actorRow!.path, roles: ['admin' as const], unitId: null };
  const serviceCtx = { db: database.db, actor, now: () => new Date() };
  let serviceTotal: number | null = null;
  let queries = await captureQueries(async () => {
    serviceTotal = (await listUnits(serviceCtx, UnitListQuery.parse(LIST_QUERY))).total;
  });
  let sqlSource = 'captured from listUnits() in src/modules/orgs/units.service.ts';
  if (queries.length === 0) {
    sqlSource = 'hand-written equivalent (listUnits() sent no query through pg)';
    queries = [
      { text: `SELECT id, path, name FROM orgs WHERE id = $1 LIMIT 1`, values: [target.id] },
      { text: `SELECT count(*) FROM units WHERE org_id = $1 AND type = $2 AND (name ILIKE $3 OR credit_code ILIKE $3 OR contact_name ILIKE $3)`, values: [target.id, 'private', '%科技%'] },
      {
        text: `SELECT * FROM units WHERE org_id = $1 AND type = $2 AND (name ILIKE $3 OR credit_code ILIKE $3 OR contact_name ILIKE $3) ORDER BY name, id LIMIT 20 OFFSET 40`,
        values: [target.id, 'private', '%科技%'],
      },
    ];
  }
  log(`\nSQL per request (${sqlSource}):`);
  for (const q of queries) log(`  ${q.text.replace(/\s+/g, ' ')}\n    params: ${JSON.stringify(q.values ?? [])}`);
  log(`list: ${serviceTotal ?? '?'} matching units in ${target.name}; GET ${listPath} → HTTP ${probe.status}${routeTotal !== null ? `, total ${routeTotal}` : ''}`);
  log(`queries per request: Lantai route ${routeQueries.length} (its session lookup included), bare route ${queries.length}`);
  const extra = routeQueries.filter((r) => !queries.some((q) => q.text === r.text));
  for (const q of extra) log(`  + ${q.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (!routeOk) log(`  ⚠ the list route did not answer 200 (${JSON.stringify(probe.json).slice(0, 200)}): its row below measures that answer, not the list`);
  else if (routeTotal !== serviceTotal) log(`  ⚠ the route's total (${routeTotal}) differs from the service's (${serviceTotal})`);

  // ---- the bare route: same SQL, same pool, nothing else ----
  const bare: FastifyInstance = Fastify({ logger: false });
  cleanups.push({ name: 'close bare fastify', fn: () => bare.close() });
  bare.get('/bare/units', async () => {
    const results = [];
    for (const q of queries) results.push((await database.pool.query(q as pg.QueryConfig)).rows);
    return { results };
  });
  const barePort = await freePort();
  await bare.listen({ port: barePort, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${barePort}/bare/units?${new URLSearchParams(LIST_QUERY)}`;

  // ---- load ----
  const cookie = { cookie: `lantai_session=${session}` };
  log(`\nwarming up (${WARMUP_SECONDS} s each)…`);
  await autocannon(appBase + listPath, WARMUP_SECONDS, cookie);
  await autocannon(bareUrl, WARMUP_SECONDS);
  log(`measuring Lantai GET ${listPath} for ${SECONDS} s…`);
  const lantai = await autocannon(appBase + listPath, SECONDS, cookie);
  log(`measuring bare fastify (same SQL, same pool) for ${SECONDS} s…`);
  const bareRes = await autocannon(bareUrl, SECONDS);
  const mem = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;

  // ---- report ----
  const row = (name: string, r: LoadResult) =>
    `${name.padEnd(28)}${r.rps.toFixed(0).padStart(10)}${`${r.p50} ms`.padStart(10)}${`${r.p99} ms`.padStart(10)}${String(r.requests).padStart(10)}${String(r.non2xx + r.errors + r.timeouts).padStart(8)}`;
  log('');
  log(`${'target'.padEnd(28)}${'req/s'.padStart(10)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'requests'.padStart(10)}${'bad'.padStart(8)}`);
  log(row('Lantai GET /api/units', lantai));
  log(row('bare fastify, same SQL', bareRes));
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  log(
    `${'ratio Lantai/bare'.padEnd(28)}${ratio(lantai.rps, bareRes.rps).padStart(10)}${ratio(lantai.p50, bareRes.p50).padStart(10)}${ratio(lantai.p99, bareRes.p99).padStart(10)}` +
      (routeOk ? '' : '   (not comparable: the list route did not answer 200)'),
  );
  log('');
  log(`dataset generation: ${secs(genMs)}`);
  log(`process RSS after the run: ${mib(mem.rss)} (peak ${mib(peakRss)}; heap used ${mib(mem.heapUsed)}) — app, bare server and pool in this process; autocannon and PostgreSQL are separate processes`);
  log(`total: ${secs(Date.now() - t0)}`);

  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, postgres: `${database.version} (${database.kind})`, connections: CONNECTIONS, seconds: SECONDS, unitsPerOrg: UNITS_PER_ORG, generationMs: genMs, routeStatus: probe.status, lantai, bare: bareRes, rss: mem.rss, peakRss, sql: queries.map((q) => q.text) },
      null,
      2,
    ),
  );
  log(`results: ${path.relative(ROOT, file)}`);
  return routeOk && lantai.non2xx + lantai.errors + lantai.timeouts === 0 && bareRes.non2xx + bareRes.errors + bareRes.timeouts === 0;
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
