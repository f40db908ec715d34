/**
 * Letters of an application as .docx through HTTP (demo org 测试市档案局, desk 赵利用, leader 张局长):
 * each letter only once its event happened (409 naming what is missing), GB/T 9704 header with the
 * org as issuer and a 发文字号 测档公开〔2025〕n号 from the org's yearly sequence (same number on
 * regeneration, recorded once), dates in Arabic numerals, and the key sentences; the reply letter
 * follows the outcome and states the remedy that applies, naming the 复议机关 and the court of the
 * org's settings (reconsideration first for 不予公开 and the refused part of 部分公开; otherwise the
 * choice of 60 days / 6 months); 你 for a natural person, 你单位 for an organisation; no drafting
 * notes; dates depending on a year not yet announced say 预计 and why. Due dates hand-counted (2025
 * schedule; 2027 provisional: 元旦 Fri 1 January).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionalNote } from '../../../kernel/calendar/index.js';
import { docxParagraphs } from '../test-docx.js';
import { letterLayout } from '../../../kernel/documents/test-letter.js';
import { LETTER_KINDS } from '../labels.js';
import { defaultRemedyOrgans, placeOf } from './remedy.js';
import { Client, createTestEnv, refused, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';

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

/** The remedy paragraphs, written out by hand (行政复议法第二十条、第二十三条; 行政诉讼法第四十五条、第四十六条). */
const CHOICE = (you: string, organ: string, court: string) =>
  `${you}如对本答复不服，可以自收到本答复书之日起60日内向${organ}申请行政复议，也可以自收到本答复书之日起6个月内向${court}提起行政诉讼（《中华人民共和国行政复议法》第二十条第一款，《中华人民共和国行政诉讼法》第四十六条第一款）。`;
const REVIEW_FIRST = (you: string, organ: string, court: string) =>
  `${you}如对本答复不服，应当先申请行政复议（《中华人民共和国行政复议法》第二十三条第一款第（四）项、第二款）：可以自收到本答复书之日起60日内向${organ}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向${court}提起行政诉讼，${organ}逾期不作行政复议决定的，可以自行政复议期限届满之日起15日内提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。未经行政复议的，不能直接向人民法院提起行政诉讼。`;
const PARTIAL = (you: string, organ: string, court: string) => [
  `${you}如对本答复中不予公开的部分不服，应当先申请行政复议（《中华人民共和国行政复议法》第二十三条第一款第（四）项、第二款）：可以自收到本答复书之日起60日内向${organ}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向${court}提起行政诉讼，${organ}逾期不作行政复议决定的，可以自行政复议期限届满之日起15日内提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。未经行政复议的，不能就该部分直接向人民法院提起行政诉讼。`,
  `${you}如对本答复的其他内容不服，可以自收到本答复书之日起60日内向${organ}申请行政复议，也可以自收到本答复书之日起6个月内向${court}提起行政诉讼（《中华人民共和国行政复议法》第二十条第一款，《中华人民共和国行政诉讼法》第四十六条第一款）。`,
];
/** The demo org 测试市档案局 (a city bureau): its people's government; the court is left to the admin. */
const ORGAN = '测试市人民政府';
const COURT = '测试市有管辖权的基层人民法院';
/** The 附注 of every letter the demo desk officer 赵利用 issues. */
const CONTACT = '（联系人：赵利用，联系电话：0931-8810004）';
/** Words no letter may contain: the old “你（单位）” and drafting notes in brackets. */
const DRAFTING = /你（单位）|（已主动公开的|（单位）|告知获取的方式和途径）/u;

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
    // 信函格式: the org's name, the 发文字号 flush right under the red double line, the title two lines below.
    expect(receipt.paras.slice(0, 5)).toEqual(['测试市档案局', '测档公开〔2025〕1号', '', '', '政府信息公开申请受理回执']);
    expect(receipt.paras).toContain('政府信息公开申请受理回执');
    expect(receipt.paras).toContain('王小明：');
    expect(receipt.text).toContain(`你于2025年3月3日通过当面提交方式向本机关提出的政府信息公开申请（查询码：${a.trackingCode}）收悉`);
    expect(receipt.text).toContain('你申请获取的政府信息为：请公开本局2024年档案行政检查计划。\n'); // no doubled 。
    expect(receipt.text).toContain('第三十一条第（一）项的规定，以提交之日为收到申请之日');
    expect(receipt.text).toContain('自收到申请之日起20个工作日内予以答复，即不晚于2025年3月31日；');
    expect(receipt.text).not.toContain('预计');
    // 署名 and date under the seal, then the 附注 naming the desk officer who issued it.
    expect(receipt.paras.slice(-3)).toEqual(['测试市档案局', '2025年3月3日', CONTACT]);
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
    expect(corr.text).toContain('第二十九条第二款、第三十条的规定，现一次性告知你需要补正的事项如下：');
    expect(corr.paras).toContain('1.请写明所需信息的名称或文号');
    expect(corr.paras).toContain('2.请说明所需信息的形成时间');
    expect(corr.text).toContain('请于2025年3月20日前向本机关提交补正后的申请');
    expect(corr.text).toContain('无正当理由逾期不补正的，视为放弃申请');
    expect(corr.paras.slice(-2)).toEqual(['2025年3月5日', CONTACT]);

    // 征求第三方意见函 (the applicant is not named to the third party)
    await post(staff, `/api/disclosure/applications/${a.id}/corrected`, { receivedOn: '2025-03-10' });
    const c = await post(staff, `/api/disclosure/applications/${a.id}/consultations`, {
      kind: 'third_party',
      party: '某某档案数字化公司',
      startedOn: '2025-03-11',
    });
    const cid = c.consultations[0].id as string;
    const consult = await letterText(a.id, 'consultation', `?consultationId=${cid}`);
    expect(consult.docNumber).toBe('测档公开〔2025〕3号');
    expect(consult.paras).toContain('征求第三方意见函');
    expect(consult.paras).toContain('某某档案数字化公司：');
    // a third party of unknown kind is addressed neutrally
    expect(consult.text).toContain('该政府信息的公开可能损害贵方的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方的意见');
    expect(consult.text).toContain('贵方不同意公开且有合理理由的，本机关不予公开');
    expect(consult.text).toContain('15个工作日内以书面形式提出意见');
    expect(consult.text).not.toContain('王小明');
    expect(consult.paras.slice(-2)).toEqual(['2025年3月11日', CONTACT]);
    await post(staff, `/api/disclosure/applications/${a.id}/consultations/${cid}/end`, { endedOn: '2025-03-19' });

    // 延期答复告知书: restart 2025-03-10, Mar 11–19 excluded: Mar 20–21 (2), 24–28 (7), Mar 31–Apr 3 (11),
    // 清明 Apr 4 skipped, Apr 7–11 (16), Apr 14–17 (20); +10: Apr 18 (21), 21–25 (26), Sun Apr 27 调休 (27), Apr 28–30 (30)
    const ext = await post(staff, `/api/disclosure/applications/${a.id}/extension`, {
      days: 10,
      reason: '需要调阅库存档案',
      approvedBy: leaderId,
      approvedOn: '2025-03-20',
      noticeOn: '2025-03-21',
    });
    expect(ext.clock.due).toBe('2025-04-30');
    const extL = await letterText(a.id, 'extension');
    expect(extL.docNumber).toBe('测档公开〔2025〕4号');
    expect(extL.text).toContain('因需要调阅库存档案，本机关不能在20个工作日内作出答复');
    expect(extL.text).toContain('第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长10个工作日，本机关将不晚于2025年4月30日作出答复');
    expect(extL.paras.slice(-2)).toEqual(['2025年3月21日', CONTACT]);
    // a later pause (fee notice Mar 24, paid Mar 26: 3 working days) moves the due date to May 8 (劳动节 May 1–5
    // skipped), but the letter keeps what it said on its day
    await post(staff, `/api/disclosure/applications/${a.id}/fee`, { method: 'page', pages: 31, noticeOn: '2025-03-24' });
    const paid = await post(staff, `/api/disclosure/applications/${a.id}/fee/paid`, { paidOn: '2025-03-26' });
    expect(paid.clock.due).toBe('2025-05-08');
    const extAgain = await letterText(a.id, 'extension');
    expect(extAgain.docNumber).toBe('测档公开〔2025〕4号');
    expect(extAgain.text).toContain('本机关将不晚于2025年4月30日作出答复');

    // 答复书
    await post(staff, `/api/disclosure/applications/${a.id}/decision`, {
      decidedOn: '2025-04-09',
      outcome: 'withheld.third_party',
      reason: '第三方不同意公开，所涉信息属于其商业秘密',
    });
    const reply = await letterText(a.id, 'reply');
    expect(reply.docNumber).toBe('测档公开〔2025〕5号');
    expect(reply.paras).toContain('政府信息公开申请答复书');
    expect(reply.text).toContain('属于依法不予公开的情形。具体理由：第三方不同意公开，所涉信息属于其商业秘密。');
    expect(reply.text).toContain('根据《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项的规定，本机关决定不予公开');
    expect(reply.paras).toContain(REVIEW_FIRST('你', ORGAN, COURT));
    expect(reply.paras.slice(-2)).toEqual(['2025年4月9日', CONTACT]);
    for (const l of [receipt, corr, consult, extL, reply]) expect(l.text).not.toMatch(DRAFTING);

    const list = (await staff.get(`/api/disclosure/applications/${a.id}/letters`)).json().items;
    expect(list.map((l: { kind: string; docNumber: string }) => [l.kind, l.docNumber])).toEqual([
      ['receipt', '测档公开〔2025〕1号'],
      ['correction', '测档公开〔2025〕2号'],
      ['consultation', '测档公开〔2025〕3号'],
      ['extension', '测档公开〔2025〕4号'],
      ['reply', '测档公开〔2025〕5号'],
    ]);
    // Paged, in number order: page 2 of 2 a page is the third and fourth letter.
    const p2 = (await staff.get(`/api/disclosure/applications/${a.id}/letters?page=2&pageSize=2`)).json();
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(p2.items.map((l: { docNumber: string }) => l.docNumber)).toEqual(['测档公开〔2025〕3号', '测档公开〔2025〕4号']);
    refused(await staff.get(`/api/disclosure/applications/${a.id}/letters?pageSize=201`), 400, 'pageSize', /每页最多 200 条/);
    const events = await env.database.pool.query(`SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'disclosure.letter.issue' ORDER BY seq`, [
      a.id,
    ]);
    expect(events.rows.map((e: { after: { docNumber: string } }) => e.after.docNumber)).toHaveLength(5);
  });

  const R = '具体理由：涉及个人隐私的姓名已作遮盖。';
  const REG = '《中华人民共和国政府信息公开条例》';
  type Case = { outcome: string; body: string; remedy: 'choice' | 'review_first' | 'partial'; extra?: Record<string, unknown>; reason?: boolean };
  const cases: Case[] = [
    {
      outcome: 'disclosed',
      reason: false,
      remedy: 'choice',
      body: `你申请获取的政府信息属于公开范围。根据${REG}第三十六条第（二）项的规定，本机关予以公开，该政府信息随本答复书一并提供。`,
    },
    {
      outcome: 'disclosed',
      reason: false,
      remedy: 'choice',
      extra: { accessMode: 'published', accessNote: '本局门户网站“政府信息公开”栏目' },
      body: `你申请获取的政府信息属于公开范围。根据${REG}第三十六条第（一）项的规定，该政府信息已经主动公开，你可以通过以下方式和途径获取：本局门户网站“政府信息公开”栏目。`,
    },
    {
      outcome: 'disclosed',
      reason: false,
      remedy: 'choice',
      extra: { accessMode: 'arranged', accessNote: '2025年4月15日上午到本局档案查阅室查阅。' },
      body: `你申请获取的政府信息属于公开范围。根据${REG}第三十六条第（二）项的规定，本机关予以公开，请你按照以下方式、途径和时间获取该政府信息：2025年4月15日上午到本局档案查阅室查阅。`,
    },
    {
      outcome: 'partial',
      remedy: 'partial',
      body: `你申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据${REG}第三十七条的规定，本机关向你提供可以公开的信息内容，可以公开的部分随本答复书一并提供。对不予公开的内容说明理由如下：涉及个人隐私的姓名已作遮盖。`,
    },
    {
      outcome: 'withheld.state_secret',
      remedy: 'review_first',
      body: `你申请获取的政府信息属于国家秘密，属于依法不予公开的情形。${R}根据${REG}第十四条、第三十六条第（三）项的规定，本机关决定不予公开。`,
    },
    {
      outcome: 'withheld.law_prohibited',
      remedy: 'review_first',
      body: `你申请获取的政府信息属于法律、行政法规禁止公开的政府信息，属于依法不予公开的情形。${R}根据${REG}第十四条、第三十六条第（三）项的规定，本机关决定不予公开。`,
    },
    {
      outcome: 'withheld.three_safety',
      remedy: 'review_first',
      body: `你申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，属于依法不予公开的情形。${R}根据${REG}第十四条、第三十六条第（三）项的规定，本机关决定不予公开。`,
    },
    {
      outcome: 'withheld.internal_affairs',
      remedy: 'review_first',
      body: `你申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息，属于依法不予公开的情形。${R}根据${REG}第十六条第一款、第三十六条第（三）项的规定，本机关决定不予公开。`,
    },
    {
      outcome: 'withheld.process_info',
      remedy: 'review_first',
      body: `你申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，属于依法不予公开的情形。${R}根据${REG}第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。`,
    },
    {
      outcome: 'withheld.enforcement_file',
      remedy: 'review_first',
      body: `你申请获取的政府信息属于行政执法案卷信息，属于依法不予公开的情形。${R}根据${REG}第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。`,
    },
    {
      outcome: 'withheld.query_matter',
      remedy: 'review_first',
      body: `你申请获取的政府信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。${R}根据${REG}第三十六条第（七）项的规定，本机关不予公开，请你依照有关法律、行政法规的规定办理。`,
    },
    {
      outcome: 'unavailable.not_held',
      remedy: 'choice',
      reason: false,
      body: `经检索，本机关没有你所申请公开的政府信息。根据${REG}第三十六条第（四）项的规定，告知你该政府信息不存在。`,
    },
    {
      outcome: 'unavailable.not_ours',
      remedy: 'choice',
      reason: false,
      extra: { holderAgency: '测试市自然资源局', holderContact: '0411-12345678' },
      body: `你所申请公开的政府信息不属于本机关负责公开。根据${REG}第三十六条第（五）项的规定，告知你：负责公开该政府信息的行政机关为测试市自然资源局，联系方式：0411-12345678，你可以向该机关提出申请。`,
    },
    {
      outcome: 'unavailable.needs_creation',
      remedy: 'choice',
      body: `你申请获取的政府信息本机关没有现成信息，需要对现有政府信息进行加工、分析才能形成。${R}根据${REG}第三十八条的规定，本机关不予提供。`,
    },
    {
      outcome: 'not_processed.petition',
      remedy: 'choice',
      reason: false,
      body: `你的申请实为以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，你可以通过信访、投诉、举报等相应渠道提出。根据${REG}第三十九条第一款的规定作此答复。`,
    },
    {
      outcome: 'not_processed.duplicate',
      remedy: 'choice',
      reason: false,
      body: `本机关已就你此前提出的政府信息公开申请作出答复，你重复申请公开相同的政府信息，本机关不予重复处理。根据${REG}第三十六条第（六）项的规定作此答复。`,
    },
    {
      outcome: 'not_processed.publication',
      remedy: 'choice',
      reason: false,
      body: `你申请获取的是政府公报、报刊、书籍等公开出版物，不作为政府信息公开申请处理，你可以通过公开发行渠道获取。根据${REG}第三十九条第二款的规定作此答复。`,
    },
    {
      outcome: 'not_processed.excessive',
      remedy: 'choice',
      reason: false,
      body: `你申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。根据${REG}第三十五条的规定作此答复。`,
    },
    {
      outcome: 'not_processed.confirmation',
      remedy: 'choice',
      reason: false,
      body: `你的申请是要求本机关确认或者重新出具你已经获取的信息，不属于申请获取政府信息，本机关不作为政府信息公开申请处理。根据${REG}第三十九条的规定作此答复。`,
    },
    { outcome: 'other.other', remedy: 'choice', body: '本机关对你的申请作如下处理：涉及个人隐私的姓名已作遮盖。' },
  ];
  it.each(cases)('reply letter for $outcome $extra: its paragraph and the remedy that applies', async ({ outcome, body, remedy, extra, reason }) => {
    const a = await apply({ receivedOn: '2025-04-01', applicantName: `申请人${outcome}` });
    await post(staff, `/api/disclosure/applications/${a.id}/decision`, {
      decidedOn: '2025-04-08',
      outcome,
      ...(reason === false ? {} : { reason: '涉及个人隐私的姓名已作遮盖' }),
      ...extra,
    });
    const { paras, text, docNumber } = await letterText(a.id, 'reply');
    expect(docNumber).toMatch(/^测档公开〔2025〕[1-9][0-9]*号$/);
    expect(paras).toContain(body);
    const remedies =
      remedy === 'choice' ? [CHOICE('你', ORGAN, COURT)] : remedy === 'review_first' ? [REVIEW_FIRST('你', ORGAN, COURT)] : PARTIAL('你', ORGAN, COURT);
    // the remedy paragraphs follow the body, then 特此告知。
    expect(paras.slice(paras.indexOf(body) + 1, paras.indexOf(body) + 2 + remedies.length)).toEqual([...remedies, '特此告知。']);
    expect(text).not.toMatch(DRAFTING);
  });

  it('an organisation is addressed as 你单位 in every letter; a third party of known kind as 你 or 你单位', async () => {
    const a = await apply({ receivedOn: '2025-04-01', applicantType: 'business', applicantName: '某某档案服务有限公司' });
    const receipt = await letterText(a.id, 'receipt');
    expect(receipt.text).toContain('你单位于2025年4月1日通过当面提交方式向本机关提出的政府信息公开申请');
    expect(receipt.text).toContain('本机关收到你单位申请之日为2025年4月1日');
    await post(staff, `/api/disclosure/applications/${a.id}/correction`, { sentOn: '2025-04-02', deadline: '2025-04-07', items: '请写明所需信息的名称' });
    expect((await letterText(a.id, 'correction')).text).toContain('现一次性告知你单位需要补正的事项如下：');
    await post(staff, `/api/disclosure/applications/${a.id}/corrected`, { receivedOn: '2025-04-03' });
    const person = await post(staff, `/api/disclosure/applications/${a.id}/consultations`, {
      kind: 'third_party',
      party: '李某',
      partyType: 'natural',
      startedOn: '2025-04-03',
    });
    const pid = person.consultations[0].id as string;
    const toPerson = await letterText(a.id, 'consultation', `?consultationId=${pid}`);
    expect(toPerson.text).toContain('该政府信息的公开可能损害你的合法权益');
    expect(toPerson.text).toContain('并将决定公开的政府信息内容和理由书面告知你。');
    await post(staff, `/api/disclosure/applications/${a.id}/consultations/${pid}/end`, { endedOn: '2025-04-07' });
    const firm = await post(staff, `/api/disclosure/applications/${a.id}/consultations`, {
      kind: 'third_party',
      party: '某某公司',
      partyType: 'organisation',
      startedOn: '2025-04-08',
    });
    const toFirm = await letterText(a.id, 'consultation', `?consultationId=${firm.consultations[1].id as string}`);
    expect(toFirm.text).toContain('现书面征求你单位的意见');
    await post(staff, `/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-04-09', outcome: 'unavailable.unclear_after_correction' });
    const reply = await letterText(a.id, 'reply');
    expect(reply.paras).toContain(
      `本机关已于2025年4月2日告知你单位补正申请，你单位于2025年4月3日提交的补正后的申请内容仍不明确，本机关无法确定你单位所需的政府信息。根据${REG}第三十条的规定，本机关无法提供该政府信息。`,
    );
    expect(reply.paras).toContain(CHOICE('你单位', ORGAN, COURT));
    for (const l of [receipt, toPerson, toFirm, reply]) expect(l.text).not.toMatch(DRAFTING);
  });

  it('reply letter for other.no_correction names the notice and its deadline', async () => {
    const a = await apply({ receivedOn: '2025-03-03', applicantName: '逾期不补正者' });
    await post(staff, `/api/disclosure/applications/${a.id}/correction`, { sentOn: '2025-03-04', deadline: '2025-03-18', items: '请写明所需信息' });
    await post(staff, `/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-03-25', outcome: 'other.no_correction' });
    const { paras } = await letterText(a.id, 'reply');
    expect(paras).toContain(
      '本机关已于2025年3月4日向你发出补正告知书，要求于2025年3月18日前补正。你无正当理由逾期未补正，根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。',
    );
    expect(paras).toContain(CHOICE('你', ORGAN, COURT));
  });

  it('the 复议机关 and the court are settings of the org (default from its name and level), named in the letters', async () => {
    expect((await admin.get('/api/disclosure/remedy-settings')).json()).toMatchObject({
      reviewOrgan: ORGAN,
      court: COURT,
      defaults: { reviewOrgan: ORGAN, court: COURT },
    });
    // the county bureau 示例区档案局 under 测试市档案局: its district's government and court
    const countyAdmin = await signInDemo(env.app, setup, 'county.admin');
    expect((await countyAdmin.get('/api/disclosure/remedy-settings')).json()).toMatchObject({
      reviewOrgan: '测试市示例区人民政府',
      court: '测试市示例区人民法院',
    });
    expect((await staff.put('/api/disclosure/remedy-settings', { court: '测试市中山区人民法院' })).statusCode).toBe(403);
    const tooLong = await admin.put('/api/disclosure/remedy-settings', { court: '法'.repeat(101) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toHaveProperty('court');
    const set = await admin.put('/api/disclosure/remedy-settings', { court: '测试市中山区人民法院' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ reviewOrgan: ORGAN, court: '测试市中山区人民法院' });
    expect(set.json().examples.refusal).toEqual([REVIEW_FIRST('你', ORGAN, '测试市中山区人民法院')]);

    const a = await apply({ receivedOn: '2025-04-02', applicantName: '设置后' });
    await post(staff, `/api/disclosure/applications/${a.id}/decision`, { decidedOn: '2025-04-08', outcome: 'partial', reason: '部分内容涉及个人隐私' });
    expect((await letterText(a.id, 'reply')).paras).toEqual(expect.arrayContaining(PARTIAL('你', ORGAN, '测试市中山区人民法院')));
    const events = await env.database.pool.query(`SELECT before, after FROM audit_events WHERE action = 'disclosure.remedy_settings.update' ORDER BY seq`);
    expect(events.rows.at(-1)).toMatchObject({ before: { court: COURT }, after: { court: '测试市中山区人民法院' } });
    // an empty text restores the default
    expect((await admin.put('/api/disclosure/remedy-settings', { court: '' })).json()).toMatchObject({ court: COURT });
  });

  it.each([
    // name, level, parent → 复议机关, court
    ['营口市档案局', 'city', null, '营口市人民政府', '营口市有管辖权的基层人民法院'],
    ['辽宁省档案局', 'province', null, '辽宁省人民政府', '辽宁省有管辖权的基层人民法院'],
    ['长海县档案局', 'county', '大连市档案局', '长海县人民政府', '长海县人民法院'],
    ['盖州市档案局', 'county', '营口市档案局', '盖州市人民政府', '盖州市人民法院'],
    ['老边区档案局', 'county', '营口市档案局', '营口市老边区人民政府', '营口市老边区人民法院'],
    ['营口市老边区档案局', 'county', '营口市档案局', '营口市老边区人民政府', '营口市老边区人民法院'],
    ['新疆维吾尔自治区档案局', 'province', null, '新疆维吾尔自治区人民政府', '新疆维吾尔自治区有管辖权的基层人民法院'],
    ['延边朝鲜族自治州档案馆', 'city', null, '延边朝鲜族自治州人民政府', '延边朝鲜族自治州有管辖权的基层人民法院'],
    ['档案局', 'county', null, '本级人民政府', '有管辖权的人民法院'],
  ] as const)('default organs of %s (%s)', (name, level, parent, organ, court) => {
    expect(defaultRemedyOrgans({ name, level }, parent ? { name: parent } : null)).toEqual({ reviewOrgan: organ, court });
    if (organ !== '本级人民政府') expect(placeOf(name)).not.toBeNull();
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
    expect((await admin.get('/api/disclosure/letter-settings')).json()).toMatchObject({
      prefix: '测档公开',
      default: '测档公开',
      example: '测档公开〔2025〕1号',
    });
    expect((await leader.put('/api/disclosure/letter-settings', { prefix: '测档依' })).statusCode).toBe(403);
    const badPrefix = await admin.put('/api/disclosure/letter-settings', { prefix: '测档〔依' });
    expect(badPrefix.statusCode).toBe(400);
    expect(badPrefix.json().error.fields).toHaveProperty('prefix');
    expect((await admin.put('/api/disclosure/letter-settings', { prefix: '测档依' })).json()).toMatchObject({ prefix: '测档依' });
    const before = await env.database.pool.query(`SELECT last_seq FROM doc_sequences WHERE series = 'disclosure.doc' AND year = 2025`);
    const a = await apply({ receivedOn: '2025-04-08', applicantName: '代字' });
    const { docNumber } = await letterText(a.id, 'receipt');
    expect(docNumber).toBe(`测档依〔2025〕${Number(before.rows[0].last_seq) + 1}号`);
  });
});

describe('a year whose holiday schedule is not entered yet (2027 on 7 December 2026)', () => {
  it('the receipt, the extension notice and the fee notice are issued with 预计 dates and the sentence why', async () => {
    env.setNow('2026-12-07T02:00:00Z');
    staff = await signInDemo(env.app, setup, 'staff');
    leader = await signInDemo(env.app, setup, 'leader');
    const note = provisionalNote([2027]);
    // received Mon 2026-12-07: Dec 8–11 (4), 14–18 (9), 21–25 (14), 28–31 (18), 元旦 Fri 2027-01-01 (provisional),
    // Jan 4–5 (20) → 2027-01-05
    const a = await apply({ receivedOn: '2026-12-07', applicantName: '年末申请人' });
    const receipt = await letterText(a.id, 'receipt');
    expect(receipt.docNumber).toBe('测档依〔2026〕1号'); // the first number of the new year (the 机关代字 set above)
    expect(receipt.text).toContain('自收到申请之日起20个工作日内予以答复，即不晚于2027年1月5日（预计）；');
    expect(receipt.paras).toContain(note);

    // +20 approved the same day: Jan 6–8 (3), 11–15 (8), 18–22 (13), 25–29 (18), Feb 1–2 (20) → 2027-02-02
    await post(leader, `/api/disclosure/applications/${a.id}/extension`, {
      days: 20,
      reason: '需要调阅库存档案',
      approvedOn: '2026-12-07',
      noticeOn: '2026-12-07',
    });
    const ext = await letterText(a.id, 'extension');
    expect(ext.text).toContain('本机关将不晚于2027年2月2日（预计）作出答复');
    expect(ext.paras).toContain(note);

    // fee notice served the same day (in person): 20 working days → 2027-01-05
    const b = await apply({ receivedOn: '2026-12-07', applicantName: '年末缴费人', content: '请提供2026年度档案执法检查全部案卷复制件' });
    const feeRes = await post(staff, `/api/disclosure/applications/${b.id}/fee`, { method: 'page', pages: 40, noticeOn: '2026-12-07' });
    expect(feeRes.fee.payBy).toEqual({ due: '2027-01-05', provisional: true, provisionalYears: [2027] });
    const fee = await letterText(b.id, 'fee');
    expect(fee.text).toContain('请自收到本通知之次日起20个工作日内缴纳，即不晚于2027年1月5日（预计）。');
    expect(fee.paras).toContain(note);
    for (const l of [receipt, ext, fee]) expect(l.text).not.toMatch(DRAFTING);
  });
});

describe('every letter names its 经办人 and telephone (附注), in 信函格式 under the seal', () => {
  it('each kind issued above: the desk officer 赵利用 and her own telephone', async () => {
    const rows = (
      await env.database.pool.query<{ application_id: string; kind: string; subject_key: string; contact: unknown }>(
        'SELECT application_id, kind, subject_key, contact FROM disclosure_letters ORDER BY year, seq',
      )
    ).rows;
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(LETTER_KINDS));
    for (const r of rows) {
      expect(r.contact).toEqual({ name: '赵利用', telephone: '0931-8810004' });
      const res = await letter(staff, r.application_id, r.kind, r.subject_key ? `?consultationId=${r.subject_key}` : '');
      expect(res.statusCode, res.body).toBe(200);
      expect(await letterLayout(res.rawPayload), r.kind).toEqual({ format: 'letter', sealed: true, note: '（联系人：赵利用，联系电话：0931-8810004）' });
    }
  });

  it('without her telephone the org’s 办公电话; with neither, issuing is refused naming 联系电话 and nothing is numbered', async () => {
    const bureauAdmin = new Client(env.app);
    expect((await bureauAdmin.login('admin', 'Admin-Pass-2024')).statusCode).toBe(200);
    const seq = async () =>
      Number((await env.database.pool.query(`SELECT last_seq FROM doc_sequences WHERE series = 'disclosure.doc' AND year = 2026`)).rows[0].last_seq);
    expect((await staff.patch('/api/account', { telephone: null })).statusCode).toBe(200);
    expect((await bureauAdmin.put('/api/settings', { officeTelephone: '' })).statusCode).toBe(200);
    const a = await apply({ receivedOn: '2026-12-07', applicantName: '无电话' });
    const before = await seq();
    refused(await letter(staff, a.id, 'receipt'), 400, 'telephone', /^文书的附注须写明经办人的联系电话，赵利用尚未填写联系电话/);
    expect(await seq()).toBe(before);
    expect((await env.database.pool.query('SELECT count(*)::int AS n FROM disclosure_letters WHERE application_id = $1', [a.id])).rows[0].n).toBe(0);

    expect((await bureauAdmin.put('/api/settings', { officeTelephone: '0931-8810000' })).statusCode).toBe(200);
    const res = await letter(staff, a.id, 'receipt');
    expect(res.statusCode, res.body).toBe(200);
    expect((await letterLayout(res.rawPayload)).note).toBe('（联系人：赵利用，联系电话：0931-8810000）');
    expect(await seq()).toBe(before + 1);
    expect((await staff.patch('/api/account', { telephone: '0931-8810004' })).statusCode).toBe(200);
  });
});
