/**
 * Draws (双随机抽取) through HTTP, on the demo data (setupOrg with demo: true) at a fixed time,
 * 2025-03-03 10:00 in Beijing (a Monday); the county bureau draws from the plan the plan tests leave
 * (test-county.ts).
 *
 * Hand counts for the demo's draw (top org 测试市档案局, 46 units; see units.test.ts):
 *   risk tiers  high 11, medium 23, low 12 — plan coverage high 30 %, medium 10 %, low 5 %
 *   k           high ⌈11 × 0.3⌉ = 4, medium ⌈23 × 0.1⌉ = 3, low ⌈12 × 0.05⌉ = 1 → 8 units
 *   inspectors  8, of whom 高海燕 (#3) holds a certificate that expired 20 days ago → 7 in the pool;
 *               罗建国's expires on 2025-03-23, after the planned date 2025-03-17 → in the pool;
 *               何丽娟 avoids unit #24, 郭晓东 unit #31 (回避) → 6 candidates for those units.
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, createTestEnv, setupOrg, signInDemo, ok } from '../../../test/harness.js';
import { NOW, byUtf8, countyCatalogue, countyPlan, emptyCounty, meOrg, sha, snapshot as countySnapshot } from '../test-county.js';
import { selectK, verifyDraw } from './draw.js';

let env: TestEnv;
let admin: Client; // admin of 测试市档案局 (city, top)
let county: Client; // county.admin of 示例区档案局
let setup: SetupResponse;

const signIn = (username: string) => signInDemo(env.app, setup, username);
/** The whole record of a draw (the detail does not carry it: GET …/draws/:id/record). */
const recordOf = async (client: Client, id: string) => ok<DrawView['record']>(await client.get(`/api/inspections/draws/${id}/record`));
const anonymous = () => new Client(env.app);
const snapshot = () => countySnapshot(env);
const c = emptyCounty();

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  county = await signIn('county.admin');
  await countyCatalogue(county, c);
  await countyPlan(county, c);
});
afterAll(async () => env.close());

describe('the demo draw, public and verifiable', () => {
  it('is listed publicly without sign-in and its record recomputes', async () => {
    const list = ok<{ items: { id: string; drawId: string; orgName: string; planTitle: string; plannedDate: string; url: string }[] }>(
      await anonymous().get('/api/public/draws'),
    );
    expect(list.items).toHaveLength(1);
    const item = list.items[0]!;
    expect(item).toMatchObject({
      drawId: 'D-2025-001',
      orgName: '测试市档案局',
      planTitle: '2025年度档案行政检查“双随机、一公开”抽查计划',
      plannedDate: '2025-03-17',
    });

    const record = ok<Record<string, unknown>>(await anonymous().get(item.url));
    expect(Object.keys(record)).toEqual(['drawId', 'algorithm', 'entropy', 'listHash', 'seed', 'candidates', 'k', 'selected', 'strata', 'teams']);
    expect(record).toMatchObject({ drawId: 'D-2025-001', algorithm: 'lantai-draw-v1', k: 8 });
    expect(verifyDraw(record)).toMatchObject({ ok: true, problems: [] });
    // The same record by its drawId.
    expect(ok(await anonymous().get('/api/public/draws/D-2025-001'))).toEqual(record);

    const strata = record.strata as { name: string; candidates: string[]; k: number; selected: string[] }[];
    expect(strata.map((s) => [s.name, s.candidates.length, s.k, s.selected.length])).toEqual([
      ['高风险', 11, 4, 4],
      ['一般风险', 23, 3, 3],
      ['低风险', 12, 1, 1],
    ]);
    expect((record.candidates as string[]).length).toBe(46);
    expect(record.selected).toEqual(strata.flatMap((s) => s.selected));
    // Independent recomputation of every link.
    const candidates = record.candidates as string[];
    expect([...candidates].sort(byUtf8)).toEqual(candidates);
    expect(sha(candidates.join('\n'))).toBe(record.listHash);
    expect(sha(`${record.listHash}|D-2025-001|${record.entropy}`)).toBe(record.seed);
    expect(record.entropy).toMatch(/^[0-9a-f]{64}$/);
    for (const s of strata) expect(selectK(s.candidates, sha(`${record.seed}:stratum:${s.name}`), s.k)).toEqual(s.selected);
  });

  it('draws teams of 2 from the inspectors the rules allow: no expired certificate, no conflict', async () => {
    const draws = ok<{ items: { id: string }[] }>(await admin.get('/api/inspections/draws'));
    const draw = ok<{
      inspectorPool: { id: string; name: string }[];
      selected: { unitId: string; team: { name: string; certificateNo: string }[] }[];
      verification: { ok: boolean };
    }>(await admin.get(`/api/inspections/draws/${draws.items[0]!.id}`));
    const record = (await recordOf(admin, draws.items[0]!.id)) as unknown as {
      teams: { unitId: string; candidates: string[]; m: number; selected: string[] }[];
      seed: string;
    };
    expect(draw.verification.ok).toBe(true);
    expect(draw.inspectorPool.map((i) => i.name)).not.toContain('高海燕');
    expect(draw.inspectorPool).toHaveLength(7);
    const inspectors = ok<{ items: { id: string; name: string }[] }>(await admin.get('/api/inspectors?pageSize=100')).items;
    const idOf = (name: string) => inspectors.find((i) => i.name === name)!.id;
    const unitsList = ok<{ items: { id: string; name: string }[] }>(await admin.get('/api/units?pageSize=100')).items;
    const conflictUnits = new Map([
      [unitsList.find((u) => u.name === '测试市华信科技股份有限公司')!.id, idOf('何丽娟')], // seed #24
      [unitsList.find((u) => u.name === '测试市兰台档案数字化服务有限公司')!.id, idOf('郭晓东')], // seed #31
    ]);
    expect(record.teams).toHaveLength(8);
    for (const t of record.teams) {
      expect(t.m).toBe(2);
      expect(t.candidates).not.toContain(idOf('高海燕'));
      const avoid = conflictUnits.get(t.unitId);
      expect(t.candidates).toHaveLength(avoid ? 6 : 7);
      if (avoid) expect(t.candidates).not.toContain(avoid);
      expect(selectK(t.candidates, sha(`${record.seed}:team:${t.unitId}`), 2)).toEqual(t.selected);
    }
    expect(draw.selected.every((s) => s.team.length === 2 && s.team.every((m) => m.certificateNo))).toBe(true);
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = ok<{ paths: Record<string, unknown> }>(await anonymous().get('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/public/draws/{id}', '/api/inspections/plans/{id}/draws', '/api/inspections/draws/{id}/execute']),
    );
  });

  it('names the drawn units and the team members with certificate numbers, outside the verified record', async () => {
    const list = ok<{ items: { id: string }[] }>(await anonymous().get('/api/public/draws'));
    const id = list.items[0]!.id;
    const record = ok<{ selected: string[]; teams: { unitId: string; selected: string[] }[] }>(await anonymous().get(`/api/public/draws/${id}`));
    const names = ok<{ units: Record<string, string>; inspectors: Record<string, { name: string; certificateNo: string }> }>(
      await anonymous().get(`/api/public/draws/${id}/names`),
    );
    expect(Object.keys(names.units).sort()).toEqual([...record.selected].sort());
    for (const u of record.selected) expect(names.units[u]).toMatch(/^测试市/);
    const members = [...new Set(record.teams.flatMap((t) => t.selected))].sort();
    expect(Object.keys(names.inspectors).sort()).toEqual(members);
    expect(members.map((m) => names.inspectors[m]!.name)).not.toContain('高海燕'); // the expired certificate
    for (const m of members) expect(names.inspectors[m]!.certificateNo).toMatch(/^\d+$/);
  });

  it('passes scripts/verify-draw.ts over HTTP', async () => {
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = env.app.server.address() as AddressInfo;
    const list = ok<{ items: { url: string }[] }>(await anonymous().get('/api/public/draws'));
    const root = fileURLToPath(new URL('../../../..', import.meta.url));
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/verify-draw.ts', `http://127.0.0.1:${port}${list.items[0]!.url}`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(stdout.trim().split('\n').at(-1)).toBe('verified');
  });
});

describe('draw: bad input is refused with a specific message and nothing written', () => {
  const draw = (body: Record<string, unknown>) => county.post(`/api/inspections/plans/${c.planId}/draws`, { plannedDate: '2025-03-20', ...body });

  it('more units than the pool', async () => {
    const before = await snapshot();
    const r = await draw({ k: 15 });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'draw.k_too_large', message: '抽取数量 k = 15 大于候选单位数 n = 14（范围内 14 家，排除 0 家）' });
    expect(await snapshot()).toEqual(before);
  });

  it('a team smaller than 2, a bad date, a public value not named in advance', async () => {
    const before = await snapshot();
    const small = await draw({ k: 3, teamSize: 1 });
    expect(small.statusCode).toBe(400);
    expect(small.json().error.fields.teamSize).toBe('检查组至少 2 名执法人员（行政处罚法第四十二条：执法人员不得少于两人）');
    const past = await draw({ k: 3, plannedDate: '2025-03-02' });
    expect(past.json().error.fields.plannedDate).toBe('计划检查日期 2025-03-02 早于今天（2025-03-03）');
    const noSuchDay = await draw({ k: 3, plannedDate: '2025-02-30' });
    expect(noSuchDay.json().error.fields.plannedDate).toBe('日期不存在');
    const otherYear = await draw({ k: 3, plannedDate: '2026-01-08' });
    expect(otherYear.json().error.fields.plannedDate).toBe('计划检查日期应在计划年度 2025 年内');
    const unnamed = await draw({ k: 3, entropySource: 'public' });
    expect(unnamed.json().error.fields.publicValueName).toContain('须在冻结名单时预先写明其名称');
    expect(await snapshot()).toEqual(before);
  });

  it('only expired inspectors beyond the two valid ones: a team of 3 cannot be formed', async () => {
    const before = await snapshot();
    const r = await draw({ k: 3, teamSize: 3 });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({
      code: 'draw.not_enough_inspectors',
      message: '计划检查日期 2025-03-20 持有效执法证的执法人员只有 2 名，检查组需要 3 名；不符合条件：丙执法（执法证 320130000 于 2025-03-01 到期）',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a conflict of interest leaves a unit with one inspector: refused, naming the unit and who withdraws', async () => {
    const unit = c.units[0]!;
    ok(await county.post(`/api/inspectors/${c.inspectors['甲执法']}/conflicts`, { unitId: unit.id, reason: '近亲属任该单位负责人' }));
    const before = await snapshot();
    const r = await draw({ k: 3 });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({
      code: 'draw.not_enough_inspectors',
      message: `以下单位回避后可选执法人员不足 2 名，无法组成检查组：${unit.name}（可选 1 名；回避：甲执法）`,
    });
    expect(await snapshot()).toEqual(before);
    // A third certified inspector makes the team possible again.
    c.inspectors['丁执法'] = ok<{ id: string }>(
      await county.post('/api/inspectors', { name: '丁执法', certificateNo: '320140000', certIssuedOn: '2024-01-01', certExpiresOn: '2028-12-31' }),
    ).id;
  });
});

type DrawView = {
  id: string;
  drawId: string;
  status: string;
  listHash: string;
  candidateCount: number;
  supersedesDrawId: string | null;
  supersededByDrawId: string | null;
  redrawReason: string | null;
  record: Record<string, unknown> & {
    candidates: string[];
    selected: string[];
    seed: string;
    listHash: string;
    teams: { unitId: string; candidates: string[]; selected: string[] }[];
  };
  verification: { ok: boolean };
};
const d: { first: DrawView | null; second: DrawView | null } = { first: null, second: null };
const ZEROS = '0'.repeat(64);
const LOTTERY = '2025年3月4日中国福利彩票“双色球”第2025024期开奖号码';

describe('draw with a public value named in advance (county)', () => {
  it('freezes and hashes the pool before any entropy exists', async () => {
    const frozen = ok<Omit<DrawView, 'record'> & { entropy: null; seed: null; entropySource: string; publicValueName: string }>(
      await county.post(`/api/inspections/plans/${c.planId}/draws`, { plannedDate: '2025-03-20', k: 3, entropySource: 'public', publicValueName: LOTTERY }),
    );
    expect(frozen).toMatchObject({
      drawId: 'D-2025-001',
      status: 'pool_frozen',
      candidateCount: 14,
      selectedCount: null,
      entropy: null,
      seed: null,
      verification: null,
      entropySource: 'public',
      publicValueName: LOTTERY,
    });
    const ids = c.units.map((u) => u.id).sort(byUtf8);
    expect(frozen.listHash).toBe(sha(ids.join('\n')));
    expect(frozen).not.toHaveProperty('record');
    expect((await county.get(`/api/inspections/draws/${frozen.id}/record`)).statusCode).toBe(404);
    // Not public before it is published; a frozen draw cannot be published.
    expect((await anonymous().get(`/api/public/draws/${frozen.id}`)).statusCode).toBe(404);
    expect((await county.post(`/api/inspections/draws/${frozen.id}/publish`)).statusCode).toBe(409);
    d.first = frozen as unknown as DrawView;
  });

  it('refuses the wrong entropy source or a missing value, writing nothing', async () => {
    const id = d.first!.id;
    const before = await snapshot();
    const server = await county.post(`/api/inspections/draws/${id}/execute`, { entropySource: 'server' });
    expect(server.json().error.fields.entropySource).toBe(`批次 D-2025-001 冻结名单时已指定使用公开随机值“${LOTTERY}”，不能改用服务器随机数`);
    const missing = await county.post(`/api/inspections/draws/${id}/execute`, { entropySource: 'public' });
    expect(missing.json().error.fields.entropy).toBe(`请填写公开随机值“${LOTTERY}”`);
    const otherName = await county.post(`/api/inspections/draws/${id}/execute`, { entropySource: 'public', entropy: ZEROS, publicValueName: '另一期' });
    expect(otherName.json().error.fields.publicValueName).toContain('不一致');
    expect(await snapshot()).toEqual(before);
  });

  it('executes once; the selection is reproducible from the published inputs', async () => {
    const drawn = ok<DrawView>(
      await county.post(`/api/inspections/draws/${d.first!.id}/execute`, { entropySource: 'public', entropy: ZEROS, publicValueName: LOTTERY }),
    );
    expect(drawn.status).toBe('drawn');
    expect(drawn.verification.ok).toBe(true);
    drawn.record = await recordOf(county, drawn.id);
    // Independently: sorted ids → listHash → seed → selectK.
    const ids = c.units.map((u) => u.id).sort(byUtf8);
    const hash = sha(ids.join('\n'));
    const seed = sha(`${hash}|D-2025-001|${ZEROS}`);
    expect(drawn.record).toMatchObject({ drawId: 'D-2025-001', entropy: ZEROS, listHash: hash, seed, candidates: ids, k: 3 });
    expect(drawn.record.selected).toEqual(selectK(ids, seed, 3));
    expect(Object.keys(drawn.record)).toEqual(['drawId', 'algorithm', 'entropy', 'listHash', 'seed', 'candidates', 'k', 'selected', 'teams']);
    // Teams: 丙执法 (expired) never a candidate; the unit with 甲执法's conflict gets 乙 and 丁 only.
    const conflicted = c.units[0]!.id;
    for (const t of drawn.record.teams) {
      expect(t.candidates).not.toContain(c.inspectors['丙执法']);
      const expected = (
        t.unitId === conflicted ? [c.inspectors['乙执法'], c.inspectors['丁执法']] : [c.inspectors['甲执法'], c.inspectors['乙执法'], c.inspectors['丁执法']]
      ) as string[];
      expect(t.candidates).toEqual(expected.sort(byUtf8));
      expect(t.selected).toEqual(selectK(t.candidates, sha(`${seed}:team:${t.unitId}`), 2));
    }
    const before = await snapshot();
    const again = await county.post(`/api/inspections/draws/${d.first!.id}/execute`, { entropySource: 'public', entropy: '1'.repeat(64) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('批次 D-2025-001 已抽取，不能再次抽取');
    expect(await snapshot()).toEqual(before);
    d.first = drawn;
  });

  it('shows publicly only once published', async () => {
    const listed = async () =>
      ok<{ items: { drawId: string; orgName: string }[] }>(await anonymous().get('/api/public/draws')).items.map((i) => `${i.orgName} ${i.drawId}`);
    expect(await listed()).toEqual(['测试市档案局 D-2025-001']);
    expect((await anonymous().get(`/api/public/draws/${d.first!.id}`)).statusCode).toBe(404);
    ok(await county.post(`/api/inspections/draws/${d.first!.id}/publish`));
    expect((await listed()).sort()).toEqual(['测试市档案局 D-2025-001', '示例区档案局 D-2025-001'].sort());
    const record = ok<Record<string, unknown>>(await anonymous().get(`/api/public/draws/${d.first!.id}`));
    expect(record).toEqual(d.first!.record);
    // Two orgs published a D-2025-001: the drawId alone is ambiguous, the id is not.
    expect((await anonymous().get('/api/public/draws/D-2025-001')).statusCode).toBe(409);
    expect((await county.post(`/api/inspections/draws/${d.first!.id}/publish`)).statusCode).toBe(409);
  });
});

describe('redraw', () => {
  it('needs a reason; keeps the old draw visible and names it', async () => {
    const before = await snapshot();
    const noReason = await county.post(`/api/inspections/plans/${c.planId}/draws`, { plannedDate: '2025-03-20', k: 3, supersedes: d.first!.id });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toBe('重新抽取须说明理由（被取代批次 D-2025-001）');
    const blank = await county.post(`/api/inspections/plans/${c.planId}/draws`, { plannedDate: '2025-03-20', k: 3, supersedes: d.first!.id, reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);

    const redraw = ok<DrawView>(
      await county.post(`/api/inspections/plans/${c.planId}/draws`, {
        plannedDate: '2025-03-20',
        k: 3,
        supersedes: d.first!.id,
        reason: '被抽中单位已于抽取前注销，经局长批准重新抽取',
      }),
    );
    expect(redraw).toMatchObject({
      drawId: 'D-2025-002',
      status: 'pool_frozen',
      supersedesDrawId: 'D-2025-001',
      redrawReason: '被抽中单位已于抽取前注销，经局长批准重新抽取',
    });
    const old = ok<DrawView>(await county.get(`/api/inspections/draws/${d.first!.id}`));
    expect(old).toMatchObject({ status: 'published', supersededByDrawId: 'D-2025-002' });
    expect(await recordOf(county, d.first!.id)).toEqual(d.first!.record);
    const again = await county.post(`/api/inspections/plans/${c.planId}/draws`, {
      plannedDate: '2025-03-20',
      k: 3,
      supersedes: d.first!.id,
      reason: '再来一次',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('批次 D-2025-001 已被 D-2025-002 取代，不能再次取代');
    d.second = redraw;
  });

  it('redrawing an executed, unpublished draw publishes it: a result cannot be hidden', async () => {
    ok(await county.post(`/api/inspections/draws/${d.second!.id}/execute`, { entropySource: 'server' }));
    const third = ok<DrawView>(
      await county.post(`/api/inspections/plans/${c.planId}/draws`, { plannedDate: '2025-03-27', k: 2, supersedes: d.second!.id, reason: '计划检查日期调整' }),
    );
    expect(third.drawId).toBe('D-2025-003');
    const second = ok<DrawView>(await county.get(`/api/inspections/draws/${d.second!.id}`));
    expect(second).toMatchObject({ status: 'published', supersededByDrawId: 'D-2025-003' });
    expect(second.verification.ok).toBe(true);
    const pub = ok<{ items: { drawId: string; orgName: string; supersedes: string | null; supersededBy: string | null; redrawReason: string | null }[] }>(
      await anonymous().get('/api/public/draws'),
    ).items.filter((i) => i.orgName === '示例区档案局');
    expect(pub.map((i) => [i.drawId, i.supersedes, i.supersededBy]).sort()).toEqual([
      ['D-2025-001', null, 'D-2025-002'],
      ['D-2025-002', 'D-2025-001', 'D-2025-003'],
    ]);
    // The superseded draw cannot be executed or superseded again; draws cannot be deleted at all.
    expect((await county.delete(`/api/inspections/draws/${d.second!.id}`)).statusCode).toBe(404);
    const list = ok<{ items: { drawId: string }[] }>(await county.get(`/api/inspections/draws?planId=${c.planId}`));
    expect(list.items.map((i) => i.drawId)).toEqual(['D-2025-003', 'D-2025-002', 'D-2025-001']);
  });
});

describe('stratified draw by risk tier (county: 14 units, tiers by seed index low/medium/medium/high → high 3, medium 7, low 4)', () => {
  let planId = '';
  beforeAll(async () => {
    planId = ok<{ id: string }>(
      await county.post('/api/inspections/plans', {
        year: 2025,
        title: '2025年度分层抽查计划',
        scope: '全区，按风险等级分层',
        stratifyByRisk: true,
        targetCoverage: { byRiskTier: { high: 50 } },
        checklistVersionId: c.v1,
      }),
    ).id;
    ok(await county.post(`/api/inspections/plans/${planId}/publish`));
  });

  it('refuses a stratum k above its pool, a missing stratum k, or a plain k', async () => {
    expect(['high', 'medium', 'low'].map((t) => c.units.filter((u) => u.riskTier === t).length)).toEqual([3, 7, 4]);
    const before = await snapshot();
    const big = await county.post(`/api/inspections/plans/${planId}/draws`, { plannedDate: '2025-03-20', strataK: { high: 4, medium: 1, low: 1 } });
    expect(big.statusCode).toBe(422);
    expect(big.json().error).toMatchObject({ code: 'draw.k_too_large', message: '“高风险”层抽取数量 4 大于该层候选单位数 3' });
    // high defaults to ⌈3 × 50 %⌉ = 2; medium has neither a k nor a coverage.
    const missing = await county.post(`/api/inspections/plans/${planId}/draws`, { plannedDate: '2025-03-20', strataK: { low: 1 } });
    expect(missing.json().error.fields['strataK.medium']).toBe('请填写“一般风险”层的抽取数量（strataK.medium），或在计划中设置该层的目标覆盖率');
    const plain = await county.post(`/api/inspections/plans/${planId}/draws`, { plannedDate: '2025-03-20', k: 3 });
    expect(plain.json().error.fields.k).toBe('本计划按风险等级分层抽取，请按层填写抽取数量 strataK');
    expect(await snapshot()).toEqual(before);
  });

  it('draws each stratum with its own seed; the record verifies', async () => {
    const frozen = ok<DrawView>(await county.post(`/api/inspections/plans/${planId}/draws`, { plannedDate: '2025-03-20', strataK: { medium: 2, low: 1 } }));
    expect(frozen.drawId).toBe('D-2025-004');
    const drawn = ok<DrawView>(await county.post(`/api/inspections/draws/${frozen.id}/execute`, { entropySource: 'server' }));
    drawn.record = await recordOf(county, frozen.id);
    const strata = drawn.record.strata as { name: string; candidates: string[]; k: number; selected: string[] }[];
    expect(strata.map((x) => [x.name, x.candidates.length, x.k])).toEqual([
      ['高风险', 3, 2],
      ['一般风险', 7, 2],
      ['低风险', 4, 1],
    ]);
    expect(drawn.record.k).toBe(5);
    for (const x of strata) expect(selectK(x.candidates, sha(`${drawn.record.seed}:stratum:${x.name}`), x.k)).toEqual(x.selected);
    expect(verifyDraw(drawn.record).ok).toBe(true);
    // An inspector (not an admin) reads the draw's timeline.
    const inspectorOfCity = await signIn('inspector');
    expect((await inspectorOfCity.get(`/api/audit/timeline?entityType=inspectionDraw&entityId=${frozen.id}&orgId=${await meOrg(county)}`)).statusCode).toBe(
      200,
    );
  });
});

describe('tenancy and roles', () => {
  it('the city reads the county’s records but cannot change them; the county cannot see the city’s', async () => {
    const cityDraw = ok<{ items: { id: string; planId: string }[] }>(await admin.get('/api/inspections/draws')).items[0]!;
    expect(ok<DrawView>(await admin.get(`/api/inspections/draws/${d.first!.id}`)).drawId).toBe('D-2025-001');
    const countyOrg = await meOrg(county);
    expect(ok<{ items: unknown[] }>(await admin.get(`/api/inspections/plans?orgId=${countyOrg}`)).items).toHaveLength(2);
    const before = await snapshot();
    expect((await admin.post(`/api/inspections/draws/${d.first!.id}/publish`)).statusCode).toBe(403);
    expect((await admin.post(`/api/inspections/plans/${c.planId}/draws`, { plannedDate: '2025-03-20', k: 1 })).statusCode).toBe(403);
    expect((await admin.patch(`/api/inspections/items/${c.items['K-01']}`, { title: '市局改区局事项' })).statusCode).toBe(403);
    expect((await county.get(`/api/inspections/draws/${cityDraw.id}`)).statusCode).toBe(404);
    expect((await county.get(`/api/inspections/plans/${cityDraw.planId}`)).statusCode).toBe(404);
    expect((await county.post(`/api/inspections/plans/${cityDraw.planId}/draws`, { plannedDate: '2025-03-20', k: 1 })).statusCode).toBe(404);
    expect((await county.get(`/api/inspections/plans?orgId=${setup.org.id}`)).statusCode).toBe(404);
    expect((await county.get('/api/inspections/draws/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('staff and leaders read, inspectors manage, units and strangers do not', async () => {
    const staff = await signIn('staff');
    expect((await staff.get('/api/inspections/plans')).statusCode).toBe(200);
    expect((await staff.post('/api/inspections/items', { code: 'S-01', area: 'a1', title: '业务科室新增', legalBasis: '第十二条' })).statusCode).toBe(403);
    expect((await (await signIn('leader')).get('/api/inspections/checklists')).statusCode).toBe(200);
    expect((await (await signIn('unit')).get('/api/inspections/plans')).statusCode).toBe(403);
    expect((await anonymous().get('/api/inspections/plans')).statusCode).toBe(401);
    const inspector = await signIn('inspector');
    expect((await inspector.post('/api/inspections/items', { code: 'I-01', area: 'a4', title: '执法人员新增的事项', legalBasis: '第十四条' })).statusCode).toBe(
      200,
    );
  });
});

describe('whole-process record', () => {
  it('every inspection write is in the hash chain, and the chain verifies', async () => {
    const tl = ok<{ items: { action: string }[] }>(await county.get(`/api/audit/timeline?entityType=inspectionDraw&entityId=${d.second!.id}`));
    expect(tl.items.map((e) => e.action)).toEqual(['inspectionDraw.redraw', 'inspectionDraw.execute', 'inspectionDraw.publish']);
    expect(ok<{ intact: boolean }>(await admin.get('/api/audit/verify')).intact).toBe(true);
  });
});
