/**
 * 变更检查通知 (issue 9 item 8) through HTTP: an amendment is a new 检查通知书 with its own 发文字号,
 * announced date and lead time, recorded with its reason; the old notice is kept and its .docx stays
 * obtainable; the on-site record cannot be dated before the date the notice in force announced.
 * Demo data at 2025-03-03 10:00 Beijing (Monday).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, setupOrg, signInDemo, ok } from '../../../test/harness.js';
import { docxParagraphs } from '../../disclosure/test-docx.js';
import { letterLayout } from '../../../kernel/documents/test-letter.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const NOW = '2025-03-03T02:00:00Z';

type Detail = {
  id: string;
  code: string;
  status: string;
  plannedDate: string;
  noticeOn: string;
  noticeDocNumber: string;
  allowedActions: string[];
  items: { entryId: string; code: string }[];
  notice: {
    latestDate: string;
    sentOn: string | null;
    docNumber: string | null;
    clock: { due: string; state: string };
    history: {
      id: string;
      seq: number;
      docNumber: string;
      noticeOn: string;
      plannedDate: string;
      reason: string | null;
      supersedes: string | null;
      inForce: boolean;
    }[];
  };
};

const q1 = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows[0] as T;
/** Run `fn` as the admin at another time (a fresh sign-in: sessions time out across days), then come back. */
async function at<T>(when: string, fn: (c: Client) => Promise<T>): Promise<T> {
  env.setNow(when);
  try {
    const c = new Client(env.app);
    ok(await c.login('admin', 'Admin-Pass-2024'));
    return await fn(c);
  } finally {
    env.setNow(NOW);
  }
}
const written = async () => ({
  inspections: await countRows(env, 'inspections'),
  notices: await countRows(env, 'inspection_notices'),
  clocks: await countRows(env, 'clocks'),
  audit: await countRows(env, 'audit_events'),
});

let unitUnitId: string; // the demo `unit` account's unit
let versionId: string;
let ids: Record<string, string>; // inspector name → id

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  unitUnitId = (await q1<{ unit_id: string }>(`SELECT unit_id FROM users WHERE username = 'unit'`)).unit_id;
  versionId = (await q1<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`)).checklist_version_id;
  const rows = (await env.database.pool.query<{ id: string; name: string }>('SELECT id, name FROM inspectors')).rows;
  ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
});
afterAll(async () => env.close());

describe('变更检查通知: a new notice with its own number, date and lead time; the old one kept; the on-site date follows it', () => {
  // Today Monday 2025-03-03. Ad hoc for the demo unit account's unit, announced for Thursday 2025-03-20, notice today.
  const PNG_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  type Notices = Detail;
  let id: string;
  let first: string; // 发文字号 of the first notice
  let firstNoticeId: string;

  beforeAll(async () => {
    id = ok<Detail>(
      await admin.post('/api/inspections', {
        unitId: unitUnitId,
        inspectorIds: [ids['王执法']!, ids['罗建国']!],
        checklistVersionId: versionId,
        plannedDate: '2025-03-20',
        reason: '群众来信',
      }),
    ).id;
    const d = ok<Notices>(await admin.post(`/api/inspections/${id}/notice`, {}));
    first = d.noticeDocNumber;
    expect(d.notice.history).toEqual([
      { id: expect.any(String), seq: 1, docNumber: first, noticeOn: '2025-03-03', plannedDate: '2025-03-20', reason: null, supersedes: null, inForce: true },
    ]);
    firstNoticeId = d.notice.history[0]!.id;
  });

  it('refuses bad amendments naming the field, nothing written; only the bureau of the org may amend', async () => {
    const leader = await signInDemo(env.app, setup, 'leader');
    const county = await signInDemo(env.app, setup, 'county.admin');
    const before = await written();
    const amend = (body: Record<string, unknown>, c = admin) => c.post(`/api/inspections/${id}/notice/amend`, { reason: '检查组另有公务', ...body });
    const cases: [Record<string, unknown>, number, string, string | RegExp][] = [
      [{ plannedDate: '2025-03-20' }, 400, 'plannedDate', `新的检查日期与检查通知书（${first}）通知的检查日期 2025-03-20 相同，无需变更`],
      // 03-03 → 03-07: 03-04, 05, 06, 07 = 4 working days; 5 after 03-03 end on Monday 03-10.
      [
        { plannedDate: '2025-03-07' },
        422,
        'plannedDate',
        '变更后的检查通知书同样应至迟于检查日前 5 个工作日送达：新的检查日期 2025-03-07，变更通知日期 2025-03-03 距检查日只有 4 个工作日；2025-03-03 送达的，检查日期最早为 2025-03-10',
      ],
      [{ plannedDate: '2025-03-10', noticeOn: '2025-03-04' }, 400, 'noticeOn', '变更通知日期 2025-03-04 晚于今天（2025-03-03），请在送达当日登记'],
      [{ plannedDate: '2025-03-10', noticeOn: '2025-02-28' }, 400, 'noticeOn', `变更通知日期 2025-02-28 早于检查通知书（${first}）的送达日期 2025-03-03`],
      // 罗建国's certificate runs to 2025-03-23.
      [{ plannedDate: '2025-03-24' }, 400, 'plannedDate', /新的检查日期 2025-03-24 以下执法人员不能参加检查：罗建国（执法证 \d+ 于 2025-03-23 到期）/],
      [{ plannedDate: '2025-03-10', reason: '' }, 400, 'reason', /请填写变更理由/],
      [{ plannedDate: '2025-02-30' }, 400, 'plannedDate', /日期不存在/],
    ];
    for (const [body, status, fieldName, message] of cases) {
      const res = await amend(body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(status);
      const err = res.json().error;
      expect(Object.keys(err.fields ?? {}), res.body).toContain(fieldName);
      expect(err.fields[fieldName]).toMatch(message);
    }
    expect((await amend({ plannedDate: '2025-03-10' }, leader)).statusCode).toBe(403);
    expect((await amend({ plannedDate: '2025-03-10' }, county)).statusCode).toBe(404);
    expect(await written()).toEqual(before);
    expect((await q1<{ n: number }>('SELECT count(*)::int AS n FROM inspection_notices WHERE inspection_id = $1', [id])).n).toBe(1);
  });

  it('issues a new notice exactly 5 working days ahead: new number, new date, the old notice kept, the record says why', async () => {
    // Moved earlier to Monday 2025-03-10: 03-04, 05, 06, 07, 10 = 5 working days after today's notice.
    const d = ok<Notices>(
      await admin.post(`/api/inspections/${id}/notice/amend`, { plannedDate: '2025-03-10', reason: '被检查单位 3 月 20 日起集中搬迁档案库房，经协商提前检查' }),
    );
    const n = Number(/〔2025〕(\d+)号/.exec(first)![1]);
    expect(d).toMatchObject({ status: 'notified', plannedDate: '2025-03-10', noticeOn: '2025-03-03', noticeDocNumber: `测档检〔2025〕${n + 1}号` });
    expect(d.allowedActions).toEqual(['amendNotice', 'editRecord', 'sign']);
    expect(d.notice.history.map(({ id: _, ...x }) => x)).toEqual([
      { seq: 1, docNumber: first, noticeOn: '2025-03-03', plannedDate: '2025-03-20', reason: null, supersedes: null, inForce: false },
      {
        seq: 2,
        docNumber: `测档检〔2025〕${n + 1}号`,
        noticeOn: '2025-03-03',
        plannedDate: '2025-03-10',
        reason: '被检查单位 3 月 20 日起集中搬迁档案库房，经协商提前检查',
        supersedes: first,
        inForce: true,
      },
    ]);
    // The notice clock follows the new date: latest 03-03 (03-10 back 5 working days), sent that day → met.
    expect(d.notice).toMatchObject({ latestDate: '2025-03-03', sentOn: '2025-03-03', docNumber: `测档检〔2025〕${n + 1}号`, clock: { state: 'met' } });
    const clock = await q1<{ label: string; closed_at: Date | null }>(
      `SELECT label, closed_at FROM clocks WHERE entity_id = $1 AND kind = 'inspection.notice'`,
      [id],
    );
    expect(clock.label).toMatch(/检查日 2025-03-10）$/);
    expect(clock.closed_at).not.toBeNull();
    const timeline = ok<{ items: { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[] }>(
      await admin.get(`/api/audit/timeline?entityType=inspection&entityId=${id}`),
    );
    expect(timeline.items.map((e) => e.action)).toEqual(['inspection.create', 'inspection.notify', 'inspection.notice.amend']);
    expect(timeline.items[2]).toMatchObject({
      before: { plannedDate: '2025-03-20', noticeOn: '2025-03-03', docNumber: first },
      after: {
        plannedDate: '2025-03-10',
        noticeOn: '2025-03-03',
        docNumber: `测档检〔2025〕${n + 1}号`,
        supersedes: first,
        reason: '被检查单位 3 月 20 日起集中搬迁档案库房，经协商提前检查',
        workingDaysAhead: 5,
        requiredWorkingDays: 5,
      },
    });
  });

  it('each notice’s .docx stays obtainable, for the bureau and the unit; another inspection’s notice id is 404', async () => {
    const d = ok<Notices>(await admin.get(`/api/inspections/${id}`));
    const [old, current] = d.notice.history as [Notices['notice']['history'][number], Notices['notice']['history'][number]];
    const oldText = (await docxParagraphs((await admin.get(`/api/inspections/${id}/notices/${old.id}/notice.docx`)).rawPayload)).join('\n');
    expect(oldText).toContain(first);
    expect(oldText).toContain('我局定于2025年3月20日对你单位档案工作开展行政检查');
    const newRes = await admin.get(`/api/inspections/${id}/notices/${current.id}/notice.docx`);
    expect(decodeURIComponent(String(newRes.headers['content-disposition']))).toContain('（变更1）.docx');
    const newText = (await docxParagraphs(newRes.rawPayload)).join('\n');
    for (const s of [
      current.docNumber,
      '档案行政检查通知书',
      `我局于2025年3月3日以《档案行政检查通知书》（${first}）通知你单位，定于2025年3月20日对你单位档案工作开展行政检查`,
      '因被检查单位 3 月 20 日起集中搬迁档案库房，经协商提前检查，现将检查日期变更为2025年3月10日，原通知书所定检查日期不再执行',
      '2025年3月3日',
    ]) {
      expect(newText).toContain(s);
    }
    // Both issued by the admin, who has no telephone of their own: the org's 办公电话 (demo) in the 附注; 信函格式, sealed.
    for (const x of [old, current]) {
      expect(await letterLayout((await admin.get(`/api/inspections/${id}/notices/${x.id}/notice.docx`)).rawPayload)).toEqual({
        format: 'letter',
        sealed: true,
        note: '（联系人：管理员，联系电话：0931-8810000）',
      });
    }
    // notice.docx is the one in force.
    expect((await docxParagraphs((await admin.get(`/api/inspections/${id}/notice.docx`)).rawPayload)).join('\n')).toContain(current.docNumber);
    const unit = await signInDemo(env.app, setup, 'unit');
    const mine = ok<Notices>(await unit.get(`/api/my/inspections/${id}`));
    expect(mine.notice.history.map((x) => x.docNumber)).toEqual([first, current.docNumber]);
    expect(mine.allowedActions).not.toContain('amendNotice');
    expect((await unit.get(`/api/my/inspections/${id}/notices/${old.id}/notice.docx`)).statusCode).toBe(200);
    const elsewhere = await q1<{ id: string }>(`SELECT id FROM inspection_notices WHERE inspection_id <> $1 LIMIT 1`, [id]);
    expect((await admin.get(`/api/inspections/${id}/notices/${elsewhere.id}/notice.docx`)).statusCode).toBe(404);
    expect(firstNoticeId).toBe(old.id);
  });

  it('the on-site date follows the notice in force; a draft dated before a new date blocks moving it later', async () => {
    const d = ok<Detail>(await admin.get(`/api/inspections/${id}`));
    const record = (onSiteDate: string) => ({
      onSiteDate,
      items: d.items.map((e) => ({ entryId: e.entryId, result: 'compliant' })),
      inspectorsPresent: [ids['王执法'], ids['罗建国']],
      representative: { name: '陈档案员', title: '档案员' },
    });
    await at('2025-03-10T02:00:00Z', async (c) => {
      // The old notice's date no longer binds; the new one does (03-07 refused, 03-10 fine).
      const early = await c.put(`/api/inspections/${id}/record`, record('2025-03-07'));
      expect(early.statusCode).toBe(400);
      expect(early.json().error.fields.onSiteDate).toMatch(/^现场检查日期 2025-03-07 早于检查通知书（测档检〔2025〕\d+号）通知的检查日期 2025-03-10；/);
      ok(await c.put(`/api/inspections/${id}/record`, record('2025-03-10')));
      const before = await written();
      const later = await c.post(`/api/inspections/${id}/notice/amend`, { plannedDate: '2025-03-20', reason: '改期' });
      expect(later.statusCode).toBe(400);
      expect(later.json().error.fields.plannedDate).toBe(
        '现场检查记录（未签字）填写的检查日期 2025-03-10 早于新的检查日期 2025-03-20，请先修改现场检查记录的检查日期',
      );
      expect(await written()).toEqual(before);
      const signed = ok<Detail>(
        await c.post(`/api/inspections/${id}/sign`, {
          inspectors: [
            { inspectorId: ids['王执法'], signature: PNG_URL },
            { inspectorId: ids['罗建国'], signature: PNG_URL },
          ],
          representative: { signature: PNG_URL },
        }),
      );
      expect(signed.status).toBe('on_site_signed');
      expect(signed.allowedActions).not.toContain('amendNotice');
      // Signed on site: too late to amend (409), nothing written.
      const after = await written();
      const late = await c.post(`/api/inspections/${id}/notice/amend`, { plannedDate: '2025-04-10', reason: '改期' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toBe(`检查 ${signed.code} 的现场检查记录已于 2025-03-10 签字，不能再变更检查通知`);
      expect(await written()).toEqual(after);
    });
  });
});

describe('the 经办人 and telephone in the notice’s 附注: the issuing user’s own, else the 办公电话, else refused', () => {
  let id: string;
  const notices = async () =>
    (await env.database.pool.query<{ contact: unknown }>('SELECT contact FROM inspection_notices WHERE inspection_id = $1 ORDER BY seq', [id])).rows;

  beforeAll(async () => {
    id = ok<Detail>(
      await admin.post('/api/inspections', {
        unitId: unitUnitId,
        inspectorIds: [ids['王执法']!, ids['孙立新']!],
        checklistVersionId: versionId,
        plannedDate: '2025-03-21',
        reason: '举报核查',
      }),
    ).id;
  });
  afterAll(async () => {
    ok(await admin.put('/api/settings', { officeTelephone: '0931-8810000' }));
  });

  it('refuses to issue when neither the admin nor the org has a telephone, naming 联系电话 and where to fill it in; nothing written', async () => {
    ok(await admin.put('/api/settings', { officeTelephone: '' }));
    const before = await written();
    const res = await admin.post(`/api/inspections/${id}/notice`, {});
    expect(res.statusCode, res.body).toBe(400);
    const err = res.json().error;
    expect(err.fields).toEqual({ telephone: '请填写联系电话' });
    expect(err.message).toMatch(/^文书的附注须写明经办人的联系电话，管理员尚未填写联系电话：.*“联系电话”.*“用户管理”.*“系统设置”中填写本机关的“办公电话”$/);
    expect(await written()).toEqual(before);
  });

  it('an inspector issues with his own telephone; the admin with hers once set; each notice keeps the one it was issued with', async () => {
    const inspector = await signInDemo(env.app, setup, 'inspector');
    ok(await inspector.post(`/api/inspections/${id}/notice`, {}));
    const first = (await letterLayout((await admin.get(`/api/inspections/${id}/notice.docx`)).rawPayload)).note;
    expect(first).toBe('（联系人：王执法，联系电话：0931-8810003）');

    // The admin fills in her own 联系电话 (typed without the dash) and amends the notice.
    expect(ok<{ telephone: string }>(await admin.patch('/api/account', { telephone: '0931 8812345' })).telephone).toBe('0931-8812345');
    const d = ok<Detail>(await admin.post(`/api/inspections/${id}/notice/amend`, { plannedDate: '2025-03-24', reason: '检查组另有公务' }));
    const [old, current] = d.notice.history;
    const layout = await letterLayout((await admin.get(`/api/inspections/${id}/notices/${current!.id}/notice.docx`)).rawPayload);
    expect(layout).toEqual({ format: 'letter', sealed: true, note: '（联系人：管理员，联系电话：0931-8812345）' });

    // Changing a telephone later changes no letter already issued.
    ok(await admin.patch('/api/account', { telephone: null }));
    ok(await inspector.patch('/api/account', { telephone: '13900000000' }));
    expect((await letterLayout((await admin.get(`/api/inspections/${id}/notices/${old!.id}/notice.docx`)).rawPayload)).note).toBe(first);
    expect((await letterLayout((await inspector.get(`/api/inspections/${id}/notices/${current!.id}/notice.docx`)).rawPayload)).note).toBe(layout.note);
    expect(await notices()).toEqual([{ contact: { name: '王执法', telephone: '0931-8810003' } }, { contact: { name: '管理员', telephone: '0931-8812345' } }]);
    // The record names who issued each notice and the telephone it gives.
    const events = ok<{ items: { action: string; after: Record<string, unknown>; changes: { label: string; after: string }[] }[] }>(
      await admin.get(`/api/audit/timeline?entityType=inspection&entityId=${id}`),
    ).items;
    const amend = events.find((e) => e.action === 'inspection.notice.amend')!;
    expect(amend.after).toMatchObject({ handler: '管理员', handlerTelephone: '0931-8812345' });
    expect(amend.changes).toEqual(
      expect.arrayContaining([
        { label: '经办人', before: '', after: '管理员' },
        { label: '经办人联系电话', before: '', after: '0931-8812345' },
      ]),
    );
    ok(await inspector.patch('/api/account', { telephone: '0931-8810003' }));
  });
});
