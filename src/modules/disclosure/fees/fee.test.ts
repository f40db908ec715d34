/**
 * 信息处理费 through HTTP (RULES.md §2, 国办函〔2020〕109号): by item counting the applicant's earlier
 * items of the calendar month from the stored applications, by page; the fee notice (.docx) with
 * its payment deadline (setting `disclosureFeePayDays`, default 20 working days, counted from the day
 * after the notice is served — by default the day it is sent, or `disclosureMailServiceDays` later
 * when the applicant wrote by post — and from the recorded service date once known); the reply clock
 * paused from notice to payment; `other.unpaid_fee` only once the period has run out unpaid; the
 * year's collected fees in the tables' section 六. Hand-counted (2025 schedule).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';
import { docxParagraphs } from '../test-docx.js';

let env: TestEnv;
let admin: Client;
let staff: Client;
let setup: SetupResponse;

async function travel(iso: string) {
  env.setNow(iso);
  staff = await signInDemo(env.app, setup, 'staff');
}
async function apply(applicantName: string, receivedOn: string, channel = 'in_person') {
  const r = await staff.post('/api/disclosure/applications', {
    channel,
    applicantType: 'natural',
    applicantName,
    receivedOn,
    content: `申请公开${receivedOn}的档案行政许可信息（${Math.random()}）`,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().application.id as string;
}
const fee = (id: string, body: Record<string, unknown>) => staff.post(`/api/disclosure/applications/${id}/fee`, body);

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-06-10T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  staff = await signInDemo(env.app, setup, 'staff');
});
afterAll(async () => env.close());

describe('fees', () => {
  let a10: string;
  let a11: string;
  it('by item: the applicant’s earlier items of the month count; other months and applicants do not', async () => {
    for (let i = 0; i < 9; i++) await apply('李四', '2025-06-03');
    await apply('李四', '2025-05-30'); // May: not counted
    await apply('张三', '2025-06-03'); // another applicant
    a10 = await apply('李四', '2025-06-04');
    // 9 earlier items in June: this application's 2 items are the 10th (free) and 11th (100 元)
    const r = await fee(a10, { method: 'item', items: 2, noticeOn: '2025-06-05' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().fee).toMatchObject({ method: 'item', units: 2, amount: '100.00', noticeOn: '2025-06-05', servedOn: '2025-06-05', paidOn: null });
    expect(r.json().fee.explanation).toBe(
      '按件计收（同一申请人同一自然月累计）：本月此前已计 9 件，本次 2 件，即本月第 10–11 件：第 10–10 件 1 件免费；第 11–11 件 1 件 × 100 元 = 100 元；合计 100 元。',
    );
    // notice Thu 2025-06-05 + 20 working days: Jun 6 (1), 9–13 (6), 16–20 (11), 23–27 (16), Jun 30 (17), Jul 1–3 (20)
    expect(r.json().fee.payBy).toEqual({ due: '2025-07-03', provisional: false, provisionalYears: [] });
    // from notice to payment the reply period is paused
    expect(r.json()).toMatchObject({ clock: { state: 'paused', due: null } });
    expect((await fee(a10, { method: 'page', pages: 40 })).statusCode).toBe(409); // one notice
    expect(r.json().lettersAvailable).toEqual([{ kind: 'receipt' }, { kind: 'fee' }]);
    // the leader reads but does not charge; another org does not see it
    const leader = await signInDemo(env.app, setup, 'leader');
    const county = await signInDemo(env.app, setup, 'county.admin');
    const other = await apply('周八', '2025-06-04');
    expect((await leader.post(`/api/disclosure/applications/${other}/fee`, { method: 'item' })).statusCode).toBe(403);
    expect((await county.post(`/api/disclosure/applications/${other}/fee`, { method: 'item' })).statusCode).toBe(404);
    expect((await county.post(`/api/disclosure/applications/${a10}/fee/paid`, { paidOn: '2025-06-06' })).statusCode).toBe(404);
    expect((await county.get(`/api/disclosure/applications/${a10}/letters/fee.docx`)).statusCode).toBe(404);

    a11 = await apply('李四', '2025-06-05');
    // 9 + 2 earlier: the 12th item, 100 元
    const r2 = await fee(a11, { method: 'item', noticeOn: '2025-06-06' });
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json().fee).toMatchObject({ units: 1, amount: '100.00' });
    expect(r2.json().fee.explanation).toContain('本月此前已计 11 件');
  });

  it('by page, marginal bands; nothing to pay means no notice; bad input refused', async () => {
    const a = await apply('王五', '2025-06-09');
    // 1–30 free, 31–100: 70 × 10 = 700, 101–150: 50 × 20 = 1000 → 1700
    const r = await fee(a, { method: 'page', pages: 150, noticeOn: '2025-06-10' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().fee).toMatchObject({ method: 'page', units: 150, amount: '1700.00' });
    // 1–30 free; 31–100: 70 × 10 = 700; 101–150: 50 × 20 = 1000
    expect(r.json().fee.bands).toEqual([
      { from: 1, to: 30, count: 30, unitPrice: 0, subtotal: 0 },
      { from: 31, to: 100, count: 70, unitPrice: 10, subtotal: 700 },
      { from: 101, to: 150, count: 50, unitPrice: 20, subtotal: 1000 },
    ]);
    const free = await apply('王五', '2025-06-09');
    const f = await fee(free, { method: 'page', pages: 30 });
    expect(f.json().fee).toMatchObject({ amount: '0.00', noticeOn: null });
    expect((await staff.get(`/api/disclosure/applications/${free}/letters/fee.docx`)).statusCode).toBe(409);
    const other = await apply('王五', '2025-06-09');
    expect((await fee(other, { method: 'page' })).json().error.fields).toHaveProperty('pages');
    expect((await fee(other, { method: 'weight', pages: 3 })).json().error.fields).toHaveProperty('method');
    expect((await fee(other, { method: 'page', pages: 3, noticeOn: '2025-06-11' })).json().error.fields).toHaveProperty('noticeOn');
    expect((await fee(other, { method: 'page', pages: 3, noticeOn: '2025-06-08' })).json().error.fields).toHaveProperty('noticeOn');
  });

  it('the fee notice letter states amount, calculation and deadline', async () => {
    const res = await staff.get(`/api/disclosure/applications/${a10}/letters/fee.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const text = (await docxParagraphs(res.rawPayload)).join('\n');
    expect(decodeURIComponent(String(res.headers['x-doc-number']))).toMatch(/^测档公开〔2025〕[1-9][0-9]*号$/);
    expect(text).toContain('政府信息公开信息处理费收费通知');
    expect(text).toContain('应缴金额：100元。');
    expect(text).toContain('本月此前已计 9 件');
    expect(text).toContain('请自收到本通知之次日起20个工作日内缴纳，即不晚于2025年7月3日。逾期未缴纳的，视为放弃申请');
    expect(text).not.toContain('预计');
  });

  it('payment resumes the clock; other.unpaid_fee only after the period ran out unpaid', async () => {
    const paid = await staff.post(`/api/disclosure/applications/${a11}/fee/paid`, { paidOn: '2025-06-10' });
    expect(paid.statusCode, paid.body).toBe(200);
    // received Thu Jun 5; Jun 6–10 paused (notice → payment): Jun 11–13 (3), 16–20 (8), 23–27 (13), Jun 30 (14), Jul 1–4 (18), Jul 7–8 (20)
    expect(paid.json()).toMatchObject({ fee: { paidOn: '2025-06-10' }, clock: { due: '2025-07-08', state: 'running' } });
    expect((await staff.post(`/api/disclosure/applications/${a11}/fee/paid`, { paidOn: '2025-06-10' })).statusCode).toBe(409);
    const paidUnpaid = await staff.post(`/api/disclosure/applications/${a11}/decision`, { decidedOn: '2025-06-10', outcome: 'other.unpaid_fee' });
    expect(paidUnpaid.statusCode).toBe(422);
    expect(paidUnpaid.json().error.code).toBe('disclosure.unpaid_fee_not_due');

    const noNotice = await apply('赵六', '2025-06-09');
    const r0 = await staff.post(`/api/disclosure/applications/${noNotice}/decision`, { decidedOn: '2025-06-10', outcome: 'other.unpaid_fee' });
    expect(r0.statusCode).toBe(422);
    expect(r0.json().error.fields.outcome).toContain('没有收费通知');

    const early = await staff.post(`/api/disclosure/applications/${a10}/decision`, { decidedOn: '2025-06-10', outcome: 'other.unpaid_fee' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields.outcome).toContain('至 2025-07-03 届满');
    await travel('2025-07-07T02:00:00Z');
    const onDeadline = await staff.post(`/api/disclosure/applications/${a10}/decision`, { decidedOn: '2025-07-03', outcome: 'other.unpaid_fee' });
    expect(onDeadline.statusCode).toBe(422);
    const ok = await staff.post(`/api/disclosure/applications/${a10}/decision`, { decidedOn: '2025-07-04', outcome: 'other.unpaid_fee' });
    expect(ok.statusCode, ok.body).toBe(200);
    const reply = await staff.get(`/api/disclosure/applications/${a10}/letters/reply.docx`);
    const text = (await docxParagraphs(reply.rawPayload)).join('\n');
    expect(text).toContain('本机关已于2025年6月5日向你发出收费通知，要求不晚于2025年7月3日缴纳信息处理费100元。你逾期未缴纳');
    expect(text).toContain(
      '你如对本答复不服，可以自收到本答复书之日起60日内向测试市人民政府申请行政复议，也可以自收到本答复书之日起6个月内向测试市有管辖权的基层人民法院提起行政诉讼（《中华人民共和国行政复议法》第二十条第一款，《中华人民共和国行政诉讼法》第四十六条第一款）。',
    );
  });

  it('the year’s collected fees feed section 六; the payment period is a setting', async () => {
    const t = (await staff.get('/api/disclosure/annual-reports/2025/tables')).json();
    expect(t.section6).toMatchObject({ feesApplicable: true, feesCollected: { amount: 100, applications: 1 } });
    expect((await staff.get('/api/disclosure/annual-reports/2024/tables')).json().section6.feesCollected).toEqual({ amount: 0, applications: 0 });

    await admin.login('admin', 'Admin-Pass-2024');
    expect((await admin.put('/api/settings', { disclosureFeePayDays: 10 })).statusCode).toBe(200);
    const a = await apply('孙七', '2025-07-07');
    // notice Mon 2025-07-07 + 10 working days: Jul 8–11 (4), 14–18 (9), Jul 21 (10)
    const r = await fee(a, { method: 'page', pages: 31, noticeOn: '2025-07-07' });
    expect(r.json().fee).toMatchObject({ amount: '10.00', payBy: { due: '2025-07-21' } });
    expect((await admin.put('/api/settings', { disclosureFeePayDays: 20 })).statusCode).toBe(200);
  });

  it('the payment period counts from the service date: by post presumed 3 days after sending, then the receipt’s date', async () => {
    // written by post, received Mon 2025-06-09; notice Tue Jun 10 → presumed served Fri Jun 13 (setting 3 days);
    // pay by: Jun 16–20 (5), 23–27 (10), Jun 30 (11), Jul 1–4 (15), Jul 7–11 (20) → 2025-07-11
    const a = await apply('郑九', '2025-06-09', 'letter');
    const r = await fee(a, { method: 'page', pages: 40, noticeOn: '2025-06-10' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().fee).toMatchObject({ noticeOn: '2025-06-10', servedOn: '2025-06-13', payBy: { due: '2025-07-11', provisional: false } });
    let letter = (await docxParagraphs((await staff.get(`/api/disclosure/applications/${a}/letters/fee.docx`)).rawPayload)).join('\n');
    expect(letter).toContain('请自收到本通知之次日起20个工作日内缴纳，即不晚于2025年7月11日。');

    // the receipt comes back signed Mon Jun 16: Jun 17–20 (4), 23–27 (9), Jun 30 (10), Jul 1–4 (14), 7–11 (19), Jul 14 (20)
    const before = await env.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [a]);
    const early = await staff.post(`/api/disclosure/applications/${a}/fee/served`, { servedOn: '2025-06-09' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.servedOn).toBe('收费通知送达日期 2025-06-09 早于收费通知日期 2025-06-10');
    const future = await staff.post(`/api/disclosure/applications/${a}/fee/served`, { servedOn: '2025-07-08' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty('servedOn');
    expect((await env.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [a])).rows[0].n).toBe(before.rows[0].n);
    const served = await staff.post(`/api/disclosure/applications/${a}/fee/served`, { servedOn: '2025-06-16' });
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().fee).toMatchObject({ servedOn: '2025-06-16', payBy: { due: '2025-07-14' } });
    letter = (await docxParagraphs((await staff.get(`/api/disclosure/applications/${a}/letters/fee.docx`)).rawPayload)).join('\n');
    expect(letter).toContain('20个工作日内缴纳，即不晚于2025年7月14日。');

    // the 逾期不缴费 guard counts from the same day
    await travel('2025-07-15T02:00:00Z');
    const onDeadline = await staff.post(`/api/disclosure/applications/${a}/decision`, { decidedOn: '2025-07-14', outcome: 'other.unpaid_fee' });
    expect(onDeadline.statusCode).toBe(422);
    expect(onDeadline.json().error.fields.outcome).toContain('收费通知 2025-06-16 送达之次日起 20 个工作日）至 2025-07-14 届满');
    const ok = await staff.post(`/api/disclosure/applications/${a}/decision`, { decidedOn: '2025-07-15', outcome: 'other.unpaid_fee' });
    expect(ok.statusCode, ok.body).toBe(200);
    const reply = (await docxParagraphs((await staff.get(`/api/disclosure/applications/${a}/letters/reply.docx`)).rawPayload)).join('\n');
    expect(reply).toContain('要求不晚于2025年7月14日缴纳信息处理费');
  });

  it('refuses fee dates before what they follow, naming the field, and writes nothing', async () => {
    const a = await apply('王十', '2025-07-08');
    const before = await env.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [a]);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ method: 'page', pages: 40, noticeOn: '2025-07-07' }, 'noticeOn', '收费通知日期 2025-07-07 早于收到申请日期 2025-07-08'],
      [{ method: 'page', pages: 40, noticeOn: '2025-07-09', servedOn: '2025-07-08' }, 'servedOn', '收费通知送达日期 2025-07-08 早于收费通知日期 2025-07-09'],
      [{ method: 'page', pages: 40, noticeOn: '2025-07-09', servedOn: '2025-07-16' }, 'servedOn', '晚于今天'],
    ];
    for (const [body, field, message] of cases) {
      const r = await fee(a, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.fields[field]).toContain(message);
    }
    const noNotice = await staff.post(`/api/disclosure/applications/${a}/fee/served`, { servedOn: '2025-07-09' });
    expect(noNotice.statusCode).toBe(409);
    expect(noNotice.json().error.fields).toHaveProperty('servedOn');
    const ok = await fee(a, { method: 'page', pages: 40, noticeOn: '2025-07-09' });
    expect(ok.statusCode, ok.body).toBe(200);
    const paidEarly = await staff.post(`/api/disclosure/applications/${a}/fee/paid`, { paidOn: '2025-07-08' });
    expect(paidEarly.statusCode).toBe(400);
    expect(paidEarly.json().error.fields.paidOn).toBe('缴费日期 2025-07-08 早于收费通知日期 2025-07-09');
    expect((await env.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [a])).rows[0].n).toBe(before.rows[0].n + 1);
  });
});
