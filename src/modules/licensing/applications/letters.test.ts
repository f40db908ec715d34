/**
 * 行政许可 letters and the applicant's own steps, through HTTP on the demo org (staff 赵利用 at the desk,
 * telephone 0931-8810004): each letter (.docx, GB/T 9704) refused with 409 before its step, then with its
 * statutory contents — item, applicant, dates, the correction list, reasons, remedies naming the 复议机关
 * and the court, the handler and telephone kept from the day of the step; a step without any telephone
 * refused with nothing written; on the portal, by tracking code only: the letters addressed to the
 * applicant, the corrected materials (the desk's rule: the 5 working days run again) and the withdrawal,
 * recorded with the actor 申请人, a refused request changing nothing. Due dates hand-counted on the 2025
 * schedule (clock.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterLayout } from '../../../kernel/documents/test-letter.js';
import { Client, countRows, createTestEnv, ok, refused, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';
import { docxParagraphs } from '../../disclosure/test-docx.js';
import type { ItemList } from '../items/contracts.js';
import type { ApplicationDetail, PortalApplyResult, PortalTrackResult } from './contracts.js';

let env: TestEnv;
let admin: Client;
let staff: Client;
let setup: SetupResponse;
let transfer: ItemList['items'][number];

const PDF = Buffer.from('%PDF-1.4\n%test\n%%EOF\n').toString('base64');
const unit = {
  applicantType: 'unit',
  applicantName: '市城市建设档案馆',
  idNumber: '12620100MB1234567X',
  summary: '2003—2008 年城建工程档案 1260 卷申请延期 5 年移交',
};
const allIn = () => transfer.materials.map((m) => ({ name: m.name, received: true }));
const A = '/api/licensing/applications';
const P = '/api/public/licensing/applications';
const STAFF_CONTACT = '联系人：赵利用，联系电话：0931-8810004';

async function desk(body: Record<string, unknown>) {
  return ok<ApplicationDetail>(await staff.post(A, { itemId: transfer.id, ...unit, materials: allIn(), ...body }));
}
async function travel(day: string) {
  env.setNow(`${day}T02:00:00Z`);
  const from = `10.1.${Number(day.slice(5, 7))}.${Number(day.slice(8, 10))}`;
  admin = new Client(env.app, { remoteAddress: from });
  await admin.login('admin', 'Admin-Pass-2024');
  staff = await signInDemo(env.app, setup, 'staff', from);
}
/** A letter as its paragraphs' text, and the response. */
async function letter(c: Client, path: string) {
  const res = await c.get(path);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('officedocument.wordprocessingml.document');
  return { text: (await docxParagraphs(res.rawPayload)).join('\n'), res };
}
const expectAll = (text: string, parts: readonly string[]) => {
  for (const p of parts) expect(text, p).toContain(p);
};
const timeline = async (id: string) =>
  ok<{ items: { action: string; actorName: string; summary: string }[] }>(await staff.get(`/api/audit/timeline?entityType=licensingApplication&entityId=${id}`))
    .items;
const q = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows as T[];
const idOfCode = async (trackingCode: string) =>
  (await q<{ id: string }>('SELECT id FROM licensing_applications WHERE tracking_code = $1', [trackingCode]))[0]!.id;
/** What a refused portal request must leave alone. */
const snapshot = async (id: string) => ({
  row: (await q('SELECT status, corrected_on, withdrawn_on, updated_at FROM licensing_applications WHERE id = $1', [id]))[0],
  files: await countRows(env, 'licensing_files'),
  events: await countRows(env, 'audit_events'),
});

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  await travel('2025-03-03');
  transfer = ok<ItemList>(await staff.get('/api/licensing/items')).items.find((i) => i.name === '延期移交档案审批')!;
}, 120_000);
afterAll(async () => env?.close());

describe('the letters at the desk', () => {
  it('answers 409 for each letter before its step; the 受理通知书 names the item, applicant, dates and handler, and stays as sent', async () => {
    await travel('2025-03-03');
    const a = await desk({ receivedOn: '2025-03-03' });
    expect(a.letters).toEqual([]);
    refused(await staff.get(`${A}/${a.id}/documents/acceptance`), 409, 'doc', /尚未受理/);
    refused(await staff.get(`${A}/${a.id}/documents/correction`), 409, 'doc', /没有告知补正/);
    refused(await staff.get(`${A}/${a.id}/documents/decision`), 409, 'doc', /尚未作出行政许可决定/);
    refused(await staff.get(`${A}/${a.id}/documents/certificate`), 409, 'doc', /尚未颁发/);
    refused(await staff.get(`${A}/${a.id}/documents/notice`), 400, 'doc', /文书应为/);

    await travel('2025-03-04');
    const d = ok<ApplicationDetail>(await staff.post(`${A}/${a.id}/accept`, { acceptedOn: '2025-03-04' }));
    expect(d.letters).toEqual([
      { doc: 'acceptance', label: '受理通知书', docNumber: expect.stringMatching(/^测档许受〔2025〕\d+号$/), issuedOn: '2025-03-04' },
    ]);
    const { text, res } = await letter(staff, `${A}/${a.id}/documents/acceptance`);
    expectAll(text, [
      '受理通知书',
      d.letters[0]!.docNumber!,
      '市城市建设档案馆：',
      '你单位于2025年3月3日提出的延期移交档案审批申请',
      a.code,
      '第三十二条第一款第（五）项',
      '受理日期为2025年3月4日',
      // 20 working days from 3月4日: 5—7, 10—14, 17—21, 24—28, 31日, 4月1日
      '自受理之日起20个工作日内，即不晚于2025年4月1日',
      '延长10个工作日',
      `查询码 ${a.trackingCode}`,
      '测试市档案局',
      '2025年3月4日',
    ]);
    expect(await letterLayout(res.rawPayload)).toEqual({ format: 'letter', sealed: true, note: `（${STAFF_CONTACT}）` });

    // the handler changes her telephone: the letter already sent keeps the one of its day
    ok(await staff.patch('/api/account', { telephone: '0931-8819999' }));
    expect((await letter(staff, `${A}/${a.id}/documents/acceptance`)).text).toContain(STAFF_CONTACT);
    ok(await staff.patch('/api/account', { telephone: '0931-8810004' }));
    // the record names the letter with its contact
    const issued = (await timeline(a.id)).find((e) => e.action === 'licensing.application.accept')!;
    expect(JSON.stringify(issued)).toContain('0931-8810004');
  });

  it('the 补正材料通知书 lists every correction at once, with the 5 working days and what follows', async () => {
    await travel('2025-03-05');
    const a = await desk({ receivedOn: '2025-03-03', applicantName: '补正的单位', materials: [] });
    const c = ok<ApplicationDetail>(
      await staff.post(`${A}/${a.id}/correction`, { sentOn: '2025-03-05', items: ['请提交延期移交档案目录', '档案保管条件说明须加盖单位公章'] }),
    );
    expect(c.letters.map((l) => l.doc)).toEqual(['correction']);
    refused(await staff.get(`${A}/${a.id}/documents/acceptance`), 409, 'doc', /尚未受理/);
    const { text, res } = await letter(staff, `${A}/${a.id}/documents/correction`);
    expectAll(text, [
      '补正材料通知书',
      '补正的单位：',
      '你单位于2025年3月3日提出的延期移交档案审批申请',
      '第三十二条第一款第（四）项',
      '一次告知你单位需要补正的全部内容（共2项）',
      '1．请提交延期移交档案目录',
      '2．档案保管条件说明须加盖单位公章',
      '自收到你单位补正的全部材料之日起5个工作日内决定是否受理；逾期未作决定的，自收到补正材料之日起即为受理',
      `凭查询码 ${a.trackingCode}`,
      '2025年3月5日',
    ]);
    expect((await letterLayout(res.rawPayload)).note).toBe(`（${STAFF_CONTACT}）`);
  });

  it('a refusal: the 不予行政许可决定书 gives the reasons and the remedies (复议 60 days, litigation 6 months) as set on its day', async () => {
    await travel('2025-03-04');
    const a = await desk({ receivedOn: '2025-03-03', applicantName: '不予许可的单位' });
    ok(await staff.post(`${A}/${a.id}/accept`, { acceptedOn: '2025-03-04' }));
    await travel('2025-03-10');
    const before = await countRows(env, 'audit_events');
    refused(
      await staff.post(`${A}/${a.id}/decision`, { decidedOn: '2025-03-10', result: 'refused', reason: '理由', decisionNo: '第三号' }),
      400,
      'decisionNo',
      /发文字号格式不正确/,
    );
    expect(await countRows(env, 'audit_events')).toBe(before);
    const reason = '申请延期移交的档案既非专业性较强的档案，也不需要保密，不符合《中华人民共和国档案法实施条例》第二十条第三款规定的条件';
    const d = ok<ApplicationDetail>(await staff.post(`${A}/${a.id}/decision`, { decidedOn: '2025-03-10', result: 'refused', reason }));
    // no number typed: the next of the org's 决定书 series
    expect(d.decision!.decisionNo).toMatch(/^测档许〔2025〕\d+号$/);
    expect(d.letters.map((l) => [l.doc, l.label])).toEqual([
      ['acceptance', '受理通知书'],
      ['decision', '不予行政许可决定书'],
    ]);
    refused(await staff.get(`${A}/${a.id}/documents/certificate`), 409, 'doc', /不予行政许可的申请不颁发许可证件/);
    const { text, res } = await letter(staff, `${A}/${a.id}/documents/decision`);
    expectAll(text, [
      '不予行政许可决定书',
      d.decision!.decisionNo!,
      '不予许可的单位：',
      '你单位于2025年3月3日提出的延期移交档案审批申请',
      '本机关于2025年3月4日受理',
      `理由如下：${reason}`,
      '第三十八条第二款',
      '本机关决定不予行政许可',
      '自收到本决定书之日起六十日内向测试市人民政府申请行政复议',
      '自收到本决定书之日起六个月内向测试市有管辖权的基层人民法院提起行政诉讼',
      '2025年3月10日',
    ]);
    expect(await letterLayout(res.rawPayload)).toEqual({ format: 'document', sealed: true, note: `（${STAFF_CONTACT}）` });
    // the 复议机关 and court set later do not change the letter already sent
    ok(await admin.put('/api/disclosure/remedy-settings', { reviewOrgan: '测试省人民政府', court: '测试市铁路运输法院' }));
    const again = (await letter(staff, `${A}/${a.id}/documents/decision`)).text;
    expect(again).toContain('向测试市人民政府申请行政复议');
    expect(again).not.toContain('测试省人民政府');
    ok(await admin.put('/api/disclosure/remedy-settings', { reviewOrgan: '', court: '' }));
  });

  it('a grant: the 准予行政许可决定书 with the number typed and the basis; the 行政许可证件 once issued', async () => {
    await travel('2025-03-04');
    const a = await desk({ receivedOn: '2025-03-03', applicantName: '准予许可的单位' });
    ok(await staff.post(`${A}/${a.id}/accept`, { acceptedOn: '2025-03-04' }));
    await travel('2025-03-11');
    const d = ok<ApplicationDetail>(
      await staff.post(`${A}/${a.id}/decision`, { decidedOn: '2025-03-11', result: 'granted', decisionNo: '档许[2025]09号', reason: '延期移交期限为5年' }),
    );
    expect(d.decision!.decisionNo).toBe('档许〔2025〕9号');
    const { text } = await letter(staff, `${A}/${a.id}/documents/decision`);
    expectAll(text, [
      '准予行政许可决定书',
      '档许〔2025〕9号',
      '准予许可的单位：',
      '申请事项：2003—2008 年城建工程档案 1260 卷申请延期 5 年移交',
      '第三十八条第一款',
      '本机关决定准予行政许可',
      '许可依据：《中华人民共和国档案法实施条例》',
      '说明：延期移交期限为5年',
      STAFF_CONTACT,
    ]);
    expect(text).not.toContain('行政复议');
    refused(await staff.get(`${A}/${a.id}/documents/certificate`), 409, 'doc', /尚未颁发/);
    await travel('2025-03-12');
    const c = ok<ApplicationDetail>(await staff.post(`${A}/${a.id}/certificate`, { certificateNo: '档延字第 0009 号', issuedOn: '2025-03-12' }));
    expect(c.letters.map((l) => l.doc)).toEqual(['acceptance', 'decision', 'certificate']);
    const cert = await letter(staff, `${A}/${a.id}/documents/certificate`);
    expectAll(cert.text, [
      '行政许可证件',
      '证件编号：档延字第 0009 号',
      '持证人：准予许可的单位',
      '许可事项：延期移交档案审批',
      '许可决定：档许〔2025〕9号，2025年3月11日准予行政许可',
      '发证日期：2025年3月12日',
    ]);
  });

  it('silence: the 受理通知书 of an acceptance by silence is listed and issued the day it takes effect', async () => {
    await travel('2025-03-03');
    const a = await desk({ receivedOn: '2025-03-03', applicantName: '逾期未告知的单位' });
    const files = transfer.materials.filter((m) => m.required).map((m) => ({ material: m.name, fileName: `${m.name}.pdf`, contentBase64: PDF }));
    const online = ok<PortalApplyResult>(
      await new Client(env.app).post(P, { itemId: transfer.id, ...unit, applicantName: '网上申请无人理会的单位', contact: '0931-1234567', files }),
    );
    // 5 working days from 3月3日: 4—7日, 10日; silent on 11日: accepted as of receipt
    await travel('2025-03-11');
    const d = ok<ApplicationDetail>(await staff.get(`${A}/${a.id}`));
    expect(d).toMatchObject({ acceptedOn: '2025-03-03', acceptanceDeemed: true });
    expect(d.letters.map((l) => l.doc)).toEqual(['acceptance']);
    const { text } = await letter(staff, `${A}/${a.id}/documents/acceptance`);
    expectAll(text, [
      '受理通知书',
      '逾期未告知的单位：',
      '本机关未在收到申请材料之日起5个工作日内受理或者一次告知需要补正的全部内容',
      '第三十二条第一款第（四）项',
      '自2025年3月3日起即为受理',
      // 20 working days from 3月3日: 4—7, 10—14, 17—21, 24—28, 31日
      '即不晚于2025年3月31日',
      STAFF_CONTACT,
    ]);
    expect((await timeline(a.id)).map((e) => e.action)).toContain('licensing.application.deemed_accepted');
    expect(ok<ApplicationDetail>(await staff.get(`${A}/${a.id}`)).letters[0]).toMatchObject({
      issuedOn: '2025-03-11',
      docNumber: expect.stringMatching(/〔2025〕/),
    });
    // an online application has no desk user behind it: the item's 承办科室 and the org's 办公电话
    const office = ok<{ items: { key: string; value: unknown }[] }>(await admin.get('/api/settings')).items.find((i) => i.key === 'officeTelephone')!.value;
    expect(ok<PortalTrackResult>(await new Client(env.app).get(`${P}/${online.trackingCode}`)).letters.map((l) => l.doc)).toEqual(['acceptance']);
    const portal = await letter(new Client(env.app), `${P}/${online.trackingCode}/documents/acceptance`);
    expectAll(portal.text, ['网上申请无人理会的单位：', '自2025年3月3日起即为受理', `联系人：业务指导科，联系电话：${String(office)}`]);
  });

  it('with neither the user’s telephone nor the org’s 办公电话 a step with a letter is refused, nothing written', async () => {
    await travel('2025-03-04');
    const a = await desk({ receivedOn: '2025-03-04', applicantName: '无人可联系的单位' });
    const office = ok<{ items: { key: string; value: unknown }[] }>(await admin.get('/api/settings')).items.find((i) => i.key === 'officeTelephone')!.value;
    expect(office).toBeTruthy();
    ok(await admin.put('/api/settings', { officeTelephone: '' }));
    try {
      const before = await snapshot(a.id);
      // the setup admin has no telephone of her own
      refused(await admin.post(`${A}/${a.id}/accept`, { acceptedOn: '2025-03-04' }), 400, 'telephone', /联系电话/);
      refused(await admin.post(`${A}/${a.id}/correction`, { sentOn: '2025-03-04', items: ['补'] }), 400, 'telephone', /办公电话/);
      expect(await snapshot(a.id)).toEqual(before);
      // the staff member has her own: accepted
      ok(await staff.post(`${A}/${a.id}/accept`, { acceptedOn: '2025-03-04' }));
    } finally {
      ok(await admin.put('/api/settings', { officeTelephone: office }));
    }
  });
});

describe('the portal: letters and the applicant’s own steps, by tracking code', () => {
  let code = '';
  let id = '';
  const anon = () => new Client(env.app, { remoteAddress: `10.2.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200)}` });

  it('lists and downloads the letters addressed to the applicant; nothing before its step', async () => {
    await travel('2025-03-03');
    const files = transfer.materials.filter((m) => m.required).map((m) => ({ material: m.name, fileName: `${m.name}.pdf`, contentBase64: PDF }));
    const applied = ok<PortalApplyResult>(
      await anon().post(P, { itemId: transfer.id, ...unit, applicantName: '网上补正的单位', contact: '0931-1234567', files }),
    );
    code = applied.trackingCode;
    id = await idOfCode(code);
    let t = ok<PortalTrackResult>(await anon().get(`${P}/${code}`));
    expect(t).toMatchObject({ letters: [], applicantActions: ['withdraw'], correctionMaterials: [] });
    expect(JSON.stringify(t)).not.toContain(id);
    refused(await anon().get(`${P}/${code}/documents/acceptance`), 409, 'doc', /尚未受理/);
    refused(await anon().get(`${P}/XK0000000000/documents/acceptance`), 404, null, /该查询码对应的申请不存在/);

    await travel('2025-03-05');
    ok(await staff.post(`${A}/${id}/correction`, { sentOn: '2025-03-05', items: ['延期移交档案目录缺少 2010 年案卷，请补齐'] }));
    t = ok<PortalTrackResult>(await anon().get(`${P}/${code.toLowerCase()}`));
    expect(t).toMatchObject({ status: 'correcting', applicantActions: ['correct', 'withdraw'] });
    expect(t.letters).toEqual([
      { doc: 'correction', label: '补正材料通知书', docNumber: expect.stringMatching(/^测档许补〔2025〕\d+号$/), issuedOn: '2025-03-05' },
    ]);
    expect(t.correctionMaterials).toEqual([...transfer.materials.map((m) => m.name), '延期移交档案目录缺少 2010 年案卷，请补齐']);
    const { text } = await letter(anon(), `${P}/${code}/documents/correction`);
    expectAll(text, ['补正材料通知书', '网上补正的单位：', '1．延期移交档案目录缺少 2010 年案卷，请补齐', STAFF_CONTACT]);
  });

  it('hands in the corrected materials: a wrong file or material is refused with nothing changed; then 待受理, 5 working days from today', async () => {
    await travel('2025-03-07');
    const before = await snapshot(id);
    const body = (over: Record<string, unknown>) => ({ files: [{ material: '延期移交档案目录', fileName: '目录.pdf', contentBase64: PDF, ...over }] });
    refused(
      await anon().post(`${P}/${code}/corrections`, body({ fileName: '目录.txt', contentBase64: Buffer.from('这不是 PDF').toString('base64') })),
      415,
      'files.0',
      /不是 PDF、JPEG 或 PNG/,
    );
    refused(await anon().post(`${P}/${code}/corrections`, body({ material: '不相干的材料' })), 400, 'files.0.material', /既不是.*办事指南所列的申请材料/);
    refused(await anon().post(`${P}/${code}/corrections`, { files: [] }), 400, 'files', /请上传补正材料/);
    expect(await snapshot(id)).toEqual(before);

    const t = ok<PortalTrackResult>(
      await anon().post(`${P}/${code}/corrections`, {
        files: [{ material: '延期移交档案目录缺少 2010 年案卷，请补齐', fileName: '2010年案卷目录.pdf', contentBase64: PDF }],
        note: '已补齐 2010 年案卷目录',
      }),
    );
    // 5 working days from 3月7日: 10—14日
    expect(t).toMatchObject({ status: 'submitted', applicantActions: ['withdraw'], acceptanceBy: { due: '2025-03-14' }, correctionMaterials: [] });
    const d = ok<ApplicationDetail>(await staff.get(`${A}/${id}`));
    expect(d).toMatchObject({ status: 'submitted', correction: { correctedOn: '2025-03-07' }, acceptanceBy: { due: '2025-03-14' } });
    expect(d.files.map((f) => f.fileName)).toContain('2010年案卷目录.pdf');
    expect(d.allowedActions).toEqual(['accept', 'withdraw']);
    const e = (await timeline(id)).find((x) => x.action === 'licensing.application.corrected_online')!;
    expect(e).toMatchObject({ actorName: '申请人', summary: expect.stringContaining('申请人 在网上提交了补正材料') });
    refused(await anon().post(`${P}/${code}/corrections`, body({})), 409, 'files', /已于 2025-03-07 收到补正材料/);
  });

  it('withdraws before the decision with a reason (clocks stop, actor 申请人); after a decision it is refused with nothing changed', async () => {
    await travel('2025-03-10');
    const before = await snapshot(id);
    refused(await anon().post(`${P}/${code}/withdraw`, {}), 400, 'reason', /撤回理由必填/);
    refused(await anon().post(`${P}/${code}/withdraw`, { reason: '  ' }), 400, 'reason', /撤回理由必填/);
    expect(await snapshot(id)).toEqual(before);
    const t = ok<PortalTrackResult>(await anon().post(`${P}/${code}/withdraw`, { reason: '项目调整，不再申请延期移交' }));
    expect(t).toMatchObject({ status: 'withdrawn', withdrawnOn: '2025-03-10', applicantActions: [], acceptanceBy: null });
    expect(t.letters.map((l) => l.doc)).toEqual(['correction']);
    const d = ok<ApplicationDetail>(await staff.get(`${A}/${id}`));
    expect(d).toMatchObject({ status: 'withdrawn', withdrawal: { withdrawnOn: '2025-03-10', reason: '项目调整，不再申请延期移交' }, allowedActions: [] });
    const open = await q<{ n: string }>(`SELECT count(*) AS n FROM clocks WHERE entity_id = $1 AND closed_at IS NULL`, [id]);
    expect(Number(open[0]!.n)).toBe(0);
    const e = (await timeline(id)).find((x) => x.action === 'licensing.application.withdraw_online')!;
    expect(e).toMatchObject({ actorName: '申请人', summary: expect.stringContaining('申请人 在网上撤回了申请') });
    refused(await anon().post(`${P}/${code}/withdraw`, { reason: '再撤' }), 409, 'withdrawnOn', /已于 2025-03-10 撤回/);

    // another application, decided: the applicant cannot withdraw it any more, and downloads the decision
    const decided = await desk({ receivedOn: '2025-03-10', applicantName: '已获准的单位' });
    ok(await staff.post(`${A}/${decided.id}/accept`, { acceptedOn: '2025-03-10' }));
    ok(await staff.post(`${A}/${decided.id}/decision`, { decidedOn: '2025-03-10', result: 'granted' }));
    const was = await snapshot(decided.id);
    refused(
      await anon().post(`${P}/${decided.trackingCode}/withdraw`, { reason: '想撤回' }),
      409,
      'decidedOn',
      /已于 2025-03-10 作出决定（准予许可），不能再办理/,
    );
    expect(await snapshot(decided.id)).toEqual(was);
    const track = ok<PortalTrackResult>(await anon().get(`${P}/${decided.trackingCode}`));
    expect(track.applicantActions).toEqual([]);
    expect(track.letters.map((l) => l.label)).toEqual(['受理通知书', '准予行政许可决定书']);
    expectAll((await letter(anon(), `${P}/${decided.trackingCode}/documents/decision`)).text, ['准予行政许可决定书', '已获准的单位：', '2025年3月10日']);
  });
});
