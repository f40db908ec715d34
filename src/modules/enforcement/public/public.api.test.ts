/**
 * 行政执法公示 through HTTP, signed out (/api/public/enforcement/…). Demo data at 2025-06-16 10:00 Beijing,
 * with the demo's three penalty cases (demo-cases.ts, run through the case services on their days): a
 * unit's published decision shown whole, a person's with the name masked and no identity number or
 * address anywhere, a withdrawn one listed as 已撤回 without its content; a decided but unpublished case
 * is absent. The officers are those with a certificate valid today (the demo's expired one is not). The
 * county bureau's own officer and published case never show for the city, and the reverse. Paging has
 * the kernel's hard maximum; an unknown parameter is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ok, refused, setupOrg, type SetupResponse, type TestEnv } from '../../../test/harness.js';
import type { ActorCtx } from '../../../kernel/context.js';
import { seedDemoCases } from '../demo-cases.js';
import type {
  InspectionPowerPage,
  LicensingPowerPage,
  PenaltyPowerPage,
  ProcedureList,
  PublicBasisPage,
  PublicBody,
  PublicDecisionPage,
  PublicOfficerPage,
} from './contracts.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
let county = '';
const anon = () => new Client(env.app);
const NOW = '2025-06-16T02:00:00Z';
const P = '/api/public/enforcement';
const q = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows as T[];
const get = async <T>(path: string) => ok<T>(await anon().get(path));

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  const org = setup.org.id;
  county = (await q<{ id: string }>(`SELECT id FROM orgs WHERE parent_id = $1`, [org]))[0]!.id;
  // the demo's penalty cases (they come with the past work, which this file does not need otherwise)
  const [a] = await q<{ id: string; username: string; display_name: string; roles: string[] }>(
    `SELECT id, username, display_name, roles FROM users WHERE username = 'admin'`,
  );
  const path = (await q<{ path: string }>(`SELECT path FROM orgs WHERE id = $1`, [org]))[0]!.path;
  const ctx: ActorCtx = {
    db: env.database.db,
    now: () => new Date(NOW),
    actor: { userId: a!.id, username: a!.username, displayName: a!.display_name, orgId: org, orgPath: path, roles: a!.roles as never, unitId: null },
  };
  await seedDemoCases(ctx, { org: { id: org, path, name: setup.org.name, level: 'city', regionCode: '110100' }, history: true, accounts: [], shared: {} });
  // a decided case never published (absent), and the county's own officer and published case (never the city's)
  await q(
    `INSERT INTO enforcement_cases (org_id, case_no, source, party_kind, party_name, status, filed_on, result, decided_on, decision_doc_no, penalties)
     VALUES ($1, '测档罚立〔2025〕99号', 'own', 'unit', '未公开的单位', 'decided', '2025-05-06', 'penalty', '2025-06-10', '测档罚决〔2025〕99号', '[{"type":"warning"}]')`,
    [org],
  );
  await q(
    `INSERT INTO enforcement_cases (org_id, case_no, source, party_kind, party_name, status, filed_on, result, decided_on, decision_doc_no, penalties, published_on)
     VALUES ($1, '示档罚立〔2025〕1号', 'own', 'unit', '示例区某某有限公司', 'closed', '2025-04-01', 'penalty', '2025-05-06', '示档罚决〔2025〕1号', '[{"type":"warning"}]', '2025-05-08')`,
    [county],
  );
  await q(
    `INSERT INTO inspectors (org_id, name, certificate_no, cert_issued_on, cert_expires_on) VALUES ($1, '区执法员', '11010299000001', '2024-01-01', '2027-12-31')`,
    [county],
  );
}, 120_000);
afterAll(async () => env?.close());

describe('事后公开: published penalty decisions', () => {
  let page: PublicDecisionPage;
  beforeAll(async () => {
    page = await get<PublicDecisionPage>(`${P}/decisions?org=${setup.org.id}`);
  });

  it('lists the published and the withdrawn, not the unpublished, newest publication first', () => {
    expect(page.total).toBe(3);
    expect(page.items.map((d) => d.status)).toEqual(['withdrawn', 'published', 'published']);
    expect(JSON.stringify(page)).not.toContain('未公开的单位');
    expect(JSON.stringify(page)).not.toContain('示例区');
  });

  it('a unit’s name in full, with the decision’s number, violation, basis and penalties', () => {
    const unit = page.items.find((d) => d.partyName?.endsWith('城市建设投资集团有限公司'))!;
    expect(unit).toMatchObject({
      statusLabel: '已公开',
      partyName: '测试市城市建设投资集团有限公司',
      partyKindLabel: '单位',
      penaltyText: '警告；罚款 40,000 元',
      fineAmount: 40_000,
      withdrawnOn: null,
    });
    expect(unit.decisionDocNo).toMatch(/^测档罚决〔2025〕\d+号$/);
    expect(unit.caseNo).toMatch(/^测档罚立〔2025〕\d+号$/);
    expect(unit.violation).toContain('丢失属于国家所有的档案');
    expect(unit.basis).toBe('违反《中华人民共和国档案法》第四十八条第（一）项，依据《中华人民共和国档案法》第四十九条第一款');
    expect(unit.penalties).toEqual([
      { typeLabel: '警告', amount: null },
      { typeLabel: '罚款', amount: 40_000 },
    ]);
    expect(unit.decidedOn! <= unit.publishedOn).toBe(true);
  });

  it('a person’s name masked; never the identity number or the address', () => {
    const person = page.items.find((d) => d.partyKindLabel === '个人')!;
    expect(person.partyName).toBe('李**');
    expect(person.penaltyText).toBe('警告；罚款 2,000 元');
    const body = JSON.stringify(page);
    for (const secret of ['李明华', '620102198803214517', '庆阳路']) expect(body).not.toContain(secret);
  });

  it('a withdrawn publication stays listed, marked 已撤回 with its dates, its content gone', () => {
    const w = page.items[0]!;
    expect(w).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', caseNo: null, partyName: null, partyKindLabel: null, violation: null, basis: null });
    expect([w.penalties, w.penaltyText, w.fineAmount, w.decidedOn]).toEqual([null, null, null, null]);
    expect(w.decisionDocNo).toMatch(/^测档罚决〔2025〕\d+号$/);
    expect(w.revokedOn! < w.withdrawnOn!).toBe(true);
    expect(JSON.stringify(w)).not.toContain('不动产登记中心');
  });

  it('pages with the kernel’s hard maximum', async () => {
    const second = await get<PublicDecisionPage>(`${P}/decisions?org=${setup.org.id}&page=2&pageSize=1`);
    expect([second.total, second.page, second.pageSize, second.items.length]).toEqual([3, 2, 1, 1]);
    expect(second.items[0]!.id).toBe(page.items[1]!.id);
    expect((await anon().get(`${P}/decisions?org=${setup.org.id}&pageSize=200`)).statusCode).toBe(200);
    for (const path of ['decisions', 'officers', 'bases', 'powers/licensing', 'powers/inspection', 'powers/penalty'])
      refused(await anon().get(`${P}/${path}?org=${setup.org.id}&pageSize=201`), 400, 'pageSize', /每页最多 200 条/);
  });

  it('another bureau sees only its own', async () => {
    const mine = await get<PublicDecisionPage>(`${P}/decisions?org=${county}`);
    expect(mine.items.map((d) => d.partyName)).toEqual(['示例区某某有限公司']);
  });
});

describe('事中公示: the officers with a valid certificate', () => {
  it('name, number and validity of those valid today; not the expired one; never another bureau’s', async () => {
    const page = await get<PublicOfficerPage>(`${P}/officers?org=${setup.org.id}&pageSize=200`);
    const names = page.items.map((o) => o.name);
    expect(page.total).toBe(7);
    expect(names).toContain('王执法');
    expect(names).toContain('罗建国'); // expires in 20 days: still valid today
    expect(names).not.toContain('高海燕'); // expired 20 days ago
    expect(names).not.toContain('区执法员');
    for (const o of page.items) {
      expect(Object.keys(o).sort()).toEqual(['certExpiresOn', 'certIssuedOn', 'certificateNo', 'id', 'name']);
      expect(o.certIssuedOn <= '2025-06-16' && o.certExpiresOn >= '2025-06-16').toBe(true);
    }
    expect((await get<PublicOfficerPage>(`${P}/officers?org=${county}`)).items.map((o) => o.name)).toEqual(['区执法员']);
  });
});

describe('事前公开: the body, its powers, bases and procedures', () => {
  it('the enforcing body with its telephone, remedies and the totals of its lists', async () => {
    const body = await get<PublicBody>(`${P}/body?org=${setup.org.id}`);
    expect(body).toMatchObject({ name: '测试市档案局', levelLabel: '市级', parentName: null, telephone: '0931-8810000' });
    expect(body.remedies.map((r) => [r.label, r.organ])).toEqual([
      ['行政复议', '测试市人民政府'],
      ['行政诉讼', '测试市有管辖权的基层人民法院'],
    ]);
    const [items] = await q<{ n: string }>(`SELECT count(*) AS n FROM inspection_items WHERE org_id = $1 AND status = 'active'`, [setup.org.id]);
    expect(body.counts).toEqual({ licensing: 2, inspection: Number(items!.n), penalty: 5, officers: 7, decisions: 3 });
    const countyBody = await get<PublicBody>(`${P}/body?org=${county}`);
    expect(countyBody).toMatchObject({ name: '示例区档案局', parentName: '测试市档案局', telephone: '0931-8820000' });
    expect(countyBody.counts).toEqual({ licensing: 0, inspection: 0, penalty: 0, officers: 1, decisions: 1 });
  });

  it('licensing: the items in force, not the abolished one', async () => {
    const page = await get<LicensingPowerPage>(`${P}/powers/licensing?org=${setup.org.id}`);
    expect(page.items.map((i) => i.name).sort()).toEqual(['延期移交档案审批', '档案及其复制件出境审批'].sort());
    expect(page.items[0]!.legalBasis).toMatch(/《中华人民共和国档案法/);
  });

  it('inspection: the active items of the random-inspection list, by area, paged', async () => {
    const page = await get<InspectionPowerPage>(`${P}/powers/inspection?org=${setup.org.id}&pageSize=5`);
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(30);
    expect(page.items[0]!.areaLabel).toBe('档案法第四十二条（一）档案工作责任制和管理制度落实情况');
    expect(page.items.every((i) => i.legalBasis.includes('《'))).toBe(true);
  });

  it('penalties: the 裁量基准 by violation, each party’s basis and range', async () => {
    const page = await get<PenaltyPowerPage>(`${P}/powers/penalty?org=${setup.org.id}`);
    expect(page.items.map((p) => p.code)).toEqual(['a48_1', 'a48_2', 'a48_3', 'a48_4', 'a48_5']);
    const lost = page.items[0]!;
    expect(lost).toMatchObject({
      violation: '利用档案馆的档案，丢失属于国家所有的档案',
      breachBasis: '《中华人民共和国档案法》第四十八条第（一）项',
      penaltiesLabel: '警告、罚款',
    });
    expect(lost.ranges.map((r) => [r.partyKindLabel, r.statutoryMin, r.statutoryMax, r.penaltyBasis.replace('《中华人民共和国档案法》', '')])).toEqual([
      ['单位', 10_000, 100_000, '第四十九条第一款'],
      ['个人', 500, 5_000, '第四十九条第一款'],
      ['档案服务企业', 20_000, 200_000, '第四十九条第二款'],
    ]);
    const sold = page.items[2]!;
    expect(sold.penaltiesLabel).toBe('警告、罚款、没收违法所得');
    expect(sold.ranges.every((r) => r.confiscation)).toBe(true);
    const second = await get<PenaltyPowerPage>(`${P}/powers/penalty?org=${setup.org.id}&page=2&pageSize=2`);
    expect([second.total, second.items.map((p) => p.code)]).toEqual([5, ['a48_3', 'a48_4']]);
  });

  it('bases: the laws cited, their articles in order, and what cites them; no law no longer in force', async () => {
    const page = await get<PublicBasisPage>(`${P}/bases?org=${setup.org.id}&pageSize=200`);
    const archives = page.items.find((b) => b.law === '《中华人民共和国档案法》')!;
    expect(archives.citedBy).toEqual(['行政许可', '行政检查', '行政处罚', '办事流程']);
    for (const a of ['第二十五条', '第四十二条', '第四十八条', '第四十九条']) expect(archives.articles).toContain(a);
    expect(archives.articles.length).toBe(new Set(archives.articles).size);
    expect(archives.articles.indexOf('第二十五条')).toBeLessThan(archives.articles.indexOf('第四十八条'));
    const penalty = page.items.find((b) => b.law === '《中华人民共和国行政处罚法》')!;
    expect(penalty.citedBy).toEqual(['办事流程']);
    expect(penalty.articles).toContain('第六十条');
    expect(page.items.map((b) => b.law)).not.toContain('《中华人民共和国档案法实施办法》'); // only the abolished item cites it
    expect(page.items[0]!.law).toBe('《中华人民共和国档案法》'); // the most cited first
  });

  it('procedures: the three flows with their statutory limits, the bureau’s own standards from its settings', async () => {
    let list = await get<ProcedureList>(`${P}/procedures?org=${setup.org.id}`);
    expect(list.items.map((p) => p.title)).toEqual(['行政处罚一般程序', '行政许可', '行政检查（双随机、一公开）']);
    const [penalty, licensing, inspection] = list.items;
    expect(penalty!.steps.map((s) => s.name)).toEqual(['立案', '调查取证', '告知', '陈述申辩 / 听证', '法制审核', '集体讨论', '决定', '送达', '执行', '结案']);
    expect(licensing!.steps.map((s) => s.name)).toEqual(['申请', '受理 / 补正', '审查', '决定', '公开']);
    expect(inspection!.steps.map((s) => s.name)).toEqual(['抽取', '检查', '反馈', '整改', '公开']);
    expect(penalty!.steps.find((s) => s.key === 'decide')!.limit).toBe('立案之日起 90 日内（经批准可以延长）');
    expect(licensing!.steps.find((s) => s.key === 'accept')!.limit).toBe('收到申请材料之日起 5 个工作日内');
    expect(penalty!.steps.find((s) => s.key === 'hearing')).toMatchObject({ conditional: true });
    expect(penalty!.steps.find((s) => s.key === 'hearing')!.description).toContain('对单位罚款 5 万元以上、对个人罚款 3,000 元以上');
    expect(inspection!.steps.find((s) => s.key === 'rectify')!.limit).toContain('30 个工作日');
    ok(await admin.put('/api/settings', { enforcementHearingUnitFine: 60_000, rectificationDays: 20 }));
    list = await get<ProcedureList>(`${P}/procedures?org=${setup.org.id}`);
    expect(list.items[0]!.steps.find((s) => s.key === 'hearing')!.description).toContain('对单位罚款 6 万元以上');
    expect(list.items[2]!.steps.find((s) => s.key === 'rectify')!.limit).toContain('20 个工作日');
  });
});

describe('the query', () => {
  it('an unknown parameter is refused; the bureau is required and must exist', async () => {
    for (const path of ['body', 'procedures', 'decisions', 'officers', 'bases', 'powers/licensing', 'powers/inspection', 'powers/penalty']) {
      const res = await anon().get(`${P}/${path}?org=${setup.org.id}&includeChildren=true`);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.body).toContain('includeChildren');
      expect((await anon().get(`${P}/${path}`)).statusCode, path).toBe(400);
      expect((await anon().get(`${P}/${path}?org=00000000-0000-4000-8000-000000000000`)).statusCode, path).toBe(404);
    }
  });

  it('every operation describes its answer in the OpenAPI document', async () => {
    const paths = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<
      string,
      { get?: { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } }
    >;
    const ours = Object.keys(paths).filter((p) => p.startsWith(`${P}/`) && p !== `${P}/benchmarks`);
    expect(ours.sort()).toEqual(
      ['body', 'procedures', 'decisions', 'officers', 'bases', 'powers/licensing', 'powers/inspection', 'powers/penalty'].map((x) => `${P}/${x}`).sort(),
    );
    for (const p of ours) expect(paths[p]!.get?.responses?.['200']?.content?.['application/json']?.schema, p).toBeTruthy();
  });
});
