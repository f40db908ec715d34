/**
 * Publishing the annual report through the API: only a leader (disclosure.approve) of the org, only
 * a year that is over in Beijing time, once (409) unless a corrected version with a reason; the
 * snapshot is frozen (later records change the live tables, never the published one); the portal
 * reads it without an account; another org's back office gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, countRows, createTestEnv, refused, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let admin: Client;
let leader: Client;
let legal: Client;
let county: Client;
let visitor: Client;
let setup: SetupResponse;

const app = (receivedOn: string, name: string, decidedOn?: string, outcome?: string) => ({
  receivedOn,
  channel: 'letter',
  applicantType: 'natural',
  applicantName: name,
  content: `申请公开${name}所需的档案信息`,
  ...(decidedOn ? { decidedOn, outcome } : {}),
});

type Cells = Record<string, number>;
interface Tables {
  year: number;
  section3: { rows: { key: string; cells: Cells | null }[] };
  section4: unknown;
  section2: unknown;
  section6: unknown;
  checks: { ok: boolean };
}
const r1 = (t: Tables) => t.section3.rows.find((r) => r.key === 's3.r1')!.cells!.total;
const NOW = '2025-03-20T02:00:00Z';

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  leader = await signInDemo(env.app, setup, 'leader');
  legal = await signInDemo(env.app, setup, 'legal');
  county = await signInDemo(env.app, setup, 'county.admin');
  visitor = new Client(env.app);
  const res = await admin.post('/api/disclosure/applications/import', [
    app('2024-02-01', 'P1', '2024-02-20', 'disclosed'),
    app('2024-05-06', 'P2', '2024-05-27', 'partial'),
    app('2024-12-25', 'P3'),
  ]);
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => env.close());

describe('publishing the annual report', () => {
  it('is refused to roles without disclosure.approve and to visitors', async () => {
    expect((await admin.post('/api/disclosure/annual-reports/2024/publish', {})).statusCode).toBe(403);
    expect((await legal.post('/api/disclosure/annual-reports/2024/publish', {})).statusCode).toBe(403);
    expect((await county.post('/api/disclosure/annual-reports/2024/publish', {})).statusCode).toBe(403);
    expect((await visitor.post('/api/disclosure/annual-reports/2024/publish', {})).statusCode).toBe(401);
    expect(await countRows(env, 'disclosure_annual_reports')).toBe(0);
  });

  it('is refused while the report year is not over in Beijing time', async () => {
    const now = await leader.post('/api/disclosure/annual-reports/2025/publish', {});
    expect(now.statusCode).toBe(422);
    expect(now.json().error).toMatchObject({ code: 'disclosure.report_year_not_over', fields: { year: expect.stringContaining('2025') } });
    // 2024-12-31 23:00 in Beijing: 2024 is not over yet
    env.setNow('2024-12-31T15:00:00Z');
    expect((await leader.post('/api/disclosure/annual-reports/2024/publish', {})).json().error.code).toBe('disclosure.report_year_not_over');
    env.setNow(NOW);
    expect((await leader.post('/api/disclosure/annual-reports/2018/publish', {})).statusCode).toBe(400);
    expect(await countRows(env, 'disclosure_annual_reports')).toBe(0);
  });

  let v1: { id: string; version: number };
  let liveAtPublish: Tables;

  it('drafts 一 and 六 from the records, and refuses to publish while a part is empty or only drafted', async () => {
    const n = (await admin.get('/api/disclosure/annual-reports/2024/narrative')).json();
    // P1 予以公开 (Feb), P2 部分公开 (May), P3 received 2024-12-25 and not answered: carried forward
    expect(n).toMatchObject({ overview: '', problems: '', other: '' });
    expect(n.drafts.overview).toBe(
      `2024 年，${setup.org.name}认真贯彻落实《中华人民共和国政府信息公开条例》，依法依规做好政府信息公开工作。` +
        '全年共收到政府信息公开申请 3 件，上年结转 0 件；办结 2 件，其中予以公开 1 件、部分公开 1 件；结转下年度继续办理 1 件。' +
        '因政府信息公开工作被申请行政复议 0 件、被提起行政诉讼 0 件。',
    );
    expect(n.drafts.other).toBe('本年度未收取信息处理费。');
    const refused = await leader.post('/api/disclosure/annual-reports/2024/publish', {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'disclosure.report_narrative_missing',
      fields: { overview: expect.any(String), problems: expect.any(String), other: expect.any(String) },
    });
    expect(refused.json().error.message).toContain('一、总体情况、五、存在的主要问题及改进情况、六、其他需要报告的事项');
    // one part saved: the other two are still named
    const saved = await admin.put('/api/disclosure/annual-reports/2024/narrative', { overview: n.drafts.overview });
    expect(saved.statusCode).toBe(200);
    // the answer is what GET says now: 六 still empty keeps its draft
    expect(saved.json()).toMatchObject({ overview: n.drafts.overview, other: '', drafts: { overview: null, other: '本年度未收取信息处理费。' } });
    const again = (await leader.post('/api/disclosure/annual-reports/2024/publish', {})).json().error;
    expect(Object.keys(again.fields).sort()).toEqual(['other', 'problems']);
    expect((await admin.get('/api/disclosure/annual-reports/2024/narrative')).json().drafts).toEqual({ overview: null, other: '本年度未收取信息处理费。' });
    expect(await countRows(env, 'disclosure_annual_reports')).toBe(0);
  });

  it('publishes: a frozen snapshot of the tables, the narrative and the .docx, audited', async () => {
    expect(
      (
        await admin.put('/api/disclosure/annual-reports/2024/narrative', {
          overview: '本年度总体情况。',
          problems: '主动公开的及时性有待提高，下一年度将按月检查。',
          other: '本年度未收取信息处理费。',
        })
      ).statusCode,
    ).toBe(200);
    liveAtPublish = (await leader.get('/api/disclosure/annual-reports/2024/tables')).json();
    expect(r1(liveAtPublish)).toBe(3);
    const audit = await countRows(env, 'audit_events', setup.org.id);
    const res = await leader.post('/api/disclosure/annual-reports/2024/publish', {});
    expect(res.statusCode, res.body).toBe(200);
    v1 = res.json();
    expect(res.json()).toMatchObject({
      year: 2024,
      version: 1,
      templateId: '2021',
      superseded: false,
      supersedes: null,
      reason: null,
      publishedByName: '张局长',
      org: { id: setup.org.id },
    });
    expect(await countRows(env, 'audit_events', setup.org.id)).toBe(audit + 1);
    const ev = await env.database.pool.query(`SELECT action, entity_id FROM audit_events WHERE org_id = $1 ORDER BY seq DESC LIMIT 1`, [setup.org.id]);
    expect(ev.rows[0]).toEqual({ action: 'disclosure.report.publish', entity_id: v1.id });

    const pubs = (await admin.get('/api/disclosure/annual-reports/2024/publications')).json();
    expect(pubs.current).toMatchObject({ id: v1.id, version: 1 });

    const again = await leader.post('/api/disclosure/annual-reports/2024/publish', {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toHaveProperty('reason');
  });

  it('shows the published report on the portal without an account', async () => {
    const list = await visitor.get(`/api/public/disclosure/annual-reports?orgId=${setup.org.id}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: v1.id, year: 2024, version: 1, superseded: false, org: { id: setup.org.id, name: setup.org.name } }),
    ]);
    const one = await visitor.get(`/api/public/disclosure/annual-reports/${v1.id}`);
    expect(one.statusCode).toBe(200);
    const body = one.json();
    for (const k of ['section2', 'section3', 'section4', 'section6', 'checks'] as const) expect(body.tables[k]).toEqual(liveAtPublish[k]);
    expect(body.narrative).toEqual({
      overview: '本年度总体情况。',
      problems: '主动公开的及时性有待提高，下一年度将按月检查。',
      other: '本年度未收取信息处理费。',
    });
    const docx = await visitor.get(`/api/public/disclosure/annual-reports/${v1.id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await visitor.get('/api/public/disclosure/annual-reports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const countyOrg = (await county.get('/api/auth/me')).json().org.id;
    expect((await visitor.get(`/api/public/disclosure/annual-reports?orgId=${countyOrg}`)).json().items).toEqual([]);
  });

  it('keeps the snapshot frozen when the records change afterwards', async () => {
    const res = await admin.post('/api/disclosure/applications/import', [app('2024-06-03', 'P4', '2024-06-20', 'disclosed')]);
    expect(res.statusCode, res.body).toBe(200);
    await admin.put('/api/disclosure/annual-reports/2024/narrative', { overview: '改写后的总体情况。' });
    const live = (await leader.get('/api/disclosure/annual-reports/2024/tables')).json() as Tables;
    expect(r1(live)).toBe(4);
    const frozen = (await visitor.get(`/api/public/disclosure/annual-reports/${v1.id}`)).json();
    expect(r1(frozen.tables)).toBe(3);
    expect(frozen.tables.section3).toEqual(liveAtPublish.section3);
    expect(frozen.narrative.overview).toBe('本年度总体情况。');
  });

  it('publishes a corrected version with a reason that supersedes the old one, which stays visible', async () => {
    const res = await leader.post('/api/disclosure/annual-reports/2024/publish', { reason: '补录 6 月收到的一件申请' });
    expect(res.statusCode, res.body).toBe(200);
    const v2 = res.json();
    expect(v2).toMatchObject({ version: 2, supersedes: v1.id, reason: '补录 6 月收到的一件申请', superseded: false });
    const ev = await env.database.pool.query(`SELECT action FROM audit_events WHERE org_id = $1 ORDER BY seq DESC LIMIT 1`, [setup.org.id]);
    expect(ev.rows[0].action).toBe('disclosure.report.republish');

    const list = (await visitor.get('/api/public/disclosure/annual-reports?year=2024')).json().items;
    expect(list.map((i: { version: number; superseded: boolean }) => [i.version, i.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
    const old = (await visitor.get(`/api/public/disclosure/annual-reports/${v1.id}`)).json();
    expect(old).toMatchObject({ superseded: true, supersededBy: v2.id });
    expect(r1(old.tables)).toBe(3);
    expect(r1((await visitor.get(`/api/public/disclosure/annual-reports/${v2.id}`)).json().tables)).toBe(4);
    const pubs = (await leader.get('/api/disclosure/annual-reports/2024/publications')).json();
    expect(pubs.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(pubs).toMatchObject({ total: 2, page: 1, pageSize: 20, current: { id: v2.id } });
  });

  it('pages the versions and the portal list: page 2 is the slice of the whole, with the total; a page of more than 200 is refused', async () => {
    const back = (await leader.get('/api/disclosure/annual-reports/2024/publications?page=2&pageSize=1')).json();
    expect(back).toMatchObject({ total: 2, page: 2, pageSize: 1, current: { version: 2 } });
    expect(back.items.map((v: { version: number }) => v.version)).toEqual([1]);
    refused(await leader.get('/api/disclosure/annual-reports/2024/publications?pageSize=201'), 400, 'pageSize', /每页最多 200 条/);

    const portal = (await visitor.get('/api/public/disclosure/annual-reports?page=2&pageSize=1')).json();
    expect(portal).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(portal.items.map((v: { version: number; superseded: boolean }) => [v.version, v.superseded])).toEqual([[1, true]]);
    expect((await visitor.get('/api/public/disclosure/annual-reports?page=3&pageSize=1')).json()).toMatchObject({ items: [], total: 2 });
    refused(await visitor.get('/api/public/disclosure/annual-reports?pageSize=201'), 400, 'pageSize', /每页最多 200 条/);
  });

  it('answers 404 to another org in the back office; a parent org reads a descendant', async () => {
    expect((await county.get(`/api/disclosure/annual-reports/2024/publications?orgId=${setup.org.id}`)).statusCode).toBe(404);
    const countyOrg = (await county.get('/api/auth/me')).json().org.id;
    const down = await leader.get(`/api/disclosure/annual-reports/2024/publications?orgId=${countyOrg}`);
    expect(down.statusCode).toBe(200);
    expect(down.json()).toMatchObject({ current: null, items: [], total: 0 });
    expect((await county.get('/api/disclosure/annual-reports/2024/publications')).json().items).toEqual([]);
  });
});
