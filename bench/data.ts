/**
 * The bench's dataset: an org tree of Zhejiang's archives administrations, their directories of
 * regulated units (检查对象名录库), disclosure applications with their reply clocks, and what a draw
 * needs (inspectors, a published checklist and plan). Large tables are written set-based (one
 * INSERT … SELECT FROM unnest / generate_series per table and org), never row by row.
 */
import type pg from 'pg';
import { makeCreditCode } from '../src/modules/orgs/units/credit-code.js';
import { UNIT_TYPES } from '../src/modules/orgs/labels.js';
import { APPLICANT_TYPES, CHANNELS, OUTCOME_CODES } from '../src/modules/disclosure/labels.js';
import { CLOCK_ENTITY, CLOCK_KIND_REPLY, REPLY_PERIOD } from '../src/modules/disclosure/applications/clock.js';
import { addDays } from '../src/kernel/calendar/calendar.js';
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
