/**
 * 行政处罚案件 through HTTP: 立案 with its refusals, the lifecycle of a unit fined 60,000 元 (hearing,
 * 法制审核 returned then passed, decision, service, payment, closure, publication), the other refusals
 * of issue 14 with nothing written, the history import all-or-nothing, and every figure equal to its
 * drill-down. Demo data at 2025-03-03 10:00 Beijing; the 2025 schedule as in rules.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ok, refused, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';
import { docxParagraphs } from '../../disclosure/test-docx.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const ids: Record<string, string> = {};
let unitId = '';
let conflictUnitId = '';
let benchmarkUnit = '';
type Detail = {
  id: string;
  caseNo: string;
  status: string;
  allowedActions: string[];
  clocks: { kind: string; due: string }[];
  reviewRequired: boolean;
  documents: { doc: string; label: string }[];
  penalties: { type: string; amount: number | null }[];
} & Record<string, unknown>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const q = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows as T[];
const written = async () =>
  (
    await q<{ n: string }>(
      `SELECT (SELECT count(*) FROM enforcement_cases) + (SELECT count(*) FROM audit_events) + (SELECT count(*) FROM enforcement_case_files) AS n`,
    )
  )[0]!.n;
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

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  for (const r of await q<{ id: string; name: string }>(`SELECT id, name FROM inspectors WHERE org_id = $1`, [setup.org.id])) ids[r.name] = r.id;
  for (const r of await q<{ id: string; username: string }>(`SELECT id, username FROM users`)) ids[r.username] = r.id;
  unitId = (await q<{ id: string }>(`SELECT id FROM units WHERE org_id = $1 AND type = 'agency' ORDER BY name LIMIT 1`, [setup.org.id]))[0]!.id;
  const conflict = (
    await q<{ unit_id: string; inspector_id: string }>(`SELECT unit_id, inspector_id FROM inspector_conflicts WHERE org_id = $1`, [setup.org.id])
  )[0]!;
  conflictUnitId = conflict.unit_id;
  ids.conflicted = conflict.inspector_id;
  benchmarkUnit = (
    await q<{ id: string }>(`SELECT id FROM enforcement_benchmarks WHERE org_id = $1 AND code = 'a48_2' AND party_kind = 'unit'`, [setup.org.id])
  )[0]!.id;
});
afterAll(async () => env?.close());

const opening = (over: Record<string, unknown> = {}) => ({
  source: 'own',
  partyKind: 'unit',
  unitId,
  benchmarkId: benchmarkUnit,
  facts: '该单位擅自向无关人员提供馆藏档案复制件。',
  officerIds: [ids['王执法'], ids['孙立新']],
  filedOn: '2025-03-03',
  approverId: ids.leader,
  ...over,
});

/** 报请立案 by the inspector and the leader's approval the same day (立案审批): the case under investigation. */
async function file(over: Record<string, unknown> = {}, day = '2025-03-03'): Promise<Detail> {
  const d = ok<Detail>(await (await as('inspector', day)).post('/api/enforcement/cases', opening(over)));
  const on = (over.filedOn as string | undefined) ?? '2025-03-03';
  return ok<Detail>(await (await as('leader', day)).post(`/api/enforcement/cases/${d.id}/filing-decision`, { approve: true, decidedOn: on }));
}

describe('裁量基准', () => {
  it('the demo has the archives-law standard, published on the portal', async () => {
    const list = ok<{ items: { code: string; partyKind: string; statutoryMin: number; statutoryMax: number }[] }>(
      await admin.get('/api/enforcement/benchmarks'),
    ).items;
    expect(list).toHaveLength(13);
    const pub = ok<{ total: number; items: { orgName: string }[] }>(await new Client(env.app).get(`/api/public/enforcement/benchmarks?org=${setup.org.id}`));
    expect(pub.total).toBe(13);
    expect(pub.items[0]!.orgName).toBe('测试市档案局');
  });
});

describe('立案 refusals: nothing written', () => {
  it('the approvers to pick: the org’s users who may approve (the leader), not the legal reviewer', async () => {
    const c = await as('inspector', '2025-03-03');
    const list = ok<{ items: { id: string; name: string }[] }>(await c.get('/api/enforcement/approvers')).items.map((u) => u.id);
    expect(list).toContain(ids.leader);
    expect(list).not.toContain(ids.legal);
    expect((await (await as('staff', '2025-03-03')).get('/api/enforcement/approvers')).statusCode).toBe(403);
  });

  it.each([
    ['one officer alone', () => ({ officerIds: [ids['王执法']] }), 'officerIds', /不得少于两人/],
    ['an expired certificate', () => ({ officerIds: [ids['王执法'], ids['高海燕']] }), 'officerIds.1', /执法证.*不在有效期内/],
    ['a conflict of interest (回避)', () => ({ unitId: conflictUnitId, officerIds: [ids['王执法'], ids.conflicted] }), 'officerIds.1', /回避/],
    ['an approver without the power to approve', () => ({ approverId: ids.legal }), 'approverId', /审批权限/],
    [
      'a benchmark for individuals',
      () => ({ partyKind: 'individual', unitId: undefined, partyName: '张某', benchmarkId: benchmarkUnit }),
      'benchmarkId',
      /个人/,
    ],
  ] as const)('%s', async (_name, over, field, message) => {
    const c = await as('inspector', '2025-03-03');
    const before = await written();
    refused(await c.post('/api/enforcement/cases', opening(typeof over === 'function' ? over() : over)), 400, field, message);
    expect(await written()).toBe(before);
  });
});

describe('a unit fined 60,000 元: hearing, review, decision, service, payment, closure, publication', () => {
  let id = '';
  it('报请立案 with two certified officers: it waits in the leader’s 待我审批, no clock runs yet', async () => {
    const c = await as('inspector', '2025-03-03');
    const r = ok<Detail>(await c.post('/api/enforcement/cases', opening({ filedOn: '2025-02-28' })));
    id = r.id;
    expect(r.caseNo).toBe('测档罚立〔2025〕1号');
    expect(r.status).toBe('filing');
    expect(r.clocks).toEqual([]);
    expect(r.allowedActions).toEqual(['approveFiling']);
    refused(
      await c.post(`/api/enforcement/cases/${id}/notify`, {
        circumstance: 'general',
        penalties: [{ type: 'warning' }],
        noticeOn: '2025-03-03',
        servedOn: '2025-03-03',
      }),
      409,
      null,
      /待批准立案/,
    );
    expect((await c.post(`/api/enforcement/cases/${id}/filing-decision`, { approve: true, decidedOn: '2025-03-03' })).statusCode).toBe(403);
    const leader = await as('leader', '2025-03-03');
    const dash = ok<{ approvals: { entityId: string; due: string; kindLabel: string }[] }>(await leader.get('/api/dashboard'));
    // 02-28 + 7 working days (03-03 … 03-11)
    expect(dash.approvals).toContainEqual(expect.objectContaining({ entityId: id, kindLabel: '立案审批', due: '2025-03-11' }));
    const before = await written();
    refused(await leader.post(`/api/enforcement/cases/${id}/filing-decision`, { approve: false, decidedOn: '2025-03-03' }), 400, 'reason', /理由/);
    refused(await leader.post(`/api/enforcement/cases/${id}/filing-decision`, { approve: true, decidedOn: '2025-02-27' }), 400, 'decidedOn', /报请立案日期/);
    expect(await written()).toBe(before);
  });
  it('立案 the day the leader approves: the 90 days run from it', async () => {
    const d = ok<Detail>(
      await (await as('leader', '2025-03-03')).post(`/api/enforcement/cases/${id}/filing-decision`, { approve: true, decidedOn: '2025-03-03' }),
    );
    expect(d.status).toBe('investigating');
    expect(d.filedOn).toBe('2025-03-03');
    expect(d.approverName).toBeTruthy();
    expect(d.clocks).toEqual([expect.objectContaining({ kind: 'enforcement.decision', due: '2025-06-03' })]); // 03-03 + 90 = 06-01 (Sunday) → 06-03 (端午 06-02)
    expect(d.allowedActions).toEqual(['addEvidence', 'addInquiry', 'requestWithdrawal', 'extend', 'notify', 'review', 'decide']);
  });
  it('evidence (a photo) and an inquiry record with two officers present', async () => {
    const c = await as('inspector', '2025-03-04');
    ok(
      await c.upload(
        `/api/enforcement/cases/${id}/evidence?kind=photo&title=${encodeURIComponent('现场照片')}&collectedOn=2025-03-04`,
        'file',
        'a.png',
        PNG,
        'image/png',
      ),
    );
    const before = await written();
    refused(
      await c.upload(`/api/enforcement/cases/${id}/evidence?kind=video&title=x&collectedOn=2025-03-04`, 'file', 'a.png', PNG, 'image/png'),
      400,
      'kind',
      /与所选证据种类不符/,
    );
    refused(
      await c.post(`/api/enforcement/cases/${id}/inquiries`, {
        heldOn: '2025-03-04',
        place: '档案室',
        person: '刘主任',
        officerIds: [ids['王执法']],
        content: '问：……',
      }),
      400,
      'officerIds',
      /不得少于两人/,
    );
    expect(await written()).toBe(before);
    const d = ok<Detail & { inquiries: unknown[]; evidence: unknown[] }>(
      await c.post(`/api/enforcement/cases/${id}/inquiries`, {
        heldOn: '2025-03-04',
        place: '档案室',
        person: '刘主任',
        officerIds: [ids['王执法'], ids['孙立新']],
        content: '问：……答：……',
      }),
    );
    expect([d.inquiries.length, d.evidence.length]).toEqual([1, 1]);
  });
  it('告知: a fine outside the statutory range is refused; outside the recommended range needs a reason', async () => {
    const c = await as('inspector', '2025-03-05');
    const before = await written();
    const notice = { circumstance: 'general', noticeOn: '2025-03-05', servedOn: '2025-03-05' };
    refused(
      await c.post(`/api/enforcement/cases/${id}/notify`, { ...notice, penalties: [{ type: 'warning' }, { type: 'fine', amount: 200_000 }] }),
      422,
      'penalties.1.amount',
      /超出法定幅度/,
    );
    refused(
      await c.post(`/api/enforcement/cases/${id}/notify`, { ...notice, penalties: [{ type: 'warning' }, { type: 'fine', amount: 60_000 }] }),
      400,
      'discretionReason',
      /须书面说明理由/,
    );
    expect(await written()).toBe(before);
    const d = ok<Detail & { proposal: { outsideRecommended: boolean } }>(
      await c.post(`/api/enforcement/cases/${id}/notify`, {
        ...notice,
        penalties: [{ type: 'warning' }, { type: 'fine', amount: 60_000 }],
        discretionReason: '涉及档案数量较多',
      }),
    );
    expect(d.proposal.outsideRecommended).toBe(true);
    expect(d.clocks.find((k) => k.kind === 'enforcement.hearingRequest')!.due).toBe('2025-03-12');
    expect(d.allowedActions).toContain('requestHearing');
    expect(d.allowedActions).not.toContain('decide');
  });
  it('听证: requested; a notice under 7 working days is refused', async () => {
    let c = await as('inspector', '2025-03-07');
    ok(await c.post(`/api/enforcement/cases/${id}/hearing/request`, { requestedOn: '2025-03-07' }));
    c = await as('inspector', '2025-03-10');
    const before = await written();
    refused(
      await c.post(`/api/enforcement/cases/${id}/hearing/schedule`, { noticeOn: '2025-03-10', hearingOn: '2025-03-18' }),
      400,
      'hearingOn',
      /最早于 2025-03-19/,
    );
    expect(await written()).toBe(before);
    ok(await c.post(`/api/enforcement/cases/${id}/hearing/schedule`, { noticeOn: '2025-03-10', hearingOn: '2025-03-19' }));
    c = await as('inspector', '2025-03-19');
    const d = ok<Detail>(await c.post(`/api/enforcement/cases/${id}/hearing/held`, { heldOn: '2025-03-19', record: '当事人陈述申辩意见……' }));
    expect(d.reviewRequired).toBe(true);
  });
  it('no decision without a passed review; the reviewer sees the discretion reason', async () => {
    const c = await as('inspector', '2025-03-20');
    const before = await written();
    refused(await c.post(`/api/enforcement/cases/${id}/decide`, { result: 'penalty', decidedOn: '2025-03-20' }), 422, 'review', /法制审核/);
    expect(await written()).toBe(before);
    const legal = await as('legal', '2025-03-20');
    const all = { competence: true, facts: true, basis: true, discretion: true, procedure: true, powers: true, documents: true, referral: true };
    expect(
      (await c.post(`/api/enforcement/cases/${id}/review`, { reviewedOn: '2025-03-20', checklist: all, opinion: '同意', result: 'passed' })).statusCode,
    ).toBe(403);
    refused(
      await legal.post(`/api/enforcement/cases/${id}/review`, {
        reviewedOn: '2025-03-20',
        checklist: { ...all, discretion: false },
        opinion: '裁量偏重',
        result: 'passed',
      }),
      400,
      'checklist.discretion',
      /应为退回/,
    );
    ok(
      await legal.post(`/api/enforcement/cases/${id}/review`, {
        reviewedOn: '2025-03-20',
        checklist: { ...all, discretion: false },
        opinion: '补充裁量理由',
        result: 'returned',
      }),
    );
    const d = ok<Detail & { proposal: { discretionReason: string } }>(
      await legal.post(`/api/enforcement/cases/${id}/review`, { reviewedOn: '2025-03-20', checklist: all, opinion: '同意', result: 'passed' }),
    );
    expect(d.proposal.discretionReason).toBe('涉及档案数量较多');
    expect(d.allowedActions).toContain('decide');
  });
  it('决定: a heavier fine than notified is refused; the decision letter carries its contents', async () => {
    const c = await as('inspector', '2025-03-20');
    refused(
      await c.post(`/api/enforcement/cases/${id}/decide`, {
        result: 'penalty',
        decidedOn: '2025-03-20',
        penalties: [{ type: 'warning' }, { type: 'fine', amount: 70_000 }],
        discretionReason: 'x',
      }),
      400,
      'penalties',
      /第四十五条/,
    );
    const d = ok<Detail & { decisionDocNo: string }>(await c.post(`/api/enforcement/cases/${id}/decide`, { result: 'penalty', decidedOn: '2025-03-20' }));
    expect(d.status).toBe('decided');
    expect(d.decisionDocNo).toBe('测档罚决〔2025〕1号');
    expect(d.clocks.find((k) => k.kind === 'enforcement.publication')!.due).toBe('2025-03-31');
    const res = await c.get(`/api/enforcement/cases/${id}/documents/decision`);
    expect(res.statusCode).toBe(200);
    const text = (await docxParagraphs(res.rawPayload)).join('\n');
    for (const s of ['行政处罚决定书', '测档罚决〔2025〕1号', '罚款人民币60,000元', '六十日内', '六个月内', '现场照片', '联系人：王执法', '第四十九条'])
      expect(text).toContain(s);
    // 救济途径 names the 复议机关 and the court: the defaults from the org's name, then the org's own settings (shared with disclosure)
    expect(text).toContain('六十日内向测试市人民政府申请行政复议');
    expect(text).toContain('向测试市有管辖权的基层人民法院提起行政诉讼');
    ok(await (await as('admin', '2025-03-20')).put('/api/disclosure/remedy-settings', { reviewOrgan: '测试省人民政府', court: '测试市铁路运输法院' }));
    const set = (await docxParagraphs((await c.get(`/api/enforcement/cases/${id}/documents/decision`)).rawPayload)).join('\n');
    expect(set).toContain('六十日内向测试省人民政府申请行政复议');
    expect(set).toContain('在六个月内依法向测试市铁路运输法院提起行政诉讼');
    const notice = (await docxParagraphs((await c.get(`/api/enforcement/cases/${id}/documents/notice`)).rawPayload)).join('\n');
    expect(notice).toContain('五个工作日内（2025年3月12日前）');
  });
  it('送达, 缴款, 结案, 公开', async () => {
    let c = await as('inspector', '2025-03-21');
    ok(await c.post(`/api/enforcement/cases/${id}/serve`, { method: 'direct', servedOn: '2025-03-21' }));
    c = await as('inspector', '2025-03-25');
    refused(await c.post(`/api/enforcement/cases/${id}/payments`, { paidOn: '2025-03-25', amount: 70_000 }), 400, 'amount', /超过罚款/);
    let d = ok<Detail>(await c.post(`/api/enforcement/cases/${id}/payments`, { paidOn: '2025-03-25', amount: 60_000 }));
    expect(d.allowedActions).toEqual(['close', 'publish', 'revoke']);
    ok(await c.post(`/api/enforcement/cases/${id}/publish`, { publishedOn: '2025-03-25' }));
    d = ok<Detail>(await c.post(`/api/enforcement/cases/${id}/close`, { closedOn: '2025-03-25' }));
    expect(d.status).toBe('closed');
    const timeline = ok<{ items: { action: string }[] }>(await c.get(`/api/audit/timeline?entityType=enforcementCase&entityId=${id}`)).items.map(
      (e) => e.action,
    );
    expect(timeline).toContain('enforcement.case.open');
    expect(timeline).toContain('enforcement.case.decide');
    // the record reads in people's words: penalties, the review, evidence and the inquiry without their codes
    const events = ok<{ items: { action: string; changes: { label: string; after: string }[] }[] }>(
      await c.get(`/api/audit/timeline?entityType=enforcementCase&entityId=${id}&pageSize=100`),
    ).items;
    const shown = (action: string, label: string) => events.find((e) => e.action === action)?.changes.find((x) => x.label === label)?.after;
    expect(shown('enforcement.case.decide', '处罚')).toBe('警告；罚款 60,000 元');
    expect(shown('enforcement.case.notify', '拟作出的处罚')).toBe('情节：一般\n处罚：警告；罚款 60,000 元\n裁量理由：涉及档案数量较多');
    expect(shown('enforcement.case.review', '法制审核')).toMatch(/^审核结论：(通过|退回)（李法制/);
    expect(shown('enforcement.case.addEvidence', '证据')).toMatch(/^照片：现场照片（a\.png，1 KB，2025年3月4日取证）$/);
    expect(shown('enforcement.case.addInquiry', '询问笔录')).toMatch(/^2025年3月4日，在档案室询问刘主任\n执法人员：王执法、孙立新/);
    const all = JSON.stringify(events.map((e) => e.changes));
    for (const code of ['"warning', 'fine"', 'passed', 'photo', '类型：']) expect(all).not.toContain(code);
  });
});

describe('other refusals', () => {
  it('a decision after the 90 days without an approved extension; accepted with one', async () => {
    const d = await file({ facts: '另案', filedOn: '2025-01-02' });
    let c = await as('inspector', '2025-04-03');
    const before = await written();
    refused(
      await c.post(`/api/enforcement/cases/${d.id}/decide`, { result: 'not_established', decidedOn: '2025-04-03', reason: '证据不足' }),
      422,
      'decidedOn',
      /2025-04-02 届满/,
    );
    refused(
      await c.post(`/api/enforcement/cases/${d.id}/extend`, { days: 30, reason: '案情复杂', approverId: ids.leader, approvedOn: '2025-04-03' }),
      400,
      'approvedOn',
      /届满/,
    );
    expect(await written()).toBe(before);
    c = await as('inspector', '2025-04-01');
    ok(await c.post(`/api/enforcement/cases/${d.id}/extend`, { days: 30, reason: '案情复杂', approverId: ids.leader, approvedOn: '2025-04-01' }));
    c = await as('inspector', '2025-04-03');
    const e = ok<Detail & { documents: { doc: string; label: string }[] }>(
      await c.post(`/api/enforcement/cases/${d.id}/decide`, { result: 'not_established', decidedOn: '2025-04-03', reason: '证据不足' }),
    );
    expect(e.documents.map((x) => x.label)).toEqual(['不予行政处罚决定书']);
  });
  it('a pending withdrawal request blocks everything else', async () => {
    const c = await as('inspector', '2025-04-03');
    const d = await file({ facts: '第三案', filedOn: '2025-04-03' }, '2025-04-03');
    const w = ok<Detail & { withdrawals: { id: string }[] }>(
      await c.post(`/api/enforcement/cases/${d.id}/withdrawals`, { inspectorId: ids['孙立新'], reason: '当事人申请', requestedOn: '2025-04-03' }),
    );
    expect(w.allowedActions).toEqual(['decideWithdrawal']);
    refused(
      await c.post(`/api/enforcement/cases/${d.id}/decide`, { result: 'no_penalty', decidedOn: '2025-04-03', firstViolation: true, educationRecord: '已教育' }),
      409,
      null,
      /回避/,
    );
    refused(
      await c.post(`/api/enforcement/cases/${d.id}/withdrawals/decide`, { withdrawalId: w.withdrawals[0]!.id, granted: true, decidedOn: '2025-04-03' }),
      400,
      'replacementId',
      /不得少于两人/,
    );
    const g = ok<Detail & { officers: { name: string }[] }>(
      await c.post(`/api/enforcement/cases/${d.id}/withdrawals/decide`, {
        withdrawalId: w.withdrawals[0]!.id,
        granted: true,
        decidedOn: '2025-04-03',
        replacementId: ids['林志强'],
      }),
    );
    expect(g.officers.map((o) => o.name)).toEqual(['王执法', '林志强']);
    refused(
      await c.post(`/api/enforcement/cases/${d.id}/decide`, { result: 'no_penalty', decidedOn: '2025-04-03', firstViolation: true }),
      400,
      'educationRecord',
      /教育/,
    );
    const n = ok<Detail>(
      await c.post(`/api/enforcement/cases/${d.id}/decide`, {
        result: 'no_penalty',
        decidedOn: '2025-04-03',
        firstViolation: true,
        educationRecord: '已当面教育并责令改正',
      }),
    );
    expect(n.documents).toEqual([{ doc: 'decision', label: '不予行政处罚决定书' }]);
  });
  it('another org’s cases answer 404', async () => {
    const county = await as('county.admin', '2025-04-03');
    const id = (await q<{ id: string }>(`SELECT id FROM enforcement_cases LIMIT 1`))[0]!.id;
    expect((await county.get(`/api/enforcement/cases/${id}`)).statusCode).toBe(404);
    expect((await county.post(`/api/enforcement/cases/${id}/close`, { closedOn: '2025-04-03' })).statusCode).toBe(404);
  });
});

describe('不予立案 and 暂缓（分期）缴纳', () => {
  it('the leader refuses a filing with the reason: the case is closed to every step and counts nowhere', async () => {
    const r = ok<Detail>(await (await as('inspector', '2025-04-07')).post('/api/enforcement/cases', opening({ facts: '不予立案的案', filedOn: '2025-04-07' })));
    const d = ok<Detail & { filingRefusal: { reason: string; refusedOn: string } }>(
      await (
        await as('leader', '2025-04-07')
      ).post(`/api/enforcement/cases/${r.id}/filing-decision`, {
        approve: false,
        decidedOn: '2025-04-07',
        reason: '违法事实不能成立，不予立案',
      }),
    );
    expect(d.status).toBe('not_filed');
    expect(d.allowedActions).toEqual([]);
    expect(d.filingRefusal).toMatchObject({ reason: '违法事实不能成立，不予立案', refusedOn: '2025-04-07' });
    const dash = ok<{ approvals: { entityId: string }[] }>(await (await as('leader', '2025-04-07')).get('/api/dashboard'));
    expect(dash.approvals.map((a) => a.entityId)).not.toContain(r.id);
  });
  it('a fine paid in two parts on the head’s approval; the payment clock follows the schedule', async () => {
    const d = await file({ facts: '分期缴纳的案', filedOn: '2025-04-07' }, '2025-04-07');
    const id = d.id;
    let c = await as('inspector', '2025-04-08');
    ok(
      await c.post(`/api/enforcement/cases/${id}/notify`, {
        circumstance: 'general',
        noticeOn: '2025-04-08',
        servedOn: '2025-04-08',
        penalties: [{ type: 'warning' }, { type: 'fine', amount: 20_000 }],
        discretionReason: '情节一般',
      }),
    );
    ok(await c.post(`/api/enforcement/cases/${id}/decide`, { result: 'penalty', decidedOn: '2025-04-08' }));
    const s = ok<Detail>(await c.post(`/api/enforcement/cases/${id}/serve`, { method: 'direct', servedOn: '2025-04-08' }));
    expect(s.allowedActions).toEqual(['pay', 'instalments', 'applyCourt', 'publish', 'revoke']);
    expect(s.clocks.find((k) => k.kind === 'enforcement.payment')!.due).toBe('2025-04-23'); // 15 days from service
    c = await as('inspector', '2025-04-10');
    ok(await c.post(`/api/enforcement/cases/${id}/payments`, { paidOn: '2025-04-10', amount: 5_000 }));
    const plan = { requestedOn: '2025-04-09', approvedOn: '2025-04-10', approverId: ids.leader, reason: '当事人经营困难，申请分期缴纳' };
    const before = await written();
    refused(
      await c.post(`/api/enforcement/cases/${id}/instalments`, { ...plan, schedule: [{ dueOn: '2025-05-10', amount: 20_000 }] }),
      400,
      'schedule',
      /应等于尚未缴纳的罚款 15000 元/,
    );
    refused(
      await c.post(`/api/enforcement/cases/${id}/instalments`, {
        ...plan,
        schedule: [
          { dueOn: '2025-06-10', amount: 5_000 },
          { dueOn: '2025-05-10', amount: 10_000 },
        ],
      }),
      400,
      'schedule.1.dueOn',
      /依次/,
    );
    refused(
      await c.post(`/api/enforcement/cases/${id}/instalments`, { ...plan, approverId: ids.legal, schedule: [{ dueOn: '2025-05-10', amount: 15_000 }] }),
      400,
      'approverId',
      /审批权限/,
    );
    expect(await written()).toBe(before);
    let i = ok<Detail & { instalments: { kindLabel: string; schedule: { dueOn: string; paid: boolean }[] } }>(
      await c.post(`/api/enforcement/cases/${id}/instalments`, {
        ...plan,
        schedule: [
          { dueOn: '2025-05-10', amount: 10_000 },
          { dueOn: '2025-06-10', amount: 5_000 },
        ],
      }),
    );
    expect(i.instalments.kindLabel).toBe('分期缴纳（2 期）');
    expect(i.allowedActions).not.toContain('instalments');
    expect(i.clocks.find((k) => k.kind === 'enforcement.payment')!.due).toBe('2025-05-12'); // 05-10 a Saturday → Monday (RULES.md §1)
    c = await as('inspector', '2025-05-09');
    i = ok(await c.post(`/api/enforcement/cases/${id}/payments`, { paidOn: '2025-05-09', amount: 10_000 }));
    expect(i.instalments.schedule.map((p) => p.paid)).toEqual([true, false]);
    expect(i.clocks.find((k) => k.kind === 'enforcement.payment')!.due).toBe('2025-06-10');
    const events = ok<{ items: { action: string; changes: { label: string; after: string }[] }[] }>(
      await c.get(`/api/audit/timeline?entityType=enforcementCase&entityId=${id}&pageSize=100`),
    ).items;
    expect(events.find((e) => e.action === 'enforcement.case.instalments')!.changes[0]!.after).toBe(
      '当事人2025年4月9日申请（当事人经营困难，申请分期缴纳），张局长2025年4月10日批准分期缴纳：第 1 期 2025年5月10日前缴纳 10,000 元；第 2 期 2025年6月10日前缴纳 5,000 元',
    );
  });
});

describe('history import and figures', () => {
  const rows = [
    {
      caseNo: '旧〔2024〕1号',
      openedOn: '2024-02-01',
      source: 'inspection',
      decidedOn: '2024-03-01',
      result: 'penalty',
      penalties: [{ type: 'warning' }, { type: 'fine', amount: 20_000 }],
      fineCollected: 20_000,
      review: 'passed',
    },
    {
      caseNo: '旧〔2024〕2号',
      openedOn: '2024-05-01',
      source: 'complaint',
      decidedOn: '2024-06-01',
      result: 'penalty',
      penalties: [
        { type: 'fine', amount: 5_000 },
        { type: 'confiscation', amount: 3_000 },
      ],
      hearing: true,
      review: 'returned',
    },
    { caseNo: '旧〔2024〕3号', openedOn: '2024-07-01', source: 'own', decidedOn: '2024-07-20', result: 'no_penalty' },
    { caseNo: '旧〔2024〕4号', openedOn: '2024-11-01', source: 'own', result: 'pending' },
    { caseNo: '旧〔2024〕5号', openedOn: '2024-08-01', source: 'own', decidedOn: '2024-08-10', result: 'penalty', penalties: [{ type: 'warning' }] },
  ];
  it('all or nothing, with errors by row and column', async () => {
    const c = await as('admin', '2025-04-03');
    const before = await written();
    const bad = [
      ...rows,
      { caseNo: '旧〔2024〕1号', openedOn: '2024-02-01', source: 'own', result: 'penalty' },
      { caseNo: 'x', openedOn: '2024-13-01', source: 'nope', result: 'pending' },
    ];
    const res = await c.post('/api/enforcement/cases/import', bad);
    expect(res.statusCode, res.body).toBe(422);
    const errors = (res.json() as { error: { details: { errors: { row: number; column: string }[] } } }).error.details.errors.map((e) => [e.row, e.column]);
    expect(errors, JSON.stringify(errors)).toEqual(
      expect.arrayContaining([
        [6, '案件编号'],
        [6, '处罚'],
        [7, '立案日期'],
        [7, '案件来源'],
      ]),
    );
    expect(await written()).toBe(before);
    expect(ok<{ imported: number }>(await c.post('/api/enforcement/cases/import', rows))).toEqual({ imported: 5 });
    const template = await c.get('/api/enforcement/cases/import/template');
    expect(template.statusCode).toBe(200);
  });
  it('each figure equals its drill-down; several penalties count once under the heaviest', async () => {
    const c = await as('admin', '2025-04-03');
    const expected: Record<string, number> = {
      'enforcement.cases.opened': 5,
      'enforcement.cases.decided': 4,
      'enforcement.cases.noPenalty': 1,
      'enforcement.cases.byPenaltyConfiscation': 1,
      'enforcement.cases.byPenaltyFine': 1,
      'enforcement.cases.byPenaltyWarning': 1,
      'enforcement.cases.byPenaltyOther': 0,
      'enforcement.fines.imposed': 2,
      'enforcement.fines.collected': 1,
      'enforcement.reviews.passed': 1,
      'enforcement.reviews.returned': 1,
      'enforcement.hearings.held': 1,
    };
    const f = ok<{ figures: Record<string, { value: number }> }>(await c.get('/api/figures?from=2024-01-01&to=2024-12-31')).figures;
    for (const [key, value] of Object.entries(expected)) {
      expect(f[key]!.value, key).toBe(value);
      const drill = ok<{ total: number; items: { entityType: string }[] }>(await c.get(`/api/figures/${key}/records?from=2024-01-01&to=2024-12-31`));
      expect(drill.total, key).toBe(value);
    }
    // 2025: the lifecycle case (hearing, two reviews, fine collected), the two others and the 分期 case
    const g = ok<{ figures: Record<string, { value: number }> }>(await c.get('/api/figures?from=2025-01-01&to=2025-12-31')).figures;
    expect(
      ['cases.opened', 'cases.decided', 'cases.noPenalty', 'fines.imposed', 'fines.collected', 'reviews.passed', 'reviews.returned', 'hearings.held'].map(
        (k) => g[`enforcement.${k}`]!.value,
      ),
    ).toEqual([4, 4, 2, 2, 2, 1, 1, 1]); // and the 分期 case; not the refused filing
  });
});
