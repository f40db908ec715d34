/**
 * The inspection loop through HTTP (first half): inspections from the published demo draw and ad
 * hoc, the notice (检查通知书) N working days ahead with its number and .docx, and the unit's
 * self-inspection in its own account. Demo data at 2025-03-03 10:00 Beijing (Monday); the demo
 * draw's planned date is 2025-03-17, so its notices are due by 2025-03-10 (03-11…03-14, 03-17).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, setupOrg, signInDemo, ok } from '../../../test/harness.js';
import { docxParagraphs } from '../../disclosure/test-docx.js';
import { letterLayout } from '../../../kernel/documents/test-letter.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const NOW = '2025-03-03T02:00:00Z';

type Summary = {
  id: string;
  code: string;
  unitId: string;
  unitName: string;
  source: string;
  drawId: string | null;
  plannedDate: string;
  status: string;
  team: { id: string; name: string; certificateNo: string }[];
  noticeDocNumber: string | null;
};
type Detail = Summary & {
  allowedActions: string[];
  notice: { latestDate: string; sentOn: string | null; docNumber: string | null; clock: { due: string; state: string } };
  selfInspection: { answered: number; total: number; submittedAt: string | null; clock: { due: string; state: string; daysLeft: number | null } | null };
  items: { entryId: string; code: string; self: { result: string; note: string | null } | null }[];
  checklist: { versionId: string };
};

const q1 = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows[0] as T;
/** Run `fn` as a freshly signed-in admin at another time (sessions time out across days), then come back. */
async function at<T>(when: string, fn: (c: Client) => Promise<T>): Promise<T> {
  env.setNow(when);
  try {
    const c = new Client(env.app);
    ok(await c.login('admin', 'Admin-Pass-2024'));
    return await fn(c);
  } finally {
    env.setNow(NOW);
    admin = new Client(env.app);
    ok(await admin.login('admin', 'Admin-Pass-2024'));
  }
}
const written = async () => ({
  inspections: await countRows(env, 'inspections'),
  clocks: await countRows(env, 'clocks'),
  audit: await countRows(env, 'audit_events'),
});

let drawUuid: string;
let unitUnitId: string; // the demo `unit` account's unit
let versionId: string;
let ids: Record<string, string>; // inspector name → id

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  drawUuid = ok<{ items: { id: string }[] }>(await admin.get('/api/inspections/draws')).items[0]!.id;
  unitUnitId = (await q1<{ unit_id: string }>(`SELECT unit_id FROM users WHERE username = 'unit'`)).unit_id;
  versionId = (await q1<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`)).checklist_version_id;
  const rows = (await env.database.pool.query<{ id: string; name: string }>('SELECT id, name FROM inspectors')).rows;
  ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
});
afterAll(async () => env.close());

describe('inspections from the published demo draw', () => {
  it('one per drawn unit with its drawn team, the plan checklist and the planned date; notice clocks on the dashboard', async () => {
    const draw = ok<{ plannedDate: string; selected: { unitId: string; team: { name: string; certificateNo: string }[] }[] }>(
      await admin.get(`/api/inspections/draws/${drawUuid}`),
    );
    const list = ok<{ items: Summary[]; total: number }>(await admin.get(`/api/inspections?drawId=${drawUuid}&pageSize=100`));
    expect(list.total).toBe(8);
    expect(list.items.map((i) => i.unitId).sort()).toEqual(draw.selected.map((s) => s.unitId).sort());
    for (const s of draw.selected) {
      const i = list.items.find((x) => x.unitId === s.unitId)!;
      expect(i).toMatchObject({ source: 'draw', plannedDate: '2025-03-17' });
      expect(i.team.map((t) => [t.name, t.certificateNo])).toEqual(s.team.map((t) => [t.name, t.certificateNo]));
      const d = ok<Detail>(await admin.get(`/api/inspections/${i.id}`));
      expect(d.checklist.versionId).toBe(versionId);
      expect(d.items).toHaveLength(37);
    }
    expect(list.items.map((i) => i.code).sort()).toEqual([
      'J-2025-001',
      'J-2025-002',
      'J-2025-003',
      'J-2025-004',
      'J-2025-005',
      'J-2025-006',
      'J-2025-007',
      'J-2025-008',
    ]);

    // The demo `unit` account has exactly one notified inspection, drawn or ad hoc, its 自查表 to fill.
    const mine = ok<{ items: Summary[] }>(await admin.get(`/api/inspections?unitId=${unitUnitId}`)).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]!.noticeDocNumber).toBe('测档检〔2025〕1号');
    expect(mine[0]!.status).toBe('notified');

    const planned = list.items.filter((i) => i.status === 'planned');
    const d = ok<Detail>(await admin.get(`/api/inspections/${planned[0]!.id}`));
    expect(d.allowedActions).toEqual(['notify']);
    expect(d.notice).toMatchObject({ latestDate: '2025-03-10', sentOn: null, clock: { due: '2025-03-10', state: 'running' } });
    const dash = ok<{ items: { kind: string; entityId: string; due: string; daysLeft: number; label: string }[] }>(await admin.get('/api/dashboard'));
    const notices = dash.items.filter((i) => i.kind === 'inspection.notice');
    expect(notices.map((n) => n.entityId).sort()).toEqual(planned.map((p) => p.id).sort());
    expect(
      notices.every((n) => n.due === '2025-03-10' && n.daysLeft === 5 && /^送达检查通知书（J-2025-\d{3}，.+，检查日 \d{4}-\d{2}-\d{2}）$/.test(n.label)),
    ).toBe(true);
  });

  it('refuses to create them twice, nothing written', async () => {
    const before = await written();
    const res = await admin.post(`/api/inspections/draws/${drawUuid}/inspections`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.message).toMatch(/D-2025-001 的检查已经生成（8 项）/);
    expect(await written()).toEqual(before);
  });
});

describe('ad-hoc inspections: the draw rules for the team', () => {
  const base = () => ({
    unitId: unitUnitId,
    inspectorIds: [ids['王执法']!, ids['孙立新']!],
    checklistVersionId: versionId,
    plannedDate: '2025-03-20',
    reason: '群众举报',
  });

  it('refuses a bad team, checklist or date with a message naming it, nothing written', async () => {
    const conflictUnit = (
      await q1<{ unit_id: string }>(`SELECT c.unit_id FROM inspector_conflicts c JOIN inspectors i ON i.id = c.inspector_id WHERE i.name = '何丽娟'`)
    ).unit_id;
    const selfVersion = (
      await q1<{ id: string }>(`SELECT v.id FROM checklist_versions v JOIN checklists c ON c.id = v.checklist_id WHERE c.kind = 'self_inspection'`)
    ).id;
    const before = await written();
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [{ inspectorIds: [ids['王执法']] }, 400, 'inspectorIds', /至少 2 名执法人员/],
      [{ inspectorIds: [ids['王执法'], ids['王执法']] }, 400, 'inspectorIds', /重复/],
      [{ inspectorIds: [ids['王执法'], ids['高海燕']] }, 400, 'inspectorIds', /高海燕（执法证 \d+ 于 2025-02-11 到期）/],
      // 罗建国's certificate runs to 2025-03-23: valid on 03-20, not on 03-24.
      [{ inspectorIds: [ids['王执法'], ids['罗建国']], plannedDate: '2025-03-24' }, 400, 'inspectorIds', /罗建国（执法证 \d+ 于 2025-03-23 到期）/],
      [
        { unitId: conflictUnit, inspectorIds: [ids['王执法'], ids['何丽娟']] },
        400,
        'inspectorIds',
        /何丽娟（配偶在该单位任职）.*回避|应当回避.*何丽娟（配偶在该单位任职）/,
      ],
      [{ checklistVersionId: selfVersion }, 400, 'checklistVersionId', /不是检查表/],
      [{ plannedDate: '2025-03-02' }, 400, 'plannedDate', /早于今天（2025-03-03）/],
      [{ reason: '' }, 400, 'reason', /请填写检查事由/],
    ];
    for (const [patch, status, fieldName, message] of cases) {
      const res = await admin.post('/api/inspections', { ...base(), ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      const err = res.json().error;
      expect(
        Object.keys(err.fields ?? {}).some((k: string) => k.startsWith(fieldName)),
        res.body,
      ).toBe(true);
      expect(err.message + JSON.stringify(err.fields), res.body).toMatch(message);
    }
    expect(await written()).toEqual(before);
  });

  it('creates one; 罗建国 may still serve on 2025-03-20', async () => {
    // Codes run on per org and year: 8 from the draw, plus the demo's ad-hoc one when the demo unit was not drawn.
    const existing = ok<{ total: number }>(await admin.get('/api/inspections')).total;
    const d = ok<Detail>(await admin.post('/api/inspections', { ...base(), inspectorIds: [ids['王执法']!, ids['罗建国']!] }));
    expect(d).toMatchObject({
      source: 'ad_hoc',
      status: 'planned',
      plannedDate: '2025-03-20',
      allowedActions: ['notify'],
      code: `J-2025-${String(existing + 1).padStart(3, '0')}`,
    });
    expect(d.team.map((t) => t.name)).toEqual(['王执法', '罗建国']);
    // 03-20 (Thu) back 5 working days: 03-20, 19, 18, 17, 14 → latest 03-13.
    expect(d.notice).toMatchObject({ latestDate: '2025-03-13', clock: { due: '2025-03-13' } });
  });
});

describe('检查通知书', () => {
  let id: string;
  beforeAll(async () => {
    id = ok<Detail>(
      await admin.post('/api/inspections', {
        unitId: unitUnitId,
        inspectorIds: [ids['王执法']!, ids['孙立新']!],
        checklistVersionId: versionId,
        plannedDate: '2025-03-20',
        reason: '专项检查',
      }),
    ).id;
  });

  it('refuses a notice fewer than 5 working days ahead, naming the dates', async () => {
    await at('2025-03-14T02:00:00Z', async (c) => {
      const before = await written();
      const res = await c.post(`/api/inspections/${id}/notice`, {});
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.message).toBe(
        '检查通知书应至迟于检查日前 5 个工作日送达：检查日 2025-03-20，通知日期 2025-03-14 距检查日只有 4 个工作日，最迟应于 2025-03-13 送达；请调整检查日期后另行检查',
      );
      expect(res.json().error.fields.noticeOn).toBeDefined();
      expect(await written()).toEqual(before);
    });
    // A future date is refused too.
    const future = await admin.post(`/api/inspections/${id}/notice`, { noticeOn: '2025-03-04' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/通知日期 2025-03-04 晚于今天（2025-03-03）/);
  });

  it('a setting: with inspectionNoticeDays = 14 a notice today (13 working days ahead) is refused', async () => {
    // 2025-03-03 → 03-20: 03-04…07, 10…14, 17…20 = 13 working days; 14 back from 03-20 reaches 03-03, so the day before is
    // Sunday 03-02 — not a day to send anything: the latest day named is the working day before, Friday 02-28.
    ok(await admin.put('/api/settings', { inspectionNoticeDays: 14 }));
    try {
      const res = await admin.post(`/api/inspections/${id}/notice`, {});
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.message).toMatch(/前 14 个工作日.*只有 13 个工作日，最迟应于 2025-02-28 送达/);
    } finally {
      ok(await admin.put('/api/settings', { inspectionNoticeDays: 5 }));
    }
  });

  it('records it exactly 5 working days ahead with the next number; the clock closes; twice is refused', async () => {
    await at('2025-03-13T02:00:00Z', async (c) => {
      const d = ok<Detail>(await c.post(`/api/inspections/${id}/notice`, {}));
      expect(d).toMatchObject({
        status: 'notified',
        noticeOn: '2025-03-13',
        noticeDocNumber: '测档检〔2025〕2号',
        allowedActions: ['amendNotice', 'editRecord', 'sign'],
      });
      expect(d.notice.clock.state).toBe('met');
      // Off the bureau's list: the notice clock; on it now: the unit's 自查表, due the working day before the inspection.
      const dash = ok<{ items: { entityId: string; kind: string; due: string }[] }>(await c.get('/api/dashboard'));
      expect(dash.items.filter((i) => i.entityId === id).map((i) => [i.kind, i.due])).toEqual([['inspection.self', '2025-03-19']]);
      const again = await c.post(`/api/inspections/${id}/notice`, {});
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toMatch(/当前状态为“已通知”，不能送达检查通知书/);
    });
  });

  it('renders the .docx with the number, the date, the unit and the team with certificate numbers', async () => {
    const res = await admin.get(`/api/inspections/${id}/notice.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const text = (await docxParagraphs(res.rawPayload)).join('\n');
    const unit = await q1<{ name: string }>('SELECT name FROM units WHERE id = $1', [unitUnitId]);
    const certs = (
      await env.database.pool.query<{ certificate_no: string }>(`SELECT certificate_no FROM inspectors WHERE name IN ('王执法', '孙立新') ORDER BY name`)
    ).rows;
    expect(text).toContain('测档检〔2025〕2号');
    expect(text).toContain('档案行政检查通知书');
    expect(text).toContain(`${unit.name}：`);
    expect(text).toContain('我局定于2025年3月20日对你单位档案工作开展行政检查');
    for (const c of certs) expect(text).toContain(c.certificate_no);
    expect(text).toContain('2025年3月13日');
    // 信函格式, sealed; sent by the admin, who has no telephone of their own: the org's 办公电话.
    expect(await letterLayout(res.rawPayload)).toEqual({ format: 'letter', sealed: true, note: '（联系人：管理员，联系电话：0931-8810000）' });
    // Not yet notified: 409.
    const planned = ok<{ items: Summary[] }>(await admin.get('/api/inspections?status=planned')).items[0]!;
    expect((await admin.get(`/api/inspections/${planned.id}/notice.docx`)).statusCode).toBe(409);
  });

  it('tenancy and roles: the county sees nothing (404), a leader reads but may not send (403), the inspector may', async () => {
    const county = await signInDemo(env.app, setup, 'county.admin');
    expect((await county.get(`/api/inspections/${id}`)).statusCode).toBe(404);
    expect((await county.post(`/api/inspections/${id}/notice`, {})).statusCode).toBe(404);
    expect(ok<{ total: number }>(await county.get('/api/inspections')).total).toBe(0);
    const leader = await signInDemo(env.app, setup, 'leader');
    expect(ok<Detail>(await leader.get(`/api/inspections/${id}`)).allowedActions).toEqual([]);
    const planned = ok<{ items: Summary[] }>(await admin.get('/api/inspections?status=planned&source=draw')).items[0]!;
    expect((await leader.post(`/api/inspections/${planned.id}/notice`, {})).statusCode).toBe(403);
    const inspector = await signInDemo(env.app, setup, 'inspector');
    expect(ok<Detail>(await inspector.post(`/api/inspections/${planned.id}/notice`, {})).status).toBe('notified');
    // The whole process is on the record.
    const timeline = ok<{ items: { action: string }[] }>(await admin.get(`/api/audit/timeline?entityType=inspection&entityId=${planned.id}`));
    expect(timeline.items.map((e) => e.action)).toEqual(['inspection.create', 'inspection.notify']);
  });
});

describe('自查表 in the unit’s own account', () => {
  let unit: Client;
  let id: string;
  beforeAll(async () => {
    unit = await signInDemo(env.app, setup, 'unit');
    id = ok<Detail>(
      await admin.post('/api/inspections', {
        unitId: unitUnitId,
        inspectorIds: [ids['林志强']!, ids['孙立新']!],
        checklistVersionId: versionId,
        plannedDate: '2025-04-01',
        reason: '回头看',
      }),
    ).id;
  });

  it('sees only its own unit’s notified inspections; anything else is 404, the bureau’s API 403', async () => {
    const before = ok<{ items: Summary[] }>(await unit.get('/api/my/inspections')).items;
    expect(before.every((i) => i.unitId === unitUnitId && i.status !== 'planned')).toBe(true);
    expect(before.some((i) => i.id === id)).toBe(false); // not notified yet
    expect((await unit.get(`/api/my/inspections/${id}`)).statusCode).toBe(404);
    const other = ok<{ items: Summary[] }>(await admin.get('/api/inspections?pageSize=100')).items.find(
      (i) => i.unitId !== unitUnitId && i.status !== 'planned',
    )!;
    expect((await unit.get(`/api/my/inspections/${other.id}`)).statusCode).toBe(404);
    expect((await unit.put(`/api/my/inspections/${other.id}/self-inspection`, { results: [] })).statusCode).toBe(404);
    expect((await unit.get('/api/inspections')).statusCode).toBe(403);
    expect((await admin.get('/api/my/inspections')).statusCode).toBe(403);

    ok(await admin.post(`/api/inspections/${id}/notice`, {}));
    const after = ok<{ items: Summary[] }>(await unit.get('/api/my/inspections')).items;
    expect(after.map((i) => i.id)).toContain(id);
    expect(after).toHaveLength(before.length + 1);
    expect((await unit.get(`/api/my/inspections/${id}/notice.docx`)).statusCode).toBe(200);
  });

  it('saves in parts, refuses an incomplete submission naming what is open, then submits; frozen after', async () => {
    const d = ok<Detail>(await unit.get(`/api/my/inspections/${id}`));
    expect(d.allowedActions).toEqual(['saveSelfInspection', 'submitSelfInspection']);
    // due the last working day before the visit (Tue 04-01 → Mon 03-31): 03-04…07, 10…14, 17…21, 24…28, 31 = 20 working days left
    expect(d.selfInspection.clock).toMatchObject({ due: '2025-03-31', state: 'running', daysLeft: 20 });
    expect(d.items).toHaveLength(37);
    const [first, second, ...rest] = d.items;
    const bad = await unit.put(`/api/my/inspections/${id}/self-inspection`, {
      results: [{ entryId: '00000000-0000-4000-8000-000000000000', result: 'compliant' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields['results.0.entryId']).toBe('该检查项不属于本次检查的检查表');
    const wrong = await unit.put(`/api/my/inspections/${id}/self-inspection`, { results: [{ entryId: first!.entryId, result: '符合' }] });
    expect(wrong.statusCode).toBe(400);

    const part = ok<Detail>(
      await unit.put(`/api/my/inspections/${id}/self-inspection`, {
        results: [
          { entryId: first!.entryId, result: 'compliant' },
          { entryId: second!.entryId, result: 'non_compliant', note: '制度未更新' },
        ],
      }),
    );
    expect(part.selfInspection).toMatchObject({ answered: 2, total: 37, submittedAt: null });
    const early = await unit.post(`/api/my/inspections/${id}/self-inspection/submit`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toMatch(/^自查表还有 35 项未填写自查结果（A1-03、A1-04、.* 等），请逐项填写后提交$/);

    ok(
      await unit.put(`/api/my/inspections/${id}/self-inspection`, {
        results: rest.map((e) => ({ entryId: e.entryId, result: e.code.startsWith('A6') ? 'not_applicable' : 'compliant' })),
      }),
    );
    const done = ok<Detail>(await unit.post(`/api/my/inspections/${id}/self-inspection/submit`));
    expect(done).toMatchObject({ status: 'self_inspected', allowedActions: [] });
    expect(done.selfInspection.submittedAt).not.toBeNull();
    expect(done.selfInspection.clock).toMatchObject({ due: '2025-03-31', state: 'met' });

    const late = await unit.put(`/api/my/inspections/${id}/self-inspection`, { results: [{ entryId: first!.entryId, result: 'non_compliant' }] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/当前状态为“已自查”，不能填写自查表/);

    // The bureau sees the results; the record names each step.
    const seen = ok<Detail>(await admin.get(`/api/inspections/${id}`));
    expect(seen.items[1]!.self).toEqual({ result: 'non_compliant', resultLabel: '不符合', note: '制度未更新' });
    const timeline = ok<{ items: { action: string; actorName: string }[] }>(await admin.get(`/api/audit/timeline?entityType=inspection&entityId=${id}`));
    expect(timeline.items.map((e) => e.action)).toEqual([
      'inspection.create',
      'inspection.notify',
      'inspection.self_inspection.save',
      'inspection.self_inspection.save',
      'inspection.self_inspection.submit',
    ]);
    expect(timeline.items.at(-1)!.actorName).toBe('陈档案员（unit）');
  });
});

describe('现场检查记录: results, photos, signatures, frozen once signed', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const PNG_URL = `data:image/png;base64,${PNG.toString('base64')}`;
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20)]);
  const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(8)]);
  const ON_SITE = '2025-03-20T02:00:00Z'; // Thursday
  let id: string;
  let items: Detail['items'];
  let other: string; // unit of this inspection (not the demo unit account's)

  beforeAll(async () => {
    other = (await q1<{ id: string }>(`SELECT id FROM units WHERE id <> $1 AND org_id = $2 ORDER BY name LIMIT 1`, [unitUnitId, setup.org.id])).id;
    const d = ok<Detail>(
      await admin.post('/api/inspections', {
        unitId: other,
        inspectorIds: [ids['马红梅']!, ids['孙立新']!],
        checklistVersionId: versionId,
        plannedDate: '2025-03-20',
        reason: '专项检查',
      }),
    );
    id = d.id;
    items = d.items;
    ok(await admin.post(`/api/inspections/${id}/notice`, {}));
  });

  it('refuses inspectors outside the team, a future date, a date before the announced one and unknown items, naming them; nothing written', async () => {
    const base = { onSiteDate: '2025-03-03', items: [], inspectorsPresent: [ids['马红梅']!], representative: null, findings: null };
    const before = await written();
    const future = await admin.put(`/api/inspections/${id}/record`, { ...base, onSiteDate: '2025-03-04' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.onSiteDate).toBe('现场检查日期 2025-03-04 晚于今天（2025-03-03）');
    expect(await written()).toEqual(before);
    await at('2025-03-19T02:00:00Z', async (c) => {
      const before = await written();
      // The notice announced 2025-03-20: the day before is refused, naming the notice and what to do.
      const doc = ok<Detail>(await c.get(`/api/inspections/${id}`)).noticeDocNumber;
      const early = await c.put(`/api/inspections/${id}/record`, { ...base, onSiteDate: '2025-03-19' });
      expect(early.statusCode, early.body).toBe(400);
      expect(early.json().error.fields.onSiteDate).toBe(
        `现场检查日期 2025-03-19 早于检查通知书（${doc}）通知的检查日期 2025-03-20；如需在此之前检查，应先变更检查通知（另行送达检查通知书，至迟于新的检查日期前 5 个工作日送达）`,
      );
      expect(await written()).toEqual(before);
    });
    await at(ON_SITE, async (c) => {
      const before = await written();
      const onTheDay = { ...base, onSiteDate: '2025-03-20' };
      const outsider = await c.put(`/api/inspections/${id}/record`, { ...onTheDay, inspectorsPresent: [ids['马红梅'], ids['王执法']] });
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json().error.fields.inspectorsPresent).toMatch(/须为本次检查的检查组成员（马红梅、孙立新）/);
      const unknown = await c.put(`/api/inspections/${id}/record`, {
        ...onTheDay,
        items: [{ entryId: '00000000-0000-4000-8000-000000000000', result: 'compliant' }],
      });
      expect(unknown.statusCode).toBe(400);
      expect(await written()).toEqual(before);
    });
  });

  it('keeps a draft, shows the 3-working-day clock, and refuses signing an incomplete record naming what is missing', async () => {
    await at(ON_SITE, async (c) => {
      const d = ok<Detail & { record: { clock: { due: string; state: string; daysLeft: number } } }>(
        await c.put(`/api/inspections/${id}/record`, {
          onSiteDate: '2025-03-20',
          items: [
            { entryId: items[0]!.entryId, result: 'compliant' },
            { entryId: items[1]!.entryId, result: 'non_compliant', note: '制度汇编未更新' },
          ],
          inspectorsPresent: [ids['马红梅']],
        }),
      );
      // 2025-03-20 (Thu) + 3 working days: 21 (Fri), 24 (Mon), 25 (Tue).
      expect(d.record.clock).toMatchObject({ due: '2025-03-25', daysLeft: 3, state: 'running' });
      const dash = ok<{ items: { kind: string; entityId: string; due: string }[] }>(await c.get('/api/dashboard'));
      expect(dash.items.find((i) => i.kind === 'inspection.record' && i.entityId === id)?.due).toBe('2025-03-25');
      const before = await written();
      const res = await c.post(`/api/inspections/${id}/sign`, {
        inspectors: [{ inspectorId: ids['马红梅'], signature: PNG_URL }],
        representative: { signature: PNG_URL },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toMatch(
        /^现场检查记录不完整，不能签字：35 项未填写检查结果（A1-03、A1-04、.* 等）；未填写被检查单位代表（姓名、职务）；到场执法人员只有 1 名，至少 2 名$/,
      );
      expect(await written()).toEqual(before);
    });
  });

  it('takes photos by magic bytes only (JPEG, PNG, WebP), refusing anything else with 415', async () => {
    const url = `/api/inspections/${id}/photos?entryId=${items[1]!.entryId}`;
    const before = await written();
    for (const [name, bytes, type] of [
      ['a.txt', Buffer.from('not an image'), 'text/plain'],
      ['fake.png', Buffer.from('GIF89a-pretending'), 'image/png'],
      ['doc.pdf', Buffer.from('%PDF-1.7'), 'application/pdf'],
    ] as const) {
      const res = await admin.upload(url, 'file', name, bytes, type);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.message).toBe('照片必须是 JPEG、PNG 或 WebP 图片');
    }
    expect((await admin.post(url, { file: 'x' })).statusCode).toBe(415);
    expect(await written()).toEqual(before);
    const png = ok<{ id: string; mime: string; size: number }>(await admin.upload(url, 'file', '库房.png', PNG, 'application/octet-stream'));
    expect(png).toMatchObject({ mime: 'image/png', size: PNG.length });
    expect(ok<{ mime: string }>(await admin.upload(url, 'file', 'a.jpg', JPEG)).mime).toBe('image/jpeg');
    expect(ok<{ mime: string }>(await admin.upload(url, 'file', 'a.webp', WEBP)).mime).toBe('image/webp');
    const bad = await admin.upload(`/api/inspections/${id}/photos?entryId=00000000-0000-4000-8000-000000000000`, 'file', 'a.png', PNG);
    expect(bad.statusCode).toBe(400);
    const got = await admin.get(`/api/inspections/${id}/files/${png.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    const d = ok<{ items: { photos: { mime: string }[] }[] }>(await admin.get(`/api/inspections/${id}`));
    expect(d.items[1]!.photos.map((p) => p.mime)).toEqual(['image/png', 'image/jpeg', 'image/webp']);
  });

  it('signs a complete record with every signature; frozen afterwards (409)', async () => {
    await at(ON_SITE, async (c) => {
      ok(
        await c.put(`/api/inspections/${id}/record`, {
          onSiteDate: '2025-03-20',
          items: items.map((e, i) => ({
            entryId: e.entryId,
            result: i === 1 ? 'non_compliant' : e.code.startsWith('A6') ? 'not_applicable' : 'compliant',
            note: i === 1 ? '制度汇编未更新' : null,
          })),
          inspectorsPresent: [ids['马红梅'], ids['孙立新']],
          representative: { name: '张主任', title: '办公室主任' },
          findings: '档案管理制度汇编未按新档案法更新。',
        }),
      );
      const unsigned = await c.post(`/api/inspections/${id}/sign`, { inspectors: [{ inspectorId: ids['马红梅'], signature: PNG_URL }] });
      expect(unsigned.statusCode).toBe(422);
      expect(unsigned.json().error.message).toBe('缺少签字：执法人员 孙立新 未签字；被检查单位代表 张主任 未签字');
      const notPng = `data:image/png;base64,${JPEG.toString('base64')}`;
      const wrong = await c.post(`/api/inspections/${id}/sign`, {
        inspectors: [
          { inspectorId: ids['马红梅'], signature: PNG_URL },
          { inspectorId: ids['孙立新'], signature: notPng },
        ],
        representative: { signature: PNG_URL },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toBe('孙立新的签名不是 PNG 图片');

      const d = ok<
        Detail & {
          record: {
            signedOn: string;
            inspectorsPresent: { name: string; certificateNo: string }[];
            signatures: { signerName: string; role: string }[];
            clock: { state: string };
          };
        }
      >(
        await c.post(`/api/inspections/${id}/sign`, {
          inspectors: [
            { inspectorId: ids['马红梅'], signature: PNG_URL },
            { inspectorId: ids['孙立新'], signature: PNG_URL },
          ],
          representative: { signature: PNG_URL },
        }),
      );
      expect(d.status).toBe('on_site_signed');
      // A1-02 is 不符合: it may also be handed to an enforcement case (移送立案).
      expect(d.allowedActions).toEqual(['issueFeedback', 'refer']);
      expect(d.record.signedOn).toBe('2025-03-20');
      expect(d.record.clock.state).toBe('met');
      expect(d.record.inspectorsPresent.map((i) => i.name)).toEqual(['马红梅', '孙立新']);
      expect(d.record.inspectorsPresent.every((i) => /^\d+$/.test(i.certificateNo))).toBe(true);
      expect(d.record.signatures.map((s) => [s.signerName, s.role])).toEqual([
        ['马红梅', 'inspector'],
        ['孙立新', 'inspector'],
        ['张主任', 'representative'],
      ]);
      const dash = ok<{ items: { entityId: string }[] }>(await c.get('/api/dashboard'));
      expect(dash.items.some((i) => i.entityId === id)).toBe(false);

      const before = await written();
      const edit = await c.put(`/api/inspections/${id}/record`, { onSiteDate: '2025-03-20', items: [], inspectorsPresent: [] });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.message).toMatch(/已于 2025-03-20 签字，不能再修改/);
      expect((await c.upload(`/api/inspections/${id}/photos?entryId=${items[0]!.entryId}`, 'file', 'a.png', PNG)).statusCode).toBe(409);
      expect((await c.post(`/api/inspections/${id}/sign`, { inspectors: [], representative: { signature: PNG_URL } })).statusCode).toBe(409);
      expect(await written()).toEqual(before);
      const timeline = ok<{ items: { action: string }[] }>(await c.get(`/api/audit/timeline?entityType=inspection&entityId=${id}`));
      expect(timeline.items.map((e) => e.action)).toEqual([
        'inspection.create',
        'inspection.notify',
        'inspection.record.save',
        'inspection.photo.add',
        'inspection.photo.add',
        'inspection.photo.add',
        'inspection.record.save',
        'inspection.sign',
      ]);
    });
  });
  it('反馈意见书: rectification items from the non-compliant items (text editable), deadline on-site date + 30 working days, numbered, on the dashboard', async () => {
    // 37 items: A1-02 不符合, the five A6 items 不适用, 31 符合. 2025-03-20 + 30 working days: 03-21…31 (7), 04-01…03 (10), 04-04 清明 off, 04-07…25 (25), 04-27 (Sun) 调休上班 (26),
    // 04-28…30 (29), 05-01…05 劳动节 off, 05-06 (30).
    await at('2025-03-21T02:00:00Z', async (c) => {
      // Before issuing, the detail previews the deadline the letter will set.
      const preview = ok<Detail & { rectificationPreview: { days: number; due: string } | null }>(await c.get(`/api/inspections/${id}`)).rectificationPreview;
      expect(preview).toMatchObject({ days: 30, due: '2025-05-06' });
      const before = await written();
      const compliantOne = await c.post(`/api/inspections/${id}/feedback`, {
        items: [
          { entryId: items[0]!.entryId, text: '无' },
          { entryId: items[1]!.entryId, text: '修订' },
        ],
      });
      expect(compliantOne.statusCode).toBe(400);
      expect(compliantOne.json().error.fields['items.0.entryId']).toBe('整改事项须来自现场检查记录中“不符合”的检查项');
      const missing = await c.post(`/api/inspections/${id}/feedback`, { items: [] });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.fields.items).toBe('以下不符合项没有整改要求：A1-02');
      const early = await c.post(`/api/inspections/${id}/feedback`, { issuedOn: '2025-03-19' });
      expect(early.json().error.fields.issuedOn).toBe('反馈日期 2025-03-19 早于现场检查记录签字日期 2025-03-20');
      expect(await written()).toEqual(before);

      const d = ok<
        Detail & {
          noticeDocNumber: string;
          feedback: { issuedOn: string; docNumber: string; rectificationDue: string; items: { code: string; text: string }[] };
        }
      >(
        await c.post(`/api/inspections/${id}/feedback`, {
          items: [{ entryId: items[1]!.entryId, text: '请按新修订的档案法修订档案管理制度汇编，并组织学习' }],
          conclusion: '总体较好。',
        }),
      );
      expect(d.status).toBe('feedback_issued');
      expect((d as unknown as { rectificationPreview: unknown }).rectificationPreview).toBeNull();
      expect(d.feedback).toMatchObject({ issuedOn: '2025-03-21', rectificationDue: '2025-05-06' });
      expect(d.feedback.items.map((x) => [x.code, x.text])).toEqual([['A1-02', '请按新修订的档案法修订档案管理制度汇编，并组织学习']]);
      const n = Number(/〔2025〕(\d+)号/.exec(d.noticeDocNumber)![1]);
      expect(d.feedback.docNumber).toBe(`测档检〔2025〕${n + 1}号`);
      const dash = ok<{ items: { kind: string; entityId: string; due: string; daysLeft: number; state: string }[] }>(await c.get('/api/dashboard'));
      expect(dash.items.find((i) => i.kind === 'inspection.rectification' && i.entityId === id)).toMatchObject({
        due: '2025-05-06',
        daysLeft: 29,
        state: 'running',
      });
      expect((await c.post(`/api/inspections/${id}/feedback`, {})).statusCode).toBe(409);

      const res = await c.get(`/api/inspections/${id}/feedback.docx`);
      expect(res.statusCode).toBe(200);
      const text = (await docxParagraphs(res.rawPayload)).join('\n');
      for (const s of [
        d.feedback.docNumber,
        '档案行政检查反馈意见书',
        '我局于2025年3月20日对你单位档案工作进行了行政检查',
        '符合 31 项、不符合 1 项、不适用 5 项',
        '1. 请按新修订的档案法修订档案管理制度汇编，并组织学习',
        '于2025年5月6日前完成整改',
        '2025年3月21日',
      ]) {
        expect(text).toContain(s);
      }
      expect(await letterLayout(res.rawPayload)).toEqual({ format: 'letter', sealed: true, note: '（联系人：管理员，联系电话：0931-8810000）' });
    });
    // Another unit's account cannot fetch it.
    const unitAccount = await signInDemo(env.app, setup, 'unit');
    expect((await unitAccount.get(`/api/my/inspections/${id}/feedback.docx`)).statusCode).toBe(404);
    // Not signed yet: no feedback (409), no letter (409).
    const planned = ok<{ items: Summary[] }>(await admin.get('/api/inspections?status=planned')).items[0]!;
    expect((await admin.post(`/api/inspections/${planned.id}/feedback`, {})).statusCode).toBe(409);
    expect((await admin.get(`/api/inspections/${planned.id}/feedback.docx`)).statusCode).toBe(409);
  });
  it('the next draw leaves out every unit with an inspection planned or under way (whatever its risk), with the reason', async () => {
    await at('2025-03-21T02:00:00Z', async (c) => {
      const planId = (await q1<{ id: string }>('SELECT id FROM inspection_plans')).id;
      // Not closed: the demo draw's 8 (待通知/已通知/已自查), the ad-hoc ones above, and this one (已反馈).
      const open = (await env.database.pool.query<{ unit_id: string }>(`SELECT DISTINCT unit_id FROM inspections WHERE status <> 'closed'`)).rows
        .map((r) => r.unit_id)
        .sort();
      expect(open).toContain(other);
      const before = await written();
      const draw = ok<{ id: string; excluded: { unitId: string; reason: string }[]; kept: { unitId: string }[] }>(
        await c.post(`/api/inspections/plans/${planId}/draws`, { plannedDate: '2025-04-10', teamSize: 2, entropySource: 'server' }),
      );
      expect(draw.excluded.map((e) => e.unitId).sort()).toEqual(open);
      expect(draw.kept).toEqual([]);
      const pool = ok<{ items: { id: string }[]; total: number }>(await c.get(`/api/inspections/draws/${draw.id}/units?pageSize=200`));
      expect(pool.items).toHaveLength(pool.total);
      expect(pool.items.some((u) => open.includes(u.id))).toBe(false);
      // Each reason names the unit's earliest open inspection (and how many there are).
      const LABELS: Record<string, string> = {
        planned: '待通知',
        notified: '已通知',
        self_inspected: '已自查',
        on_site_signed: '现场检查已签字',
        feedback_issued: '已反馈',
        rectifying: '整改中',
      };
      for (const e of draw.excluded) {
        const rows = (
          await env.database.pool.query<{ code: string; status: string; planned: string }>(
            `SELECT code, status, planned_date::text AS planned FROM inspections WHERE unit_id = $1 AND status <> 'closed' ORDER BY planned_date, code`,
            [e.unitId],
          )
        ).rows;
        const more = rows.length > 1 ? `等 ${rows.length} 项检查` : '';
        expect(e.reason).toBe(`已有检查 ${rows[0]!.code}（${LABELS[rows[0]!.status]}，检查日 ${rows[0]!.planned}）${more}尚未办结，本次不再抽取`);
      }
      const code = (await q1<{ code: string }>('SELECT code FROM inspections WHERE id = $1', [id])).code;
      expect(draw.excluded.find((e) => e.unitId === other)!.reason).toMatch(new RegExp(`^已有检查 J-2025-\\d{3}（[^）]+）(等 \\d+ 项检查)?尚未办结`));
      expect((await q1<{ status: string }>('SELECT status FROM inspections WHERE code = $1', [code])).status).toBe('feedback_issued');
      // The reasons are where excluded units are listed: the draw's detail, and the record of its creation.
      const detail = ok<{ excluded: { unitId: string; reason: string }[] }>(await c.get(`/api/inspections/draws/${draw.id}`));
      expect(detail.excluded.find((e) => e.unitId === other)!.reason).toMatch(/尚未办结，本次不再抽取$/);
      expect((await written()).audit).toBe(before.audit + 1);
    });
  });
});

describe('整改: the unit reports per item with evidence, the bureau accepts or returns; returned twice is flagged; closed when all pass', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const PNG_URL = `data:image/png;base64,${PNG.toString('base64')}`;
  type Rect = Detail & {
    feedback: {
      rectificationDue: string;
      items: { id: string; code: string; status: string; returnCount: number; reports: { text: string; evidence: string[] }[]; evidence: { id: string }[] }[];
      flags: { code: string; reason: string }[];
    };
  };
  let id: string;
  let a: string;
  let b: string;

  /** Run as the admin and the unit account at a given time. */
  async function both<T>(when: string, fn: (bureau: Client, unit: Client) => Promise<T>): Promise<T> {
    return at(when, async (bureau) => fn(bureau, await signInDemo(env.app, setup, 'unit')));
  }

  beforeAll(async () => {
    const d = ok<Detail>(
      await admin.post('/api/inspections', {
        unitId: unitUnitId,
        inspectorIds: [ids['马红梅']!, ids['林志强']!],
        checklistVersionId: versionId,
        plannedDate: '2025-03-20',
        reason: '整改回头看',
      }),
    );
    id = d.id;
    ok(await admin.post(`/api/inspections/${id}/notice`, {}));
    await at('2025-03-20T02:00:00Z', async (c) => {
      ok(
        await c.put(`/api/inspections/${id}/record`, {
          onSiteDate: '2025-03-20',
          items: d.items.map((e) => ({
            entryId: e.entryId,
            result: e.code === 'A2-03' || e.code === 'A5-04' ? 'non_compliant' : 'compliant',
            note: e.code === 'A2-03' ? '温湿度记录中断' : null,
          })),
          inspectorsPresent: [ids['马红梅'], ids['林志强']],
          representative: { name: '陈档案员', title: '档案员' },
        }),
      );
      ok(
        await c.post(`/api/inspections/${id}/sign`, {
          inspectors: [
            { inspectorId: ids['马红梅'], signature: PNG_URL },
            { inspectorId: ids['林志强'], signature: PNG_URL },
          ],
          representative: { signature: PNG_URL },
        }),
      );
      const f = ok<Rect>(await c.post(`/api/inspections/${id}/feedback`, {}));
      expect(f.feedback.items.map((x) => [x.code, x.status])).toEqual([
        ['A2-03', 'open'],
        ['A5-04', 'open'],
      ]);
      [a, b] = f.feedback.items.map((x) => x.id) as [string, string];
    });
  });

  it('reports with evidence, reviews, flags the item returned twice, closes when all pass, refuses reports after closure', async () => {
    await both('2025-03-24T02:00:00Z', async (bureau, unit) => {
      const bad = await unit.upload(`/api/my/inspections/${id}/rectification/evidence?itemId=${a}`, 'file', 'a.txt', Buffer.from('text'));
      expect(bad.statusCode).toBe(415);
      expect(bad.json().error.message).toBe('佐证材料必须是 JPEG、PNG、WebP 图片或 PDF 文件');
      const ev = ok<{ id: string }>(await unit.upload(`/api/my/inspections/${id}/rectification/evidence?itemId=${a}`, 'file', '温湿度记录.png', PNG));
      // the unit opens its own evidence; nobody else's inspection files are reachable through /api/my
      const mine = await unit.get(`/api/my/inspections/${id}/files/${ev.id}`);
      expect(mine.statusCode).toBe(200);
      expect(mine.headers['content-type']).toBe('image/png');
      expect(mine.rawPayload.equals(PNG)).toBe(true);
      expect((await unit.get(`/api/my/inspections/${id}/files/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
      ok<{ id: string }>(await unit.upload(`/api/my/inspections/${id}/rectification/evidence?itemId=${b}`, 'file', '备份.pdf', Buffer.from('%PDF-1.7 test')));
      const r = ok<Rect>(
        await unit.put(`/api/my/inspections/${id}/rectification`, {
          items: [
            { itemId: a, text: '已恢复温湿度记录' },
            { itemId: b, text: '已建立异地备份' },
          ],
        }),
      );
      expect(r.status).toBe('rectifying');
      expect(r.feedback.items.find((x) => x.id === a)!.reports[0]!.evidence).toEqual([ev.id]);
      const twice = await unit.put(`/api/my/inspections/${id}/rectification`, { items: [{ itemId: a, text: '再报' }] });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.fields['items.0.itemId']).toBe('整改事项 A2-03 已报送，正在审核');

      const noReason = await bureau.post(`/api/inspections/${id}/rectification/review`, { items: [{ itemId: a, decision: 'returned' }] });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields['items.0.comment']).toBe('退回整改事项 A2-03 须写明理由');
      const rev = ok<Rect>(
        await bureau.post(`/api/inspections/${id}/rectification/review`, {
          items: [
            { itemId: a, decision: 'returned', comment: '记录不完整' },
            { itemId: b, decision: 'accepted' },
          ],
        }),
      );
      expect(rev.status).toBe('rectifying');
      expect(rev.feedback.items.map((x) => [x.code, x.status, x.returnCount])).toEqual([
        ['A2-03', 'returned', 1],
        ['A5-04', 'accepted', 0],
      ]);
      expect(rev.feedback.flags).toEqual([]);
      // The unit's dashboard: its own rectification deadline (and the 自查表 still open from the notice
      // test above, of its own unit too), none of the bureau's inspection clocks.
      const unitDash = ok<{ items: { kind: string; entityId: string; due: string }[] }>(await unit.get('/api/dashboard'));
      expect(unitDash.items.filter((i) => i.kind.startsWith('inspection.') && i.kind !== 'inspection.self')).toEqual([
        expect.objectContaining({ kind: 'inspection.rectification', entityId: id, due: '2025-05-06' }),
      ]);
      expect(ok<{ items: { kind: string }[] }>(await bureau.get('/api/dashboard')).items.some((i) => i.kind === 'inspection.notice')).toBe(true);

      ok(await unit.put(`/api/my/inspections/${id}/rectification`, { items: [{ itemId: a, text: '补充了 10 月以来的记录' }] }));
      const again = ok<Rect>(
        await bureau.post(`/api/inspections/${id}/rectification/review`, { items: [{ itemId: a, decision: 'returned', comment: '仍缺 11 月记录' }] }),
      );
      expect(again.feedback.flags).toEqual([{ itemId: a, code: 'A2-03', reason: '整改情况已被退回 2 次，应约谈或组织回头看' }]);

      ok(await unit.put(`/api/my/inspections/${id}/rectification`, { items: [{ itemId: a, text: '记录已补齐' }] }));
      const done = ok<Rect>(await bureau.post(`/api/inspections/${id}/rectification/review`, { items: [{ itemId: a, decision: 'accepted' }] }));
      expect(done.status).toBe('closed');
      expect(done.feedback.flags).toEqual([]);
      // The rectification clock is met; the publication clock (一公开) runs on until the result is published.
      const dash = ok<{ items: { entityId: string; kind: string }[] }>(await bureau.get('/api/dashboard'));
      expect(dash.items.filter((i) => i.entityId === id).map((i) => i.kind)).toEqual(['inspection.publication']);

      const before = await written();
      const late = await unit.put(`/api/my/inspections/${id}/rectification`, { items: [{ itemId: a, text: '再报' }] });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toMatch(/已办结，不能再报送或审核整改情况/);
      expect((await unit.upload(`/api/my/inspections/${id}/rectification/evidence?itemId=${a}`, 'file', 'a.png', PNG)).statusCode).toBe(409);
      expect(await written()).toEqual(before);
    });
  });
});

describe('反馈意见书 without findings', () => {
  it('closes the inspection at once: no rectification items, no clock, a letter that says so', async () => {
    const PNG_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const unitId = (await q1<{ id: string }>(`SELECT id FROM units WHERE id <> $1 AND org_id = $2 ORDER BY name DESC LIMIT 1`, [unitUnitId, setup.org.id])).id;
    const d = ok<Detail>(
      await admin.post('/api/inspections', {
        unitId,
        inspectorIds: [ids['王执法']!, ids['林志强']!],
        checklistVersionId: versionId,
        plannedDate: '2025-03-20',
        reason: '专项检查',
      }),
    );
    ok(await admin.post(`/api/inspections/${d.id}/notice`, {}));
    await at('2025-03-20T02:00:00Z', async (c) => {
      ok(
        await c.put(`/api/inspections/${d.id}/record`, {
          onSiteDate: '2025-03-20',
          items: d.items.map((e) => ({ entryId: e.entryId, result: 'compliant' })),
          inspectorsPresent: [ids['王执法'], ids['林志强']],
          representative: { name: '李主任', title: '副主任' },
        }),
      );
      ok(
        await c.post(`/api/inspections/${d.id}/sign`, {
          inspectors: [
            { inspectorId: ids['王执法'], signature: PNG_URL },
            { inspectorId: ids['林志强'], signature: PNG_URL },
          ],
          representative: { signature: PNG_URL },
        }),
      );
      const f = ok<Detail & { feedback: { items: unknown[]; rectificationDue: string | null } }>(await c.post(`/api/inspections/${d.id}/feedback`, {}));
      expect(f).toMatchObject({ status: 'closed', allowedActions: ['publish'], feedback: { items: [], rectificationDue: null } });
      // Done with the letter: closed that day, without a 办结 note.
      expect(f).toMatchObject({ closedOn: '2025-03-20', closeNote: null });
      expect((await q1<{ n: number }>(`SELECT count(*)::int AS n FROM clocks WHERE entity_id = $1 AND kind = 'inspection.rectification'`, [d.id])).n).toBe(0);
      const text = (await docxParagraphs((await c.get(`/api/inspections/${d.id}/feedback.docx`)).rawPayload)).join('\n');
      expect(text).toContain('本次检查未发现需要整改的问题');
      expect(text).toContain('符合 37 项、不符合 0 项、不适用 0 项');
    });
  });
});
