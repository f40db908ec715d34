/**
 * 主动公开目录 through HTTP: CRUD with validation and tenancy, the 20-working-day clock of each entry
 * (条例第二十六条) in the kernel clocks table, and section 二 of the annual report computed from the
 * register under both templates, each cell drilling down to its entries. Every figure hand-counted
 * from the fixture below.
 *
 * Fixture (demo org), today 2025-03-20:
 *   R1 规章      made 2023-05-10 published 2023-05-20
 *   R2 规章      made 2024-02-01 published 2024-02-20 abolished 2024-11-30
 *   N1 规范性文件 made 2024-03-04 published 2024-03-15
 *   N2 规范性文件 made 2022-01-10 published 2022-01-20 abolished 2024-06-30
 *   N3 规范性文件 made 2024-12-20 (not published)
 *   N4 规范性文件 made 2020-04-01 published 2020-04-10
 *   LI1 行政许可 item made 2019-01-01; LI2 item made 2020-06-01
 *   LD0 行政许可 decision 2020-10-10; LD1 decision 2024-05-06; LD2 decision 2023-08-01
 *   OI1 其他对外管理服务事项 item made 2018-05-01 abolished 2020-03-01
 *   PD1 行政处罚 decision 2024-07-01
 *   FI1 行政事业性收费 item made 2019-07-01
 *   F1 收费 2024-03-01 1234.56 元; F2 2024-09-01 500 元; F3 2023-04-01 100 元
 *   PR1 政府集中采购 2020-08-08 250000 元
 *
 * 2024 (template 2021): 规章 制发 1 (R2) 废止 1 (R2) 现行有效 1 (R1); 规范性文件 制发 2 (N1, N3) 废止 1 (N2)
 *   现行有效 3 (N1, N3, N4); 行政许可 1 (LD1); 行政处罚 1 (PD1); 行政强制 0; 收费 1734.56 元 = 0.173456 万元.
 * 2020 (template 2019): 规章 0/0/0; 规范性文件 1/1/1 (N4); 行政许可 上一年 1 (LI1) 增减 +1 (LI2) 决定 1 (LD0);
 *   其他对外管理服务事项 1 / −1 (OI1) / 0; 处罚、强制 0; 收费项目 1 (FI1) / 0; 采购 1 项 25 万元 (PR1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../test-docx.js';
import { Client, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let staff: Client;
let leader: Client;
let county: Client;
let setup: SetupResponse;
const ids: Record<string, string> = {};

async function entry(name: string, body: Record<string, unknown>) {
  const r = await staff.post('/api/disclosure/register', { title: name, ...body });
  expect(r.statusCode, r.body).toBe(200);
  ids[name] = r.json().id;
  return r.json();
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-20T02:00:00Z' });
  ({ setup } = await setupOrg(env.app, { demo: true }));
  staff = await signInDemo(env.app, setup, 'staff');
  leader = await signInDemo(env.app, setup, 'leader');
  county = await signInDemo(env.app, setup, 'county.admin');
  const doc = (category: string, madeOn: string, publishedOn?: string, abolishedOn?: string) => ({
    category,
    entryKind: 'document',
    madeOn,
    publishedOn,
    abolishedOn,
  });
  await entry('R1', doc('regulation', '2023-05-10', '2023-05-20'));
  await entry('R2', doc('regulation', '2024-02-01', '2024-02-20', '2024-11-30'));
  await entry('N1', { ...doc('normative_document', '2024-03-04', '2024-03-15'), docNumber: '测档发〔2024〕3号', link: 'https://example.gov.cn/n1' });
  await entry('N2', doc('normative_document', '2022-01-10', '2022-01-20', '2024-06-30'));
  await entry('N3', doc('normative_document', '2024-12-20'));
  await entry('N4', doc('normative_document', '2020-04-01', '2020-04-10'));
  await entry('LI1', { category: 'licensing', entryKind: 'item', madeOn: '2019-01-01', publishedOn: '2019-01-02' });
  await entry('LI2', { category: 'licensing', entryKind: 'item', madeOn: '2020-06-01', publishedOn: '2020-06-02' });
  await entry('LD0', { category: 'licensing', entryKind: 'decision', madeOn: '2020-10-10', publishedOn: '2020-10-12' });
  await entry('LD1', { category: 'licensing', entryKind: 'decision', madeOn: '2024-05-06', publishedOn: '2024-05-07' });
  await entry('LD2', { category: 'licensing', entryKind: 'decision', madeOn: '2023-08-01', publishedOn: '2023-08-02' });
  await entry('OI1', { category: 'other_service', entryKind: 'item', madeOn: '2018-05-01', publishedOn: '2018-05-02', abolishedOn: '2020-03-01' });
  await entry('PD1', { category: 'penalty', entryKind: 'decision', madeOn: '2024-07-01', publishedOn: '2024-07-03' });
  await entry('FI1', { category: 'fee', entryKind: 'item', madeOn: '2019-07-01', publishedOn: '2019-07-01' });
  await entry('F1', { category: 'fee', entryKind: 'decision', madeOn: '2024-03-01', publishedOn: '2024-03-01', amount: 1234.56 });
  await entry('F2', { category: 'fee', entryKind: 'decision', madeOn: '2024-09-01', publishedOn: '2024-09-02', amount: 500 });
  await entry('F3', { category: 'fee', entryKind: 'decision', madeOn: '2023-04-01', publishedOn: '2023-04-03', amount: 100 });
  await entry('PR1', { category: 'procurement', entryKind: 'decision', madeOn: '2020-08-08', publishedOn: '2020-08-10', amount: 250000 });
});
afterAll(async () => env.close());

interface Tables {
  section2: { source: string | null; blocks: { key: string; rows: { key: string; drillKey: string; cells: Record<string, number | null> }[] }[] };
}
const s2 = async (c: Client, year: number) => {
  const r = await c.get(`/api/disclosure/annual-reports/${year}/tables`);
  expect(r.statusCode, r.body).toBe(200);
  const t = r.json() as Tables;
  return { source: t.section2.source, cells: Object.fromEntries(t.section2.blocks.flatMap((b) => b.rows.map((row) => [row.drillKey, row.cells]))) };
};

describe('register entries', () => {
  it('validates category, kind, dates and amount, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'regulation', entryKind: 'item', madeOn: '2024-01-02' }, 'entryKind'],
      [{ category: 'nonsense', entryKind: 'document', madeOn: '2024-01-02' }, 'category'],
      [{ category: 'fee', entryKind: 'decision', madeOn: '2024-01-02' }, 'amount'],
      [{ category: 'regulation', entryKind: 'document', madeOn: '2024-01-02', amount: 5 }, 'amount'],
      [{ category: 'regulation', entryKind: 'document', madeOn: '2024-01-10', publishedOn: '2024-01-09' }, 'publishedOn'],
      [{ category: 'regulation', entryKind: 'document', madeOn: '2024-01-10', abolishedOn: '2024-01-09' }, 'abolishedOn'],
      [{ category: 'regulation', entryKind: 'document', madeOn: '2025-03-21' }, 'madeOn'],
      [{ category: 'regulation', entryKind: 'document', madeOn: '2024-02-30' }, 'madeOn'],
    ];
    for (const [body, field] of cases) {
      const r = await staff.post('/api/disclosure/register', { title: '坏条目', ...body });
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    expect(
      (await leader.post('/api/disclosure/register', { title: 'x', category: 'regulation', entryKind: 'document', madeOn: '2024-01-02' })).statusCode,
    ).toBe(403);
    const cats = (await staff.get('/api/disclosure/register/categories')).json().items;
    expect(cats.find((c: { key: string }) => c.key === 'fee')).toMatchObject({ item: '第二十条第（八）项', label: '行政事业性收费', reportRow: 'fees' });
  });

  it('lists, reads, and keeps each entry on a 20-working-day clock until published', async () => {
    const list = (await staff.get('/api/disclosure/register?category=normative_document')).json();
    expect(list.total).toBe(4);
    const n1 = list.items.find((i: { title: string }) => i.title === 'N1');
    expect(n1).toMatchObject({
      item: '第二十条第（一）项',
      categoryLabel: '规范性文件',
      docNumber: '测档发〔2024〕3号',
      link: 'https://example.gov.cn/n1',
      clock: { state: 'met' },
    });
    // N3 made Fri 2024-12-20: Dec 23–27 (5), Dec 30–31 (7), 元旦 Jan 1 skipped, Jan 2–3 (9), Jan 6–10 (14), Jan 13–17 (19), Jan 20 (20)
    const n3 = (await staff.get(`/api/disclosure/register/${ids.N3}`)).json();
    expect(n3.clock).toMatchObject({ due: '2025-01-20', state: 'overdue' });
    expect((await staff.get('/api/disclosure/register?unpublished=true')).json().items.map((i: { title: string }) => i.title)).toEqual(['N3']);
    const titles = async (query: string) =>
      ((await staff.get(`/api/disclosure/register?${query}`)).json().items as { title: string }[]).map((i) => i.title).sort();
    expect(await titles('category=fee&year=2024')).toEqual(['F1', 'F2']); // FI1 was made in 2019, F3 in 2023
    expect(await titles('category=licensing&year=2020&unpublished=false')).toEqual(['LD0', 'LI2']);
    expect((await staff.get('/api/disclosure/register?year=1999')).statusCode).toBe(400);
    const dash = (await staff.get('/api/dashboard')).json();
    expect(dash.items.find((i: { entityId: string }) => i.entityId === ids.N3)).toMatchObject({
      kind: 'disclosure.proactive',
      due: '2025-01-20',
      state: 'overdue',
    });

    const pub = await staff.patch(`/api/disclosure/register/${ids.N3}`, { publishedOn: '2025-01-15', link: 'https://example.gov.cn/n3' });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ publishedOn: '2025-01-15', clock: { due: '2025-01-20', state: 'met' } });
    const row = await env.database.pool.query(`SELECT closed_at FROM clocks WHERE entity_id = $1 AND kind = 'disclosure.proactive'`, [ids.N3]);
    expect(row.rows[0].closed_at).not.toBeNull();
    expect((await staff.patch(`/api/disclosure/register/${ids.N3}`, { publishedOn: '2024-12-19' })).statusCode).toBe(400);
    const events = await env.database.pool.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [ids.N3]);
    expect(events.rows.map((e: { action: string }) => e.action)).toEqual(['disclosure.register.create', 'disclosure.register.update']);
  });

  it('another org answers 404; a mistaken entry is deleted with its clock', async () => {
    expect((await county.get(`/api/disclosure/register/${ids.N1}`)).statusCode).toBe(404);
    expect((await county.patch(`/api/disclosure/register/${ids.N1}`, { title: 'x' })).statusCode).toBe(404);
    expect((await county.delete(`/api/disclosure/register/${ids.N1}`)).statusCode).toBe(404);
    expect((await county.get('/api/disclosure/register')).json().total).toBe(0);
    const e = await entry('MISTAKE', { category: 'regulation', entryKind: 'document', madeOn: '2025-03-01' });
    expect((await staff.delete(`/api/disclosure/register/${e.id}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/disclosure/register/${e.id}`)).statusCode).toBe(404);
    expect((await env.database.pool.query(`SELECT 1 FROM clocks WHERE entity_id = $1`, [e.id])).rowCount).toBe(0);
  });
});

describe('section 二 of the annual report from the register', () => {
  it('2024 under template 2021', async () => {
    const { source, cells } = await s2(staff, 2024);
    expect(source).toBe('register');
    expect(cells).toEqual({
      's2.item1.regulations': { issued: 1, repealed: 1, in_force: 1 },
      's2.item1.normative_documents': { issued: 2, repealed: 1, in_force: 3 },
      's2.item5.licensing': { decisions: 1 },
      's2.item6.penalty': { decisions: 1 },
      's2.item6.coercion': { decisions: 0 },
      's2.item8.fees': { fee_amount: 0.173456 },
    });
  });

  it('2020 under template 2019 (the 营口 shape: 规范性文件 1/1/1)', async () => {
    const { cells } = await s2(staff, 2020);
    expect(cells).toEqual({
      's2.item1.regulations': { new_made: 0, new_published: 0, total_published: 0 },
      's2.item1.normative_documents': { new_made: 1, new_published: 1, total_published: 1 },
      's2.item5.licensing': { prev_items: 1, change: 1, decisions: 1 },
      's2.item5.other_services': { prev_items: 1, change: -1, decisions: 0 },
      's2.item6.penalty': { prev_items: 0, change: 0, decisions: 0 },
      's2.item6.coercion': { prev_items: 0, change: 0, decisions: 0 },
      's2.item8.fees': { prev_items: 1, change: 0 },
      's2.item9.procurement': { items: 1, amount: 25 },
    });
  });

  it('every cell drills down to its entries', async () => {
    const cell = async (year: number, row: string, col: string) => {
      const r = await staff.get(`/api/disclosure/annual-reports/${year}/cells/${row}/${col}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { section: string; count: number; value: number; row: { label: string }; items: { title: string }[] };
    };
    const inForce = await cell(2024, 's2.item1.normative_documents', 'in_force');
    expect(inForce).toMatchObject({ section: '二', count: 3, value: 3, row: { label: '第二十条第（一）项 行政规范性文件' } });
    expect(inForce.items.map((i) => i.title)).toEqual(['N4', 'N1', 'N3']);
    expect((await cell(2024, 's2.item8.fees', 'fee_amount')).items.map((i) => i.title)).toEqual(['F1', 'F2']);
    const change = await cell(2020, 's2.item5.other_services', 'change');
    expect(change).toMatchObject({ value: -1 });
    expect(change.items.map((i) => i.title)).toEqual(['OI1']);
    expect((await staff.get('/api/disclosure/annual-reports/2024/cells/s2.item9.procurement/items')).statusCode).toBe(404); // not in template 2021
    expect((await staff.get('/api/disclosure/annual-reports/2024/cells/s2.item1.regulations/nope')).statusCode).toBe(404);
  });

  it('an org without any register entry keeps section 二 blank, not zero', async () => {
    const { source, cells } = await s2(county, 2024);
    expect(source).toBeNull();
    expect(cells['s2.item1.regulations']).toEqual({ issued: null, repealed: null, in_force: null });
  });
});

describe('the annual report as .docx', () => {
  it('keeps the narrative per org and year, and renders the six sections with tables 二, 三, 四', async () => {
    expect((await leader.put('/api/disclosure/annual-reports/2024/narrative', { overview: 'x' })).statusCode).toBe(403);
    expect((await staff.put('/api/disclosure/annual-reports/2018/narrative', { overview: 'x' })).statusCode).toBe(400);
    const put = await staff.put('/api/disclosure/annual-reports/2024/narrative', {
      overview: '2024年，本局坚持以公开为常态、不公开为例外。',
      problems: '主动公开的及时性有待提高。',
    });
    expect(put.statusCode, put.body).toBe(200);
    // a later PUT changes only what it names
    expect((await staff.put('/api/disclosure/annual-reports/2024/narrative', { other: '无其他需要报告的事项。' })).statusCode).toBe(200);
    expect((await leader.get('/api/disclosure/annual-reports/2024/narrative')).json()).toMatchObject({
      overview: '2024年，本局坚持以公开为常态、不公开为例外。',
      problems: '主动公开的及时性有待提高。',
      other: '无其他需要报告的事项。',
    });
    expect((await county.get('/api/disclosure/annual-reports/2024/narrative')).json()).toMatchObject({ overview: '', problems: '', other: '' });

    const res = await leader.get('/api/disclosure/annual-reports/2024/report.docx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const p = await docxParagraphs(res.rawPayload);
    expect(p[0]).toBe('测试市档案局2024年政府信息公开工作年度报告');
    const at = (s: string) => {
      const i = p.indexOf(s);
      expect(i, s).toBeGreaterThan(0);
      return i;
    };
    const heads = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ].map(at);
    expect([...heads].sort((a, b) => a - b)).toEqual(heads);
    expect(p[heads[0]! + 1]).toBe('2024年，本局坚持以公开为常态、不公开为例外。');
    expect(p[heads[4]! + 1]).toBe('主动公开的及时性有待提高。');
    expect(p.slice(heads[5]! + 1, heads[5]! + 3)).toEqual(['无其他需要报告的事项。', '本年度收取政府信息公开信息处理费0元（0件申请）。']);
    // section 二 tables: 第二十条第（一）项, header, then 规章 1 1 1 and 行政规范性文件 2 1 3
    const t1 = at('第二十条第（一）项');
    expect(p.slice(t1 + 1, t1 + 13)).toEqual([
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '规章',
      '1',
      '1',
      '1',
      '行政规范性文件',
      '2',
      '1',
      '3',
    ]);
    const t8 = at('第二十条第（八）项');
    expect(p.slice(t8 + 1, t8 + 5)).toEqual(['信息内容', '本年收费金额（万元）', '行政事业性收费', '0.173456']);
    // section 三: the 2021 rows, all zero here (no applications)
    const s3 = at('一、本年新收政府信息公开申请数量');
    expect(s3).toBeGreaterThan(heads[2]!);
    expect(p.slice(s3 + 1, s3 + 8)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    at('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    at('四、结转下年度继续办理');
    // section 四
    const r4 = at('行政诉讼（复议后起诉）');
    expect(r4).toBeGreaterThan(heads[3]!);
    expect(p.slice(r4 + 1, r4 + 6)).toEqual(['0', '0', '0', '0', '0']);
  });

  it('a 2020 report uses template 2019: five blocks in section 二, one （六） row, no fee line', async () => {
    const res = await staff.get('/api/disclosure/annual-reports/2020/report.docx');
    expect(res.statusCode, res.body).toBe(200);
    const p = await docxParagraphs(res.rawPayload);
    const t9 = p.indexOf('第二十条第（九）项');
    expect(p.slice(t9 + 1, t9 + 7)).toEqual(['信息内容', '采购项目数量', '采购总金额', '政府集中采购', '1', '25']);
    const t5 = p.indexOf('第二十条第（五）项');
    expect(p.slice(t5 + 1, t5 + 13)).toEqual([
      '信息内容',
      '上一年项目数量',
      '本年增/减',
      '处理决定数量',
      '行政许可',
      '1',
      '1',
      '1',
      '其他对外管理服务事项',
      '1',
      '-1',
      '0',
    ]);
    expect(p).toContain('（六）其他处理');
    expect(p).not.toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    const s6 = p.indexOf('六、其他需要报告的事项');
    expect(p[s6 + 1]).toBe('（本部分尚未填写。）');
    expect(p.join('\n')).not.toContain('信息处理费');
  });
});
