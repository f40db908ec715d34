/**
 * The published test vector (issue 3, RULES.md §4) through the execute and public endpoints: a draw
 * whose frozen pool is U0001…U0100 (written straight into the table — real pools hold unit ids),
 * drawId D-2025-001, public entropy of 64 zeros, k = 5.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestEnv, createTestEnv, setupOrg } from '../../../test/harness.js';
import { verifyDraw } from './draw.js';

const ZEROS = '0'.repeat(64);
const IDS = Array.from({ length: 100 }, (_, i) => `U${String(i + 1).padStart(4, '0')}`);
let env: TestEnv;
let admin: Client;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  admin = (await setupOrg(env.app)).client;
});
afterAll(async () => env.close());

describe('test vector through the API', () => {
  it('U0001…U0100, D-2025-001, 64 zeros, k = 5 → U0072, U0006, U0027, U0058, U0074', async () => {
    const orgId = ((await admin.get('/api/auth/me')).json() as { org: { id: string } }).org.id;
    const inspectorIds: string[] = [];
    for (const [name, no] of [
      ['甲', '11000001'],
      ['乙', '11000002'],
    ]) {
      const r = await admin.post('/api/inspectors', { name, certificateNo: no, certIssuedOn: '2024-01-01', certExpiresOn: '2027-12-31' });
      expect(r.statusCode, r.body).toBe(200);
      inspectorIds.push(r.json().id);
    }
    const item = (
      await admin.post('/api/inspections/items', { code: 'T-01', area: 'a1', title: '责任制', legalBasis: '《中华人民共和国档案法》第十二条' })
    ).json();
    const checklist = (await admin.post('/api/inspections/checklists', { name: '测试检查表', kind: 'inspection' })).json();
    const versionId = checklist.versions[0].id;
    expect((await admin.put(`/api/inspections/checklist-versions/${versionId}/items`, { items: [{ itemId: item.id }] })).statusCode).toBe(200);
    expect((await admin.post(`/api/inspections/checklist-versions/${versionId}/publish`)).statusCode).toBe(200);
    const plan = (await admin.post('/api/inspections/plans', { year: 2025, title: '测试计划', scope: '测试', checklistVersionId: versionId })).json();
    expect((await admin.post(`/api/inspections/plans/${plan.id}/publish`)).statusCode).toBe(200);

    const pool = inspectorIds.map((id, i) => ({ id, name: ['甲', '乙'][i], certificateNo: `1100000${i + 1}`, certExpiresOn: '2027-12-31' }));
    const inserted = await env.database.pool.query<{ id: string }>(
      `INSERT INTO inspection_draws (org_id, plan_id, draw_id, planned_date, candidates, list_hash, k, team_size, exclusions, units, inspector_pool, conflicts, entropy_source, public_value_name)
       VALUES ($1, $2, 'D-2025-001', '2025-03-20', $3, 'da11684beafe97a68bbbb53c08f3ef7b011da96b3978a4b0580070eee1dfd173', 5, 2, '{"excluded":[],"kept":[]}', '[]', $4, '{}', 'public', '测试向量：64 个 0')
       RETURNING id`,
      [orgId, plan.id, JSON.stringify(IDS), JSON.stringify(pool)],
    );
    const id = inserted.rows[0]!.id;

    const res = await admin.post(`/api/inspections/draws/${id}/execute`, { entropySource: 'public', entropy: ZEROS });
    expect(res.statusCode, res.body).toBe(200);
    expect((await admin.post(`/api/inspections/draws/${id}/publish`)).statusCode).toBe(200);
    const record = (await new Client(env.app).get(`/api/public/draws/${id}`)).json();
    expect(record).toMatchObject({
      drawId: 'D-2025-001',
      algorithm: 'lantai-draw-v1',
      entropy: ZEROS,
      listHash: 'da11684beafe97a68bbbb53c08f3ef7b011da96b3978a4b0580070eee1dfd173',
      seed: '06be80b13916f769b4db50624cc4135c0819794c37cb40e132bb7168399c2f37',
      candidates: IDS,
      k: 5,
      selected: ['U0072', 'U0006', 'U0027', 'U0058', 'U0074'],
    });
    expect(record.teams.map((t: { unitId: string; m: number; selected: string[] }) => [t.unitId, t.m, t.selected.length])).toEqual(
      ['U0072', 'U0006', 'U0027', 'U0058', 'U0074'].map((u) => [u, 2, 2]),
    );
    expect(verifyDraw(record).ok).toBe(true);
  });
});
