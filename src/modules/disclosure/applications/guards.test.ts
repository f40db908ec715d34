/**
 * Rules a 政府信息公开 application's record must follow, through HTTP (issue 9 items 5–7): outcomes
 * that rest on a fact of the record (逾期不补正, 补正后仍不明确, 非本机关负责公开 with the agency, the way
 * disclosed information is provided), every notice dated before what it follows refused with the
 * field named and nothing written, the correction deadline and the latest day to send a correction
 * notice on working days, and a consultation silent past its 15 working days resuming the reply
 * clock by itself — on the timeline once, by the sweep or the next write, never by a read.
 * Dates hand-counted on the 2025 schedule (清明 Fri 4 April).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';
import { sweepConsultationLapses } from './lapse.service.js';

let env: TestEnv;
let staff: Client;
let leader: Client;
let setup: SetupResponse;

async function travel(iso: string) {
  env.setNow(iso);
  staff = await signInDemo(env.app, setup, 'staff');
  leader = await signInDemo(env.app, setup, 'leader');
}
async function apply(receivedOn: string, applicantName = '王小明') {
  const r = await staff.post('/api/disclosure/applications', {
    channel: 'in_person',
    applicantType: 'natural',
    applicantName,
    receivedOn,
    content: `请公开本局档案行政检查计划（${Math.random()}）`,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().application.id as string;
}
const ok = async (c: Client, url: string, body: Record<string, unknown>) => {
  const r = await c.post(url, body);
  expect(r.statusCode, `${url} ${r.body}`).toBe(200);
  return r.json();
};
const url = (id: string, path: string) => `/api/disclosure/applications/${id}/${path}`;
/** The application's row and its events: what a refused request must leave as it was. */
async function footprint(id: string) {
  const row = await env.database.pool.query(`SELECT * FROM disclosure_applications WHERE id = $1`, [id]);
  const events = await env.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [id]);
  return JSON.stringify({ row: row.rows[0], events: events.rows[0].n });
}
async function refusedUnchanged(id: string, c: Client, path: string, body: Record<string, unknown>, status: number, field: string, message: string | RegExp) {
  const before = await footprint(id);
  const r = await c.post(url(id, path), body);
  expect(r.statusCode, `${path} ${JSON.stringify(body)}: ${r.body}`).toBe(status);
  const f = r.json().error.fields?.[field] as string | undefined;
  expect(f, `field ${field} named: ${r.body}`).toBeTruthy();
  if (typeof message === 'string') expect(f).toBe(message);
  else expect(f).toMatch(message);
  expect(await footprint(id)).toBe(before);
}
const actions = async (id: string) =>
  (await env.database.pool.query(`SELECT action, after FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [id])).rows as {
    action: string;
    after: Record<string, unknown>;
  }[];

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-20T02:00:00Z' });
  ({ setup } = await setupOrg(env.app, { demo: true }));
  await travel('2025-03-20T02:00:00Z');
});
afterAll(async () => env.close());

describe('outcomes that rest on the record', () => {
  it('逾期不补正 only after a correction notice whose period ended without a corrected application', async () => {
    const none = await apply('2025-03-03');
    await refusedUnchanged(
      none,
      staff,
      'decision',
      { decidedOn: '2025-03-19', outcome: 'other.no_correction' },
      422,
      'outcome',
      '“逾期不补正”须先发出补正通知：本申请没有发出补正通知（条例第三十条）',
    );

    const waiting = await apply('2025-03-03');
    await ok(staff, url(waiting, 'correction'), { sentOn: '2025-03-04', deadline: '2025-03-14', items: '请写明所需信息的名称' });
    // the period's last day is 14 March: a decision that day is still within it
    await refusedUnchanged(
      waiting,
      staff,
      'decision',
      { decidedOn: '2025-03-14', outcome: 'other.no_correction' },
      422,
      'outcome',
      '补正期限至 2025-03-14 届满，届满前不能按“逾期不补正”处理（答复日期 2025-03-14）',
    );
    const d = await ok(staff, url(waiting, 'decision'), { decidedOn: '2025-03-17', outcome: 'other.no_correction' });
    expect(d).toMatchObject({ status: 'decided', outcome: 'other.no_correction', outcomeLabel: '逾期不补正' });

    const corrected = await apply('2025-03-03');
    await ok(staff, url(corrected, 'correction'), { sentOn: '2025-03-04', deadline: '2025-03-14', items: '请写明所需信息的名称' });
    await ok(staff, url(corrected, 'corrected'), { receivedOn: '2025-03-12' });
    await refusedUnchanged(
      corrected,
      staff,
      'decision',
      { decidedOn: '2025-03-19', outcome: 'other.no_correction' },
      422,
      'outcome',
      '申请人已于 2025-03-12 提交补正后的申请，不能按“逾期不补正”处理',
    );
  });

  it('补正后仍不明确 only after a corrected application', async () => {
    const none = await apply('2025-03-03');
    await refusedUnchanged(
      none,
      staff,
      'decision',
      { decidedOn: '2025-03-19', outcome: 'unavailable.unclear_after_correction' },
      422,
      'outcome',
      /本申请没有发出补正通知/,
    );
    const waiting = await apply('2025-03-03');
    await ok(staff, url(waiting, 'correction'), { sentOn: '2025-03-04', deadline: '2025-03-14', items: '请写明所需信息的名称' });
    await refusedUnchanged(
      waiting,
      staff,
      'decision',
      { decidedOn: '2025-03-19', outcome: 'unavailable.unclear_after_correction' },
      422,
      'outcome',
      /尚未登记收到补正申请/,
    );
    await ok(staff, url(waiting, 'corrected'), { receivedOn: '2025-03-10' });
    expect(await ok(staff, url(waiting, 'decision'), { decidedOn: '2025-03-19', outcome: 'unavailable.unclear_after_correction' })).toMatchObject({
      status: 'decided',
    });
  });

  it('非本机关负责公开 names the agency that holds the information; 信息不存在 does not', async () => {
    const a = await apply('2025-03-03');
    await refusedUnchanged(
      a,
      staff,
      'decision',
      { decidedOn: '2025-03-19', outcome: 'unavailable.not_ours' },
      400,
      'holderAgency',
      /条例第三十六条第（五）项.*请填写负责公开的行政机关/,
    );
    await refusedUnchanged(
      a,
      staff,
      'decision',
      { decidedOn: '2025-03-19', outcome: 'unavailable.not_ours', holderAgency: '   ' },
      400,
      'holderAgency',
      /请填写负责公开的行政机关/,
    );
    const d = await ok(staff, url(a, 'decision'), {
      decidedOn: '2025-03-19',
      outcome: 'unavailable.not_ours',
      holderAgency: '测试市自然资源局',
      holderContact: '0411-12345678',
    });
    expect(d).toMatchObject({ outcomeLabel: '非本机关负责公开', holderAgency: '测试市自然资源局', holderContact: '0411-12345678' });
    const b = await apply('2025-03-03');
    const nh = await ok(staff, url(b, 'decision'), { decidedOn: '2025-03-19', outcome: 'unavailable.not_held', holderAgency: '别处' });
    expect(nh).toMatchObject({ outcomeLabel: '信息不存在', holderAgency: null });
  });

  it('予以公开 by pointing to where it is published or when to collect it needs that text', async () => {
    const a = await apply('2025-03-03');
    await refusedUnchanged(
      a,
      staff,
      'decision',
      { decidedOn: '2025-03-19', outcome: 'disclosed', accessMode: 'published' },
      400,
      'accessNote',
      /获取方式和途径/,
    );
    await refusedUnchanged(
      a,
      staff,
      'decision',
      { decidedOn: '2025-03-19', outcome: 'partial', accessMode: 'arranged' },
      400,
      'accessNote',
      /方式、途径和时间/,
    );
    const d = await ok(staff, url(a, 'decision'), { decidedOn: '2025-03-19', outcome: 'disclosed', accessMode: 'published', accessNote: '本局门户网站' });
    expect(d).toMatchObject({ accessMode: 'published', accessNote: '本局门户网站' });
  });
});

describe('a notice dated before what it follows is refused with the field named, nothing written, never a 500', () => {
  it('each action, with early dates', async () => {
    // received Mon 2025-03-10 (today is 2025-03-20)
    const a = await apply('2025-03-10');
    const cases: [string, Record<string, unknown>, number, string, string | RegExp][] = [
      ['correction', { sentOn: '2025-03-07', deadline: '2025-03-24', items: '补正' }, 400, 'sentOn', '补正通知发出日期 2025-03-07 早于收到申请日期 2025-03-10'],
      ['correction', { sentOn: '2025-03-11', deadline: '2025-03-11', items: '补正' }, 400, 'deadline', '补正期限 2025-03-11 应晚于补正通知发出日期 2025-03-11'],
      ['correction', { sentOn: '2025-03-11', deadline: '2100-01-04', items: '补正' }, 400, 'deadline', /^补正期限 2100-01-04 超出工作日历的范围：/],
      ['corrected', { receivedOn: '2025-03-11' }, 409, 'receivedOn', '本申请没有发出补正通知，不能登记补正'],
      [
        'consultations',
        { kind: 'third_party', party: '某公司', startedOn: '2025-03-07' },
        400,
        'startedOn',
        '征求意见函发出日期 2025-03-07 早于收到申请日期 2025-03-10',
      ],
      ['extension', { days: 10, reason: '需要调阅', approvedOn: '2025-03-07' }, 400, 'approvedOn', '批准日期 2025-03-07 早于收到申请日期 2025-03-10'],
      [
        'extension',
        { days: 10, reason: '需要调阅', approvedOn: '2025-03-12', noticeOn: '2025-03-11' },
        400,
        'noticeOn',
        '告知申请人日期 2025-03-11 早于批准日期 2025-03-12',
      ],
      ['decision', { decidedOn: '2025-03-07', outcome: 'disclosed' }, 400, 'decidedOn', '答复日期 2025-03-07 早于收到申请日期 2025-03-10'],
      ['fee', { method: 'page', pages: 40, noticeOn: '2025-03-07' }, 400, 'noticeOn', '收费通知日期 2025-03-07 早于收到申请日期 2025-03-10'],
      ['fee/paid', { paidOn: '2025-03-11' }, 409, 'paidOn', '本申请没有发出收费通知，无需登记缴费'],
      ['fee/served', { servedOn: '2025-03-11' }, 409, 'servedOn', '本申请没有发出收费通知，无需登记送达'],
    ];
    for (const [path, body, status, field, message] of cases)
      await refusedUnchanged(a, path === 'extension' ? leader : staff, path, body, status, field, message);

    // after a correction notice (Mar 11) and the corrected application (Mar 13)
    await ok(staff, url(a, 'correction'), { sentOn: '2025-03-11', deadline: '2025-03-18', items: '请写明名称' });
    await refusedUnchanged(
      a,
      staff,
      'corrected',
      { receivedOn: '2025-03-10' },
      400,
      'receivedOn',
      '收到补正申请日期 2025-03-10 早于补正通知发出日期 2025-03-11',
    );
    await refusedUnchanged(
      a,
      staff,
      'decision',
      { decidedOn: '2025-03-10', outcome: 'disclosed' },
      400,
      'decidedOn',
      '答复日期 2025-03-10 早于补正通知发出日期 2025-03-11',
    );
    await ok(staff, url(a, 'corrected'), { receivedOn: '2025-03-13' });
    await refusedUnchanged(
      a,
      staff,
      'consultations',
      { kind: 'agency', party: '测试市自然资源局', startedOn: '2025-03-12' },
      400,
      'startedOn',
      '征求意见函发出日期 2025-03-12 早于收到补正申请日期 2025-03-13',
    );
    await refusedUnchanged(
      a,
      leader,
      'extension',
      { days: 5, reason: '需要调阅', approvedOn: '2025-03-12' },
      400,
      'approvedOn',
      '批准日期 2025-03-12 早于收到补正申请日期 2025-03-13',
    );
    await refusedUnchanged(
      a,
      staff,
      'fee',
      { method: 'page', pages: 40, noticeOn: '2025-03-12' },
      400,
      'noticeOn',
      '收费通知日期 2025-03-12 早于收到补正申请日期 2025-03-13',
    );
    await refusedUnchanged(
      a,
      staff,
      'decision',
      { decidedOn: '2025-03-12', outcome: 'disclosed' },
      400,
      'decidedOn',
      '答复日期 2025-03-12 早于收到补正申请日期 2025-03-13',
    );

    // a consultation (Mar 14) and its answer; a fee notice (Mar 17); an extension (Mar 18)
    const c = await ok(staff, url(a, 'consultations'), { kind: 'agency', party: '测试市自然资源局', startedOn: '2025-03-14' });
    const cid = c.consultations[0].id as string;
    await refusedUnchanged(
      a,
      staff,
      `consultations/${cid}/end`,
      { endedOn: '2025-03-13' },
      400,
      'endedOn',
      '收到答复日期 2025-03-13 早于征求意见函发出日期 2025-03-14',
    );
    await ok(staff, url(a, `consultations/${cid}/end`), { endedOn: '2025-03-17' });
    await ok(staff, url(a, 'fee'), { method: 'page', pages: 40, noticeOn: '2025-03-17' });
    await refusedUnchanged(a, staff, 'fee/served', { servedOn: '2025-03-14' }, 400, 'servedOn', '收费通知送达日期 2025-03-14 早于收费通知日期 2025-03-17');
    await refusedUnchanged(a, staff, 'fee/paid', { paidOn: '2025-03-14' }, 400, 'paidOn', '缴费日期 2025-03-14 早于收费通知日期 2025-03-17');
    await refusedUnchanged(
      a,
      staff,
      'decision',
      { decidedOn: '2025-03-14', outcome: 'disclosed' },
      400,
      'decidedOn',
      '答复日期 2025-03-14 早于收费通知日期 2025-03-17',
    );
    await ok(staff, url(a, 'fee/paid'), { paidOn: '2025-03-18' });
    await ok(leader, url(a, 'extension'), { days: 5, reason: '需要调阅', approvedOn: '2025-03-19' });
    await refusedUnchanged(
      a,
      staff,
      'decision',
      { decidedOn: '2025-03-18', outcome: 'disclosed' },
      400,
      'decidedOn',
      '答复日期 2025-03-18 早于延期批准日期 2025-03-19',
    );
    expect(await ok(staff, url(a, 'decision'), { decidedOn: '2025-03-20', outcome: 'disclosed' })).toMatchObject({ status: 'decided' });
  });

  it('a receipt date outside the calendar is refused naming the field', async () => {
    const r = await staff.post('/api/disclosure/applications', {
      channel: 'in_person',
      applicantType: 'natural',
      applicantName: '古人',
      receivedOn: '1999-03-01',
      content: '旧档案',
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.fields.receivedOn).toMatch(/^收到申请日期 1999-03-01 超出工作日历的范围/);
  });
});

describe('working days the record states', () => {
  it('the latest day to send a correction notice and a correction deadline are working days', async () => {
    // received Thu 2025-03-20: 7 working days Mar 21 (1), 24–28 (6), Mar 31 (7)
    const a = await apply('2025-03-20');
    const d = (await staff.get(`/api/disclosure/applications/${a}`)).json();
    expect(d.correctionNoticeBy).toEqual({ due: '2025-03-31', provisional: false, provisionalYears: [] });
    await travel('2025-04-01T02:00:00Z');
    // received Thu 2025-03-27: Mar 28 (1), Mar 31–Apr 3 (5), 清明 Fri Apr 4 skipped, Apr 7–8 (7)
    const b = await apply('2025-03-27');
    expect((await staff.get(`/api/disclosure/applications/${b}`)).json().correctionNoticeBy.due).toBe('2025-04-08');
    // a deadline on 清明 (Fri Apr 4) ends on the next working day, Mon Apr 7 — letter, detail and guard alike
    const c = await ok(staff, url(b, 'correction'), { sentOn: '2025-03-28', deadline: '2025-04-04', items: '请写明名称' });
    expect(c.correction).toMatchObject({ deadline: '2025-04-07', late: false });
    await travel('2025-03-20T02:00:00Z');
  });
});

describe('a consultation silent past its 15 working days (条例第三十二、三十四条)', () => {
  it('resumes the reply clock on the next working day by itself; the sweep puts it on the timeline once; reads never write', async () => {
    // received Mon 2025-03-03; consultation sent Mon Mar 10: its 15 working days end Mon Mar 31
    const a = await apply('2025-03-03', '征求意见人');
    const s = await ok(staff, url(a, 'consultations'), { kind: 'third_party', party: '某某档案数字化公司', startedOn: '2025-03-10' });
    // paused Mar 10–31 at the most: Mar 4–7 (4), Apr 1–3 (7), 清明 Apr 4, Apr 7–11 (12), 14–18 (17), 21–23 (20)
    expect(s).toMatchObject({ status: 'consulting', clock: { due: '2025-04-23', state: 'running' }, consultations: [{ resumedOn: null }] });

    // on the consultation's last day nothing has lapsed
    await travel('2025-03-31T02:00:00Z');
    const sweepAt = (iso: string) => sweepConsultationLapses({ db: env.database.db, actor: null, now: () => new Date(iso) });
    expect(await sweepAt('2025-03-31T02:00:00Z')).toBe(0);
    expect((await staff.get(`/api/disclosure/applications/${a}`)).json()).toMatchObject({ status: 'consulting', consultations: [{ resumedOn: null }] });

    // the next working day the clock runs again: the read shows it, and writes nothing
    await travel('2025-04-01T02:00:00Z');
    const before = await footprint(a);
    const d = (await staff.get(`/api/disclosure/applications/${a}`)).json();
    expect(d).toMatchObject({ status: 'processing', clock: { due: '2025-04-23', state: 'running' }, consultations: [{ resumedOn: '2025-04-01' }] });
    expect((await staff.get(`/api/disclosure/applications?q=征求意见人`)).json().items[0]).toMatchObject({ status: 'processing', due: '2025-04-23' });
    expect(await footprint(a)).toBe(before);

    expect(await sweepAt('2025-04-01T02:00:00Z')).toBe(1);
    expect(await sweepAt('2025-04-01T03:00:00Z')).toBe(0); // idempotent
    const events = await actions(a);
    expect(events.map((e) => e.action)).toEqual([
      'disclosure.application.create',
      'disclosure.application.consultation_start',
      'disclosure.application.consultation_lapsed',
    ]);
    expect(events.at(-1)!.after.note).toBe(
      '征求第三方（某某档案数字化公司）意见的期限（15个工作日）已于 2025-03-31 届满，未收到答复；答复期限自 2025-04-01 起恢复计算（条例第三十二条）',
    );
    const row = await env.database.pool.query(`SELECT status, consultations FROM disclosure_applications WHERE id = $1`, [a]);
    expect(row.rows[0]).toMatchObject({ status: 'processing', consultations: [{ lapsedOn: '2025-04-01' }] });
    const clock = await env.database.pool.query(`SELECT closed_at FROM clocks WHERE entity_type = 'disclosureConsultation' AND entity_id = $1`, [
      s.consultations[0].id,
    ]);
    expect(clock.rows[0].closed_at).not.toBeNull();

    // a late answer is recorded but pauses nothing more
    const late = await ok(staff, url(a, `consultations/${s.consultations[0].id as string}/end`), { endedOn: '2025-04-01' });
    expect(late).toMatchObject({ clock: { due: '2025-04-23' } });
    expect(late.clock.explanation.join('\n')).toContain('2025-04-01 才收到答复，超过征求意见期限');
    expect((await actions(a)).filter((e) => e.action === 'disclosure.application.consultation_lapsed')).toHaveLength(1);
  });

  it('the next write of the application records the lapse first, in the same transaction', async () => {
    await travel('2025-03-20T02:00:00Z');
    const a = await apply('2025-03-03', '其他机关征求');
    await ok(staff, url(a, 'consultations'), { kind: 'agency', party: '测试市自然资源局', startedOn: '2025-03-10' });
    await travel('2025-04-02T02:00:00Z');
    // a write refused inside the transaction records nothing, not even the lapse
    const before = await footprint(a);
    const bad = await staff.post(url(a, 'decision'), { decidedOn: '2025-04-02', outcome: 'other.no_correction' });
    expect(bad.statusCode).toBe(422);
    expect(await footprint(a)).toBe(before);
    await ok(staff, url(a, 'decision'), { decidedOn: '2025-04-02', outcome: 'disclosed' });
    const events = await actions(a);
    expect(events.map((e) => e.action)).toEqual([
      'disclosure.application.create',
      'disclosure.application.consultation_start',
      'disclosure.application.consultation_lapsed',
      'disclosure.application.decide',
    ]);
    expect(events[2]!.after.note).toContain('答复期限自 2025-04-01 起恢复计算（条例第三十四条）');
    expect(await sweepConsultationLapses({ db: env.database.db, actor: null, now: () => new Date('2025-04-02T03:00:00Z') })).toBe(0);
  });
});
