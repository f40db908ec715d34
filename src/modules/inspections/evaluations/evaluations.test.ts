/**
 * Scored evaluations (评价考评) through HTTP, hand-counted, at a fixed time, 2025-03-03 10:00 in
 * Beijing: the county bureau grades one of its units with its own 考评表.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type SetupResponse, type TestEnv, createTestEnv, setupOrg, signInDemo, ok, refused } from '../../../test/harness.js';
import type { EvaluationList } from './contracts.js';
import { NOW, emptyCounty, snapshot as countySnapshot, type Version } from '../test-county.js';

let env: TestEnv;
let admin: Client; // admin of 测试市档案局 (city, top)
let county: Client; // county.admin of 示例区档案局
let setup: SetupResponse;

const signIn = (username: string) => signInDemo(env.app, setup, username);
const snapshot = () => countySnapshot(env);
const c = emptyCounty();

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  county = await signIn('county.admin');
  c.units = ok<{ items: { id: string; name: string; riskTier: string }[] }>(await county.get('/api/units?pageSize=100')).items;
});
afterAll(async () => env.close());

describe('scored evaluation (hand-counted)', () => {
  // 5 items worth 10, 20, 30, 25, 15 (= 100); E-05 is a veto item; thresholds 80/70/60 %.
  let versionId = '';
  let entries: Version['items'] = [];
  const points = [10, 20, 30, 25, 15];
  const grade = (results: string[]) =>
    county.post('/api/inspections/evaluations/grade', {
      checklistVersionId: versionId,
      title: '试算',
      evaluatedOn: '2025-03-03',
      results: entries.map((e, i) => ({ entryId: e.id, result: results[i] })),
    });

  beforeAll(async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      ids.push(
        ok<{ id: string }>(
          await county.post('/api/inspections/items', { code: `E-0${i}`, area: i === 5 ? 'a2' : 'a1', title: `考评项 ${i}`, legalBasis: '第十二条' }),
        ).id,
      );
    }
    const list = ok<{ versions: { id: string }[] }>(await county.post('/api/inspections/checklists', { name: '区目标管理考评表', kind: 'evaluation' }));
    versionId = list.versions[0]!.id;
    const noPoints = await county.put(`/api/inspections/checklist-versions/${versionId}/items`, { items: ids.map((itemId) => ({ itemId })) });
    expect(noPoints.statusCode).toBe(200);
    const refused = await county.post(`/api/inspections/checklist-versions/${versionId}/publish`);
    expect(refused.json().error.message).toBe('考评表的每一项都应设置分值；未设置：E-01、E-02、E-03、E-04、E-05');
    // Grading an unpublished version is refused.
    entries = ok<Version>(await county.get(`/api/inspections/checklist-versions/${versionId}`)).items;
    expect((await grade(['compliant', 'compliant', 'compliant', 'compliant', 'compliant'])).statusCode).toBe(400);
    ok(
      await county.put(`/api/inspections/checklist-versions/${versionId}/items`, {
        items: ids.map((itemId, i) => ({ itemId, points: points[i], veto: i === 4 })),
      }),
    );
    ok(await county.post(`/api/inspections/checklist-versions/${versionId}/publish`));
    entries = ok<Version>(await county.get(`/api/inspections/checklist-versions/${versionId}`)).items;
  });

  it.each([
    // E-02 fails: 80 / 100 = 80 % → 优秀 (bounds inclusive)
    [['compliant', 'non_compliant', 'compliant', 'compliant', 'compliant'], 80, 100, 'excellent', '优秀', []],
    // the veto item fails: 85 / 100 = 85 %, but 一票否决 → 不合格
    [['compliant', 'compliant', 'compliant', 'compliant', 'non_compliant'], 85, 100, 'fail', '不合格', ['E-05']],
    // E-03 not applicable, E-04 fails: 45 / 70 = 64.29 % → 合格
    [['compliant', 'compliant', 'not_applicable', 'non_compliant', 'compliant'], 45, 70, 'pass', '合格', []],
    // E-01 and E-03 fail: 60 / 100 → 合格; E-03 and E-04 fail: 45 / 100 → 不合格
    [['non_compliant', 'compliant', 'non_compliant', 'compliant', 'compliant'], 60, 100, 'pass', '合格', []],
    [['compliant', 'compliant', 'non_compliant', 'non_compliant', 'compliant'], 45, 100, 'fail', '不合格', []],
  ])('%j → %i / %i → %s', async (results, score, maxScore, g, label, veto) => {
    const r = ok<{ score: number; maxScore: number; grade: string; gradeLabel: string; vetoFailed: string[] }>(await grade(results as string[]));
    expect(r).toMatchObject({ score, maxScore, grade: g, gradeLabel: label, vetoFailed: veto });
  });

  it('stores an evaluation with its record; refuses a missing item', async () => {
    const before = await snapshot();
    const noUnit = await county.post('/api/inspections/evaluations', {
      checklistVersionId: versionId,
      title: '2025年度考评',
      evaluatedOn: '2025-03-03',
      results: entries.map((e) => ({ entryId: e.id, result: 'compliant' })),
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.fields).toMatchObject({ unitId: '请选择被考评单位' });
    const missing = await county.post('/api/inspections/evaluations', {
      checklistVersionId: versionId,
      unitId: c.units[1]!.id,
      title: '2025年度考评',
      evaluatedOn: '2025-03-03',
      results: entries.slice(0, 3).map((e) => ({ entryId: e.id, result: 'compliant' })),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('还有 2 项未填写结果：E-04、E-05');
    expect(await snapshot()).toEqual(before);
    const saved = ok<{ id: string; grade: string; share: number; explanation: string[]; unitName: string }>(
      await county.post('/api/inspections/evaluations', {
        checklistVersionId: versionId,
        unitId: c.units[1]!.id,
        title: '2025年度考评',
        evaluatedOn: '2025-03-03',
        results: entries.map((e, i) => ({
          entryId: e.id,
          result: i === 4 ? 'non_compliant' : 'compliant',
          note: i === 4 ? '2023年发生库房漏水致档案受损' : null,
        })),
      }),
    );
    expect(saved).toMatchObject({ grade: 'fail', share: 0.85, unitId: c.units[1]!.id, unitName: expect.any(String) });
    // a unit's evaluations (its drawer in the directory)
    const ofUnit = ok<EvaluationList>(await county.get(`/api/inspections/evaluations?unitId=${c.units[1]!.id}`));
    expect(ofUnit.items.map((e) => [e.id, e.unitName])).toEqual([[saved.id, (saved as { unitName?: string }).unitName]]);
    expect(saved.explanation.at(-1)).toBe('评定等级：不合格');
    const after = await snapshot();
    expect(after.evaluations).toBe(before.evaluations! + 1);
    expect(after.audit_events).toBe(before.audit_events! + 1);
    expect(ok<{ id: string }>(await county.get(`/api/inspections/evaluations/${saved.id}`)).id).toBe(saved.id);
    expect((await admin.get(`/api/inspections/evaluations/${saved.id}`)).statusCode).toBe(200);
  });

  it('pages the evaluations, latest evaluation day first: page 2 is the slice of the whole, with the total; a page of more than 200 is refused', async () => {
    for (const day of ['2025-01-06', '2025-02-03', '2025-02-28']) {
      ok(
        await county.post('/api/inspections/evaluations', {
          checklistVersionId: versionId,
          unitId: c.units[0]!.id,
          title: `考评 ${day}`,
          evaluatedOn: day,
          results: entries.map((e) => ({ entryId: e.id, result: 'compliant' })),
        }),
      );
    }
    const all = ok<EvaluationList>(await county.get('/api/inspections/evaluations?pageSize=200'));
    expect(all.total).toBe(4);
    expect(all.items.map((e) => e.evaluatedOn)).toEqual(['2025-03-03', '2025-02-28', '2025-02-03', '2025-01-06']);
    const p2 = ok<EvaluationList>(await county.get('/api/inspections/evaluations?page=2&pageSize=3'));
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.items.map((e) => e.id)).toEqual([all.items[3]!.id]);
    expect(ok<EvaluationList>(await county.get(`/api/inspections/evaluations?checklistVersionId=${versionId}&page=3&pageSize=2`))).toMatchObject({
      items: [],
      total: 4,
      page: 3,
    });
    refused(await county.get('/api/inspections/evaluations?pageSize=201'), 400, 'pageSize', /每页最多 200 条/);
  });
});
