/**
 * After the rectification flags, through HTTP: 约谈 (interview record, .docx, the commitment clock),
 * 回头看 (a follow-up inspection that runs the loop again), 办结 by hand, and the detail's
 * `allowedActions` as the record changes. 移送立案 and the enforcement inbox: enforcement/referrals.test.ts.
 *
 * Demo data at 2025-03-03 10:00 Beijing (Monday). Three ad-hoc inspections, on site Thursday
 * 2025-03-27, feedback letter Friday 2025-03-28:
 *   A (the demo `unit` account's unit): A2-03 and A5-04 不符合 — A2-03 returned twice → 约谈 with a commitment;
 *   B (the unit 何丽娟 must withdraw from): A1-02, A3-06, A5-04 不符合, never reported → overdue → 约谈,
 *     回头看, 移送立案 → 办结 by hand;
 *   C (the demo unit again): A1-02 and A3-06 returned twice, A1-02 then accepted → 约谈 on A3-06 → 办结.
 *
 * Rectification due, hand-counted (RULES.md §1; 2025 schedule: 清明 04-04…06 off, 劳动节 05-01…05 off,
 * Sunday 04-27 调休上班), 30 working days after 03-27:
 *   03-28 (1); 03-31, 04-01, 04-02, 04-03 (5); 04-07…11 (10); 04-14…18 (15); 04-21…25 (20);
 *   04-27 Sun (21); 04-28, 04-29, 04-30 (24); 05-06…09 (28); 05-12 (29), 05-13 (30) → 2025-05-13,
 *   so an item not accepted is overdue from Wednesday 2025-05-14.
 * The commitment clock counts calendar days: interview 04-02, commitment 04-16 → 14 days.
 * A follow-up planned for Tuesday 05-27 needs its notice 5 working days ahead: 05-27, 26, 23, 22,
 *   21 → latest 2025-05-20.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, setupOrg, signInDemo, ok as okJson, refused } from '../../../test/harness.js';
import { computeClock, type ClockSpec } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar } from '../../../kernel/calendar/store.js';
import { docxParagraphs } from '../../disclosure/test-docx.js';
import { letterLayout } from '../../../kernel/documents/test-letter.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const NOW = '2025-03-03T02:00:00Z';
const DUE = '2025-05-13';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PNG_URL = `data:image/png;base64,${PNG.toString('base64')}`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Item = { id: string; entryId: string; code: string; title: string; text: string; status: string; returnCount: number };
type Addressed = {
  interviews: { id: string; heldOn: string }[];
  followUps: { id: string; code: string; status: string }[];
  referrals: { id: string; code: string }[];
};
type Detail = {
  id: string;
  code: string;
  unitId: string;
  unitName: string;
  source: string;
  sourceLabel: string;
  status: string;
  plannedDate: string;
  reason: string;
  team: { id: string; name: string; certificateNo: string }[];
  allowedActions: string[];
  checklist: { versionId: string };
  notice: { latestDate: string };
  items: { entryId: string; code: string; title: string }[];
  feedback: { docNumber: string; rectificationDue: string; items: Item[] } | null;
  flags: { itemId: string; code: string; reason: string; addressedBy: Addressed }[];
  interviews: {
    id: string;
    heldOn: string;
    place: string;
    interviewers: { name: string; certificateNo: string }[];
    attendees: { name: string; title: string }[];
    itemIds: string[];
    itemCodes: string[];
    content: string;
    commitments: string | null;
    commitmentDue: string | null;
  }[];
  followUps: { id: string; code: string; status: string; statusLabel: string; plannedDate: string; itemIds: string[]; itemCodes: string[] }[];
  parent: {
    id: string;
    code: string;
    status: string;
    feedbackDocNumber: string | null;
    items: { id: string; code: string; status: string; returnCount: number }[];
  } | null;
  referrals: { id: string; code: string; status: string }[];
  closedOn: string | null;
  closeNote: string | null;
  commitment: { label: string; closed: boolean; due: string; state: string; daysLeft: number } | null;
};
type Due = { kind: string; kindLabel: string; entityId: string; due: string; daysLeft: number; state: string; label: string };

/** `ok` of the harness, reading a Detail unless told otherwise. */
const ok = <T = Detail>(res: Parameters<typeof okJson>[0], status = 200): T => okJson<T>(res, status);
const q1 = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows[0] as T;
/**
 * A signed-in client of `user` for `day` (10:00 Beijing), one per user and day: sessions time out
 * after 30 idle minutes, so a client is used only on its own day (and sign-ins are rate-limited).
 */
const clients = new Map<string, Client>();
async function as(user: string, day: string): Promise<Client> {
  env.setNow(`${day}T02:00:00Z`);
  const key = `${user}@${day}`;
  let c = clients.get(key);
  if (!c) {
    if (user === 'admin') {
      c = new Client(env.app);
      ok(await c.login('admin', 'Admin-Pass-2024'));
    } else c = await signInDemo(env.app, setup, user);
    clients.set(key, c);
  }
  return c;
}
/** Run `fn` as the admin on `day`, then come back to NOW. */
async function at<T>(day: string, fn: (c: Client) => Promise<T>): Promise<T> {
  try {
    return await fn(await as('admin', day));
  } finally {
    env.setNow(NOW);
  }
}
/** The admin and the demo unit's archivist on `day`. */
const both = <T>(day: string, fn: (bureau: Client, unit: Client) => Promise<T>) => at(day, async (bureau) => fn(bureau, await as('unit', day)));
/** Row counts plus a fingerprint of every inspection row: a refused request changes none of it. */
const written = async () => ({
  inspections: (
    await q1<{ f: string }>(
      `SELECT md5(string_agg(id::text || status || coalesce(closed_on::text, '') || updated_at::text || coalesce(rectification_items::text, ''), ',' ORDER BY id)) AS f FROM inspections`,
    )
  ).f,
  interviews: await countRows(env, 'inspection_interviews'),
  referrals: await countRows(env, 'enforcement_referrals'),
  clocks: (await q1<{ f: string }>(`SELECT count(*) || ':' || count(closed_at) AS f FROM clocks`)).f,
  audit: await countRows(env, 'audit_events'),
});
const timeline = async (c: Client, id: string) =>
  ok<{ items: { action: string; after: Record<string, unknown> }[] }>(await c.get(`/api/audit/timeline?entityType=inspection&entityId=${id}`)).items;
const dashboard = async (c: Client) => ok<{ items: Due[] }>(await c.get('/api/dashboard')).items;
const clockRow = (id: string, kind: string) =>
  q1<{ closed_at: Date | null; spec: ClockSpec } | undefined>(`SELECT closed_at, spec FROM clocks WHERE entity_id = $1 AND kind = $2`, [id, kind]);
/** A closed clock as the one Clock model reads it (the dashboard shows only open ones). */
async function closedClock(id: string, kind: string) {
  const row = (await clockRow(id, kind))!;
  expect(row.closed_at).not.toBeNull();
  const k = computeClock(await loadWorkCalendar(env.database.db), row.spec, '2025-06-30');
  return { completedOn: row.spec.completedOn, due: k.due, state: k.state };
}

let versionId: string;
let unitUnitId: string;
let conflictUnitId: string;
let ids: Record<string, string>;
let certs: Record<string, string>;

/** An ad-hoc inspection of `unitId` noticed today, on site 03-27 with `bad` 不符合, the feedback letter on 03-28. */
async function drive(unitId: string, team: string[], bad: string[]): Promise<Detail & { byCode: Record<string, Item> }> {
  const d = ok(
    await admin.post('/api/inspections', {
      unitId,
      inspectorIds: team.map((n) => ids[n]),
      checklistVersionId: versionId,
      plannedDate: '2025-03-27',
      reason: '专项检查',
    }),
  );
  ok(await admin.post(`/api/inspections/${d.id}/notice`, {}));
  await at('2025-03-27', async (c) => {
    ok(
      await c.put(`/api/inspections/${d.id}/record`, {
        onSiteDate: '2025-03-27',
        items: d.items.map((e) => ({
          entryId: e.entryId,
          result: bad.includes(e.code) ? 'non_compliant' : 'compliant',
          note: bad.includes(e.code) ? `${e.code} 现场发现问题` : null,
        })),
        inspectorsPresent: team.map((n) => ids[n]),
        representative: { name: '刘主任', title: '办公室主任' },
      }),
    );
    ok(
      await c.post(`/api/inspections/${d.id}/sign`, {
        inspectors: team.map((n) => ({ inspectorId: ids[n], signature: PNG_URL })),
        representative: { signature: PNG_URL },
      }),
    );
  });
  const f = await at('2025-03-28', async (c) => ok(await c.post(`/api/inspections/${d.id}/feedback`, {})));
  expect(f.feedback!.rectificationDue).toBe(DUE);
  expect(f.feedback!.items.map((x) => x.code)).toEqual(bad);
  return { ...f, byCode: Object.fromEntries(f.feedback!.items.map((x) => [x.code, x])) };
}
/** The unit reports `items` on `day`; the bureau then reviews them with `decision`. */
async function reportAndReview(day: string, id: string, items: Item[], decision: 'accepted' | 'returned' | null): Promise<Detail> {
  return both(day, async (bureau, unit) => {
    ok(await unit.put(`/api/my/inspections/${id}/rectification`, { items: items.map((x) => ({ itemId: x.id, text: `${x.code} 已整改` })) }));
    if (!decision) return ok(await bureau.get(`/api/inspections/${id}`));
    return ok(
      await bureau.post(`/api/inspections/${id}/rectification/review`, {
        items: items.map((x) => ({ itemId: x.id, decision, comment: decision === 'returned' ? '整改不到位' : null })),
      }),
    );
  });
}

let A: Awaited<ReturnType<typeof drive>>;
let B: Awaited<ReturnType<typeof drive>>;
let C: Awaited<ReturnType<typeof drive>>;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  clients.set('admin@2025-03-03', admin);
  versionId = (await q1<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`)).checklist_version_id;
  unitUnitId = (await q1<{ unit_id: string }>(`SELECT unit_id FROM users WHERE username = 'unit'`)).unit_id;
  conflictUnitId = (
    await q1<{ unit_id: string }>(`SELECT c.unit_id FROM inspector_conflicts c JOIN inspectors i ON i.id = c.inspector_id WHERE i.name = '何丽娟'`)
  ).unit_id;
  const rows = (await env.database.pool.query<{ id: string; name: string; certificate_no: string }>('SELECT id, name, certificate_no FROM inspectors')).rows;
  ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  certs = Object.fromEntries(rows.map((r) => [r.name, r.certificate_no]));
  A = await drive(unitUnitId, ['王执法', '孙立新'], ['A2-03', 'A5-04']);
  B = await drive(conflictUnitId, ['王执法', '林志强'], ['A1-02', 'A3-06', 'A5-04']);
  C = await drive(unitUnitId, ['马红梅', '林志强'], ['A1-02', 'A3-06']);
});
afterAll(async () => env.close());

const interview = (itemIds: string[], patch: Record<string, unknown> = {}) => ({
  heldOn: '2025-04-02',
  place: '局三楼会议室',
  interviewerIds: [ids['王执法'], ids['孙立新']],
  attendees: [
    { name: '刘主任', title: '办公室主任' },
    { name: '陈档案员', title: '档案员' },
  ],
  itemIds,
  content: '指出库房温湿度记录两次整改不到位，要求单位负责人限期落实。',
  commitments: '两周内补齐温湿度记录并建立每日巡查制度。',
  commitmentDue: '2025-04-16',
  ...patch,
});

describe('约谈 (A: A2-03 returned twice)', () => {
  it('right after the letter: nothing is flagged, so neither 约谈, 回头看 nor 办结 is offered or accepted', async () => {
    await both('2025-03-28', async (bureau, unit) => {
      const d = ok(await bureau.get(`/api/inspections/${A.id}`));
      expect(d.flags).toEqual([]);
      expect(d.allowedActions).toEqual(['refer', 'publish']);
      expect(ok(await unit.get(`/api/my/inspections/${A.id}`)).allowedActions).toEqual(['reportRectification']);
      const a = A.byCode['A2-03']!;
      const before = await written();
      refused(
        await bureau.post(`/api/inspections/${A.id}/interviews`, interview([a.id], { heldOn: '2025-03-28', commitmentDue: '2025-04-11' })),
        400,
        'itemIds.0',
        /^.*整改事项 A2-03（待整改）既未被退回两次，也未逾期未通过审核（整改期限 2025-05-13），无需约谈/,
      );
      refused(
        await bureau.post(`/api/inspections/${A.id}/follow-ups`, { plannedDate: '2025-04-10', inspectorIds: [ids['王执法'], ids['孙立新']], itemIds: [a.id] }),
        400,
        'itemIds.0',
        /整改事项 A2-03（待整改）既未被退回两次，也未逾期未通过审核（整改期限 2025-05-13），尚不需回头看/,
      );
      const close = await bureau.post(`/api/inspections/${A.id}/close`, { note: '办结' });
      expect(close.statusCode, close.body).toBe(422);
      expect(close.json().error.message).toBe(`检查 ${A.code} 还不能办结：整改事项 A2-03（待整改）、A5-04（待整改） 尚在整改期限 2025-05-13 内且未通过审核`);
      expect(close.json().error.fields.items).toBeDefined();
      expect(await written()).toEqual(before);
    });
  });

  it('returned twice: flagged; 约谈 and 回头看 offered; 办结 still refused naming both items', async () => {
    const a = A.byCode['A2-03']!;
    const b = A.byCode['A5-04']!;
    await both('2025-03-31', async (bureau, unit) => {
      ok(
        await unit.put(`/api/my/inspections/${A.id}/rectification`, {
          items: [
            { itemId: a.id, text: '已恢复温湿度记录' },
            { itemId: b.id, text: '已建立异地备份' },
          ],
        }),
      );
      const d = ok(
        await bureau.post(`/api/inspections/${A.id}/rectification/review`, { items: [{ itemId: a.id, decision: 'returned', comment: '记录不完整' }] }),
      );
      expect(d.flags).toEqual([]);
      expect(d.allowedActions).toEqual(['reviewRectification', 'refer', 'publish']);
    });
    const d = await reportAndReview('2025-04-01', A.id, [a], 'returned');
    expect(d.flags).toEqual([
      { itemId: a.id, code: 'A2-03', reason: '整改情况已被退回 2 次，应约谈或组织回头看', addressedBy: { interviews: [], followUps: [], referrals: [] } },
    ]);
    expect(d.allowedActions).toEqual(['reviewRectification', 'interview', 'followUp', 'refer', 'publish']);
    await at('2025-04-01', async (c) => {
      const close = await c.post(`/api/inspections/${A.id}/close`, { note: '办结' });
      expect(close.statusCode).toBe(422);
      expect(close.json().error.message).toBe(
        `检查 ${A.code} 还不能办结：整改事项 A2-03 已逾期或被退回两次，尚未约谈、组织回头看或移送立案；A5-04（已报送） 尚在整改期限 2025-05-13 内且未通过审核`,
      );
    });
  });

  it('refuses a bad interview record naming the field, nothing written', async () => {
    const a = A.byCode['A2-03']!;
    const b = A.byCode['A5-04']!;
    await at('2025-04-02', async (c) => {
      // (Signing in is on the record too: sign in first.)
      const leader = await as('leader', '2025-04-02');
      const county = await as('county.admin', '2025-04-02');
      const unit = await as('unit', '2025-04-02');
      const before = await written();
      const cases: [Record<string, unknown>, number, string, RegExp][] = [
        [{ itemIds: [b.id] }, 400, 'itemIds.0', /整改事项 A5-04（已报送）既未被退回两次，也未逾期未通过审核（整改期限 2025-05-13），无需约谈/],
        [{ itemIds: [UNKNOWN] }, 400, 'itemIds.0', /该整改事项不属于本次检查/],
        [{ itemIds: [a.id, a.id] }, 400, 'itemIds.1', /整改事项 A2-03 选了两次/],
        [{ itemIds: [] }, 400, 'itemIds', /请选择约谈涉及的整改事项/],
        [{ heldOn: '2025-04-03' }, 400, 'heldOn', /约谈日期 2025-04-03 晚于今天（2025-04-02）/],
        [{ heldOn: '2025-03-27' }, 400, 'heldOn', /约谈日期 2025-03-27 早于反馈意见书出具日期 2025-03-28/],
        [{ heldOn: '2025-02-30' }, 400, 'heldOn', /日期不存在/],
        [{ interviewerIds: [ids['王执法']] }, 400, 'interviewerIds', /约谈人至少 2 名执法人员/],
        [{ interviewerIds: [ids['王执法'], ids['王执法']] }, 400, 'interviewerIds', /约谈人有重复/],
        [{ interviewerIds: [ids['王执法'], UNKNOWN] }, 400, 'interviewerIds', /执法人员不存在或不属于本机关/],
        [
          { interviewerIds: [ids['王执法'], ids['高海燕']] },
          400,
          'interviewerIds',
          new RegExp(`约谈日期 2025-04-02 以下执法人员不能参加约谈：高海燕（执法证 ${certs['高海燕']} 于 2025-02-11 到期）`),
        ],
        // 罗建国's certificate ran to 2025-03-23.
        [{ interviewerIds: [ids['王执法'], ids['罗建国']] }, 400, 'interviewerIds', /罗建国（执法证 \d+ 于 2025-03-23 到期）/],
        [{ attendees: [] }, 400, 'attendees', /请至少填写 1 名被约谈人/],
        [{ place: ' ' }, 400, 'place', /请填写约谈地点/],
        [{ content: '' }, 400, 'content', /请填写约谈内容/],
        [{ commitments: null }, 400, 'commitments', /填写了承诺完成日期，请同时填写整改承诺/],
        [{ commitmentDue: '2025-04-01' }, 400, 'commitmentDue', /承诺完成日期 2025-04-01 早于约谈日期 2025-04-02/],
      ];
      for (const [patch, status, fieldName, message] of cases)
        refused(await c.post(`/api/inspections/${A.id}/interviews`, interview([a.id], patch)), status, fieldName, message);
      // 回头看 of an open inspection: only flagged items.
      refused(
        await c.post(`/api/inspections/${A.id}/follow-ups`, { plannedDate: '2025-04-15', inspectorIds: [ids['王执法'], ids['孙立新']], itemIds: [a.id, b.id] }),
        400,
        'itemIds.1',
        /整改事项 A5-04（已报送）既未被退回两次，也未逾期未通过审核（整改期限 2025-05-13），尚不需回头看/,
      );
      // Roles and tenancy: a leader reads but may not interview (403); another org does not see the inspection (404).
      expect((await leader.post(`/api/inspections/${A.id}/interviews`, interview([a.id]))).statusCode).toBe(403);
      const bodies: Record<string, Record<string, unknown>> = {
        interviews: interview([a.id]),
        'follow-ups': { plannedDate: '2025-04-15', inspectorIds: [ids['王执法'], ids['孙立新']], itemIds: [a.id] },
        referrals: { entryIds: [a.entryId], facts: '事实' },
        close: { note: '办结' },
      };
      for (const [path, body] of Object.entries(bodies)) expect((await county.post(`/api/inspections/${A.id}/${path}`, body)).statusCode, path).toBe(404);
      expect((await unit.post(`/api/inspections/${A.id}/interviews`, interview([a.id]))).statusCode).toBe(403);
      expect(await written()).toEqual(before);
    });
  });

  let interviewId: string;
  it('records it: the detail lists it, the flag is addressed, the commitment clock runs on both dashboards; 办结 now waits only for A5-04', async () => {
    const a = A.byCode['A2-03']!;
    await both('2025-04-02', async (bureau, unit) => {
      const d = ok(await bureau.post(`/api/inspections/${A.id}/interviews`, interview([a.id])));
      expect(d.interviews).toHaveLength(1);
      const i = d.interviews[0]!;
      interviewId = i.id;
      expect(i).toMatchObject({
        heldOn: '2025-04-02',
        place: '局三楼会议室',
        itemIds: [a.id],
        itemCodes: ['A2-03'],
        commitments: '两周内补齐温湿度记录并建立每日巡查制度。',
        commitmentDue: '2025-04-16',
        attendees: [
          { name: '刘主任', title: '办公室主任' },
          { name: '陈档案员', title: '档案员' },
        ],
      });
      expect(i.interviewers).toEqual([
        { id: ids['王执法'], name: '王执法', certificateNo: certs['王执法'] },
        { id: ids['孙立新'], name: '孙立新', certificateNo: certs['孙立新'] },
      ]);
      expect(d.flags).toEqual([
        expect.objectContaining({ code: 'A2-03', addressedBy: { interviews: [{ id: i.id, heldOn: '2025-04-02' }], followUps: [], referrals: [] } }),
      ]);
      // 04-02 → 04-16: 14 calendar days.
      expect(d.commitment).toMatchObject({ due: '2025-04-16', state: 'running', daysLeft: 14, closed: false });
      // A5-04 is reported, not yet reviewed: 办结 is not offered, and refused naming only A5-04.
      expect(d.allowedActions).toEqual(['reviewRectification', 'interview', 'followUp', 'refer', 'publish']);
      const close = await bureau.post(`/api/inspections/${A.id}/close`, { note: '已约谈' });
      expect(close.statusCode).toBe(422);
      expect(close.json().error.message).toBe(`检查 ${A.code} 还不能办结：整改事项 A5-04（已报送） 尚在整改期限 2025-05-13 内且未通过审核`);

      const label = `约谈整改承诺（${A.code}，${A.unitName}，A2-03）：承诺 2025-04-16 前完成整改`;
      for (const c of [bureau, unit]) {
        const mine = (await dashboard(c)).filter((x) => x.kind === 'inspection.commitment');
        expect(mine).toEqual([
          expect.objectContaining({ kindLabel: '约谈整改承诺', entityId: A.id, due: '2025-04-16', daysLeft: 14, state: 'running', label }),
        ]);
      }
      // The unit sees the interview record and the clock, and still only reports.
      const u = ok(await unit.get(`/api/my/inspections/${A.id}`));
      expect(u.interviews.map((x) => x.id)).toEqual([i.id]);
      expect(u.commitment).toMatchObject({ due: '2025-04-16', closed: false });
      expect(u.allowedActions).toEqual(['reportRectification']);
    });
  });

  it('renders the 约谈记录 .docx with the facts', async () => {
    const a = A.byCode['A2-03']!;
    const res = await admin.get(`/api/inspections/${A.id}/interviews/${interviewId}.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const text = (await docxParagraphs(res.rawPayload)).join('\n');
    for (const s of [
      '档案行政检查约谈记录',
      '2025年4月2日',
      '局三楼会议室',
      `王执法（执法证号：${certs['王执法']}）、孙立新（执法证号：${certs['孙立新']}）`,
      A.unitName,
      '刘主任（办公室主任）、陈档案员（档案员）',
      `${A.code}，反馈意见书 ${A.feedback!.docNumber}`,
      '我局于2025年3月27日对你单位档案工作进行了行政检查',
      '要求于2025年5月13日前完成整改',
      // The default requirement starts with the item's title, so the title is not repeated.
      `1. A2-03 ${a.text}`,
      '指出库房温湿度记录两次整改不到位，要求单位负责人限期落实。',
      '两周内补齐温湿度记录并建立每日巡查制度。',
      '被约谈单位承诺于2025年4月16日前完成整改',
    ]) {
      expect(text).toContain(s);
    }
    expect(a.text.startsWith(a.title)).toBe(true);
    expect(text).not.toContain(`${a.title}：${a.title}`);
    // 文件格式 under the bureau's seal; the 附注 names who recorded it (the admin, with the org's 办公电话).
    expect(await letterLayout(res.rawPayload)).toEqual({ format: 'document', sealed: true, note: '（联系人：管理员，联系电话：0931-8810000）' });
    expect(text).not.toContain('A5-04');
    // The interviewed unit downloads the same record from its own account; not another unit's.
    await both('2025-04-02', async (bureau, unit) => {
      const mine = await unit.get(`/api/my/inspections/${A.id}/interviews/${interviewId}.docx`);
      expect(mine.statusCode).toBe(200);
      expect((await docxParagraphs(mine.rawPayload)).join('\n')).toBe(text);
      expect((await unit.get(`/api/my/inspections/${B.id}/interviews/${interviewId}.docx`)).statusCode).toBe(404);
      expect((await bureau.get(`/api/my/inspections/${A.id}/interviews/${interviewId}.docx`)).statusCode).toBe(403);
    });
    expect((await admin.get(`/api/inspections/${A.id}/interviews/${UNKNOWN}.docx`)).statusCode).toBe(404);
    // An interview of A is not reachable through another inspection.
    expect((await admin.get(`/api/inspections/${B.id}/interviews/${interviewId}.docx`)).statusCode).toBe(404);
    expect((await (await as('county.admin', '2025-03-03')).get(`/api/inspections/${A.id}/interviews/${interviewId}.docx`)).statusCode).toBe(404);
    env.setNow(NOW);
  });

  it('the commitment clock: due soon two days before, closed (met) when the item is accepted; then all accepted closes the inspection', async () => {
    const a = A.byCode['A2-03']!;
    const b = A.byCode['A5-04']!;
    await at('2025-04-14', async (c) => {
      expect((await dashboard(c)).find((x) => x.kind === 'inspection.commitment' && x.entityId === A.id)).toMatchObject({
        due: '2025-04-16',
        daysLeft: 2,
        state: 'due_soon',
      });
    });
    await both('2025-04-14', async (_bureau, unit) =>
      ok(await unit.put(`/api/my/inspections/${A.id}/rectification`, { items: [{ itemId: a.id, text: '记录已补齐，巡查制度已建立' }] })),
    );
    await both('2025-04-15', async (bureau, unit) => {
      const d = ok(await bureau.post(`/api/inspections/${A.id}/rectification/review`, { items: [{ itemId: a.id, decision: 'accepted' }] }));
      expect(d.status).toBe('rectifying');
      // Accepted in the end: no longer flagged; the commitment is kept.
      expect(d.flags).toEqual([]);
      expect(d.commitment).toMatchObject({ due: '2025-04-16', closed: true, state: 'met' });
      expect(d.allowedActions).toEqual(['reviewRectification', 'refer', 'publish']);
      for (const c of [bureau, unit]) expect((await dashboard(c)).some((x) => x.kind === 'inspection.commitment' && x.entityId === A.id)).toBe(false);
      expect(await closedClock(A.id, 'inspection.commitment')).toEqual({ completedOn: '2025-04-15', due: '2025-04-16', state: 'met' });

      const done = ok(await bureau.post(`/api/inspections/${A.id}/rectification/review`, { items: [{ itemId: b.id, decision: 'accepted' }] }));
      expect(done.status).toBe('closed');
      // Closed by itself on the day of the last acceptance: a closing day, but no 办结 note.
      expect(done.closedOn).toBe('2025-04-15');
      expect(done.closeNote).toBeNull();
      expect(done.allowedActions).toEqual(['followUp', 'refer', 'publish']);
      expect(await closedClock(A.id, 'inspection.rectification')).toEqual({ completedOn: '2025-04-15', due: DUE, state: 'met' });
    });
    const events = await timeline(admin, A.id);
    expect(events.map((e) => e.action)).toEqual([
      'inspection.create',
      'inspection.notify',
      'inspection.record.save',
      'inspection.sign',
      'inspection.feedback',
      'inspection.rectification.report',
      'inspection.rectification.review',
      'inspection.rectification.report',
      'inspection.rectification.review',
      'inspection.interview',
      'inspection.rectification.report',
      'inspection.rectification.review',
      'inspection.rectification.review',
    ]);
    expect(events.find((e) => e.action === 'inspection.interview')!.after).toMatchObject({
      interviewId,
      heldOn: '2025-04-02',
      place: '局三楼会议室',
      items: [{ code: 'A2-03', flag: '整改情况已被退回 2 次，应约谈或组织回头看' }],
      commitmentDue: '2025-04-16',
    });
  });
});

describe('回头看, 移送立案 and 办结 by hand (B: three items overdue)', () => {
  let child: Detail;

  it('nothing is flagged on the deadline itself; the day after every open item is, and 约谈 / 回头看 are offered', async () => {
    await at(DUE, async (c) => {
      const d = ok(await c.get(`/api/inspections/${B.id}`));
      expect(d.flags).toEqual([]);
      expect(d.allowedActions).toEqual(['refer', 'publish']);
    });
    await at('2025-05-14', async (c) => {
      const d = ok(await c.get(`/api/inspections/${B.id}`));
      expect(d.flags.map((f) => [f.code, f.reason])).toEqual(
        ['A1-02', 'A3-06', 'A5-04'].map((code) => [code, '整改期限 2025-05-13 已过仍未通过审核，应约谈或组织回头看']),
      );
      expect(d.allowedActions).toEqual(['interview', 'followUp', 'refer', 'publish']);
      const close = await c.post(`/api/inspections/${B.id}/close`, { note: '办结' });
      expect(close.statusCode).toBe(422);
      expect(close.json().error.message).toBe(`检查 ${B.code} 还不能办结：整改事项 A1-02、A3-06、A5-04 已逾期或被退回两次，尚未约谈、组织回头看或移送立案`);
    });
  });

  it('refuses a bad 约谈 or 回头看 team or date, naming the field, nothing written', async () => {
    const q = B.byCode['A3-06']!;
    await at('2025-05-14', async (c) => {
      const before = await written();
      refused(
        await c.post(
          `/api/inspections/${B.id}/interviews`,
          interview([q.id], { heldOn: '2025-05-14', commitmentDue: null, commitments: null, interviewerIds: [ids['王执法'], ids['何丽娟']] }),
        ),
        400,
        'interviewerIds',
        /与检查对象存在利害关系，应当回避（行政处罚法第四十三条）：何丽娟（配偶在该单位任职）/,
      );
      const base = { plannedDate: '2025-05-27', inspectorIds: [ids['王执法'], ids['林志强']], itemIds: [q.id] };
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ plannedDate: '2025-05-13' }, 'plannedDate', /计划检查日期 2025-05-13 早于今天（2025-05-14）/],
        [{ inspectorIds: [ids['王执法']] }, 'inspectorIds', /至少 2 名执法人员/],
        [
          { inspectorIds: [ids['王执法'], ids['高海燕']] },
          'inspectorIds',
          /检查日期 2025-05-27 以下执法人员不能参加检查：高海燕（执法证 \d+ 于 2025-02-11 到期）/,
        ],
        [{ inspectorIds: [ids['王执法'], ids['何丽娟']] }, 'inspectorIds', /应当回避.*何丽娟（配偶在该单位任职）/],
        [{ itemIds: [UNKNOWN] }, 'itemIds.0', /该整改事项不属于本次检查/],
        [{ itemIds: [q.id, q.id] }, 'itemIds.1', /整改事项 A3-06 选了两次/],
        [{ itemIds: [] }, 'itemIds', /请选择回头看要复查的整改事项/],
      ];
      for (const [patch, fieldName, message] of cases)
        refused(await c.post(`/api/inspections/${B.id}/follow-ups`, { ...base, ...patch }), 400, fieldName, message);
      expect(await written()).toEqual(before);
    });
  });

  it('回头看: a new inspection of the same unit and checklist version, source follow_up, re-checking the chosen item; shown on both sides', async () => {
    const q = B.byCode['A3-06']!;
    await at('2025-05-14', async (c) => {
      const total = ok<{ total: number }>(await c.get('/api/inspections')).total;
      child = ok(
        await c.post(`/api/inspections/${B.id}/follow-ups`, { plannedDate: '2025-05-27', inspectorIds: [ids['王执法'], ids['林志强']], itemIds: [q.id] }),
      );
      expect(child).toMatchObject({
        code: `J-2025-${String(total + 1).padStart(3, '0')}`,
        unitId: conflictUnitId,
        source: 'follow_up',
        sourceLabel: '回头看',
        status: 'planned',
        plannedDate: '2025-05-27',
        reason: `对 ${B.code} 整改情况回头看：A3-06`,
        checklist: expect.objectContaining({ versionId }),
        allowedActions: ['notify'],
        notice: expect.objectContaining({ latestDate: '2025-05-20' }),
        parent: {
          id: B.id,
          code: B.code,
          status: 'feedback_issued',
          statusLabel: '已反馈',
          feedbackDocNumber: B.feedback!.docNumber,
          items: [expect.objectContaining({ id: q.id, code: 'A3-06', status: 'open', returnCount: 0 })],
        },
      });
      expect(child.team.map((t) => t.name)).toEqual(['王执法', '林志强']);
      expect(child.items).toHaveLength(B.items.length);
      const row = await q1<{ parent_inspection_id: string; follow_up_item_ids: string[]; checklist_version_id: string }>(
        `SELECT parent_inspection_id, follow_up_item_ids, checklist_version_id FROM inspections WHERE id = $1`,
        [child.id],
      );
      expect(row).toEqual({ parent_inspection_id: B.id, follow_up_item_ids: [q.id], checklist_version_id: versionId });

      const d = ok(await c.get(`/api/inspections/${B.id}`));
      expect(d.followUps).toEqual([
        { id: child.id, code: child.code, status: 'planned', statusLabel: '待通知', plannedDate: '2025-05-27', itemIds: [q.id], itemCodes: ['A3-06'] },
      ]);
      expect(d.flags.find((f) => f.code === 'A3-06')!.addressedBy.followUps).toEqual([
        expect.objectContaining({ id: child.id, code: child.code, status: 'planned' }),
      ]);
      // Its notice clock is on the dashboard like any inspection's.
      expect((await dashboard(c)).find((x) => x.kind === 'inspection.notice' && x.entityId === child.id)?.due).toBe('2025-05-20');

      // The same item while that follow-up runs: refused, nothing written.
      const before = await written();
      refused(
        await c.post(`/api/inspections/${B.id}/follow-ups`, { plannedDate: '2025-05-28', inspectorIds: [ids['王执法'], ids['林志强']], itemIds: [q.id] }),
        400,
        'itemIds.0',
        new RegExp(`整改事项 A3-06 已在回头看 ${child.code}（2025-05-27）中复查`),
      );
      expect(await written()).toEqual(before);
    });
  });

  it('约谈 without a commitment starts no clock; 移送立案 addresses the third item; then 办结 is offered', async () => {
    const p = B.byCode['A1-02']!;
    const r = B.byCode['A5-04']!;
    await at('2025-05-14', async (c) => {
      const d = ok(
        await c.post(
          `/api/inspections/${B.id}/interviews`,
          interview([p.id], { heldOn: '2025-05-14', commitments: null, commitmentDue: null, interviewerIds: [ids['王执法'], ids['林志强']] }),
        ),
      );
      expect(d.commitment).toBeNull();
      expect(await clockRow(B.id, 'inspection.commitment')).toBeUndefined();
      expect(d.allowedActions).toEqual(['interview', 'followUp', 'refer', 'publish']);
      const close = await c.post(`/api/inspections/${B.id}/close`, { note: '办结' });
      expect(close.json().error.message).toBe(`检查 ${B.code} 还不能办结：整改事项 A5-04 已逾期或被退回两次，尚未约谈、组织回头看或移送立案`);

      const referred = ok(
        await c.post(`/api/inspections/${B.id}/referrals`, {
          entryIds: [r.entryId],
          facts: '备份制度长期未落实，逾期未整改。',
          suspectedBasis: '《中华人民共和国档案法》第四十八条',
        }),
      );
      expect(referred.referrals.map((x) => [x.code, x.status])).toEqual([['R-2025-001', 'pending']]);
      expect(
        referred.flags.map((f) => [f.code, f.addressedBy.interviews.length, f.addressedBy.followUps.length, f.addressedBy.referrals.map((x) => x.code)]),
      ).toEqual([
        ['A1-02', 1, 0, []],
        ['A3-06', 0, 1, []],
        ['A5-04', 0, 0, ['R-2025-001']],
      ]);
      // Every flag addressed and nothing in progress: 办结 is offered; A1-02 and A3-06 may still be referred.
      expect(referred.allowedActions).toEqual(['interview', 'followUp', 'refer', 'close', 'publish']);
    });
  });

  it('办结: refuses a missing note or a bad date, then closes; the rectification clock ends that day; closed means no more 约谈 or reports', async () => {
    const p = B.byCode['A1-02']!;
    const q = B.byCode['A3-06']!;
    await at('2025-05-14', async (c) => {
      const leader = await as('leader', '2025-05-14');
      const before = await written();
      refused(await c.post(`/api/inspections/${B.id}/close`, { note: '' }), 400, 'note', /请填写办结说明/);
      refused(
        await c.post(`/api/inspections/${B.id}/close`, { note: '办结', closedOn: '2025-05-15' }),
        400,
        'closedOn',
        /办结日期 2025-05-15 晚于今天（2025-05-14）/,
      );
      refused(
        await c.post(`/api/inspections/${B.id}/close`, { note: '办结', closedOn: '2025-03-27' }),
        400,
        'closedOn',
        /办结日期 2025-03-27 早于反馈意见书出具日期 2025-03-28/,
      );
      expect((await leader.post(`/api/inspections/${B.id}/close`, { note: '办结' })).statusCode).toBe(403);
      expect(await written()).toEqual(before);

      const d = ok(await c.post(`/api/inspections/${B.id}/close`, { note: 'A1-02 已约谈，A3-06 组织回头看，A5-04 已移送立案。' }));
      expect(d).toMatchObject({ status: 'closed', closedOn: '2025-05-14', closeNote: 'A1-02 已约谈，A3-06 组织回头看，A5-04 已移送立案。', flags: [] });
      // Closed with items: 回头看 of any item, the two unreferred entries, publication.
      expect(d.allowedActions).toEqual(['followUp', 'refer', 'publish']);
      // One day after the deadline: the clock ends that day, missed.
      expect(await closedClock(B.id, 'inspection.rectification')).toEqual({ completedOn: '2025-05-14', due: DUE, state: 'missed' });
      expect((await dashboard(c)).some((x) => x.kind === 'inspection.rectification' && x.entityId === B.id)).toBe(false);

      const after = await written();
      refused(await c.post(`/api/inspections/${B.id}/close`, { note: '再办结' }), 409, null, /当前状态为“已办结”，不能办结/);
      refused(await c.post(`/api/inspections/${B.id}/interviews`, interview([p.id], { heldOn: '2025-05-14' })), 409, null, /当前状态为“已办结”，不能约谈/);
      expect(await written()).toEqual(after);

      // A closed inspection: any of its items may be re-checked — but not A3-06 while its follow-up runs.
      refused(
        await c.post(`/api/inspections/${B.id}/follow-ups`, { plannedDate: '2025-05-28', inspectorIds: [ids['王执法'], ids['林志强']], itemIds: [q.id] }),
        400,
        'itemIds.0',
        /已在回头看/,
      );
      const second = ok(
        await c.post(`/api/inspections/${B.id}/follow-ups`, {
          plannedDate: '2025-05-28',
          inspectorIds: [ids['王执法'], ids['林志强']],
          itemIds: [p.id],
          reason: '约谈后复查',
        }),
      );
      expect(second).toMatchObject({
        source: 'follow_up',
        reason: '约谈后复查',
        parent: { id: B.id, status: 'closed', items: [expect.objectContaining({ code: 'A1-02' })] },
      });
      expect(ok(await c.get(`/api/inspections/${B.id}`)).followUps.map((f) => f.itemCodes)).toEqual([['A3-06'], ['A1-02']]);

      const close = (await timeline(c, B.id)).find((e) => e.action === 'inspection.close')!.after;
      expect(close).toMatchObject({
        status: 'closed',
        closedOn: '2025-05-14',
        items: [
          {
            code: 'A1-02',
            status: 'open',
            flag: '整改期限 2025-05-13 已过仍未通过审核，应约谈或组织回头看',
            interviews: ['2025-05-14'],
            followUps: [],
            referrals: [],
          },
          { code: 'A3-06', status: 'open', followUps: [child.code], interviews: [], referrals: [] },
          { code: 'A5-04', status: 'open', referrals: ['R-2025-001'], interviews: [], followUps: [] },
        ],
      });
    });
  });

  it('the follow-up runs the normal loop: notice, on-site record, signatures, feedback', async () => {
    await at('2025-05-14', async (c) => {
      const d = ok(await c.post(`/api/inspections/${child.id}/notice`, {}));
      expect(d).toMatchObject({ status: 'notified', allowedActions: ['amendNotice', 'editRecord', 'sign'] });
    });
    await at('2025-05-27', async (c) => {
      ok(
        await c.put(`/api/inspections/${child.id}/record`, {
          onSiteDate: '2025-05-27',
          items: child.items.map((e) => ({ entryId: e.entryId, result: 'compliant' })),
          inspectorsPresent: [ids['王执法'], ids['林志强']],
          representative: { name: '刘主任', title: '办公室主任' },
          findings: '回头看：A3-06 已整改到位。',
        }),
      );
      const signed = ok(
        await c.post(`/api/inspections/${child.id}/sign`, {
          inspectors: [ids['王执法'], ids['林志强']].map((id) => ({ inspectorId: id, signature: PNG_URL })),
          representative: { signature: PNG_URL },
        }),
      );
      expect(signed).toMatchObject({ status: 'on_site_signed', allowedActions: ['issueFeedback'] });
    });
    await at('2025-05-28', async (c) => {
      const f = ok(await c.post(`/api/inspections/${child.id}/feedback`, { conclusion: '回头看：整改到位。' }));
      expect(f).toMatchObject({ status: 'closed', allowedActions: ['publish'], parent: { id: B.id } });
      expect((await timeline(c, child.id)).map((e) => e.action)).toEqual([
        'inspection.create',
        'inspection.notify',
        'inspection.record.save',
        'inspection.sign',
        'inspection.feedback',
      ]);
      const parent = ok(await c.get(`/api/inspections/${B.id}`));
      expect(parent.followUps[0]).toMatchObject({ id: child.id, status: 'closed', statusLabel: '已办结' });
      // That follow-up is over: A3-06 may be re-checked again.
      ok(
        await c.post(`/api/inspections/${B.id}/follow-ups`, {
          plannedDate: '2025-06-10',
          inspectorIds: [ids['王执法'], ids['林志强']],
          itemIds: [B.byCode['A3-06']!.id],
        }),
      );
    });
    expect((await timeline(admin, B.id)).map((e) => e.action)).toEqual([
      'inspection.create',
      'inspection.notify',
      'inspection.record.save',
      'inspection.sign',
      'inspection.feedback',
      'inspection.follow_up',
      'inspection.interview',
      'inspection.refer',
      'inspection.close',
      'inspection.follow_up',
      'inspection.follow_up',
    ]);
    const created = (await timeline(admin, child.id))[0]!.after;
    expect(created).toMatchObject({ source: 'follow_up', parentInspectionId: B.id, parentCode: B.code, items: ['A3-06'] });
  });
});

describe('办结 by hand before the deadline (C: A1-02 accepted after two returns, A3-06 returned twice)', () => {
  it('an item accepted after two returns needs nothing more; the other, once interviewed, lets the inspection close', async () => {
    const x = C.byCode['A1-02']!;
    const y = C.byCode['A3-06']!;
    await reportAndReview('2025-03-31', C.id, [x, y], 'returned');
    const twice = await reportAndReview('2025-04-01', C.id, [x, y], 'returned');
    expect(twice.flags.map((f) => f.code)).toEqual(['A1-02', 'A3-06']);
    const d = await reportAndReview('2025-04-02', C.id, [x], 'accepted');
    expect(d.feedback!.items.map((i) => [i.code, i.status, i.returnCount])).toEqual([
      ['A1-02', 'accepted', 2],
      ['A3-06', 'returned', 2],
    ]);
    expect(d.flags.map((f) => f.code)).toEqual(['A3-06']);
    expect(d.allowedActions).toEqual(['reviewRectification', 'interview', 'followUp', 'refer', 'publish']);
    await both('2025-04-02', async (bureau, unit) => {
      // An accepted item is not a reason for an interview.
      refused(
        await bureau.post(`/api/inspections/${C.id}/interviews`, interview([x.id], { interviewerIds: [ids['马红梅'], ids['林志强']] })),
        400,
        'itemIds.0',
        /整改事项 A1-02（已通过）既未被退回两次/,
      );
      // A commitment for the day of the interview itself.
      const i = ok(
        await bureau.post(
          `/api/inspections/${C.id}/interviews`,
          interview([y.id], { interviewerIds: [ids['马红梅'], ids['林志强']], commitmentDue: '2025-04-02' }),
        ),
      );
      expect(i.commitment).toMatchObject({ due: '2025-04-02', daysLeft: 0, closed: false });
      expect(i.allowedActions).toEqual(['reviewRectification', 'interview', 'followUp', 'refer', 'close', 'publish']);
      expect(
        (await dashboard(unit))
          .filter((k) => k.entityId === C.id)
          .map((k) => k.kind)
          .sort(),
      ).toEqual(['inspection.commitment', 'inspection.rectification']);
    });
  });

  it('closes by hand: the rectification clock is met that day, the commitment clock closes, reports and reviews after closure answer 409', async () => {
    const y = C.byCode['A3-06']!;
    await both('2025-04-03', async (bureau, unit) => {
      const d = ok(await bureau.post(`/api/inspections/${C.id}/close`, { note: 'A3-06 已约谈，单位承诺整改，转入日常监管。' }));
      expect(d).toMatchObject({ status: 'closed', closedOn: '2025-04-03', flags: [], commitment: { closed: true, due: '2025-04-02' } });
      expect(await closedClock(C.id, 'inspection.rectification')).toEqual({ completedOn: '2025-04-03', due: DUE, state: 'met' });
      // The commitment (due the day of the interview) ends with the closure, a day late.
      expect(await closedClock(C.id, 'inspection.commitment')).toEqual({ completedOn: '2025-04-03', due: '2025-04-02', state: 'missed' });
      for (const c of [bureau, unit]) expect((await dashboard(c)).filter((k) => k.entityId === C.id && k.kind !== 'inspection.publication')).toEqual([]);

      const before = await written();
      refused(
        await unit.put(`/api/my/inspections/${C.id}/rectification`, { items: [{ itemId: y.id, text: '再报' }] }),
        409,
        null,
        /已办结，不能再报送或审核整改情况/,
      );
      expect((await unit.upload(`/api/my/inspections/${C.id}/rectification/evidence?itemId=${y.id}`, 'file', 'a.png', PNG)).statusCode).toBe(409);
      refused(await bureau.post(`/api/inspections/${C.id}/rectification/review`, { items: [{ itemId: y.id, decision: 'accepted' }] }), 409, null, /已办结/);
      expect(await written()).toEqual(before);
      expect(ok(await unit.get(`/api/my/inspections/${C.id}`)).allowedActions).toEqual([]);
    });
  });

  it('回头看 of any item of the closed inspection; the unit sees it once notified, with its parent', async () => {
    const x = C.byCode['A1-02']!;
    await both('2025-04-03', async (bureau, unit) => {
      const f = ok(
        await bureau.post(`/api/inspections/${C.id}/follow-ups`, { plannedDate: '2025-04-17', inspectorIds: [ids['马红梅'], ids['林志强']], itemIds: [x.id] }),
      );
      expect(f).toMatchObject({
        source: 'follow_up',
        unitId: unitUnitId,
        parent: { id: C.id, items: [expect.objectContaining({ id: x.id, code: 'A1-02', status: 'accepted', returnCount: 2 })] },
      });
      // Not notified yet: the unit's view of C does not list it, nor can the unit open it.
      expect(ok(await unit.get(`/api/my/inspections/${C.id}`)).followUps).toEqual([]);
      expect((await unit.get(`/api/my/inspections/${f.id}`)).statusCode).toBe(404);
      // 04-17 back 5 working days: 04-17, 16, 15, 14, 11 → latest 04-10.
      expect(f.notice.latestDate).toBe('2025-04-10');
      ok(await bureau.post(`/api/inspections/${f.id}/notice`, {}));
      expect(ok(await unit.get(`/api/my/inspections/${C.id}`)).followUps.map((x) => [x.id, x.status])).toEqual([[f.id, 'notified']]);
      expect(ok(await unit.get(`/api/my/inspections/${f.id}`))).toMatchObject({
        source: 'follow_up',
        parent: { id: C.id, code: C.code, items: [expect.objectContaining({ code: 'A1-02' })] },
      });
    });
    expect((await timeline(admin, C.id)).map((e) => e.action)).toEqual([
      'inspection.create',
      'inspection.notify',
      'inspection.record.save',
      'inspection.sign',
      'inspection.feedback',
      'inspection.rectification.report',
      'inspection.rectification.review',
      'inspection.rectification.report',
      'inspection.rectification.review',
      'inspection.rectification.report',
      'inspection.rectification.review',
      'inspection.interview',
      'inspection.close',
      'inspection.follow_up',
    ]);
    const close = (await timeline(admin, C.id)).find((e) => e.action === 'inspection.close')!;
    expect(close.after).toMatchObject({
      closedOn: '2025-04-03',
      items: [
        { code: 'A1-02', status: 'accepted', flag: null },
        { code: 'A3-06', status: 'returned', interviews: ['2025-04-02'] },
      ],
    });
  });
});
