/**
 * Inspections from a published draw, set-based (createFromDraw): a draw of 300 units makes the same
 * inspections the per-unit path makes — codes J-2025-… in draw order from one range of the yearly
 * series, the drawn teams, a notice clock each (as an ad-hoc inspection's), one `inspection.create`
 * event each in the hash chain, the repeat-inspection warnings — with as many SQL statements as a
 * draw of 20 units (counted on the driver).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestEnv, createTestEnv, ok, setupOrg } from '../../../test/harness.js';

const UNITS = 400;
const DATE = '2025-03-20';
let env: TestEnv;
let admin: Client;
let planId = '';
let versionId = '';
const inspectorIds: string[] = [];
const unitIds: string[] = [];
let watchId = ''; // an inspection whose detail GET fills the calendar cache the same way before each generation

type Record_ = { selected: string[]; teams: { unitId: string; selected: string[] }[] };
type Row = {
  id: string;
  code: string;
  unit_id: string;
  source: string;
  draw_id: string | null;
  planned_date: string;
  status: string;
  team: unknown;
  checklist_version_id: string;
};

const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await env.database.pool.query<T>(text, values)).rows;

/** SQL statements the app's driver sends while `f` runs. */
async function statements(f: () => Promise<unknown>): Promise<number> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...a: unknown[]) {
    n += 1;
    return original.apply(this, a);
  };
  try {
    await f();
  } finally {
    proto.query = original;
  }
  return n;
}

/** A published draw of `k` units of the plan. */
async function publishedDraw(k: number): Promise<{ id: string; drawId: string; record: Record_ }> {
  const d = ok<{ id: string; drawId: string }>(await admin.post(`/api/inspections/plans/${planId}/draws`, { plannedDate: DATE, k, teamSize: 2 }));
  ok(await admin.post(`/api/inspections/draws/${d.id}/execute`, { entropySource: 'server' }));
  ok(await admin.post(`/api/inspections/draws/${d.id}/publish`));
  return { ...d, record: ok<Record_>(await admin.get(`/api/inspections/draws/${d.id}/record`)) };
}

const adHoc = async (unitId: string) =>
  ok<{ id: string; code: string }>(
    await admin.post('/api/inspections', {
      unitId,
      inspectorIds: inspectorIds.slice(0, 2),
      checklistVersionId: versionId,
      plannedDate: DATE,
      reason: '专项检查',
    }),
  );

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  admin = (await setupOrg(env.app)).client;
  const orgId = ((await admin.get('/api/auth/me')).json() as { org: { id: string } }).org.id;
  const at = (f: (i: number) => string) => Array.from({ length: UNITS }, (_, i) => f(i));
  const rows = await q<{ id: string }>(
    `INSERT INTO units (org_id, name, credit_code, type, risk_tier, status)
     SELECT $1::uuid, t.name, t.code, 'agency', 'medium', 'active' FROM unnest($2::text[], $3::text[]) AS t(name, code) RETURNING id`,
    [orgId, at((i) => `测试单位${String(i + 1).padStart(3, '0')}`), at((i) => `91110000${String(i).padStart(10, '0')}`)],
  );
  unitIds.push(...rows.map((r) => r.id).sort());
  for (const [name, no] of [
    ['甲执法', '11000001'],
    ['乙执法', '11000002'],
    ['丙执法', '11000003'],
  ]) {
    inspectorIds.push(
      ok<{ id: string }>(await admin.post('/api/inspectors', { name, certificateNo: no, certIssuedOn: '2024-01-01', certExpiresOn: '2027-12-31' })).id,
    );
  }
  const item = ok<{ id: string }>(
    await admin.post('/api/inspections/items', { code: 'T-01', area: 'a1', title: '责任制', legalBasis: '《中华人民共和国档案法》第十二条' }),
  );
  const checklist = ok<{ versions: { id: string }[] }>(await admin.post('/api/inspections/checklists', { name: '测试检查表', kind: 'inspection' }));
  versionId = checklist.versions[0]!.id;
  ok(await admin.put(`/api/inspections/checklist-versions/${versionId}/items`, { items: [{ itemId: item.id }] }));
  ok(await admin.post(`/api/inspections/checklist-versions/${versionId}/publish`));
  planId = ok<{ id: string }>(
    await admin.post('/api/inspections/plans', { year: 2025, title: '生成检查计划', scope: '全市', checklistVersionId: versionId }),
  ).id;
  ok(await admin.post(`/api/inspections/plans/${planId}/publish`));
  watchId = (await adHoc(unitIds[0]!)).id; // J-2025-001; its unit stays out of the pools below (an open inspection)
}, 60_000);
afterAll(async () => env.close());

describe('inspections from a published draw, set-based', () => {
  const count: { small?: number; large?: number } = {};
  let large: Awaited<ReturnType<typeof publishedDraw>>;
  let reference: { id: string; code: string };
  let made: { items: { id: string; code: string; unitId: string; unitName: string }[]; warnings: string[] };

  it('20 units: J-2025-002 … J-2025-021', async () => {
    const small = await publishedDraw(20);
    ok(await admin.get(`/api/inspections/${watchId}`));
    let res: { items: { code: string }[] } = { items: [] };
    count.small = await statements(async () => {
      res = ok(await admin.post(`/api/inspections/draws/${small.id}/inspections`));
    });
    expect(res.items.map((i) => i.code)).toEqual(Array.from({ length: 20 }, (_, i) => `J-2025-${String(i + 2).padStart(3, '0')}`));
  });

  it('300 units: the same number of statements as 20', async () => {
    large = await publishedDraw(300);
    // An ad-hoc inspection of a drawn unit on the same day, made by the per-unit path: the reference, and a warning below.
    reference = await adHoc(large.record.selected[5]!);
    expect(reference.code).toBe('J-2025-022');
    ok(await admin.get(`/api/inspections/${watchId}`));
    count.large = await statements(async () => {
      made = ok(await admin.post(`/api/inspections/draws/${large.id}/inspections`));
    });
    expect(made.items).toHaveLength(300);
    expect(count.large).toBe(count.small);
    expect(count.large).toBeGreaterThan(10); // the counter sees the app's statements (session, locks, inserts …)
    expect(count.large).toBeLessThan(40);
  });

  it('codes in draw order from one range, the drawn teams, the draw’s date and checklist', async () => {
    const rows = await q<Row>(
      `SELECT id, code, unit_id, source, draw_id, planned_date::text, status, team, checklist_version_id FROM inspections WHERE draw_id = $1 ORDER BY code`,
      [large.id],
    );
    expect(rows.map((r) => r.unit_id)).toEqual(large.record.selected);
    expect(rows.map((r) => r.code)).toEqual(large.record.selected.map((_, i) => `J-2025-${String(i + 23).padStart(3, '0')}`));
    expect(made.items.map((i) => i.code)).toEqual(rows.map((r) => r.code));
    const names = new Map([
      [inspectorIds[0], '甲执法'],
      [inspectorIds[1], '乙执法'],
      [inspectorIds[2], '丙执法'],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ source: 'draw', draw_id: large.id, planned_date: DATE, status: 'planned', checklist_version_id: versionId });
      const drawn = large.record.teams.find((t) => t.unitId === r.unit_id)!.selected;
      expect((r.team as { id: string; name: string; certificateNo: string }[]).map((m) => [m.id, m.name])).toEqual(drawn.map((id) => [id, names.get(id)]));
    }
    // The yearly series continues after the range.
    expect((await adHoc(unitIds[1]!)).code).toBe('J-2025-323');
  });

  it('a notice clock each, as the per-unit path writes it', async () => {
    const ids = made.items.map((i) => i.id);
    const clocks = await q<{ entity_id: string; kind: string; label: string; spec: unknown; closed_at: Date | null; assignee_id: string | null }>(
      `SELECT entity_id, kind, label, spec, closed_at, assignee_id FROM clocks WHERE entity_type = 'inspection' AND entity_id = ANY($1::text[])`,
      [[...ids, reference.id]],
    );
    const byId = new Map(clocks.map((c) => [c.entity_id, c]));
    expect(clocks).toHaveLength(301);
    const ref = byId.get(reference.id)!;
    for (const i of made.items) {
      const c = byId.get(i.id)!;
      expect(c).toMatchObject({
        kind: 'inspection.notice',
        closed_at: null,
        assignee_id: null,
        label: `送达检查通知书（${i.code}，${i.unitName}，检查日 ${DATE}）`,
      });
      expect(c.spec).toEqual(ref.spec);
    }
    expect(ref.label).toBe(`送达检查通知书（${reference.code}，${made.items.find((i) => i.unitId === large.record.selected[5])!.unitName}，检查日 ${DATE}）`);
  });

  it('one inspection.create event each, in draw order, shaped as the per-unit path’s plus the draw’s code; the chain verifies', async () => {
    const events = await q<{ entity_id: string; action: string; after: Record<string, unknown> }>(
      `SELECT entity_id, action, after FROM audit_events WHERE entity_type = 'inspection' AND entity_id = ANY($1::text[]) ORDER BY seq`,
      [[...made.items.map((i) => i.id), reference.id]],
    );
    const ref = events.find((e) => e.entity_id === reference.id)!;
    const ours = events.filter((e) => e.entity_id !== reference.id);
    expect(ours.map((e) => e.entity_id)).toEqual(made.items.map((i) => i.id));
    const rows = new Map((await q<Row>(`SELECT id, team FROM inspections WHERE draw_id = $1`, [large.id])).map((r) => [r.id, r]));
    const drawCode = ok<{ drawId: string }>(await admin.get(`/api/inspections/draws/${large.id}`)).drawId;
    for (const [n, e] of ours.entries()) {
      const i = made.items[n]!;
      expect(e.action).toBe('inspection.create');
      expect(Object.keys(e.after).sort()).toEqual([...Object.keys(ref.after), 'drawCode'].sort());
      expect(e.after).toEqual({
        code: i.code,
        unitId: i.unitId,
        unitName: i.unitName,
        source: 'draw',
        drawId: large.id,
        reason: null,
        checklistVersionId: versionId,
        plannedDate: DATE,
        team: rows.get(i.id)!.team,
        status: 'planned',
        drawCode,
      });
    }
    expect(ok<{ intact: boolean }>(await admin.get('/api/audit/verify')).intact).toBe(true);
  });

  it('warns of the unit already planned that day (监测预警), and refuses a second generation', async () => {
    const unit = made.items.find((i) => i.unitId === large.record.selected[5])!;
    expect(made.warnings).toEqual([`${unit.unitName}（${unit.code}）：该单位已安排于 ${DATE} 检查（${reference.code}），同日重复检查`]);
    const again = await admin.post(`/api/inspections/draws/${large.id}/inspections`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('的检查已经生成（300 项）');
  });
});
