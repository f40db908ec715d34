/**
 * The bench's dataset: an org tree of Zhejiang's archives administrations, their directories of
 * regulated units (检查对象名录库), disclosure applications with their reply clocks, penalty cases,
 * licensing applications (with the clocks of the open ones), and what a draw needs (inspectors, a
 * published checklist and plan). Large tables are written set-based (one INSERT … SELECT FROM unnest /
 * generate_series per table and org), never row by row.
 */
import type pg from 'pg';
import { makeCreditCode } from '../src/modules/orgs/units/credit-code.js';
import { UNIT_TYPES } from '../src/modules/orgs/labels.js';
import { APPLICANT_TYPES, CHANNELS, OUTCOME_CODES } from '../src/modules/disclosure/labels.js';
import { CLOCK_ENTITY, CLOCK_KIND_REPLY, REPLY_PERIOD } from '../src/modules/disclosure/applications/clock.js';
import { addDays } from '../src/kernel/calendar/calendar.js';
import { DEMO_ITEMS } from '../src/modules/licensing/demo.js';
import { CLOCK_LABELS } from '../src/modules/licensing/applications/clocks.service.js';
import {
  ACCEPTANCE_DAYS,
  CLOCK_ENTITY as CLOCK_ENTITY_LICENSING,
  CLOCK_KIND as CLOCK_KIND_LICENSING,
  PUBLICATION_DAYS,
} from '../src/modules/licensing/applications/clock.js';
import type { Client } from './lib.js';

export interface City {
  name: string;
  region: string;
  districts: string[];
}
export const CITIES: City[] = [
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
const TRADE_NAME_CHARS =
  '华信恒达金桥东方海天中联鸿运新锐博远明德瑞丰天成宏图嘉禾正泰安永盛启航同创卓越众合汇通星辰远康宁和鼎长风光锦程凯铭润泽宇昊晨阳诚泰兴隆';
const PRIVATE_TRADES = [
  '科技',
  '信息技术',
  '网络科技',
  '电子科技',
  '环保科技',
  '建设工程',
  '商贸',
  '文化传媒',
  '物流',
  '医药',
  '食品',
  '咨询服务',
  '教育科技',
  '建筑设计',
];
const SOE_SUFFIX = ['集团有限公司', '城市建设投资集团有限公司', '交通投资集团有限公司', '水务集团有限公司', '国有资本运营有限公司', '旅游发展有限公司'];
const ARCHIVE_SUFFIX = ['档案管理服务有限公司', '档案数字化科技有限公司', '档案寄存服务有限公司', '信息科技有限公司'];
const BUREAUS = [
  '市场监督管理局',
  '自然资源和规划局',
  '住房和城乡建设局',
  '交通运输局',
  '教育局',
  '卫生健康委员会',
  '人力资源和社会保障局',
  '民政局',
  '财政局',
  '司法局',
];
const INSTITUTIONS = ['人民医院', '中医院', '疾病预防控制中心', '不动产登记中心', '公共资源交易中心', '图书馆', '第一中学', '实验小学', '职业技术学校'];
const STREETS = ['城东', '城西', '城南', '城北', '江滨', '新华', '人民', '解放', '中山', '文化', '朝阳', '和平'];
const TOWNS = ['临江', '白沙', '青山', '石门', '桃源', '龙泉', '双溪', '清湖', '大洋', '金山'];
const INDUSTRIES = ['信息技术', '制造业', '建筑业', '批发零售', '文化体育', '卫生', '教育', '公共管理', '金融', '交通运输', '住宿餐饮', '租赁商务服务'];
export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉鹏宇浩欣怡晨晓雪梅琳';
const ROADS = ['解放路', '中山路', '人民路', '建设路', '文化路', '学院路', '环城北路', '滨江大道', '凤起路', '延安路'];
/** What applicants ask for (所需政府信息的名称或特征性描述). */
const TOPICS = [
  '本机关2025年度档案行政执法检查结果',
  '国有企业档案工作检查情况通报',
  '档案馆开放档案目录',
  '本机关信息处理费收取标准',
  '某区不动产登记档案移交进馆情况',
  '档案行政处罚决定书',
  '重大建设项目档案验收意见',
  '民生档案查询服务办理流程',
  '机关档案工作年度考核结果',
  '档案安全风险隐患排查整改情况',
];
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
export function rng(seed: number) {
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

export interface UnitColumns {
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

/** `count` units of a directory, deterministic by `seed`; `allActive` for a draw's pool (no 已注销). */
export function makeUnits(seed: number, city: City, count: number, allActive = false): UnitColumns {
  const r = rng(1000 + seed);
  const cols: UnitColumns = { name: [], code: [], type: [], industry: [], address: [], contact: [], phone: [], risk: [], status: [], created: [] };
  const now = Date.now();
  const bare = city.name.replace(/市$/, '');
  for (let i = 0; i < count; i++) {
    const type = r.weighted(TYPE_WEIGHTS);
    const district = r.pick(city.districts);
    const trade = r.pick<string>(TRADE_NAME_CHARS) + r.pick<string>(TRADE_NAME_CHARS);
    let name: string;
    switch (type) {
      case 'private':
        name = `${bare}${trade}${r.pick(PRIVATE_TRADES)}有限公司`;
        break;
      case 'soe':
        name = `${city.name}${trade}${r.pick(SOE_SUFFIX)}`;
        break;
      case 'archive_service':
        name = `${bare}${trade}${r.pick(ARCHIVE_SUFFIX)}`;
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
    cols.phone.push(
      r.next() < 0.7 ? `1${r.pick('35789')}${String(r.int(1e9)).padStart(9, '0')}` : `0${570 + r.int(10)}-8${String(r.int(1e7)).padStart(7, '0')}`,
    );
    cols.risk.push(
      r.weighted([
        ['low', 50],
        ['medium', 35],
        ['high', 15],
      ]),
    );
    cols.status.push(allActive || r.next() < 0.95 ? 'active' : 'closed');
    cols.created.push(new Date(now - r.int(3 * 365 * 86_400_000)).toISOString());
  }
  return cols;
}

/** One statement per org: the units as arrays (one parameter each, whatever their number). */
export async function insertUnits(pool: pg.Pool, orgId: string, c: UnitColumns): Promise<void> {
  await pool.query(
    `INSERT INTO units (org_id, name, credit_code, type, industry, address, contact_name, contact_phone, risk_tier, status, created_at, updated_at)
     SELECT $1::uuid, t.name, t.code, t.type, t.industry, t.address, t.contact, t.phone, t.risk, t.status, t.created, t.created
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
       AS t(name, code, type, industry, address, contact, phone, risk, status, created)`,
    [orgId, c.name, c.code, c.type, c.industry, c.address, c.contact, c.phone, c.risk, c.status, c.created],
  );
}

export interface BenchOrg {
  id: string;
  name: string;
  city: City;
  admin: string;
  level: 'province' | 'city' | 'county';
}

/**
 * The org tree: the province (through POST /api/setup, by the caller), its cities (by the province's
 * admin), then counties under the cities (each by its city's admin: creating an org is an act of its
 * parent's admin) until there are `total` bureaus; one admin per org (set-based).
 */
export async function createOrgTree(
  root: Client,
  rootOrg: BenchOrg,
  total: number,
  pool: pg.Pool,
  passwordHash: string,
  signInAs: (username: string) => Promise<Client>,
): Promise<BenchOrg[]> {
  const orgs: BenchOrg[] = [rootOrg];
  const cities: BenchOrg[] = [];
  const addAdmins = (list: BenchOrg[]) =>
    pool.query(
      `INSERT INTO users (org_id, username, display_name, password_hash, roles)
       SELECT t.org_id, t.username, t.display_name, $4, ARRAY['admin'] FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(org_id, username, display_name)`,
      [list.map((o) => o.id), list.map((o) => o.admin), list.map((o) => `${o.name}管理员`), passwordHash],
    );
  for (const city of CITIES) {
    if (orgs.length >= total) break;
    const name = `${city.name}档案局`;
    const o = await root.ok<{ id: string }>('POST', '/api/orgs', { parentId: rootOrg.id, name, level: 'city', regionCode: city.region });
    const org: BenchOrg = { id: o.id, name, city, admin: `admin${city.region}`, level: 'city' };
    orgs.push(org);
    cities.push(org);
  }
  await addAdmins(cities);
  const cityAdmins = new Map<string, Client>();
  const counties: BenchOrg[] = [];
  for (let i = 0; orgs.length < total; i++) {
    const parent = cities[i % cities.length]!;
    const round = Math.floor(i / cities.length);
    const district = parent.city.districts[round % parent.city.districts.length]!;
    const name = `${district}档案局${round >= parent.city.districts.length ? `（${round + 1}）` : ''}`;
    const region = `${parent.city.region.slice(0, 4)}${String(round + 2).padStart(2, '0')}`;
    if (!cityAdmins.has(parent.id)) cityAdmins.set(parent.id, await signInAs(parent.admin));
    const o = await cityAdmins.get(parent.id)!.ok<{ id: string }>('POST', '/api/orgs', { parentId: parent.id, name, level: 'county', regionCode: region });
    const county: BenchOrg = { id: o.id, name, city: { ...parent.city, districts: [district] }, admin: `admin${region}_${i}`, level: 'county' };
    orgs.push(county);
    counties.push(county);
  }
  if (counties.length) await addAdmins(counties);
  return orgs;
}

/**
 * Disclosure applications: `open` undecided ones in `openOrg` (received over the last 45 days, so
 * their reply clocks are running, due soon and overdue) with their reply clocks as rows written by
 * SQL alone (the snapshot columns left to the first read, as the clocks table allows), and
 * `decided` ones spread evenly over `orgIds`, received from December of last year, answered within
 * 3–27 days. Two statements for the applications, one for the clocks.
 */
export async function insertApplications(
  pool: pg.Pool,
  opts: { openOrg: string; open: number; orgIds: string[]; decided: number; today: string },
): Promise<void> {
  const year = Number(opts.today.slice(0, 4));
  const from = `${year - 1}-12-01`;
  const lastReceived = addDays(opts.today, -30);
  // Outcomes weighted as a bureau's year looks: mostly 予以公开, then 部分公开, then the rest.
  const outcomes = [
    ...Array<string>(12).fill('disclosed'),
    ...Array<string>(5).fill('partial'),
    ...OUTCOME_CODES.filter((c) => c !== 'disclosed' && c !== 'partial'),
  ];
  const common = [CHANNELS, APPLICANT_TYPES, [...SURNAMES], [...GIVEN], TOPICS];
  const cols = `org_id, tracking_code, channel, source, received_on, applicant_type, applicant_name, content, content_key, status, decided_on, outcome, created_at, updated_at`;
  // $1 channels, $2 applicant types, $3 surnames, $4 given names, $5 topics
  const shared = (g: string) => `($1::text[])[1 + ${g} % cardinality($1::text[])],
           'desk',
           %RECEIVED%,
           ($2::text[])[1 + (${g} * 7) % cardinality($2::text[])],
           ($3::text[])[1 + (${g} * 13) % cardinality($3::text[])] || ($4::text[])[1 + (${g} * 17) % cardinality($4::text[])],
           '申请公开' || ($5::text[])[1 + (${g} * 11) % cardinality($5::text[])] || '（第 ' || ${g} || ' 号）',
           '申请公开' || ($5::text[])[1 + (${g} * 11) % cardinality($5::text[])] || '（第 ' || ${g} || ' 号）'`;
  if (opts.open > 0) {
    await pool.query(
      `INSERT INTO disclosure_applications (${cols})
       SELECT $6::uuid, 'BO' || lpad(g::text, 10, '0'), ${shared('g').replace('%RECEIVED%', '$7::date - (g % 45)')},
              'processing', NULL, NULL, now(), now()
       FROM generate_series(1, $8::int) AS g`,
      [...common, opts.openOrg, opts.today, opts.open],
    );
    await pool.query(
      `INSERT INTO clocks (org_id, entity_type, entity_id, kind, label, spec, created_at)
       SELECT a.org_id, $2, a.id::text, $3, '政府信息公开申请答复期限（' || a.tracking_code || '，' || a.applicant_name || '）',
              jsonb_build_object('start', a.received_on::text, 'period', $4::int, 'unit', 'working'), now()
       FROM disclosure_applications a WHERE a.org_id = $1 AND a.decided_on IS NULL`,
      [opts.openOrg, CLOCK_ENTITY, CLOCK_KIND_REPLY, REPLY_PERIOD],
    );
  }
  if (opts.decided > 0) {
    await pool.query(
      `INSERT INTO disclosure_applications (${cols})
       SELECT ($6::uuid[])[1 + g % cardinality($6::uuid[])], 'BD' || lpad(g::text, 10, '0'),
              ${shared('g').replace('%RECEIVED%', 'r.received')},
              'decided', LEAST(r.received + 3 + (g * 11) % 25, $9::date), ($10::text[])[1 + (g * 19) % cardinality($10::text[])], now(), now()
       FROM generate_series(1, $8::int) AS g,
            LATERAL (SELECT $7::date + ((g::bigint * 7919) % ($11::date - $7::date + 1))::int AS received) AS r`,
      [...common, opts.orgIds, from, opts.decided, opts.today, outcomes, lastReceived],
    );
  }
}

/** What a draw needs in an org: three certified inspectors, a published checklist and a published plan of `year`. */
export async function prepareInspections(c: Client, tag: string, year: number): Promise<{ planId: string }> {
  for (const [i, name] of ['张伟', '李娜', '王芳'].entries()) {
    await c.ok('POST', '/api/inspectors', {
      name,
      certificateNo: `${tag}${String(i + 1).padStart(4, '0')}`,
      certIssuedOn: '2024-01-01',
      certExpiresOn: `${year + 3}-12-31`,
    });
  }
  const item = await c.ok<{ id: string }>('POST', '/api/inspections/items', {
    code: 'B-01',
    area: 'a1', // 档案法第四十二条第（一）项
    title: '档案工作责任制落实情况',
    legalBasis: '《中华人民共和国档案法》第十二条',
  });
  const checklist = await c.ok<{ versions: { id: string }[] }>('POST', '/api/inspections/checklists', { name: '档案工作检查表', kind: 'inspection' });
  const versionId = checklist.versions[0]!.id;
  await c.ok('PUT', `/api/inspections/checklist-versions/${versionId}/items`, { items: [{ itemId: item.id }] });
  await c.ok('POST', `/api/inspections/checklist-versions/${versionId}/publish`);
  const plan = await c.ok<{ id: string }>('POST', '/api/inspections/plans', {
    year,
    title: `${year}年度档案行政检查“双随机、一公开”计划`,
    scope: '本行政区域内在册的立档单位',
    checklistVersionId: versionId,
  });
  await c.ok('POST', `/api/inspections/plans/${plan.id}/publish`);
  return { planId: plan.id };
}

/** 档案法第四十八条's acts, as a case names its violation. */
const VIOLATIONS = [
  '丢失属于国家所有的档案',
  '擅自提供、抄录、复制、公布属于国家所有的档案',
  '买卖或者非法转让属于国家所有的档案',
  '篡改、损毁、伪造档案或者擅自销毁档案',
  '不按规定归档或者不按期移交档案，被责令改正而拒不改正',
  '明知存在档案安全隐患而不采取补救措施，造成档案损毁、灭失',
  '发生档案安全事故后，不采取抢救措施或者隐瞒不报、拒不查处',
];
const REVIEW_CHECKLIST = { competence: true, facts: true, basis: true, discretion: true, procedure: true, powers: true, documents: true, referral: true };

/**
 * Penalty cases (行政处罚案件) of one org, one statement: filed over the last 365 days; those filed in
 * the last 30 days under investigation, 30–44 days ago notified, decided or served, the rest closed —
 * 65% with a penalty (heaviest: a fine mostly, a warning, now and then confiscation with the fine),
 * 25% 不予行政处罚 (half of them 首违不罚), 10% 违法事实不成立; fines in 档案法第四十八条's ranges (a
 * unit 10,000–100,000 元, an individual 500–5,000 元), paid; 法制审核 passed (one in 50 returned
 * first) and a hearing for one in four from the app's default thresholds (50,000 / 3,000 元);
 * decisions published. Parties are the org's units (one in seven an individual), the officers its
 * first two inspectors, the approver `actor`. No clock rows: the list reads none (the detail computes
 * its clocks from the row).
 */
export async function insertCases(
  pool: pg.Pool,
  opts: { orgId: string; count: number; today: string; prefix: string; city: string; actor: { id: string; name: string } },
): Promise<void> {
  if (opts.count <= 0) return;
  const step = (name: string, on: string) => `jsonb_build_object('step', '${name}', 'on', (${on})::text, 'actorId', $5::uuid::text, 'actorName', $6::text)`;
  const review = (result: string, on: string, opinion: string) =>
    `jsonb_build_object('reviewerId', $5::uuid::text, 'reviewerName', $6::text, 'reviewedOn', (${on})::text, 'checklist', $9::jsonb, 'opinion', '${opinion}', 'result', '${result}')`;
  await pool.query(
    `WITH u AS (
            SELECT array_agg(id ORDER BY id) AS ids, array_agg(name ORDER BY id) AS names, array_agg(address ORDER BY id) AS addresses, NULLIF(count(*), 0)::int AS n
            FROM (SELECT id, name, address FROM units WHERE org_id = $1 AND status = 'active' ORDER BY id LIMIT 5000) x),
          off AS (SELECT coalesce(jsonb_agg(id::text ORDER BY certificate_no), '[]'::jsonb) AS ids FROM (SELECT id, certificate_no FROM inspectors WHERE org_id = $1 ORDER BY certificate_no LIMIT 2) i),
          b AS (
            SELECT g, ((g::bigint * 7919) % 365)::int AS age, g % 20 AS rk, (g / 20) % 20 AS pk, g % 7 = 0 AS ind,
                   CASE WHEN g % 7 = 0 THEN 500 + 100 * ((g * 31) % 46) ELSE 10000 + 2000 * ((g * 31) % 46) END AS fine,
                   CASE WHEN g % 7 = 0 THEN 500 + 100 * ((g * 31) % 46) >= 3000 ELSE 10000 + 2000 * ((g * 31) % 46) >= 50000 END AS big
            FROM generate_series(1, $3::int) AS g),
          c AS MATERIALIZED (
            SELECT b.*, $2::date - age AS filed,
                   CASE WHEN age < 30 THEN 'investigating' WHEN age < 45 THEN (ARRAY['notified', 'decided', 'served'])[1 + g % 3] ELSE 'closed' END AS status
            FROM b),
          d AS MATERIALIZED (
            SELECT c.*,
                   CASE WHEN status IN ('decided', 'served') THEN filed + 25
                        WHEN status = 'closed' THEN filed + 15 + (g * 13) % GREATEST(1, LEAST(age, 90) - 30) END AS decided,
                   CASE WHEN rk < 13 THEN 'penalty' WHEN rk < 18 THEN 'no_penalty' ELSE 'not_established' END AS res,
                   CASE WHEN pk = 0 THEN 'confiscation' WHEN pk < 14 THEN 'fine' ELSE 'warning' END AS heavy
            FROM c),
          e AS MATERIALIZED (
            SELECT d.*,
                   COALESCE(decided - 14, CASE WHEN status <> 'investigating' THEN filed + 20 END) AS notice,
                   CASE WHEN status = 'served' THEN filed + 27 WHEN status = 'closed' THEN decided + 1 + g % 5 END AS served,
                   decided IS NOT NULL AND res = 'penalty' AND heavy <> 'warning' AS fined,
                   decided IS NOT NULL AND res = 'penalty' AND heavy <> 'warning' AND big AND g % 4 = 0 AS heard
            FROM d),
          f AS MATERIALIZED (
            SELECT e.*,
                   CASE WHEN status = 'closed' AND fined THEN served + 3 + g % 7 END AS paid,
                   CASE WHEN status = 'closed' THEN served + 10 END AS closed,
                   CASE WHEN decided IS NULL OR res <> 'penalty' THEN '[]'::jsonb
                        WHEN heavy = 'warning' THEN '[{"type":"warning"}]'::jsonb
                        WHEN heavy = 'fine' THEN jsonb_build_array(jsonb_build_object('type', 'fine', 'amount', fine))
                        ELSE jsonb_build_array(jsonb_build_object('type', 'fine', 'amount', fine), jsonb_build_object('type', 'confiscation', 'amount', 2000)) END AS penalties
            FROM e)
     INSERT INTO enforcement_cases (org_id, case_no, source, party_kind, unit_id, party_name, party_address, violation, facts, officer_ids, status, filed_on,
       approver_id, proposal, notice_on, notice_served_on, hearing_requested_on, hearing_notice_on, hearing_on, hearing_held_on, reviews, review_result,
       result, decided_on, penalties, heaviest_penalty, fine_amount, first_violation, education_record, decision_doc_no, served_on, service_method,
       payments, fine_collected, published_on, closed_on, steps, created_by, created_at, updated_at)
     SELECT $1::uuid, $4::text || '档罚立〔' || to_char(f.filed, 'YYYY') || '〕' || f.g || '号',
            (ARRAY['inspection', 'inspection', 'complaint', 'own'])[1 + f.g % 4],
            CASE WHEN f.ind THEN 'individual' ELSE 'unit' END,
            CASE WHEN NOT f.ind THEN u.ids[1 + f.g % u.n] END,
            CASE WHEN f.ind THEN ($7::text[])[1 + f.g % cardinality($7::text[])] || ($8::text[])[1 + (f.g * 17) % cardinality($8::text[])]
                 WHEN u.n IS NULL THEN $12::text || ($13::text[])[1 + (f.g * 7) % cardinality($13::text[])] || ($13::text[])[1 + (f.g * 13) % cardinality($13::text[])] || '有限公司'
                 ELSE u.names[1 + f.g % u.n] END,
            CASE WHEN f.ind OR u.n IS NULL THEN '浙江省' || $11::text ELSE u.addresses[1 + f.g % u.n] END,
            ($10::text[])[1 + f.g % cardinality($10::text[])],
            '经查，当事人' || ($10::text[])[1 + f.g % cardinality($10::text[])] || '，有现场检查笔录、询问笔录和书证为证（第 ' || f.g || ' 号）。',
            off.ids, f.status, f.filed, $5::uuid,
            CASE WHEN f.notice IS NOT NULL THEN jsonb_build_object('circumstance', (ARRAY['minor', 'general', 'general', 'serious'])[1 + f.g % 4], 'penalties', f.penalties, 'discretionReason', NULL) END,
            f.notice, f.notice + 1,
            CASE WHEN f.heard THEN f.notice + 3 END, CASE WHEN f.heard THEN f.notice + 4 END, CASE WHEN f.heard THEN f.decided - 2 END, CASE WHEN f.heard THEN f.decided - 2 END,
            CASE WHEN NOT f.fined OR NOT f.big THEN '[]'::jsonb
                 WHEN f.g % 50 = 0 THEN jsonb_build_array(${review('returned', 'f.decided - 6', '裁量理由不充分，退回补充。')}, ${review('passed', 'f.decided - 1', '事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意。')})
                 ELSE jsonb_build_array(${review('passed', 'f.decided - 1', '事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意。')}) END,
            CASE WHEN f.fined AND f.big THEN 'passed' END,
            CASE WHEN f.decided IS NOT NULL THEN f.res END, f.decided, f.penalties,
            CASE WHEN f.decided IS NOT NULL AND f.res = 'penalty' THEN f.heavy END,
            CASE WHEN f.fined THEN f.fine END,
            f.decided IS NOT NULL AND f.res = 'no_penalty' AND f.g % 2 = 0,
            CASE WHEN f.decided IS NOT NULL AND f.res = 'no_penalty' AND f.g % 2 = 0 THEN '当事人系初次违法且危害后果轻微并及时改正，已对其进行教育。' END,
            CASE WHEN f.decided IS NOT NULL THEN $4::text || '档罚决〔' || to_char(f.decided, 'YYYY') || '〕' || f.g || '号' END,
            f.served, CASE WHEN f.served IS NOT NULL THEN (ARRAY['direct', 'mail', 'electronic'])[1 + f.g % 3] END,
            CASE WHEN f.paid IS NOT NULL THEN jsonb_build_array(jsonb_build_object('paidOn', f.paid::text, 'amount', f.fine)) ELSE '[]'::jsonb END,
            CASE WHEN f.paid IS NOT NULL THEN f.fine ELSE 0 END,
            CASE WHEN f.served IS NOT NULL AND f.res = 'penalty' THEN LEAST(f.decided + 3 + f.g % 4, $2::date) END,
            f.closed,
            jsonb_build_array(${step('open', 'f.filed')}, ${step('approveFiling', 'f.filed')})
              || CASE WHEN f.notice IS NOT NULL THEN jsonb_build_array(${step('notify', 'f.notice')}) ELSE '[]'::jsonb END
              || CASE WHEN f.heard THEN jsonb_build_array(${step('holdHearing', 'f.decided - 2')}) ELSE '[]'::jsonb END
              || CASE WHEN f.decided IS NOT NULL THEN jsonb_build_array(${step('decide', 'f.decided')}) ELSE '[]'::jsonb END
              || CASE WHEN f.served IS NOT NULL THEN jsonb_build_array(${step('serve', 'f.served')}) ELSE '[]'::jsonb END
              || CASE WHEN f.paid IS NOT NULL THEN jsonb_build_array(${step('pay', 'f.paid')}) ELSE '[]'::jsonb END
              || CASE WHEN f.closed IS NOT NULL THEN jsonb_build_array(${step('close', 'f.closed')}) ELSE '[]'::jsonb END,
            $5::uuid, f.filed + make_interval(secs => f.g % 36000 + 28800), f.filed + make_interval(secs => f.g % 36000 + 28800)
     FROM f CROSS JOIN off CROSS JOIN u`,
    [
      opts.orgId,
      opts.today,
      opts.count,
      opts.prefix,
      opts.actor.id,
      opts.actor.name,
      [...SURNAMES],
      [...GIVEN],
      JSON.stringify(REVIEW_CHECKLIST),
      VIOLATIONS,
      opts.city,
      opts.city.replace(/市$/, ''),
      [...TRADE_NAME_CHARS],
    ],
  );
}

/** The licensing items (许可事项) the bench applies for: the demo's items in force, created through the API. */
export async function createLicensingItems(c: Client, orgName: string): Promise<{ id: string; name: string; materials: string[] }[]> {
  const out: { id: string; name: string; materials: string[] }[] = [];
  for (const it of DEMO_ITEMS.filter((i) => !i.abolished)) {
    const item = await c.ok<{ id: string }>('POST', '/api/licensing/items', {
      name: it.name,
      legalBasis: it.legalBasis,
      conditions: it.conditions,
      materials: it.materials,
      procedure: it.procedure,
      promisedDays: it.promisedDays,
      remedies: `申请人对${orgName}作出的行政许可决定不服的，可以自知道该决定之日起六十日内依法申请行政复议，或者自知道该决定之日起六个月内依法向人民法院提起行政诉讼。`,
      validFrom: it.validFrom,
    });
    out.push({ id: item.id, name: it.name, materials: it.materials.map((m) => m.name) });
  }
  return out;
}

/**
 * Licensing applications (行政许可申请) of one org over `items`, one statement, and the clock rows of
 * the open ones (the list joins the clock of the stage a row is in), with their snapshots written as
 * the app writes them (`store`): received over the last 365 days, 70% online (portal) and 30% at the
 * desk (materials ticked); received in the last 3 days awaiting acceptance (submitted: never due, so
 * the deemed-acceptance sweep writes none), one in 101 withdrawn, half of those received in the last
 * 12 days under review, the rest accepted within a day and decided within 2–10 days (86% granted,
 * certificate issued the same day), published 1–5 days later (still `decided` until then).
 */
export async function insertLicensing(
  pool: pg.Pool,
  opts: {
    orgId: string;
    count: number;
    today: string;
    /** 机关代字 (杭) and the city without 市 (杭州): numbers and applicants' names. */
    prefix: string;
    city: string;
    items: { id: string; name: string; materials: string[] }[];
    actorId: string;
  },
  store: (rows: { id: string; spec: unknown }[]) => Promise<void>,
): Promise<{ open: number }> {
  if (opts.count <= 0 || !opts.items.length) return { open: 0 };
  const checklists = opts.items.map((i) => JSON.stringify(i.materials.map((name) => ({ name, received: true }))));
  await pool.query(
    `WITH b AS (SELECT g, ((g::bigint * 7919) % 365)::int AS age FROM generate_series(1, $3::int) AS g),
          c AS MATERIALIZED (
            SELECT b.*, $2::date - age AS received,
                   CASE WHEN age <= 2 THEN 'submitted' WHEN g % 101 = 0 THEN 'withdrawn' WHEN age <= 12 AND g % 2 = 0 THEN 'reviewing' ELSE 'done' END AS st
            FROM b),
          d AS MATERIALIZED (
            SELECT c.*,
                   CASE WHEN st IN ('reviewing', 'done') THEN received + g % 2 END AS accepted,
                   CASE WHEN st = 'done' THEN LEAST(received + 2 + (g * 11) % 9, $2::date - 1) END AS decided,
                   CASE WHEN g % 7 = 0 THEN 'refused' ELSE 'granted' END AS res
            FROM c),
          e AS MATERIALIZED (SELECT d.*, CASE WHEN decided + 1 + g % 5 <= $2::date THEN decided + 1 + g % 5 END AS published FROM d)
     INSERT INTO licensing_applications (org_id, item_id, code, tracking_code, channel, source, received_on, applicant_type, applicant_name, id_number, contact,
       summary, materials, status, accepted_on, decided_on, result, decision_no, decision_reason, certificate_no, certificate_issued_on, published_on,
       withdrawn_on, withdrawal_reason, created_by, created_at, updated_at)
     SELECT $1::uuid, ($5::uuid[])[1 + e.g % cardinality($5::uuid[])], 'XK-' || to_char(e.received, 'YYYY') || '-' || lpad(e.g::text, 6, '0'),
            'XKB' || lpad(e.g::text, 9, '0'),
            CASE WHEN e.g % 10 < 7 THEN 'online' ELSE 'desk' END, CASE WHEN e.g % 10 < 7 THEN 'portal' ELSE 'desk' END,
            e.received,
            CASE WHEN e.g % 5 = 0 THEN 'individual' ELSE 'unit' END,
            CASE WHEN e.g % 5 = 0 THEN ($7::text[])[1 + e.g % cardinality($7::text[])] || ($8::text[])[1 + (e.g * 17) % cardinality($8::text[])]
                 ELSE $9::text || ($10::text[])[1 + (e.g * 7) % cardinality($10::text[])] || ($10::text[])[1 + (e.g * 13) % cardinality($10::text[])]
                      || ($11::text[])[1 + e.g % cardinality($11::text[])] || '有限公司' END,
            CASE WHEN e.g % 5 = 0 THEN '330106' || lpad(((e.g * 7919) % 100000000)::text, 8, '0') || '002X' ELSE '91330100MA' || lpad(e.g::text, 8, '0') END,
            '1' || (ARRAY['3', '5', '7', '8', '9'])[1 + e.g % 5] || lpad(((e.g::bigint * 104729) % 1000000000)::text, 9, '0'),
            '申请办理' || ($6::text[])[1 + e.g % cardinality($6::text[])],
            CASE WHEN e.g % 10 < 7 THEN '[]'::jsonb ELSE ($12::jsonb[])[1 + e.g % cardinality($12::jsonb[])] END,
            CASE e.st WHEN 'done' THEN CASE WHEN e.published IS NULL THEN 'decided' ELSE 'published' END ELSE e.st END,
            e.accepted, e.decided, CASE WHEN e.decided IS NOT NULL THEN e.res END,
            CASE WHEN e.decided IS NOT NULL THEN $4::text || '档许〔' || to_char(e.decided, 'YYYY') || '〕' || e.g || '号' END,
            CASE WHEN e.decided IS NOT NULL AND e.res = 'refused' THEN '申请材料不符合法定条件、标准：所列档案不属于专业性较强或者需要保密的档案。' END,
            CASE WHEN e.decided IS NOT NULL AND e.res = 'granted' THEN $4::text || '档许证' || lpad(e.g::text, 8, '0') END,
            CASE WHEN e.decided IS NOT NULL AND e.res = 'granted' THEN e.decided END,
            e.published,
            CASE WHEN e.st = 'withdrawn' THEN e.received + 2 END, CASE WHEN e.st = 'withdrawn' THEN '申请人主动撤回申请' END,
            $13::uuid, e.received + make_interval(secs => e.g % 36000 + 28800), e.received + make_interval(secs => e.g % 36000 + 28800)
     FROM e`,
    [
      opts.orgId,
      opts.today,
      opts.count,
      opts.prefix,
      opts.items.map((i) => i.id),
      opts.items.map((i) => i.name),
      [...SURNAMES],
      [...GIVEN],
      opts.city,
      [...TRADE_NAME_CHARS],
      PRIVATE_TRADES,
      checklists,
      opts.actorId,
    ],
  );
  // The clock of the stage each open application is in (what the list joins), as clocks.service.ts writes it.
  const label = (kind: keyof typeof CLOCK_LABELS) => CLOCK_LABELS[kind]('\u0000').split('\u0000') as [string, string];
  const [accPre, accPost] = label('acceptance');
  const [decPre, decPost] = label('decision');
  const [pubPre, pubPost] = label('publication');
  const inserted = await pool.query<{ id: string; spec: unknown }>(
    `INSERT INTO clocks (org_id, entity_type, entity_id, kind, label, spec, created_at)
     SELECT a.org_id, $2::text, a.id::text,
            CASE a.status WHEN 'submitted' THEN $3::text WHEN 'reviewing' THEN $4::text ELSE $5::text END,
            CASE a.status WHEN 'submitted' THEN $6::text WHEN 'reviewing' THEN $8::text ELSE $10::text END || a.code || '，' || a.applicant_name || '：' || i.name
              || CASE a.status WHEN 'submitted' THEN $7::text WHEN 'reviewing' THEN $9::text ELSE $11::text END,
            CASE a.status
              WHEN 'submitted' THEN jsonb_build_object('start', a.received_on::text, 'period', $12::int, 'unit', 'working')
              WHEN 'reviewing' THEN jsonb_build_object('start', a.accepted_on::text, 'period', i.statutory_days, 'unit', 'working')
              ELSE jsonb_build_object('start', a.decided_on::text, 'period', $13::int, 'unit', 'working') END,
            now()
     FROM licensing_applications a JOIN licensing_items i ON i.id = a.item_id
     WHERE a.org_id = $1 AND a.status IN ('submitted', 'reviewing', 'decided')
     RETURNING id, spec`,
    [
      opts.orgId,
      CLOCK_ENTITY_LICENSING,
      CLOCK_KIND_LICENSING.acceptance,
      CLOCK_KIND_LICENSING.decision,
      CLOCK_KIND_LICENSING.publication,
      accPre,
      accPost,
      decPre,
      decPost,
      pubPre,
      pubPost,
      ACCEPTANCE_DAYS,
      PUBLICATION_DAYS,
    ],
  );
  await store(inserted.rows);
  return { open: inserted.rows.length };
}
