/**
 * Annual plans (年度检查计划) and their 事前公开 through HTTP, at a fixed time, 2025-03-03 10:00 in
 * Beijing (a Monday): the demo's published plan, then the county bureau's own plan on the catalogue
 * the catalogue tests leave (test-county.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, createTestEnv, setupOrg, signInDemo, ok, refused } from '../../../test/harness.js';
import type { PlanList, PublicPlanList } from './contracts.js';
import { NOW, countyCatalogue, emptyCounty, snapshot as countySnapshot } from '../test-county.js';

let env: TestEnv;
let admin: Client; // admin of 测试市档案局 (city, top)
let county: Client; // county.admin of 示例区档案局
let setup: SetupResponse;

const signIn = (username: string) => signInDemo(env.app, setup, username);
const anonymous = () => new Client(env.app);
const snapshot = () => countySnapshot(env);
const c = emptyCounty();

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  county = await signIn('county.admin');
  await countyCatalogue(county, c);
});
afterAll(async () => env.close());

describe('demo data', () => {
  it('has the catalogue over six areas, three published checklists and a published plan', async () => {
    const items = ok<{ items: { area: string; code: string; legalBasis: string }[] }>(await admin.get('/api/inspections/items?pageSize=200'));
    expect(items.items).toHaveLength(38); // 37 + the veto item
    const perArea = Object.fromEntries(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((a) => [a, items.items.filter((i) => i.area === a).length]));
    expect(perArea).toEqual({ a1: 6, a2: 7, a3: 6, a4: 8, a5: 6, a6: 5 });
    // Every basis names a law, an article and (in brackets) the words of the article.
    expect(
      items.items.filter((i) => !/^《中华人民共和国档案法(实施条例)?》第[一二三四五六七八九十]+条.*（[^）]+）/.test(i.legalBasis)).map((i) => i.code),
    ).toEqual([]);
    const basis = (code: string) => items.items.find((i) => i.code === code)!.legalBasis;
    // 四性检测 → 档案法第三十九条; 数字化保留原件 → 第三十八条; 异地备份 → 实施条例第四十一条 (issue 9).
    expect(basis('A5-03')).toMatch(/^《中华人民共和国档案法》第三十九条第二款（对接收的电子档案进行检测，确保电子档案的真实性、完整性、可用性和安全性）/);
    expect(basis('A5-05')).toMatch(/^《中华人民共和国档案法》第三十八条（.*应当对档案原件妥善保管）/);
    expect(basis('A5-04')).toContain('《中华人民共和国档案法实施条例》第四十一条第一款');

    const lists = ok<{ items: { name: string; kind: string; latestPublished: { itemCount: number; thresholds: unknown } | null; draft: unknown }[] }>(
      await admin.get('/api/inspections/checklists'),
    );
    expect(lists.items.map((c) => [c.kind, c.latestPublished?.itemCount, c.draft])).toEqual([
      ['evaluation', 15, null],
      ['inspection', 37, null],
      ['self_inspection', 37, null],
    ]);
    expect(lists.items[0]!.latestPublished!.thresholds).toEqual({ excellent: 0.8, good: 0.7, pass: 0.6 });

    const plans = ok<{ items: { id: string; status: string; stratifyByRisk: boolean; inspectors: { name: string }[] }[] }>(
      await admin.get('/api/inspections/plans'),
    );
    expect(plans.items).toHaveLength(1);
    expect(plans.items[0]).toMatchObject({ status: 'published', stratifyByRisk: true });
    // 事前公开 lists the 7 inspectors whose certificate is valid today (not 高海燕).
    expect(plans.items[0]!.inspectors.map((i) => i.name).sort()).toEqual(['何丽娟', '孙立新', '林志强', '王执法', '罗建国', '郭晓东', '马红梅'].sort());
    const pub = ok<{ items: { title: string; items: unknown[]; inspectors: { name: string; certificateNo: string }[] }[] }>(
      await anonymous().get('/api/public/plans'),
    );
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]!.items).toHaveLength(37);
    expect(pub.items[0]!.inspectors).toHaveLength(7);
    // The portal shows the scope and the target coverage too (事前公开), but no inspector's conflicts or validity.
    expect(pub.items[0]).toMatchObject({
      stratifyByRisk: true,
      unitTypes: [],
      riskTiers: [],
      targetCoverage: { overall: 10, byRiskTier: { high: 30, medium: 10, low: 5 } },
    });
    expect(Object.keys(pub.items[0]!.inspectors[0]!).sort()).toEqual(['certificateNo', 'name']);
  });
});

describe('annual plan (county)', () => {
  it('refuses an unpublished or non-inspection checklist version', async () => {
    const draft = ok<{ versions: { id: string; status: string }[] }>(await county.get(`/api/inspections/checklists/${c.checklistId}`)).versions.find(
      (v) => v.status === 'draft',
    )!;
    const base = { year: 2025, title: '2025年度区档案行政检查计划', scope: '全区检查对象', targetCoverage: { overall: 20 } };
    const r1 = await county.post('/api/inspections/plans', { ...base, checklistVersionId: draft.id });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.fields.checklistVersionId).toBe('“区档案行政检查表”第 2 版尚未发布，计划只能使用已发布的版本');
    const self = ok<{ versions: { id: string }[] }>(await county.post('/api/inspections/checklists', { name: '区自查表', kind: 'self_inspection' }));
    const r2 = await county.post('/api/inspections/plans', { ...base, checklistVersionId: self.versions[0]!.id });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.fields.checklistVersionId).toContain('不是检查表');
  });

  it('creates and edits a draft plan; publishing needs two certified inspectors', async () => {
    const plan = ok<{ id: string; status: string }>(
      await county.post('/api/inspections/plans', {
        year: 2025,
        title: '2025年度区档案行政检查计划',
        scope: '全区检查对象',
        targetCoverage: { overall: 20 },
        checklistVersionId: c.v1,
      }),
    );
    c.planId = plan.id;
    expect(plan.status).toBe('draft');
    ok(await county.patch(`/api/inspections/plans/${plan.id}`, { schedule: '每周四下午' }));
    const before = await snapshot();
    const r = await county.post(`/api/inspections/plans/${plan.id}/publish`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('本机构今天（2025-03-03）持有效执法证的执法人员只有 0 名，至少 2 名才能公开检查计划');
    expect(await snapshot()).toEqual(before);

    c.units = ok<{ items: { id: string; name: string; riskTier: string }[] }>(await county.get('/api/units?pageSize=100')).items;
    expect(c.units).toHaveLength(14);
    for (const [name, issued, expires] of [
      ['甲执法', '2023-01-01', '2027-12-31'],
      ['乙执法', '2023-01-01', '2027-12-31'],
      ['丙执法', '2020-01-01', '2025-03-01'], // expired two days ago
    ] as const) {
      const i = ok<{ id: string }>(
        await county.post('/api/inspectors', {
          name,
          certificateNo: `3201${name === '甲执法' ? 1 : name === '乙执法' ? 2 : 3}0000`,
          certIssuedOn: issued,
          certExpiresOn: expires,
        }),
      );
      c.inspectors[name] = i.id;
    }
    const published = ok<{ status: string; inspectors: { name: string }[] }>(await county.post(`/api/inspections/plans/${plan.id}/publish`));
    expect(published.status).toBe('published');
    expect(published.inspectors.map((i) => i.name).sort()).toEqual(['乙执法', '甲执法'].sort());
    const edit = await county.patch(`/api/inspections/plans/${plan.id}`, { title: '改名' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('计划“2025年度区档案行政检查计划”已公开，不能修改');
  });

  it('keeps its checklist version when a newer version is published', async () => {
    const draft = ok<{ versions: { id: string; status: string }[] }>(await county.get(`/api/inspections/checklists/${c.checklistId}`)).versions.find(
      (v) => v.status === 'draft',
    )!;
    ok(await county.post(`/api/inspections/checklist-versions/${draft.id}/publish`));
    const plan = ok<{ checklistVersionId: string; checklist: { version: number } }>(await county.get(`/api/inspections/plans/${c.planId}`));
    expect(plan.checklistVersionId).toBe(c.v1);
    expect(plan.checklist.version).toBe(1);
  });
});

describe('plans are paged', () => {
  it('answers page 2 of the plans (newest year first) as the slice of the whole, with the total; a page of more than 200 is refused', async () => {
    for (const year of [2023, 2024, 2026]) {
      ok(
        await county.post('/api/inspections/plans', {
          year,
          title: `${year}年度分页计划`,
          scope: '全区',
          targetCoverage: { overall: 10 },
          checklistVersionId: c.v1,
        }),
      );
    }
    const all = ok<PlanList>(await county.get('/api/inspections/plans?pageSize=200'));
    expect(all.total).toBe(4);
    expect(all.items.map((p) => p.year)).toEqual([2026, 2025, 2024, 2023]);
    const p2 = ok<PlanList>(await county.get('/api/inspections/plans?page=2&pageSize=3'));
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.items.map((p) => p.id)).toEqual([all.items[3]!.id]);
    expect(ok<PlanList>(await county.get('/api/inspections/plans?status=published')).items.map((p) => p.id)).toEqual([c.planId]);
    refused(await county.get('/api/inspections/plans?pageSize=201'), 400, 'pageSize', /每页最多 200 条/);
  });

  it('answers page 2 of the portal’s plans (latest published first), filtered by bureau or year; a page of more than 200 is refused', async () => {
    const all = ok<PublicPlanList>(await anonymous().get('/api/public/plans?pageSize=200'));
    expect(all.total).toBe(2); // the demo's and the county's, drafts never
    const p2 = ok<PublicPlanList>(await anonymous().get('/api/public/plans?page=2&pageSize=1'));
    expect(p2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(p2.items.map((p) => p.id)).toEqual([all.items[1]!.id]);
    expect(ok<PublicPlanList>(await anonymous().get('/api/public/plans?year=2025')).total).toBe(2);
    expect(ok<PublicPlanList>(await anonymous().get('/api/public/plans?year=2024')).total).toBe(0);
    const countyOrg = ok<{ org: { id: string } }>(await county.get('/api/auth/me')).org.id;
    expect(ok<PublicPlanList>(await anonymous().get(`/api/public/plans?orgId=${countyOrg}`)).items.map((p) => p.id)).toEqual([c.planId]);
    refused(await anonymous().get('/api/public/plans?pageSize=201'), 400, 'pageSize', /每页最多 200 条/);
  });
});
