/**
 * A draw over a pool larger than PostgreSQL's 65,535 bind parameters (70,000 units, written with one
 * INSERT … SELECT unnest as bench/run.ts does), end to end through the API: freeze, execute (in the
 * worker thread), the light detail, the paged pool, the whole record and its independent check,
 * publication, the paged lists with their hard page-size limit, and a result changed in the database
 * after its verification (verified again when read).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../../kernel/http/responses.js';
import { Client, type TestEnv, createTestEnv, ok, setupOrg } from '../../../test/harness.js';
import { sha } from '../test-county.js';
import { selectK, verifyDraw } from './draw.js';

const N = 70_000;
const K = 40;
let env: TestEnv;
let admin: Client;
let drawId = '';
let planId = '';

type Detail = {
  id: string;
  status: string;
  candidateCount: number;
  selectedCount: number | null;
  verified: boolean | null;
  listHash: string;
  seed: string | null;
  selected: { unitId: string; name: string; team: { id: string; name: string }[] }[];
  verification: { ok: boolean; problems: string[] } | null;
};
type Record_ = {
  drawId: string;
  listHash: string;
  seed: string;
  candidates: string[];
  k: number;
  selected: string[];
  teams: { unitId: string; selected: string[] }[];
};

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  admin = (await setupOrg(env.app)).client;
  const orgId = ((await admin.get('/api/auth/me')).json() as { org: { id: string } }).org.id;
  const types = ['agency', 'institution', 'soe', 'private'];
  const tiers = ['low', 'medium', 'high'];
  const at = (f: (i: number) => string) => Array.from({ length: N }, (_, i) => f(i));
  await env.database.pool.query(
    `INSERT INTO units (org_id, name, credit_code, type, risk_tier, status)
     SELECT $1::uuid, t.name, t.code, t.type, t.risk, 'active' FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(name, code, type, risk)`,
    [
      orgId,
      at((i) => `测试单位${String(i + 1).padStart(5, '0')}`),
      at((i) => `91110000${String(i).padStart(10, '0')}`),
      at((i) => types[i % types.length]!),
      at((i) => tiers[i % tiers.length]!),
    ],
  );
  for (const [name, no] of [
    ['甲', '11000001'],
    ['乙', '11000002'],
    ['丙', '11000003'],
  ]) {
    ok(await admin.post('/api/inspectors', { name, certificateNo: no, certIssuedOn: '2024-01-01', certExpiresOn: '2027-12-31' }));
  }
  const item = ok<{ id: string }>(
    await admin.post('/api/inspections/items', { code: 'T-01', area: 'a1', title: '责任制', legalBasis: '《中华人民共和国档案法》第十二条' }),
  );
  const checklist = ok<{ versions: { id: string }[] }>(await admin.post('/api/inspections/checklists', { name: '测试检查表', kind: 'inspection' }));
  const versionId = checklist.versions[0]!.id;
  ok(await admin.put(`/api/inspections/checklist-versions/${versionId}/items`, { items: [{ itemId: item.id }] }));
  ok(await admin.post(`/api/inspections/checklist-versions/${versionId}/publish`));
  planId = ok<{ id: string }>(await admin.post('/api/inspections/plans', { year: 2025, title: '大名单计划', scope: '全市', checklistVersionId: versionId })).id;
  ok(await admin.post(`/api/inspections/plans/${planId}/publish`));
}, 60_000);
afterAll(async () => env.close());

describe(`a draw over ${N.toLocaleString('en')} units`, () => {
  it('freezes the pool and answers a detail without the candidate list', async () => {
    const res = await admin.post(`/api/inspections/plans/${planId}/draws`, { plannedDate: '2025-03-20', k: K, teamSize: 2 });
    const frozen = ok<Detail>(res);
    expect(frozen).toMatchObject({ status: 'pool_frozen', candidateCount: N, selectedCount: null, verified: null, verification: null, seed: null });
    expect(res.body.length).toBeLessThan(20_000);
    drawId = frozen.id;
  }, 30_000);

  it('executes in one go, verified and stored with the draw; the detail stays small', async () => {
    const res = await admin.post(`/api/inspections/draws/${drawId}/execute`, { entropySource: 'server' });
    const drawn = ok<Detail>(res);
    expect(drawn).toMatchObject({ status: 'drawn', candidateCount: N, selectedCount: K, verified: true, verification: { ok: true, problems: [] } });
    expect(drawn.selected).toHaveLength(K);
    expect(drawn.selected.every((s) => /^测试单位\d{5}$/.test(s.name) && s.team.length === 2)).toBe(true);
    expect(res.body.length).toBeLessThan(100_000);
    const again = await admin.get(`/api/inspections/draws/${drawId}`);
    expect(ok<Detail>(again).verification).toEqual(drawn.verification);
    expect(again.body.length).toBeLessThan(100_000);
  }, 30_000);

  it('pages the frozen pool, finds a unit by name, and refuses a page over the limit', async () => {
    const page = ok<{ items: { id: string; name: string }[]; total: number; page: number; pageSize: number }>(
      await admin.get(`/api/inspections/draws/${drawId}/units?page=3&pageSize=50`),
    );
    expect(page).toMatchObject({ total: N, page: 3, pageSize: 50 });
    expect(page.items).toHaveLength(50);
    const found = ok<{ items: { name: string }[]; total: number }>(
      await admin.get(`/api/inspections/draws/${drawId}/units?q=${encodeURIComponent('测试单位12345')}`),
    );
    expect(found).toMatchObject({ total: 1, items: [{ name: '测试单位12345' }] });
    expect((await admin.get(`/api/inspections/draws/${drawId}/units?pageSize=${MAX_PAGE_SIZE + 1}`)).statusCode).toBe(400);
  });

  it('gives the whole record, which recomputes independently', async () => {
    const record = ok<Record_>(await admin.get(`/api/inspections/draws/${drawId}/record`));
    expect(Object.keys(record)).toEqual(['drawId', 'algorithm', 'entropy', 'listHash', 'seed', 'candidates', 'k', 'selected', 'teams']);
    expect(record.candidates).toHaveLength(N);
    expect(sha(record.candidates.join('\n'))).toBe(record.listHash);
    expect(selectK(record.candidates, record.seed, K)).toEqual(record.selected);
    expect(verifyDraw(record)).toMatchObject({ ok: true, problems: [] });
  }, 30_000);

  it('publishes; the portal lists it paged and serves the same record', async () => {
    ok(await admin.post(`/api/inspections/draws/${drawId}/publish`));
    const anonymous = new Client(env.app);
    const list = ok<{ items: { id: string; candidateCount: number; k: number; url: string }[]; total: number; page: number; pageSize: number }>(
      await anonymous.get('/api/public/draws?page=1&pageSize=10'),
    );
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 10, items: [{ id: drawId, candidateCount: N, k: K }] });
    expect(ok<{ items: unknown[]; total: number }>(await anonymous.get('/api/public/draws?page=2&pageSize=10'))).toMatchObject({ items: [], total: 1 });
    expect((await anonymous.get(`/api/public/draws?pageSize=${MAX_PAGE_SIZE + 1}`)).statusCode).toBe(400);
    expect(ok<{ items: { id: string }[] }>(await anonymous.get(`/api/public/draws?id=${drawId}`)).items.map((i) => i.id)).toEqual([drawId]);
    const pub = ok<Record_>(await anonymous.get(list.items[0]!.url));
    expect(pub).toEqual(ok<Record_>(await admin.get(`/api/inspections/draws/${drawId}/record`)));
    const names = ok<{ units: Record<string, string> }>(await anonymous.get(`${list.items[0]!.url}/names`));
    expect(Object.keys(names.units).sort()).toEqual([...pub.selected].sort());
  }, 30_000);

  it('lists the org’s draws paged, with the summary columns, and refuses a page over the limit', async () => {
    const list = ok<{
      items: { id: string; candidateCount: number; selectedCount: number; verified: boolean }[];
      total: number;
      page: number;
      pageSize: number;
    }>(await admin.get('/api/inspections/draws?pageSize=5'));
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 5, items: [{ id: drawId, candidateCount: N, selectedCount: K, verified: true }] });
    const refused = await admin.get(`/api/inspections/draws?pageSize=${MAX_PAGE_SIZE + 1}`);
    expect(refused.statusCode).toBe(400);
  });

  it('a result changed in the database after its verification is verified again when read, and fails', async () => {
    const dba = new pg.Client({ connectionString: env.ownerUrl });
    await dba.connect();
    try {
      await dba.query(`UPDATE inspection_draws SET result = jsonb_set(result, '{selected,0}', result -> 'selected' -> 1) WHERE id = $1`, [drawId]);
    } finally {
      await dba.end();
    }
    const detail = ok<Detail>(await admin.get(`/api/inspections/draws/${drawId}`));
    expect(detail.verification!.ok).toBe(false);
    expect(detail.verification!.problems[0]).toMatch(/^抽中名单与重新计算的结果不一致/);
  }, 30_000);
});
