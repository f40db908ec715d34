/**
 * Letters of an application as .docx through HTTP (demo org 测试市档案局, desk 赵利用, leader 张局长):
 * each letter only once its event happened (409 naming what is missing), GB/T 9704 header with the
 * org as issuer and a 发文字号 测档公开〔2025〕n号 from the org's yearly sequence (same number on
 * regeneration, recorded once), dates in Arabic numerals, and the key sentences; the reply letter
 * follows the outcome and always states both remedies. Due dates hand-counted (2025 schedule).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from './test-docx.js';
import { Client, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let admin: Client;
let staff: Client;
let leader: Client;
let county: Client;
let setup: SetupResponse;
let leaderId: string;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-04-09T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  staff = await signInDemo(env.app, setup, 'staff');
  leader = await signInDemo(env.app, setup, 'leader');
  county = await signInDemo(env.app, setup, 'county.admin');
  leaderId = (await leader.get('/api/auth/me')).json().user.id;
});
afterAll(async () => env.close());

async function apply(body: Record<string, unknown>) {
  const res = await staff.post('/api/disclosure/applications', {
    channel: 'in_person',
    applicantType: 'natural',
    applicantName: '王小明',
    content: '请公开本局2024年档案行政检查计划。',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().application as { id: string; trackingCode: string };
}
const post = async (c: Client, url: string, body: Record<string, unknown>) => {
  const r = await c.post(url, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
async function letter(c: Client, id: string, kind: string, query = '') {
  const r = await c.get(`/api/disclosure/applications/${id}/letters/${kind}.docx${query}`);
  return r;
}
async function letterText(id: string, kind: string, query = '') {
  const r = await letter(staff, id, kind, query);
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toContain('wordprocessingml');
  const paras = await docxParagraphs(r.rawPayload);
  return { paras, text: paras.join('\n'), docNumber: decodeURIComponent(String(r.headers['x-doc-number'])) };
}

const REMEDY_60 = '自收到本答复书之日起60日内依法申请行政复议';
const REMEDY_6M = '自收到本答复书之日起6个月内依法向人民法院提起行政诉讼';

describe('letters follow the application: receipt, correction, consultation, extension, reply', () => {
  it('refuses letters whose event has not happened, then issues each with the next number of the year', async () => {
    // received Mon 2025-03-03: 20 working days Mar 4–7 (4), 10–14 (9), 17–21 (14), 24–28 (19), Mar 31 (20)
    const a = await apply({ receivedOn: '2025-03-03' });
    const refusals: [string, string][] = [
      ['correction', '没有发出补正通知'],
      ['extension', '没有延长答复期限'],
      ['reply', '尚未作出答复决定'],
      ['fee', '没有计算信息处理费'],
    ];
    for (const [kind, msg] of refusals) {
      const r = await letter(staff, a.id, kind);
      expect(r.statusCode, kind).toBe(409);
      expect(r.json().error.message).toContain(msg);
    }
    expect((await letter(staff, a.id, 'consultation')).statusCode).toBe(400); // which consultation?
    expect((await letter(staff, a.id, 'consultation', '?consultationId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await letter(staff, a.id, 'memo')).statusCode).toBe(400);
    // refused letters take no number
    expect((await staff.get(`/api/disclosure/applications/${a.id}/letters`)).json().items).toEqual([]);

    // 受理回执
    const receipt = await letterText(a.id, 'receipt');
    expect(receipt.docNumber).toBe('测档公开〔2025〕1号');
    expect(receipt.paras.slice(0, 6)).toEqual(['测试市档案局', '', '', '测档公开〔2025〕1号', '', '']);
    expect(receipt.paras).toContain('政府信息公开申请受理回执');
    expect(receipt.paras).toContain('王小明：');
    expect(receipt.text).toContain(`你（单位）于2025年3月3日通过当面提交方式向本机关提出的政府信息公开申请（查询码：${a.trackingCode}）收悉`);
    expect(receipt.text).toContain('你（单位）申请获取的政府信息为：请公开本局2024年档案行政检查计划。\n'); // no doubled 。
    expect(receipt.text).toContain('第三十一条第（一）项的规定，以提交之日为收到申请之日');
    expect(receipt.text).toContain('自收到申请之日起20个工作日内予以答复，即不晚于2025年3月31日');
    expect(receipt.paras.slice(-2)).toEqual(['测试市档案局', '2025年3月3日']);
    // the same letter again: the same number, recorded once
    expect((await letterText(a.id, 'receipt')).docNumber).toBe('测档公开〔2025〕1号');

    // 补正告知书
    await post(staff, `/api/disclosure/applications/${a.id}/correction`, {
      sentOn: '2025-03-05',
      deadline: '2025-03-20',
      items: '1.请写明所需信息的名称或文号\n2.请说明所需信息的形成时间',
    });
    const corr = await letterText(a.id, 'correction');
    expect(corr.docNumber).toBe('测档公开〔2025〕2号');
    expect(corr.paras).toContain('政府信息公开申请补正告知书');
    expect(corr.text).toContain('第二十九条第二款、第三十条的规定，现一次性告知你（单位）需要补正的事项如下：');
    expect(corr.paras).toContain('1.请写明所需信息的名称或文号');
    expect(corr.paras).toContain('2.请说明所需信息的形成时间');
    expect(corr.text).toContain('请于2025年3月20日前向本机关提交补正后的申请');
    expect(corr.text).toContain('无正当理由逾期不补正的，视为放弃申请');
    expect(corr.paras.at(-1)).toBe('2025年3月5日');

    // 征求第三方意见函 (the applicant is not named to the third party)
    await post(staff, `/api/disclosure/applications/${a.id}/corrected`, { receivedOn: '2025-03-10' });
    const c = await post(staff, `/api/disclosure/applications/${a.id}/consultations`, { kind: 'third_party', party: '某某档案数字化公司', startedOn: '2025-03-11' });
    const cid = c.consultations[0].id as string;
    const consult = await letterText(a.id, 'consultation', `?consultationId=${cid}`);
    expect(consult.docNumber).toBe('测档公开〔2025〕3号');
    expect(consult.paras).toContain('征求第三方意见函');
    expect(consult.paras).toContain('某某档案数字化公司：');
    expect(consult.text).toContain('第三十二条的规定，现书面征求你（单位）的意见');
    expect(consult.text).toContain('15个工作日内以书面形式提出意见');
    expect(consult.text).not.toContain('王小明');
    expect(consult.paras.at(-1)).toBe('2025年3月11日');
    await post(staff, `/api/disclosure/applications/${a.id}/consultations/${cid}/end`, { endedOn: '2025-03-19' });

    // 延期答复告知书: restart 2025-03-10, Mar 11–19 excluded: Mar 20–21 (2), 24–28 (7), Mar 31–Apr 3 (11),
    // 清明 Apr 4 skipped, Apr 7–11 (16), Apr 14–17 (20); +10: Apr 18 (21), 21–25 (26), Sun Apr 27 调休 (27), Apr 28–30 (30)
    const ext = await post(staff, `/api/disclosure/applications/${a.id}/extension`, { days: 10, reason: '需要调阅库存档案', approvedBy: leaderId, approvedOn: '2025-03-20', noticeOn: '2025-03-21' });
    expect(ext.clock.due).toBe('2025-04-30');
    const extL = await letterText(a.id, 'extension');
    expect(extL.docNumber).toBe('测档公开〔2025〕4号');
    expect(extL.text).toContain('因需要调阅库存档案，本机关不能在20个工作日内作出答复');
    expect(extL.text).toContain('第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长10个工作日，本机关将不晚于2025年4月30日作出答复');
    expect(extL.paras.at(-1)).toBe('2025年3月21日');
    // a later pause (fee notice Mar 24, paid Mar 26: 3 working days) moves the due date to May 8 (劳动节 May 1–5
    // skipped), but the letter keeps what it said on its day
    await post(staff, `/api/disclosure/applications/${a.id}/fee`, { method: 'page', pages: 31, noticeOn: '2025-03-24' });
    const paid = await post(staff, `/api/disclosure/applications/${a.id}/fee/paid`, { paidOn: '2025-03-26' });
    expect(paid.clock.due).toBe('2025-05-08');
    const extAgain = await letterText(a.id, 'extension');
    expect(extAgain.docNumber).toBe('测档公开〔2025〕4号');
    expect(extAgain.text).toContain('本机关将不晚于2025年4月30日作出答复');

    // 答复书
    await post(staff, `/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-04-09', outcome: 'withheld.third_party', reason: '第三方不同意公开，所涉信息属于其商业秘密' });
    const reply = await letterText(a.id, 'reply');
    expect(reply.docNumber).toBe('测档公开〔2025〕5号');
    expect(reply.paras).toContain('政府信息公开申请答复书');
    expect(reply.text).toContain('属于依法不予公开的情形。具体理由：第三方不同意公开，所涉信息属于其商业秘密。');
    expect(reply.text).toContain('根据《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项的规定，本机关决定不予公开');
    expect(reply.text).toContain(REMEDY_60);
    expect(reply.text).toContain(REMEDY_6M);
    expect(reply.paras.at(-1)).toBe('2025年4月9日');

    const list = (await staff.get(`/api/disclosure/applications/${a.id}/letters`)).json().items;
    expect(list.map((l: { kind: string; docNumber: string }) => [l.kind, l.docNumber])).toEqual([
      ['receipt', '测档公开〔2025〕1号'],
      ['correction', '测档公开〔2025〕2号'],
      ['consultation', '测档公开〔2025〕3号'],
      ['extension', '测档公开〔2025〕4号'],
      ['reply', '测档公开〔2025〕5号'],
    ]);
    const events = await env.database.pool.query(`SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'disclosure.letter.issue' ORDER BY seq`, [a.id]);
    expect(events.rows.map((e: { after: { docNumber: string } }) => e.after.docNumber)).toHaveLength(5);
  });

  it.each([
    ['disclosed', '属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项、第三十六条第（二）项的规定，本机关予以公开'],
    ['partial', '能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向你（单位）提供可以公开的信息内容，对不予公开的内容说明理由如下：涉及个人隐私的姓名已作遮盖'],
    ['unavailable.not_held', '经检索，本机关不掌握你（单位）申请获取的政府信息（该政府信息不存在，或者不属于本机关负责公开）。具体理由：涉及个人隐私的姓名已作遮盖。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项、第三十六条第（五）项的规定，本机关无法提供该政府信息'],
    ['unavailable.needs_creation', '需要对现有政府信息进行加工、分析才能形成。具体理由：涉及个人隐私的姓名已作遮盖。根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关无法提供'],
    ['not_processed.petition', '你（单位）的申请属于“信访举报投诉类申请”的情形。具体理由：涉及个人隐私的姓名已作遮盖。根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关不予处理'],
    ['withheld.state_secret', '属于国家秘密，属于依法不予公开的情形。具体理由：涉及个人隐私的姓名已作遮盖。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开'],
  ])('reply letter for %s cites its article, gives the reason and both remedies', async (outcome, sentence) => {
    const a = await apply({ receivedOn: '2025-04-01', applicantName: `申请人${outcome}` });
    await post(staff, `/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-04-08', outcome, reason: '涉及个人隐私的姓名已作遮盖' });
    const { text, docNumber } = await letterText(a.id, 'reply');
    expect(docNumber).toMatch(/^测档公开〔2025〕[1-9][0-9]*号$/);
    expect(text).toContain(sentence);
    expect(text).toContain(REMEDY_60);
    expect(text).toContain(REMEDY_6M);
  });

  it('reply letter for other.no_correction names the notice and its deadline', async () => {
    const a = await apply({ receivedOn: '2025-03-03', applicantName: '逾期不补正者' });
    await post(staff, `/api/disclosure/applications/${a.id}/correction`, { sentOn: '2025-03-04', deadline: '2025-03-18', items: '请写明所需信息' });
    await post(staff, `/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-03-25', outcome: 'other.no_correction' });
    const { text } = await letterText(a.id, 'reply');
    expect(text).toContain('本机关已于2025年3月4日向你（单位）发出补正告知书，要求于2025年3月18日前补正。你（单位）无正当理由逾期未补正，根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请');
    expect(text).toContain(REMEDY_60);
    expect(text).toContain(REMEDY_6M);
  });

  it('reading an issued letter needs only read access; issuing needs the desk of the own org', async () => {
    const a = await apply({ receivedOn: '2025-04-07', applicantName: '读者' });
    expect((await letter(leader, a.id, 'receipt')).statusCode).toBe(403); // not issued yet: the leader may not issue
    const issued = await letter(staff, a.id, 'receipt');
    expect(issued.statusCode).toBe(200);
    const again = await letter(leader, a.id, 'receipt');
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-doc-number']).toBe(issued.headers['x-doc-number']);
    expect((await letter(county, a.id, 'receipt')).statusCode).toBe(404);
  });

  it('the 机关代字 is a setting of the org; the sequence of the year goes on', async () => {
    expect((await admin.get('/api/disclosure/letter-settings')).json()).toMatchObject({ prefix: '测档公开', default: '测档公开', example: '测档公开〔2025〕1号' });
    expect((await leader.put('/api/disclosure/letter-settings', { prefix: '测档依' })).statusCode).toBe(403);
    const badPrefix = await admin.put('/api/disclosure/letter-settings', { prefix: '测档〔依' });
    expect(badPrefix.statusCode).toBe(400);
    expect(badPrefix.json().error.fields).toHaveProperty('prefix');
    expect((await admin.put('/api/disclosure/letter-settings', { prefix: '测档依' })).json()).toMatchObject({ prefix: '测档依' });
    const before = await env.database.pool.query(`SELECT last_seq FROM disclosure_doc_sequences WHERE year = 2025`);
    const a = await apply({ receivedOn: '2025-04-08', applicantName: '代字' });
    const { docNumber } = await letterText(a.id, 'receipt');
    expect(docNumber).toBe(`测档依〔2025〕${Number(before.rows[0].last_seq) + 1}号`);
  });
});
