/**
 * Test support for the catalogue, plan, draw and evaluation tests: the county bureau (示例区档案局, 14
 * units, no inspectors of its own) builds its records through the API, as the earlier areas' tests
 * leave them, so each area's tests start where the scenario reaches that area. Not a test file.
 */
import { createHash } from 'node:crypto';
import { type Client, type TestEnv, countRows, ok } from '../../test/harness.js';

export const NOW = '2025-03-03T02:00:00Z';
export const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
export const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** Rows of the inspection tables and audit events, for "nothing was written". */
export async function snapshot(env: TestEnv) {
  const tables = [
    'inspection_items',
    'checklists',
    'checklist_versions',
    'checklist_version_items',
    'inspection_plans',
    'inspection_draws',
    'evaluations',
    'audit_events',
  ];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(env, t)] as const)));
}

export async function meOrg(client: Client): Promise<string> {
  return ((await client.get('/api/auth/me')).json() as { org: { id: string } }).org.id;
}

export type Version = {
  id: string;
  version: number;
  status: string;
  items: { id: string; code: string; title: string; points: number | null; veto: boolean }[];
};

/** What the county's scenario has built so far. */
export interface County {
  items: Record<string, string>;
  checklistId: string;
  v1: string;
  planId: string;
  units: { id: string; name: string; riskTier: string }[];
  inspectors: Record<string, string>;
}

export const emptyCounty = (): County => ({ items: {}, checklistId: '', v1: '', planId: '', units: [], inspectors: {} });

/**
 * The catalogue as the catalogue tests leave it for the plans: items K-01…K-03, the 检查表
 * “区档案行政检查表” with version 1 published (K-01, K-02, K-03) and version 2 a draft.
 */
export async function countyCatalogue(county: Client, c: County): Promise<void> {
  for (const [code, area, title] of [
    ['K-01', 'a1', '建立档案工作责任制'],
    ['K-02', 'a2', '库房“八防”措施到位'],
    ['K-03', 'a5', '电子档案来源可靠、程序规范、要素合规'],
  ] as const) {
    c.items[code] = ok<{ id: string }>(
      await county.post('/api/inspections/items', { code, area, title, legalBasis: '《中华人民共和国档案法》第十二条', method: '查阅资料' }),
    ).id;
  }
  const created = ok<{ id: string; versions: { id: string }[] }>(
    await county.post('/api/inspections/checklists', { name: '区档案行政检查表', kind: 'inspection' }),
  );
  c.checklistId = created.id;
  c.v1 = created.versions[0]!.id;
  ok(await county.put(`/api/inspections/checklist-versions/${c.v1}/items`, { items: ['K-01', 'K-02', 'K-03'].map((k) => ({ itemId: c.items[k] })) }));
  ok(await county.post(`/api/inspections/checklist-versions/${c.v1}/publish`));
  ok(await county.post(`/api/inspections/checklists/${c.checklistId}/versions`));
}

/**
 * The plan as the plan tests leave it for the draws: “2025年度区档案行政检查计划” (coverage 20 %, version
 * 1) published with 甲执法 and 乙执法; 丙执法's certificate expired on 2025-03-01.
 */
export async function countyPlan(county: Client, c: County): Promise<void> {
  c.planId = ok<{ id: string }>(
    await county.post('/api/inspections/plans', {
      year: 2025,
      title: '2025年度区档案行政检查计划',
      scope: '全区检查对象',
      targetCoverage: { overall: 20 },
      checklistVersionId: c.v1,
    }),
  ).id;
  ok(await county.patch(`/api/inspections/plans/${c.planId}`, { schedule: '每周四下午' }));
  c.units = ok<{ items: { id: string; name: string; riskTier: string }[] }>(await county.get('/api/units?pageSize=100')).items;
  for (const [name, n, issued, expires] of [
    ['甲执法', 1, '2023-01-01', '2027-12-31'],
    ['乙执法', 2, '2023-01-01', '2027-12-31'],
    ['丙执法', 3, '2020-01-01', '2025-03-01'],
  ] as const) {
    c.inspectors[name] = ok<{ id: string }>(
      await county.post('/api/inspectors', { name, certificateNo: `3201${n}0000`, certIssuedOn: issued, certExpiresOn: expires }),
    ).id;
  }
  ok(await county.post(`/api/inspections/plans/${c.planId}/publish`));
}
