/**
 * 行政许可 through HTTP on the demo org (staff 赵利用 at the desk, leader 张局长 approves): the catalogue
 * and its abolished item, intake at the desk and on the portal, 受理 / 一次性告知补正 / silence, excluded
 * periods, the approved extension, the decision and its deadline, certificate, publication, tracking,
 * withdrawal, tenancy. Due dates hand-counted on the 2025 schedule (clock.test.ts has the cases).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, countRows, createTestEnv, ok, refused, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';
import type { ItemList } from '../items/contracts.js';
import type { ApplicationDetail, ApplicationPage, PortalApplyResult, PortalTrackResult } from './contracts.js';

let env: TestEnv;
let admin: Client;
let staff: Client;
let leader: Client;
let county: Client;
let setup: SetupResponse;
let transfer: ItemList['items'][number];
let exit: ItemList['items'][number];
let abolished: ItemList['items'][number];

const PDF = Buffer.from('%PDF-1.4\n%test\n%%EOF\n').toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
const unit = { applicantType: 'unit', applicantName: '市城市建设档案馆', idNumber: '12620100MB1234567X' };
const files = (item: { materials: { name: string; required: boolean }[] }) =>
  item.materials.filter((m) => m.required).map((m) => ({ material: m.name, fileName: `${m.name}.pdf`, contentBase64: PDF }));
const allIn = (item: { materials: { name: string }[] }) => item.materials.map((m) => ({ name: m.name, received: true }));

async function desk(c: Client, body: Record<string, unknown>) {
  return ok<ApplicationDetail>(await c.post('/api/licensing/applications', { itemId: transfer.id, ...unit, materials: allIn(transfer), ...body }));
}
const detail = async (c: Client, id: string) => ok<ApplicationDetail>(await c.get(`/api/licensing/applications/${id}`));
const clockOf = (d: ApplicationDetail, kind: string) => d.clocks.find((c) => c.kind === kind)?.clock;

/** Move the app's clock; sessions idle out across such jumps, so everyone signs in again. */
let trips = 0;
async function travel(iso: string) {
  env.setNow(iso);
  // from a fresh address each time: the sign-in limits count per address
  const from = `10.0.${Math.floor(++trips / 200)}.${trips % 200}`;
  admin = new Client(env.app, { remoteAddress: from });
  await admin.login('admin', 'Admin-Pass-2024');
  staff = await signInDemo(env.app, setup, 'staff', from);
  leader = await signInDemo(env.app, setup, 'leader', from);
  county = await signInDemo(env.app, setup, 'county.admin', from);
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  await travel('2025-03-03T02:00:00Z');
  const items = ok<ItemList>(await staff.get('/api/licensing/items')).items;
  transfer = items.find((i) => i.name === '延期移交档案审批')!;
  exit = items.find((i) => i.name === '档案及其复制件出境审批')!;
  abolished = items.find((i) => i.status === 'abolished')!;
}, 120_000);
afterAll(async () => env?.close());

describe('the catalogue', () => {
  it('lists the demo items with their guides; the abolished one says so and cannot be applied for', async () => {
    expect(transfer).toMatchObject({ status: 'active', applicable: true, statutoryDays: 20, fee: '不收费' });
    expect(transfer.legalBasis).toContain('档案法实施条例');
    expect(abolished).toMatchObject({ statusLabel: '已取消', applicable: false, abolishedOn: '2016-11-07' });
    expect(abolished.unavailableReason).toContain('已于 2016-11-07 取消');
    const pub = ok<ItemList>(await new Client(env.app).get(`/api/public/licensing/items?orgId=${setup.org.id}`));
    expect(pub.items.map((i) => i.name).sort()).toEqual([transfer.name, exit.name, abolished.name].sort());
  });

  it('the admin keeps the catalogue (audited); the desk may not; a name is unique', async () => {
    const body = {
      name: '测试事项',
      legalBasis: '测试依据',
      conditions: '测试条件',
      procedure: '申请、受理、决定',
      remedies: '可以申请行政复议或者提起行政诉讼',
      validFrom: '2025-01-01',
      materials: [{ name: '申请书', required: true }],
    };
    refused(await staff.post('/api/licensing/items', body), 403, null, /权/);
    const created = ok<{ id: string; statutoryDays: number }>(await admin.post('/api/licensing/items', body));
    expect(created.statutoryDays).toBe(20);
    refused(await admin.post('/api/licensing/items', body), 409, 'name', /已有“测试事项”/);
    refused(await admin.post('/api/licensing/items', { ...body, name: '另一个', validTo: '2024-01-01' }), 400, 'validTo', /不能早于/);
    const abolishedNow = ok<{ status: string; applicable: boolean }>(
      await admin.post(`/api/licensing/items/${created.id}/abolish`, { abolishedOn: '2025-03-01', reason: '依据已废止' }),
    );
    expect(abolishedNow).toMatchObject({ status: 'abolished', applicable: false });
    const timeline = ok<{ items: { action: string }[] }>(await admin.get(`/api/audit/timeline?entityType=licensingItem&entityId=${created.id}`));
    expect(timeline.items.map((e) => e.action).sort()).toEqual(['licensing.item.abolish', 'licensing.item.create']);
    // an item no application names can be deleted (audited); one with applications only abolished
    ok(await admin.delete(`/api/licensing/items/${created.id}`));
    refused(await admin.delete(`/api/licensing/items/${created.id}`), 404, null, /许可事项不存在/);
    refused(await staff.delete(`/api/licensing/items/${transfer.id}`), 403, null, /权/);
  });
});

describe('an application for an abolished item or outside its validity is refused, nothing written', () => {
  it('at the desk, on the portal', async () => {
    const before = await countRows(env, 'licensing_applications');
    refused(
      await staff.post('/api/licensing/applications', { itemId: abolished.id, receivedOn: '2025-03-03', ...unit }),
      422,
      'itemId',
      /已于 2016-11-07 取消/,
    );
    refused(
      await new Client(env.app).post('/api/public/licensing/applications', { itemId: abolished.id, ...unit, contact: '13800000000', files: files(abolished) }),
      422,
      'itemId',
      /不能再申请/,
    );
    // 延期移交档案审批 takes effect on 2024-03-01 (档案法实施条例)
    refused(await staff.post('/api/licensing/applications', { itemId: transfer.id, receivedOn: '2024-02-29', ...unit }), 422, 'itemId', /自 2024-03-01 起施行/);
    expect(await countRows(env, 'licensing_applications')).toBe(before);
  });
});

describe('the portal: apply online with materials, track by code', () => {
  let code: string;
  it('refuses missing required materials and files that are not PDF or images', async () => {
    const pub = new Client(env.app);
    refused(
      await pub.post('/api/public/licensing/applications', { itemId: transfer.id, ...unit, contact: '0931-1', files: [] }),
      400,
      'files',
      /尚缺：延期移交档案申请书/,
    );
    const bad = files(transfer).map((f, i) => (i === 0 ? { ...f, contentBase64: Buffer.from('hello').toString('base64') } : f));
    refused(
      await pub.post('/api/public/licensing/applications', { itemId: transfer.id, ...unit, contact: '0931-1', files: bad }),
      415,
      'files.0',
      /PDF、JPEG 或 PNG/,
    );
  });

  it('takes an application on the day (acceptance by the 5th working day) and shows it to the desk with the files', async () => {
    const pub = new Client(env.app);
    const withPng = [...files(transfer), { material: '经办人身份证明', fileName: '身份证.png', contentBase64: PNG }];
    const r = ok<PortalApplyResult>(
      await pub.post('/api/public/licensing/applications', { itemId: transfer.id, ...unit, contact: '0931-8812345', summary: '城建档案延期', files: withPng }),
    );
    expect(r.trackingCode).toMatch(/^XK[2-9A-Z]{10}$/);
    expect(r).toMatchObject({ receivedOn: '2025-03-03', itemName: '延期移交档案审批', acceptanceBy: { due: '2025-03-10', provisional: false } });
    code = r.trackingCode;
    const t = ok<PortalTrackResult>(await pub.get(`/api/public/licensing/applications/${code.toLowerCase()}`));
    expect(t).toMatchObject({ status: 'submitted', statusLabel: '待受理', acceptanceBy: { due: '2025-03-10' }, decisionBy: null });
    expect(JSON.stringify(t)).not.toContain('12620100MB1234567X');
    const list = ok<ApplicationPage>(await staff.get(`/api/licensing/applications?q=${code}`));
    expect(list.items[0]).toMatchObject({
      channel: 'online',
      channelLabel: '网上申请',
      stage: 'acceptance',
      due: '2025-03-10',
      idNumberMasked: '1262**********567X',
    });
    const d = await detail(staff, list.items[0]!.id);
    expect(d.files.map((f) => f.contentType).sort()).toEqual(['application/pdf', 'application/pdf', 'application/pdf', 'image/png']);
    expect(d.idNumber).toBe('12620100MB1234567X');
    expect((await detail(leader, d.id)).idNumber).toBe('1262**********567X');
    const pdf = d.files.find((f) => f.contentType === 'application/pdf')!;
    const file = await staff.get(`/api/licensing/applications/${d.id}/files/${pdf.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pub.get('/api/public/licensing/applications/XKNOTACODE22').then((x) => x.statusCode)).toBe(404);
  });
});

describe('受理, review, extension, decision, certificate, publication', () => {
  let id: string;
  it('accepts within the 5 working days; the decision clock runs 20 working days from acceptance', async () => {
    const a = await desk(staff, { receivedOn: '2025-03-03' });
    id = a.id;
    expect(a.allowedActions).toEqual(['accept', 'correction', 'withdraw']);
    refused(await staff.post(`/api/licensing/applications/${id}/accept`, { acceptedOn: '2025-03-04' }), 400, 'acceptedOn', /晚于今天/);
    const d = ok<ApplicationDetail>(await staff.post(`/api/licensing/applications/${id}/accept`, { acceptedOn: '2025-03-03' }));
    expect(d).toMatchObject({ status: 'reviewing', acceptedOn: '2025-03-03', acceptanceDeemed: false });
    expect(clockOf(d, 'acceptance')).toMatchObject({ state: 'met' });
    expect(clockOf(d, 'decision')).toMatchObject({ due: '2025-03-31', state: 'running' });
    expect(d.allowedActions).toEqual(['exclusionStart', 'extensionRequest', 'decision', 'withdraw']);
  });

  it('an expert review is not counted (第四十五条): 3月10—14日 moves the due date to 4月8日', async () => {
    await travel('2025-03-10T02:00:00Z');
    const s = ok<ApplicationDetail>(
      await staff.post(`/api/licensing/applications/${id}/exclusions`, { kind: 'expert_review', from: '2025-03-10', note: '专家评审' }),
    );
    expect(clockOf(s, 'decision')).toMatchObject({ due: null, state: 'paused' });
    refused(await staff.post(`/api/licensing/applications/${id}/decision`, { decidedOn: '2025-03-10', result: 'granted' }), 409, 'decidedOn', /尚未结束/);
    await travel('2025-03-17T02:00:00Z');
    const e = ok<ApplicationDetail>(await staff.post(`/api/licensing/applications/${id}/exclusions/${s.exclusions[0]!.id}/end`, { to: '2025-03-14' }));
    expect(clockOf(e, 'decision')).toMatchObject({ due: '2025-04-08', state: 'running' });
  });

  it('the desk asks for ten more days; it waits in the leader’s 待我审批; approved: due 4月22日', async () => {
    await travel('2025-04-01T02:00:00Z');
    const r = ok<ApplicationDetail>(await staff.post(`/api/licensing/applications/${id}/extension-request`, { reason: '需实地检查档案库房' }));
    expect(r.extensionRequest).toMatchObject({ reason: '需实地检查档案库房', requestedOn: '2025-04-01' });
    refused(await staff.post(`/api/licensing/applications/${id}/extension-request/decision`, { approve: true }), 403, null, /权/);
    const dash = ok<{ approvals: { entityId: string; due: string; kindLabel: string }[] }>(await leader.get('/api/dashboard'));
    expect(dash.approvals).toContainEqual(expect.objectContaining({ entityId: id, kindLabel: '延长行政许可期限', due: '2025-04-08' }));
    const leaderView = await detail(leader, id);
    expect(leaderView.allowedActions).toEqual(['extensionDecision']);
    const ap = ok<ApplicationDetail>(await leader.post(`/api/licensing/applications/${id}/extension-request/decision`, { approve: true }));
    // 4月8日 + 10 working days: 4月9—11日, 14—18日, 21、22日
    expect(clockOf(ap, 'decision')).toMatchObject({ due: '2025-04-22' });
    expect(ap.extension).toMatchObject({ days: 10, approvedOn: '2025-04-01', approvedByName: '张局长' });
    refused(await staff.post(`/api/licensing/applications/${id}/extension-request`, { reason: '再延' }), 409, 'reason', /只能延长一次/);
  });

  it('a refusal needs its reasons; the decision is recorded once, then the certificate and publication clocks run', async () => {
    await travel('2025-04-22T02:00:00Z');
    refused(await staff.post(`/api/licensing/applications/${id}/decision`, { decidedOn: '2025-04-22', result: 'refused' }), 400, 'reason', /说明理由/);
    const d = ok<ApplicationDetail>(
      await staff.post(`/api/licensing/applications/${id}/decision`, { decidedOn: '2025-04-22', result: 'granted', decisionNo: '档许〔2025〕9号' }),
    );
    expect(d).toMatchObject({ status: 'decided', decision: { result: 'granted', resultLabel: '准予许可', lateReason: null } });
    expect(clockOf(d, 'decision')).toMatchObject({ state: 'met' });
    // 4月22日 + 7: 23、24、25、27（调休上班）、28、29、30日; certificate + 10: … 5月6—8日
    expect(clockOf(d, 'publication')).toMatchObject({ due: '2025-04-30' });
    expect(clockOf(d, 'certificate')).toMatchObject({ due: '2025-05-08' });
    expect(d.allowedActions).toEqual(['certificate', 'publish']);
    refused(
      await staff.post(`/api/licensing/applications/${id}/decision`, { decidedOn: '2025-04-22', result: 'granted' }),
      409,
      'decidedOn',
      /已于 2025-04-22 作出决定/,
    );
    const dash = ok<{ publications: { entityId: string; kind: string }[] }>(await staff.get('/api/dashboard'));
    expect(dash.publications.some((p) => p.entityId === id)).toBe(true);
    const c = ok<ApplicationDetail>(
      await staff.post(`/api/licensing/applications/${id}/certificate`, { certificateNo: '档延字第 9 号', issuedOn: '2025-04-22' }),
    );
    expect(c.certificate).toEqual({ certificateNo: '档延字第 9 号', issuedOn: '2025-04-22' });
    const p = ok<ApplicationDetail>(await staff.post(`/api/licensing/applications/${id}/publish`, { publishedOn: '2025-04-22' }));
    expect(p).toMatchObject({ status: 'published', statusLabel: '已公开', allowedActions: [] });
    const pub = ok<{ items: { applicantName: string; resultLabel: string; certificateNo: string | null }[] }>(
      await new Client(env.app).get(`/api/public/licensing/decisions?orgId=${setup.org.id}`),
    );
    expect(pub.items).toContainEqual(expect.objectContaining({ applicantName: '市城市建设档案馆', resultLabel: '准予许可', certificateNo: '档延字第 9 号' }));
    const t = ok<PortalTrackResult>(await new Client(env.app).get(`/api/public/licensing/applications/${p.trackingCode}`));
    expect(t).toMatchObject({ status: 'published', resultLabel: '准予许可', decidedOn: '2025-04-22', publishedOn: '2025-04-22' });
  });

  it('a decision after the deadline without an approved extension is refused (naming decidedOn), unless the delay is explained', async () => {
    await travel('2025-04-01T02:00:00Z');
    const late = await desk(staff, { receivedOn: '2025-03-03', applicantName: '迟到的单位' });
    // silent since 3月3日: accepted as of receipt, due 3月31日
    expect(late).toMatchObject({ status: 'reviewing', acceptedOn: '2025-03-03', acceptanceDeemed: true });
    expect(clockOf(late, 'decision')).toMatchObject({ due: '2025-03-31', state: 'overdue' });
    refused(
      await staff.post(`/api/licensing/applications/${late.id}/decision`, { decidedOn: '2025-04-01', result: 'granted' }),
      422,
      'decidedOn',
      /晚于作出决定的期限 2025-03-31，且未经本行政机关负责人批准延长/,
    );
    refused(await staff.post(`/api/licensing/applications/${late.id}/extension-request`, { reason: '来不及' }), 422, 'reason', /已于 2025-03-31 届满/);
    const d = ok<ApplicationDetail>(
      await staff.post(`/api/licensing/applications/${late.id}/decision`, { decidedOn: '2025-04-01', result: 'granted', lateReason: '系统故障' }),
    );
    expect(d.decision).toMatchObject({ lateReason: '系统故障' });
    expect(clockOf(d, 'decision')).toMatchObject({ state: 'missed' });
    const timeline = ok<{ items: { action: string }[] }>(await staff.get(`/api/audit/timeline?entityType=licensingApplication&entityId=${late.id}`));
    expect(timeline.items.map((e) => e.action)).toContain('licensing.application.deemed_accepted');
  });
});

describe('一次性告知补正 and silence', () => {
  it('one correction list within the 5 working days; corrected materials restart the 5 days; silence then accepts as of their day', async () => {
    await travel('2025-03-05T02:00:00Z');
    const a = await desk(staff, { receivedOn: '2025-03-03', applicantName: '补正的单位', materials: [] });
    refused(
      await staff.post(`/api/licensing/applications/${a.id}/accept`, { acceptedOn: '2025-03-05' }),
      422,
      'materials',
      /申请材料不齐全（缺少：延期移交档案申请书、延期移交档案目录、档案保管条件说明）/,
    );
    const c = ok<ApplicationDetail>(
      await staff.post(`/api/licensing/applications/${a.id}/correction`, { sentOn: '2025-03-05', items: ['请提交延期移交档案目录', '请提交档案保管条件说明'] }),
    );
    expect(c).toMatchObject({ status: 'correcting', allowedActions: ['corrected', 'withdraw'] });
    refused(await staff.post(`/api/licensing/applications/${a.id}/correction`, { sentOn: '2025-03-05', items: ['再补'] }), 409, 'sentOn', /补正应当一次告知/);
    const pub = ok<PortalTrackResult>(await new Client(env.app).get(`/api/public/licensing/applications/${c.trackingCode}`));
    expect(pub).toMatchObject({ statusLabel: '待补正', correctionItems: ['请提交延期移交档案目录', '请提交档案保管条件说明'] });
    await travel('2025-03-12T02:00:00Z');
    const r = ok<ApplicationDetail>(
      await staff.post(`/api/licensing/applications/${a.id}/corrected`, { receivedOn: '2025-03-12', materials: allIn(transfer) }),
    );
    expect(r).toMatchObject({ status: 'submitted', acceptanceBy: { due: '2025-03-19' } });
    await travel('2025-03-20T02:00:00Z');
    const s = await detail(staff, a.id);
    expect(s).toMatchObject({ status: 'reviewing', acceptedOn: '2025-03-12', acceptanceDeemed: true });
    expect(clockOf(s, 'decision')).toMatchObject({ due: '2025-04-10' });
    refused(await staff.post(`/api/licensing/applications/${a.id}/accept`, { acceptedOn: '2025-03-20' }), 409, 'acceptedOn', /视为受理/);
  });

  it('a correction after the 5 working days is too late: the application is accepted as of receipt', async () => {
    await travel('2025-03-11T02:00:00Z');
    const a = await desk(staff, { receivedOn: '2025-03-03', applicantName: '晚告知的单位' });
    refused(
      await staff.post(`/api/licensing/applications/${a.id}/correction`, { sentOn: '2025-03-11', items: ['补'] }),
      409,
      'sentOn',
      /自 2025-03-03 起视为受理/,
    );
  });

  it('withdrawal by the applicant ends the clocks; nothing more can be done', async () => {
    await travel('2025-03-05T02:00:00Z');
    const a = await desk(staff, { receivedOn: '2025-03-04', applicantName: '撤回的单位' });
    const w = ok<ApplicationDetail>(await staff.post(`/api/licensing/applications/${a.id}/withdraw`, { withdrawnOn: '2025-03-05', reason: '不再需要' }));
    expect(w).toMatchObject({ status: 'withdrawn', allowedActions: [], withdrawal: { withdrawnOn: '2025-03-05' } });
    refused(await staff.post(`/api/licensing/applications/${a.id}/accept`, { acceptedOn: '2025-03-05' }), 409, 'withdrawnOn', /撤回/);
    const dash = ok<{ items: { entityId: string }[] }>(await staff.get('/api/dashboard?pageSize=200'));
    expect(dash.items.some((i) => i.entityId === a.id)).toBe(false);
  });
});

describe('tenancy and roles', () => {
  it('another org answers 404; the superior org reads a descendant’s but may not change it; the inspector reads nothing', async () => {
    await travel('2025-03-05T02:00:00Z');
    const a = await desk(staff, { receivedOn: '2025-03-05', applicantName: '本局的申请' });
    expect((await county.get(`/api/licensing/applications/${a.id}`)).statusCode).toBe(404);
    expect((await county.post(`/api/licensing/applications/${a.id}/accept`, { acceptedOn: '2025-03-05' })).statusCode).toBe(404);
    expect((await county.get(`/api/licensing/items/${transfer.id}`)).statusCode).toBe(404);
    refused(await county.post('/api/licensing/applications', { itemId: transfer.id, receivedOn: '2025-03-05', ...unit }), 404, null, /许可事项不存在/);
    refused(await admin.delete(`/api/licensing/items/${transfer.id}`), 409, 'id', /已有申请记录，不能删除/);
    const inspector = await signInDemo(env.app, setup, 'inspector', '10.9.9.9');
    expect((await inspector.get('/api/licensing/applications')).statusCode).toBe(403);
  });
});
