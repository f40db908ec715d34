/**
 * 政府信息公开申请 through HTTP on the demo org (staff 赵利用 at the desk, leader 张局长 approves):
 * intake, masking, duplicate warning, the reply clock across 春节 / 清明 / 劳动节 / 国庆 with 调休,
 * correction restart, consultation pause, the one extension, the one decision, the dashboard clock,
 * tenancy, the portal. Due dates are hand-counted below (2025 schedule of the State Council).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../../kernel/documents/index.js';
import { Client, countRows, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let admin: Client;
let staff: Client;
let leader: Client;
let county: Client;
let setup: SetupResponse;
let leaderId: string;
let staffId: string;

const base = { applicantType: 'natural', applicantName: '王小明', content: '请公开本局2024年档案行政检查计划。' };
async function apply(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/disclosure/applications', { channel: 'in_person', ...base, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { application: Detail; warnings: { code: string; message: string }[] };
}
interface Detail {
  id: string;
  trackingCode: string;
  status: string;
  idNumber: string | null;
  idNumberMasked: string | null;
  correction: { late: boolean } | null;
  consultations: { id: string; clock: { due: string; state: string } }[];
  clock: { due: string | null; state: string; daysLeft: number | null; explanation: string[] };
}
/**
 * Move the app's clock; sessions idle out across such jumps, so the desk and the leader sign in
 * again (the others are only used at the starting time, 2025-03-20).
 */
async function travel(iso: string) {
  env.setNow(iso);
  staff = await signInDemo(env.app, setup, 'staff');
  leader = await signInDemo(env.app, setup, 'leader');
}
const detail = async (c: Client, id: string) => (await c.get(`/api/disclosure/applications/${id}`)).json() as Detail;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-20T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  staff = await signInDemo(env.app, setup, 'staff');
  leader = await signInDemo(env.app, setup, 'leader');
  county = await signInDemo(env.app, setup, 'county.admin');
  leaderId = (await leader.get('/api/auth/me')).json().user.id;
  staffId = (await staff.get('/api/auth/me')).json().user.id;
});
afterAll(async () => env.close());

describe('intake, list and masking', () => {
  it('registers an application with a tracking code, masks the id number in the list and warns of a duplicate', async () => {
    const { application: a, warnings } = await apply(staff, {
      receivedOn: '2025-03-17',
      idType: '居民身份证',
      idNumber: '210102199001011234',
      contact: '13800000000',
    });
    expect(a.trackingCode).toMatch(/^GK[2-9A-Z]{10}$/);
    expect(a.status).toBe('processing');
    expect(a.idNumber).toBe('210102199001011234'); // the desk of the own org sees it in the detail
    expect(warnings).toEqual([]);

    const list = await staff.get('/api/disclosure/applications?q=王小明');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('210102199001011234');
    expect(list.json().items[0]).toMatchObject({
      idNumberMasked: '2101**********1234',
      channelLabel: '当面提交',
      applicantTypeLabel: '自然人',
      due: '2025-04-15',
      clockState: 'running',
    });
    // the leader reads (masked there too in the detail: no desk role)
    expect((await detail(leader, a.id)).idNumber).toBe('2101**********1234');

    const file = await staff.get('/api/disclosure/applications/export.xlsx?q=王小明');
    expect(file.statusCode).toBe(200);
    const sheet = await readSheet(file.rawPayload);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]!.values).toMatchObject({ 查询码: a.trackingCode, 证件号码: '2101**********1234', 申请人: '王小明', 状态: '办理中' });
    expect(JSON.stringify(sheet.rows)).not.toContain('210102199001011234');

    const again = await apply(staff, { receivedOn: '2025-03-18', content: '请公开本局 2024 年档案行政检查计划' });
    expect(again.warnings[0]).toMatchObject({ code: 'duplicate' });
    expect(again.warnings[0]!.message).toContain(a.trackingCode);
    // another applicant with the same content: no warning
    expect((await apply(staff, { receivedOn: '2025-03-18', applicantName: '李四' })).warnings).toEqual([]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await countRows(env, 'disclosure_applications');
    const r1 = await staff.post('/api/disclosure/applications', { ...base, channel: 'pigeon', receivedOn: '2025-03-17' });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.fields).toHaveProperty('channel');
    const r2 = await staff.post('/api/disclosure/applications', { ...base, channel: 'letter', receivedOn: '2025-02-30' });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.fields).toHaveProperty('receivedOn');
    const r3 = await staff.post('/api/disclosure/applications', { ...base, channel: 'letter', receivedOn: '2025-03-21' });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.fields.receivedOn).toContain('晚于今天（2025-03-20）');
    expect(await countRows(env, 'disclosure_applications')).toBe(before);
    // the inspector has no disclosure role
    const inspector = await signInDemo(env.app, setup, 'inspector');
    expect((await inspector.post('/api/disclosure/applications', { ...base, channel: 'letter', receivedOn: '2025-03-17' })).statusCode).toBe(403);
  });
});

describe('the reply clock (条例第三十、三十二、三十三条)', () => {
  it('received 2025-01-20 → due 2025-02-21 across 春节 with both 调休 days, explained, and on the dashboard', async () => {
    // Jan 21–24 (4), Sun Jan 26 调休 (5), Jan 27 (6), 春节 Jan 28–Feb 4 skipped, Feb 5–7 (9), Sat Feb 8 调休 (10),
    // Feb 10–14 (15), Feb 17–21 (20).
    const { application: a } = await apply(staff, { receivedOn: '2025-01-20', applicantName: '赵一' });
    expect(a.clock).toMatchObject({ due: '2025-02-21', state: 'overdue' });
    const text = a.clock.explanation.join('\n');
    expect(text).toContain('跳过：2025-01-28 至 2025-02-04（法定节假日·春节）');
    expect(text).toContain('2025-01-26（第5个工作日，调休上班·春节）');
    expect(text).toContain('2025-02-08（第10个工作日，调休上班·春节）');

    const dash = (await staff.get('/api/dashboard')).json();
    const item = dash.items.find((i: { entityId: string }) => i.entityId === a.id);
    expect(item).toMatchObject({ kind: 'disclosure.reply', due: '2025-02-21', state: 'overdue' });
    expect(item.label).toContain(a.trackingCode);
  });

  it('correction notice: paused while waiting, restarts from the corrected application across 国庆; late notice allowed but flagged', async () => {
    await travel('2025-10-20T02:00:00Z');
    // received Mon 2025-09-22; 7 working days: Sep 23–26 (4), Sun Sep 28 调休 (5), Sep 29–30 (7) → 2025-09-30
    const { application: a } = await apply(staff, { receivedOn: '2025-09-22', applicantName: '钱二' });
    const sent = await staff.post(`/api/disclosure/applications/${a.id}/correction`, {
      sentOn: '2025-09-25',
      deadline: '2025-10-20',
      items: '请写明所需信息的文号或名称',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'awaiting_correction', correction: { late: false }, clock: { due: null, state: 'paused' } });
    expect(
      (await staff.post(`/api/disclosure/applications/${a.id}/correction`, { sentOn: '2025-09-26', deadline: '2025-10-20', items: '再补' })).statusCode,
    ).toBe(409);

    // corrected Thu 2025-10-09: Oct 10 (1), Sat Oct 11 调休 (2), Oct 13–17 (7), 20–24 (12), 27–31 (17), Nov 3–5 (20)
    const fixed = await staff.post(`/api/disclosure/applications/${a.id}/corrected`, { receivedOn: '2025-10-09' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const d = fixed.json() as Detail;
    expect(d).toMatchObject({ status: 'processing', clock: { due: '2025-11-05', state: 'running' } });
    expect(d.clock.explanation.join('\n')).toContain('重新起算：2025-10-09');

    const { application: late } = await apply(staff, { receivedOn: '2025-09-22', applicantName: '孙三' });
    const lateRes = await staff.post(`/api/disclosure/applications/${late.id}/correction`, { sentOn: '2025-10-09', deadline: '2025-10-24', items: '请补充' });
    expect(lateRes.statusCode).toBe(200);
    expect(lateRes.json().correction.late).toBe(true);
  });

  it('consultation pauses the clock at most for its own 15 working days; one extension of ≤ 20 days approved by the leader', async () => {
    await travel('2025-03-12T02:00:00Z');
    // received Mon 2025-03-03: without pauses due 2025-03-31
    const { application: a } = await apply(staff, { receivedOn: '2025-03-03', applicantName: '周四' });
    expect(a.clock.due).toBe('2025-03-31');
    const started = await staff.post(`/api/disclosure/applications/${a.id}/consultations`, {
      kind: 'third_party',
      party: '某某档案数字化公司',
      startedOn: '2025-03-10',
    });
    expect(started.statusCode, started.body).toBe(200);
    const s = started.json() as Detail;
    // the third party's 15 working days: Mar 11–14 (4), 17–21 (9), 24–28 (14), 31 (15)
    expect(s.consultations[0]!.clock).toMatchObject({ due: '2025-03-31', state: 'running' });
    // the pause ends at the consultation's due date at the latest (条例第三十二条), so the reply clock
    // has a date even now: Mar 4–7 (4), Mar 10–31 excluded, Apr 1–3 (7), 清明 Fri Apr 4 skipped,
    // Apr 7–11 (12), 14–18 (17), 21–23 (20) → 2025-04-23
    expect(s).toMatchObject({ status: 'consulting', clock: { due: '2025-04-23', state: 'running' } });
    expect(s.clock.explanation.join('\n')).toContain(
      '中止：2025-03-10 至 2025-03-31，征求第三方（某某档案数字化公司）意见，自发函之日起不计入答复期限；未收到答复的',
    );
    expect((await staff.get('/api/dashboard')).json().items.some((i: { kind: string }) => i.kind === 'disclosure.consultation')).toBe(true);

    await travel('2025-03-20T02:00:00Z');
    const ended = await staff.post(`/api/disclosure/applications/${a.id}/consultations/${s.consultations[0]!.id}/end`, { endedOn: '2025-03-19' });
    expect(ended.statusCode, ended.body).toBe(200);
    // Mar 10–19 excluded: Mar 4–7 (4), 20–21 (6), 24–28 (11), Mar 31–Apr 3 (15), 清明 Fri Apr 4 skipped, Apr 7–11 (20)
    expect(ended.json()).toMatchObject({ status: 'processing', clock: { due: '2025-04-11' }, consultations: [{ clock: { state: 'met' } }] });

    // the desk cannot approve its own extension
    const self = await staff.post(`/api/disclosure/applications/${a.id}/extension`, {
      days: 10,
      reason: '需要调阅库存档案',
      approvedBy: staffId,
      approvedOn: '2025-03-20',
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().error).toMatchObject({ code: 'disclosure.extension_not_approved' });
    expect(self.json().error.fields).toHaveProperty('approvedBy');
    const none = await staff.post(`/api/disclosure/applications/${a.id}/extension`, { days: 10, reason: '需要调阅库存档案', approvedOn: '2025-03-20' });
    expect(none.json().error.code).toBe('disclosure.extension_not_approved');
    const tooLong = await staff.post(`/api/disclosure/applications/${a.id}/extension`, {
      days: 21,
      reason: '需要调阅库存档案',
      approvedBy: leaderId,
      approvedOn: '2025-03-20',
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error).toMatchObject({ code: 'disclosure.extension_too_long', fields: { days: expect.stringContaining('20 个工作日') } });
    const ahead = await staff.post(`/api/disclosure/applications/${a.id}/extension`, {
      days: 20,
      reason: '需要调阅库存档案',
      approvedBy: leaderId,
      approvedOn: '2025-04-08',
    });
    expect(ahead.statusCode).toBe(400); // today is 2025-03-20: an approval is not recorded ahead of time
    expect(ahead.json().error.fields).toHaveProperty('approvedOn');
    await travel('2025-04-14T02:00:00Z');
    const afterDue = await staff.post(`/api/disclosure/applications/${a.id}/extension`, {
      days: 20,
      reason: '需要调阅库存档案',
      approvedBy: leaderId,
      approvedOn: '2025-04-14',
    });
    expect(afterDue.statusCode).toBe(400);
    expect(afterDue.json().error.fields).toHaveProperty('approvedOn');

    await travel('2025-04-09T02:00:00Z');
    // +20: Apr 14–18 (25), 21–25 (30), Sun Apr 27 调休 (31), Apr 28–30 (34), 劳动节 May 1–5 skipped, May 6–9 (38), May 12–13 (40)
    const ok = await staff.post(`/api/disclosure/applications/${a.id}/extension`, {
      days: 20,
      reason: '需要调阅库存档案',
      approvedBy: leaderId,
      approvedOn: '2025-04-08',
      noticeOn: '2025-04-09',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ clock: { due: '2025-05-13' }, extension: { days: 20, approvedByName: '张局长' } });
    expect(ok.json().clock.explanation.join('\n')).toContain('批准人：张局长');

    const second = await leader.post(`/api/disclosure/applications/${a.id}/extension`, { days: 5, reason: '再延', approvedOn: '2025-04-09' });
    expect(second.statusCode).toBe(422);
    expect(second.json().error).toMatchObject({ code: 'disclosure.second_extension' });
    expect(second.json().error.message).toContain('只能一次');
    await travel('2025-03-20T02:00:00Z');
  });

  it('the leader may approve an extension himself', async () => {
    const { application: a } = await apply(staff, { receivedOn: '2025-03-17', applicantName: '吴五' });
    const r = await leader.post(`/api/disclosure/applications/${a.id}/extension`, { days: 5, reason: '涉及多个科室', approvedOn: '2025-03-20' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().extension).toMatchObject({ days: 5, approvedBy: leaderId });
  });

  it('decision: exactly one outcome, not before receipt, once; the clock closes', async () => {
    const { application: a } = await apply(staff, { receivedOn: '2025-03-10', applicantName: '郑六' });
    const early = await staff.post(`/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-03-07', outcome: 'disclosed' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty('decidedOn');
    const two = await staff.post(`/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-03-19', outcome: ['disclosed', 'partial'] });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.fields).toHaveProperty('outcome');
    const none = await staff.post(`/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-03-19' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty('outcome');
    const unknown = await staff.post(`/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-03-19', outcome: 'withheld.secret' });
    expect(unknown.statusCode).toBe(400);

    const ok = await staff.post(`/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-03-19', outcome: 'withheld.third_party' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'decided', outcomeLabel: '保护第三方合法权益', clock: { due: '2025-04-08', state: 'met' } });
    const again = await staff.post(`/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-03-20', outcome: 'disclosed' });
    expect(again.statusCode).toBe(409);
    const closed = await env.database.pool.query(`SELECT closed_at FROM clocks WHERE entity_id = $1`, [a.id]);
    expect(closed.rows[0].closed_at).not.toBeNull();
    // every change is in the whole-process record
    const events = await env.database.pool.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [a.id]);
    expect(events.rows.map((e: { action: string }) => e.action)).toEqual(['disclosure.application.create', 'disclosure.application.decide']);
  });
});

describe('tenancy', () => {
  it('another org answers 404; the superior org reads a descendant but may not change it', async () => {
    const { application: a } = await apply(staff, { receivedOn: '2025-03-17', applicantName: '冯七' });
    expect((await county.get(`/api/disclosure/applications/${a.id}`)).statusCode).toBe(404);
    expect((await county.post(`/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-03-19', outcome: 'disclosed' })).statusCode).toBe(404);
    expect((await county.get('/api/disclosure/applications')).json().total).toBe(0);

    const c = await county.post('/api/disclosure/applications', { ...base, channel: 'letter', receivedOn: '2025-03-17' });
    expect(c.statusCode, c.body).toBe(200);
    const countyApp = c.json().application.id as string;
    expect((await admin.get(`/api/disclosure/applications/${countyApp}`)).statusCode).toBe(200);
    expect((await admin.post(`/api/disclosure/applications/${countyApp}/decision`, { decidedOn: '2025-03-19', outcome: 'disclosed' })).statusCode).toBe(403);
    const countyOrg = (await county.get('/api/auth/me')).json().org.id;
    expect((await admin.get(`/api/disclosure/applications?orgId=${countyOrg}`)).json().total).toBe(1);
    expect((await county.get(`/api/disclosure/applications?orgId=${setup.org.id}`)).statusCode).toBe(404);
  });
});

describe('portal (no account)', () => {
  it('applies online, gets a tracking code and the expected reply date, and tracks it without personal data', async () => {
    await travel('2025-01-20T02:00:00Z'); // 10:00 Beijing
    const pub = new Client(env.app);
    const noCsrf = await env.app.inject({ method: 'POST', url: '/api/public/disclosure/applications', payload: { orgId: setup.org.id, ...base } });
    expect(noCsrf.statusCode).toBe(403);
    const r = await pub.post('/api/public/disclosure/applications', {
      orgId: setup.org.id,
      ...base,
      applicantName: '门户申请人',
      idNumber: '210102199001011234',
    });
    expect(r.statusCode, r.body).toBe(200);
    const { trackingCode, expectedReplyDate, receivedOn } = r.json();
    expect({ receivedOn, expectedReplyDate }).toEqual({ receivedOn: '2025-01-20', expectedReplyDate: '2025-02-21' });

    const t = await pub.get(`/api/public/disclosure/applications/${trackingCode}`);
    expect(t.statusCode).toBe(200);
    expect(t.json()).toMatchObject({ trackingCode, status: 'processing', statusLabel: '办理中', expectedReplyDate: '2025-02-21' });
    expect(t.body).not.toContain('门户申请人');
    expect(t.body).not.toContain('2101');
    expect((await pub.get('/api/public/disclosure/applications/GKNOTACODE22')).statusCode).toBe(404);

    // it is on the desk's list as an online application
    const list = (await staff.get(`/api/disclosure/applications?q=${trackingCode}`)).json();
    expect(list.items[0]).toMatchObject({ channel: 'online', source: 'portal', receivedOn: '2025-01-20' });
  });

  it('an application whose period reaches a year not yet announced gets a provisional (预计) date everywhere', async () => {
    await travel('2026-12-15T02:00:00Z'); // + 20 working days runs into 2027, not yet published
    const pub = new Client(env.app);
    const r = await pub.post('/api/public/disclosure/applications', { orgId: setup.org.id, ...base, applicantName: '年末申请人' });
    expect(r.statusCode, r.body).toBe(200);
    // provisional 2027: 元旦 Fri Jan 1 off; Dec 16–18 (3), 21–25 (8), 28–31 (12), Jan 4–8 (17), 11–13 (20)
    expect(r.json()).toMatchObject({ expectedReplyDate: '2027-01-13', provisional: true, provisionalYears: [2027] });
    expect(r.json().message).toContain('预计不晚于 2027-01-13');
    expect(r.json().message).toContain('2027年节假日安排尚未公布');
    const code = r.json().trackingCode;
    expect((await pub.get(`/api/public/disclosure/applications/${code}`)).json()).toMatchObject({ expectedReplyDate: '2027-01-13', provisional: true });
    const row = (await staff.get(`/api/disclosure/applications?q=${code}`)).json().items[0];
    expect(row).toMatchObject({ due: '2027-01-13', provisional: true, provisionalYears: [2027] });
    const detail = (await staff.get(`/api/disclosure/applications/${row.id}`)).json();
    expect(detail.clock).toMatchObject({ due: '2027-01-13', provisional: true, provisionalYears: [2027] });
    // the receipt is not refused: it says 预计 and why
    const receipt = await staff.get(`/api/disclosure/applications/${row.id}/letters/receipt.docx`);
    expect(receipt.statusCode, receipt.body).toBe(200);

    // a period that stays in entered years is not provisional
    await travel('2026-11-02T02:00:00Z');
    const early = await pub.post('/api/public/disclosure/applications', { orgId: setup.org.id, ...base, applicantName: '年中申请人' });
    expect(early.json()).toMatchObject({ provisional: false, provisionalYears: [] });
    expect(early.json().message).not.toContain('预计');
  });

  it('is rate-limited', async () => {
    const pub = new Client(env.app);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push((await pub.post('/api/public/disclosure/applications', { orgId: setup.org.id, ...base, applicantName: `限流${i}` })).statusCode);
    expect(codes).toContain(429);
  });
});

describe('the list reads each row’s stored clock', () => {
  /** Every application of the org, list row against its detail (the full computation). */
  async function listAgreesWithDetail() {
    const list = (await staff.get('/api/disclosure/applications?pageSize=200')).json() as {
      items: { id: string; due: string | null; clockState: string; provisional: boolean; provisionalYears: number[]; status: string }[];
    };
    expect(list.items.length).toBeGreaterThan(5);
    for (const row of list.items) {
      const d = (await staff.get(`/api/disclosure/applications/${row.id}`)).json() as Detail & {
        clock: { provisional: boolean; provisionalYears: number[] };
      };
      expect({ due: row.due, state: row.clockState, provisional: row.provisional, years: row.provisionalYears, status: row.status }, row.id).toEqual({
        due: d.clock.due,
        state: d.clock.state,
        provisional: d.clock.provisional,
        years: d.clock.provisionalYears,
        status: d.status,
      });
    }
  }

  it('agrees with the detail for every application, on the day and weeks later (due soon, overdue, a silent consultation lapsed)', async () => {
    await travel('2026-12-07T02:00:00Z');
    const { application: a } = await apply(staff, { receivedOn: '2026-12-01', applicantName: '征求意见未答复' });
    const c = await staff.post(`/api/disclosure/applications/${a.id}/consultations`, { kind: 'third_party', party: '某公司', startedOn: '2026-12-03' });
    expect(c.statusCode, c.body).toBe(200);
    await listAgreesWithDetail();
    // a clock inserted by SQL alone (as the bulk import may) has no snapshot: the list computes it
    await env.database.db.execute(sql`UPDATE clocks SET due_stored = false WHERE entity_id = ${a.id}`);
    await listAgreesWithDetail();
    for (const day of ['2026-12-28', '2027-01-20', '2027-03-01']) {
      // sessions idle out across the jump; sign in again from another address (30 sign-ins a minute each)
      env.setNow(`${day}T02:00:00Z`);
      staff = await signInDemo(env.app, setup, 'staff', '10.0.0.7');
      await listAgreesWithDetail();
    }
  });
});
