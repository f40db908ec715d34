/**
 * A work list per role (issue 13 §1), through HTTP on the demo with its eight months of past work,
 * on 2025-09-15: each account's 工作台 holds what that person must do next, with its clock.
 * - the unit's archivist: her own 自查表 (notified, not yet submitted) and — another unit's archivist —
 *   its rectification deadline, never another unit's;
 * - an inspector: the inspections of the teams he is on, not every inspection of the org;
 * - those who oversee the inspections (admin, leader, legal, staff, superior): every one of them;
 * - the same overdue rectification reads the same "逾期 N 个工作日" on the 工作台 and in 监测预警;
 * - a leader (disclosure.approve) has a 待我审批: last year's annual report until it is published, and
 *   the desk's requests to extend a reply period, which he approves or refuses there;
 * - the desk (法制科, staff) has a 待我公开: the inspection results and proactive disclosures due for
 *   publication, and last year's annual report to submit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../kernel/auth/password.js';
import { backfillSelfInspectionClocks } from '../inspections/loop/self-clock-backfill.js';
import { Client, createTestEnv, ok, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let setup: SetupResponse;
const accounts: Record<string, Client> = {};
const q = async <T>(text: string, params: unknown[] = []) => (await env.database.pool.query(text, params)).rows as T[];

interface Item {
  kind: string;
  label: string;
  entityType: string;
  entityId: string;
  due: string | null;
  daysLeft: number | null;
  unit: 'working' | 'calendar';
  daysText: string;
  state: string;
}
const list = async (account: string) => ok<{ items: Item[]; total: number }>(await accounts[account]!.get('/api/dashboard?pageSize=200')).items;
const inspectionItems = async (account: string) => (await list(account)).filter((i) => i.kind.startsWith('inspection.'));

/** Open inspection clocks of the org: entity → kinds (what an overseer's list holds). */
let openClocks: { entity_id: string; kind: string }[] = [];
/** Inspections the demo `inspector` account is on the team of. */
let teamOf = new Set<string>();
/** The other archivist (of a unit with an overdue rectification) and that inspection. */
let other: { username: string; unitId: string; inspectionId: string; code: string };

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-09-15T02:00:00Z' }); // 10:00 Beijing time, Monday
  let admin: Client;
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true, demoHistory: true }));
  accounts.admin = admin;
  for (const a of ['leader', 'legal', 'inspector', 'staff', 'superior', 'unit']) accounts[a] = await signInDemo(env.app, setup, a);

  openClocks = await q(`SELECT entity_id, kind FROM clocks WHERE org_id = $1 AND closed_at IS NULL AND kind LIKE 'inspection.%'`, [setup.org.id]);
  const team = await q<{ id: string }>(
    `SELECT i.id FROM inspections i JOIN inspectors p ON p.org_id = i.org_id JOIN users u ON u.id = p.user_id
      WHERE u.username = 'inspector' AND i.team @> jsonb_build_array(jsonb_build_object('id', p.id::text))`,
  );
  teamOf = new Set(team.map((r) => r.id));

  // The demo made an archivist account for each inspected unit (password unknown): give one whose
  // unit has an open rectification clock a password, and sign in as it.
  const [r] = await q<{ username: string; unit_id: string; id: string; code: string }>(
    `SELECT u.username, u.unit_id, i.id, i.code FROM clocks c JOIN inspections i ON i.id::text = c.entity_id
       JOIN users u ON u.unit_id = i.unit_id AND 'unit' = ANY(u.roles) AND u.username <> 'unit'
      WHERE c.org_id = $1 AND c.kind = 'inspection.rectification' AND c.closed_at IS NULL ORDER BY i.code LIMIT 1`,
    [setup.org.id],
  );
  expect(r, 'the demo history has an open rectification of a unit with an archivist account').toBeTruthy();
  other = { username: r!.username, unitId: r!.unit_id, inspectionId: r!.id, code: r!.code };
  await q(`UPDATE users SET password_hash = $1, must_change_password = false WHERE username = $2`, [await hashPassword('Unit-Pass-2025'), other.username]);
  const c = new Client(env.app);
  ok(await c.login(other.username, 'Unit-Pass-2025'));
  accounts.otherUnit = c;
}, 300_000);
afterAll(async () => env.close());

describe('each role’s 工作台 holds its own work (issue 13 §1)', () => {
  it('the unit’s archivist: her 自查表 due the last working day before the inspection, and nothing of another unit', async () => {
    const items = await list('unit');
    const [unitRow] = await q<{ id: string; code: string; planned_date: string; name: string }>(
      `SELECT i.id, i.code, i.planned_date, n.name FROM inspections i JOIN users u ON u.unit_id = i.unit_id JOIN units n ON n.id = i.unit_id
        WHERE u.username = 'unit' AND i.status = 'notified'`,
    );
    expect(unitRow, 'the demo notified the archivist’s unit').toBeTruthy();
    // Notice 2025-09-15, inspection Monday 09-29; Sunday 09-28 is a working day (国庆调休上班), so the
    // 自查表 is due then: (09-15, 09-28] = 09-16–19, 09-22–26, 09-28 → 10 working days left.
    expect(unitRow!.planned_date).toBe('2025-09-29');
    expect(items.map((i) => [i.kind, i.entityId, i.due, i.daysLeft, i.state, i.unit, i.daysText])).toEqual([
      ['inspection.self', unitRow!.id, '2025-09-28', 10, 'running', 'working', '剩余 10 个工作日'],
    ]);
    expect(items[0]!.label).toBe(`填报并提交自查表（${unitRow!.code}，${unitRow!.name}，检查日 2025-09-29）`);
  });

  it('an inspection notified before the 自查表 clock existed gets it back when the app starts (backfill)', async () => {
    const [row] = await q<{ id: string; spec: unknown; due: string }>(
      `DELETE FROM clocks WHERE org_id = $1 AND kind = 'inspection.self' AND closed_at IS NULL RETURNING entity_id AS id, spec, due::text`,
      [setup.org.id],
    );
    expect(row).toBeTruthy();
    expect(await list('unit')).toEqual([]);
    expect(await backfillSelfInspectionClocks({ db: env.app.db, actor: null, now: () => new Date('2025-09-15T02:00:00Z') })).toBe(1);
    expect(await backfillSelfInspectionClocks({ db: env.app.db, actor: null, now: () => new Date('2025-09-15T02:00:00Z') })).toBe(0);
    expect((await list('unit')).map((i) => [i.kind, i.entityId, i.due])).toEqual([['inspection.self', row!.id, row!.due]]);
  });

  it('another unit’s archivist: its own rectification deadline with its clock, and not the first unit’s 自查表', async () => {
    const items = await list('otherUnit');
    expect(items.length).toBeGreaterThan(0);
    const units = await q<{ id: string; unit_id: string }>(`SELECT id, unit_id FROM inspections WHERE id::text = ANY($1)`, [items.map((i) => i.entityId)]);
    expect(new Set(units.map((u) => u.unit_id))).toEqual(new Set([other.unitId]));
    const rect = items.find((i) => i.kind === 'inspection.rectification' && i.entityId === other.inspectionId);
    expect(rect, `${other.code} 的整改期限`).toBeTruthy();
    expect(rect!.unit).toBe('working');
    expect(items.some((i) => i.kind === 'inspection.self')).toBe(false);
  });

  // account → which open inspection clocks of the org its list holds.
  const CASES: [string, (entityId: string) => boolean][] = [
    ['admin', () => true],
    ['leader', () => true],
    ['legal', () => true],
    ['staff', () => true],
    ['superior', () => true],
    ['inspector', (id) => teamOf.has(id)],
  ];
  it.each(CASES)('%s: the inspection deadlines of its work', async (account, mine) => {
    const seen = (await inspectionItems(account)).map((i) => `${i.kind} ${i.entityId}`).sort();
    const expected = openClocks
      .filter((c) => mine(c.entity_id))
      .map((c) => `${c.kind} ${c.entity_id}`)
      .sort();
    expect(seen).toEqual(expected);
  });

  it('the inspector’s list is narrower than the org’s: he is on some teams, not all', async () => {
    const entities = new Set(openClocks.map((c) => c.entity_id));
    const his = [...entities].filter((id) => teamOf.has(id));
    expect(his.length).toBeGreaterThan(0);
    expect(his.length).toBeLessThan(entities.size);
  });

  it('逾期 N 天 is one number: the 工作台 and 监测预警 agree on the same rectification, in working days', async () => {
    const monitors = ok<{ overdue: { inspectionId: string; daysOverdue: number; overdueText: string }[] }>(
      await accounts.admin!.get('/api/inspections/monitors'),
    );
    const overdue = (await list('admin')).filter((i) => i.kind === 'inspection.rectification' && i.state === 'overdue');
    expect(overdue.length).toBeGreaterThan(0);
    for (const item of overdue) {
      const m = monitors.overdue.find((o) => o.inspectionId === item.entityId);
      expect(m, item.label).toBeTruthy();
      expect(m!.daysOverdue).toBe(-item.daysLeft!);
      expect(m!.overdueText).toBe(item.daysText);
      expect(item.daysText).toMatch(/^逾期 \d+ 个工作日$/);
    }
  });

  it('submitting the 自查表 takes it off her list', async () => {
    const unit = accounts.unit!;
    const [item] = await list('unit');
    const detail = ok<{ items: { entryId: string }[] }>(await unit.get(`/api/my/inspections/${item!.entityId}`));
    ok(
      await unit.put(`/api/my/inspections/${item!.entityId}/self-inspection`, {
        results: detail.items.map((e) => ({ entryId: e.entryId, result: 'compliant' })),
      }),
    );
    ok(await unit.post(`/api/my/inspections/${item!.entityId}/self-inspection/submit`, {}));
    expect(await list('unit')).toEqual([]);
    const [clock] = await q<{ spec: { completedOn?: string } }>(`SELECT spec FROM clocks WHERE entity_id = $1 AND kind = 'inspection.self'`, [item!.entityId]);
    expect(clock!.spec.completedOn).toBe('2025-09-15');
  });

  it.each([['admin'], ['legal'], ['inspector'], ['staff'], ['superior'], ['unit']])('%s: nothing awaits its approval', async (account) => {
    expect(ok<{ approvals: unknown[] }>(await accounts[account]!.get('/api/dashboard')).approvals).toEqual([]);
  });

  it('leader: 待我审批 holds last year’s annual report, due 31 January, until it is published', async () => {
    const leader = accounts.leader!;
    // Whatever the demo published: 2024's report is not (yet) published here.
    await q(`DELETE FROM disclosure_annual_reports WHERE org_id = $1 AND year = 2024`, [setup.org.id]);
    const before = ok<{ approvals: unknown[] }>(await leader.get('/api/dashboard?state=running&page=3')).approvals;
    // 2025-01-31 → 2025-09-15: 28 (Feb) + 31 + 30 + 31 + 30 + 31 + 31 (Mar–Aug) + 15 = 227 calendar days.
    expect(before).toEqual([
      {
        key: 'disclosureAnnualReport:2024',
        kindLabel: '年度报告发布',
        label: '审核发布 2024 年政府信息公开工作年度报告',
        entityType: 'disclosureAnnualReport',
        entityId: '2024',
        due: '2025-01-31',
        state: 'overdue',
        daysText: '逾期 227 个自然日',
        basis: expect.stringMatching(/第五十条/),
      },
    ]);
    const published = await leader.post('/api/disclosure/annual-reports/2024/publish', {});
    expect(published.statusCode, published.body).toBe(200);
    expect(ok<{ approvals: unknown[] }>(await leader.get('/api/dashboard')).approvals).toEqual([]);
  });

  it('the desk asks for an extension; it waits in the leader’s 待我审批 until approved, and a refusal is kept with its reason', async () => {
    const legal = accounts.legal!;
    const leader = accounts.leader!;
    const [app] = await q<{ id: string; tracking_code: string }>(
      `SELECT id, tracking_code FROM disclosure_applications WHERE org_id = $1 AND decided_on IS NULL AND extension_days IS NULL
        AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(consultations) c WHERE c->>'to' IS NULL) ORDER BY received_on DESC LIMIT 1`,
      [setup.org.id],
    );
    expect(app).toBeDefined();
    const detail = ok<{ allowedActions: string[] }>(await legal.get(`/api/disclosure/applications/${app!.id}`));
    expect(detail.allowedActions).toContain('extensionRequest');
    expect(detail.allowedActions).not.toContain('extensionDecision');
    // too long: refused, nothing recorded
    const long = await legal.post(`/api/disclosure/applications/${app!.id}/extension-request`, { days: 21, reason: '需调取档案' });
    expect(long.statusCode).toBe(422);
    expect(long.json().error.fields.days).toMatch(/最长不超过 20 个工作日/);
    ok(await legal.post(`/api/disclosure/applications/${app!.id}/extension-request`, { days: 10, reason: '需调取库房档案核对' }));
    const again = await legal.post(`/api/disclosure/applications/${app!.id}/extension-request`, { days: 5, reason: '再次' });
    expect(again.statusCode).toBe(409);

    const waiting = ok<{ approvals: { kindLabel: string; entityId: string; label: string; daysText: string }[] }>(await leader.get('/api/dashboard')).approvals;
    const item = waiting.find((a) => a.entityId === app!.id);
    expect(item).toMatchObject({ kindLabel: '延长答复期限', label: expect.stringContaining(`${app!.tracking_code}`) });
    expect(item!.label).toContain('报请延长 10 个工作日');
    expect(item!.daysText).toMatch(/工作日|今日到期/);
    // the desk cannot decide its own request
    expect((await legal.post(`/api/disclosure/applications/${app!.id}/extension-request/decision`, { approve: true })).statusCode).toBe(403);
    // a refusal needs its reason
    const bare = await leader.post(`/api/disclosure/applications/${app!.id}/extension-request/decision`, { approve: false });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields.reason).toMatch(/理由/);
    const refused = ok<{ extensionRequest: unknown; extensionRefusal: { refusedOn: string; reason: string } | null; extension: unknown }>(
      await leader.post(`/api/disclosure/applications/${app!.id}/extension-request/decision`, { approve: false, reason: '可在法定期限内答复' }),
    );
    expect(refused).toMatchObject({ extensionRequest: null, extension: null, extensionRefusal: { refusedOn: '2025-09-15', reason: '可在法定期限内答复' } });
    expect(ok<{ approvals: { entityId: string }[] }>(await leader.get('/api/dashboard')).approvals.map((a) => a.entityId)).not.toContain(app!.id);

    ok(await legal.post(`/api/disclosure/applications/${app!.id}/extension-request`, { days: 10, reason: '需调取库房档案核对' }));
    const leaderView = ok<{ allowedActions: string[]; extensionRefusal: unknown }>(await leader.get(`/api/disclosure/applications/${app!.id}`));
    expect(leaderView.allowedActions).toContain('extensionDecision');
    expect(leaderView.extensionRefusal).toBeNull();
    const approved = ok<{ extension: { days: number; approvedOn: string; approvedByName: string }; extensionRequest: unknown; allowedActions: string[] }>(
      await leader.post(`/api/disclosure/applications/${app!.id}/extension-request/decision`, { approve: true, noticeOn: '2025-09-15' }),
    );
    expect(approved.extension).toMatchObject({ days: 10, approvedOn: '2025-09-15', approvedByName: expect.any(String) });
    expect(approved.extensionRequest).toBeNull();
    expect(approved.allowedActions).not.toContain('extensionDecision');
    const timeline = ok<{ items: { summary: string }[] }>(
      await leader.get(`/api/audit/timeline?entityType=disclosureApplication&entityId=${app!.id}&pageSize=200`),
    );
    const said = JSON.stringify(timeline);
    expect(said).toContain('报请延长答复期限');
    expect(said).toContain('不予批准延期报请');
    expect(said).toContain('可在法定期限内答复');
  });

  it('the desk’s 待我公开: the publication deadlines it may read, and last year’s annual report while unpublished', async () => {
    const pubs = ok<{ publications: { kindLabel: string; entityType: string; due: string; daysText: string }[] }>(
      await accounts.legal!.get('/api/dashboard'),
    ).publications;
    const kinds = new Set(pubs.map((p) => p.kindLabel));
    const open = await q<{ n: string }>(`SELECT count(*) AS n FROM clocks WHERE org_id = $1 AND closed_at IS NULL AND kind = 'inspection.publication'`, [
      setup.org.id,
    ]);
    if (Number(open[0]!.n) > 0) expect(kinds).toContain('检查结果公开');
    expect(pubs.filter((p) => p.kindLabel === '检查结果公开').length).toBe(Math.min(Number(open[0]!.n), 50));
    for (const p of pubs) expect(p.daysText).toMatch(/逾期|剩余|今日到期|计时暂停/);
    // sorted by due day
    expect(pubs.map((p) => p.due)).toEqual([...pubs.map((p) => p.due)].sort());
    // the inspector has no publication duty over disclosure
    expect(ok<{ publications: { entityType: string }[] }>(await accounts.inspector!.get('/api/dashboard')).publications.map((p) => p.entityType)).not.toContain(
      'disclosureAnnualReport',
    );
  });
});
