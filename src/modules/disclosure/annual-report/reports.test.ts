/**
 * Registers imported through the API and the annual-report tables computed from them.
 *
 * 营口 2020 (seed 004): every number of sections 三 and 四 is 0, the template is the 2019 试行
 * format (one （六）其他处理 row). Reproduced by importing a register whose applications all fall
 * outside 2020 (decided in 2019, received in 2021).
 *
 * The hand-counted register below spans 2020/2021 (n 自然人, b 商业企业, r 科研机构, p 社会公益组织,
 * l 法律服务机构, o 其他):
 *   A1 2020-12-10 n → 2021-01-08 disclosed             A2 2020-12-28 b → 2021-01-20 withheld.third_party
 *   A3 2020-11-02 n → 2020-11-20 partial               A4 2020-12-30 l → 2022-01-05 unavailable.not_held
 *   B1 2021-01-04 n → 2021-01-25 disclosed             B2 2021-03-15 n → 2021-04-02 partial
 *   B3 2021-05-10 r → 2021-05-20 not_processed.duplicate
 *   B4 2021-06-01 p → 2021-06-18 withheld.process_info  B5 2021-07-01 b → 2021-08-01 other.no_correction
 *   B6 2021-08-02 o → 2021-09-10 other.unpaid_fee       B7 2021-09-01 n → 2021-09-15 other.other
 *   B8 2021-10-11 n → 2021-11-01 unavailable.needs_creation
 *   B9 2021-12-20 b → 2022-01-10 disclosed              B10 2021-12-28 n (open)
 *   B11 2021-11-15 l → 2021-11-30 not_processed.petition B12 2021-02-01 n → 2021-02-20 disclosed
 *   C1 2022-01-03 n (open)
 * 2021 (template 2021): 一 = B1–B12: n 6 (B1 B2 B7 B8 B10 B12), b 2 (B5 B9), r 1, p 1, l 1, o 1, total 12;
 *   二 = A1 A2 A4: n 1, b 1, l 1, total 3; outcomes decided in 2021: （一） n 3 (A1 B1 B12); （二） n 1;
 *   （三）4 b 1 (A2); （三）6 p 1; （四）2 n 1; （五）1 l 1; （五）2 r 1; （六）1 b 1; （六）2 o 1; （六）3 n 1;
 *   （七） n 6, b 2, r 1, p 1, l 1, o 1, total 12; 四 = A4 B9 B10: n 1, b 1, l 1, total 3.
 * 2020 (template 2019): 一 = A1–A4: n 2, b 1, l 1; 二 = 0; （二）部分公开 n 1 (A3); 四 = A1 A2 A4.
 * Disputes: D1 复议 2021-03-01 upheld 2021-05-01; D2 复议 2021-06-01 corrected 2022-01-15 (pending on 12-31);
 *   D3 直接起诉 2021-04-01 other 2021-10-01; D4 复议后起诉 2021-11-01 pending; D5 复议 2020-12-01 upheld 2021-01-10
 *   (filed 2020: not in 2021); D6 直接起诉 2021-02-02 corrected 2021-06-06, linked to B1.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, countRows, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';
import { SECTION3_COLUMN_KEYS, SECTION4_COLUMN_KEYS, TEMPLATES, valueRows } from './templates.js';

const TEMPLATE_ROWS = { '2019': TEMPLATES['2019'].section3.rows, '2021': TEMPLATES['2021'].section3.rows };

let env: TestEnv;
let admin: Client;
let county: Client;
let setup: SetupResponse;

const row = (receivedOn: string, applicantType: string, name: string, decidedOn?: string, outcome?: string) => ({
  receivedOn,
  channel: 'letter',
  applicantType,
  applicantName: name,
  content: `申请公开${name}所需的档案行政许可信息`,
  ...(decidedOn ? { decidedOn, outcome } : {}),
});
const REGISTER = [
  row('2020-12-10', 'natural', 'A1', '2021-01-08', 'disclosed'),
  row('2020-12-28', 'business', 'A2', '2021-01-20', 'withheld.third_party'),
  row('2020-11-02', 'natural', 'A3', '2020-11-20', 'partial'),
  row('2020-12-30', 'legal_service', 'A4', '2022-01-05', 'unavailable.not_held'),
  row('2021-01-04', 'natural', 'B1', '2021-01-25', 'disclosed'),
  row('2021-03-15', 'natural', 'B2', '2021-04-02', 'partial'),
  row('2021-05-10', 'research', 'B3', '2021-05-20', 'not_processed.duplicate'),
  row('2021-06-01', 'public_interest', 'B4', '2021-06-18', 'withheld.process_info'),
  row('2021-07-01', 'business', 'B5', '2021-08-01', 'other.no_correction'),
  row('2021-08-02', 'other', 'B6', '2021-09-10', 'other.unpaid_fee'),
  row('2021-09-01', 'natural', 'B7', '2021-09-15', 'other.other'),
  row('2021-10-11', 'natural', 'B8', '2021-11-01', 'unavailable.needs_creation'),
  row('2021-12-20', 'business', 'B9', '2022-01-10', 'disclosed'),
  row('2021-12-28', 'natural', 'B10'),
  row('2021-11-15', 'legal_service', 'B11', '2021-11-30', 'not_processed.petition'),
  row('2021-02-01', 'natural', 'B12', '2021-02-20', 'disclosed'),
  row('2022-01-03', 'natural', 'C1'),
];

type Cells = Record<string, number>;
interface Tables {
  template: { id: string; name: string };
  section2: { note: string; blocks: { key: string; rows: { key: string; cells: Record<string, null> }[] }[] };
  section3: { rows: { key: string; label: string; kind: string; cells: Cells | null }[] };
  section4: { rows: { key: string; cells: Cells }[] };
  checks: { ok: boolean };
}
const tables = async (c: Client, year: number, q = '') => {
  const res = await c.get(`/api/disclosure/annual-reports/${year}/tables${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Tables;
};
/** Every value row × column, 0 unless listed. */
function expected(templateId: '2019' | '2021', given: Record<string, Partial<Record<string, number>>>) {
  return Object.fromEntries(valueRows(templateId).map((r) => [r.key, Object.fromEntries(SECTION3_COLUMN_KEYS.map((c) => [c, given[r.key]?.[c] ?? 0]))]));
}
const s3Of = (t: Tables) => Object.fromEntries(t.section3.rows.filter((r) => r.cells).map((r) => [r.key, r.cells]));
const s4Of = (t: Tables) => Object.fromEntries(t.section4.rows.map((r) => [r.key, r.cells]));

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-20T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  county = await signInDemo(env.app, setup, 'county.admin');
});
afterAll(async () => env.close());

describe('import of an application register', () => {
  it('refuses a register with bad rows, naming row, field and value, and writes nothing', async () => {
    const before = { apps: await countRows(env, 'disclosure_applications'), audit: await countRows(env, 'audit_events') };
    const res = await admin.post('/api/disclosure/applications/import', [
      row('2021-01-04', 'natural', '好行'),
      { ...row('2021-01-05', 'natural', '坏码', '2021-01-20', 'withheld.secret') },
      { ...row('2021-01-06', 'company', '坏类型') },
      { ...row('2021-01-07', 'natural', '先答后收', '2021-01-02', 'disclosed') },
      { ...row('2021-01-08', 'natural', '两个结果'), decidedOn: '2021-01-20', outcome: ['disclosed', 'partial'] },
      { ...row('2021-02-30', 'natural', '坏日期') },
      { ...row('2021-01-09', 'natural', '无结果'), decidedOn: '2021-01-20' },
      { ...row('2021-01-09', 'natural', '坏渠道'), channel: 'pigeon' },
    ]);
    expect(res.statusCode).toBe(422);
    const body = res.json().error;
    expect(body.code).toBe('import.invalid_rows');
    expect(body.message).toContain('未写入任何数据');
    expect(body.details.errors).toEqual([
      { row: 2, field: 'outcome', column: '办理结果', value: 'withheld.secret', reason: expect.stringContaining('未知办理结果“withheld.secret”') },
      { row: 3, field: 'applicantType', column: '申请人类型', value: 'company', reason: expect.stringContaining('未知申请人类型') },
      { row: 4, field: 'decidedOn', column: '答复日期', value: '2021-01-02', reason: '答复日期 2021-01-02 早于收到申请日期 2021-01-07' },
      { row: 5, field: 'outcome', column: '办理结果', value: ['disclosed', 'partial'], reason: '每件申请只能有一个办理结果' },
      { row: 6, field: 'receivedOn', column: '收到申请日期', value: '2021-02-30', reason: expect.stringContaining('有效日期') },
      { row: 7, field: 'outcome', column: '办理结果', value: null, reason: '已填答复日期的申请必须填写办理结果' },
      { row: 8, field: 'channel', column: '申请渠道', value: 'pigeon', reason: expect.stringContaining('未知申请渠道') },
    ]);
    expect(await countRows(env, 'disclosure_applications')).toBe(before.apps);
    expect(await countRows(env, 'audit_events')).toBe(before.audit);
  });

  it('imports the register as JSON, one audit event per application, open ones on the dashboard', async () => {
    const audit = await countRows(env, 'audit_events');
    const res = await admin.post('/api/disclosure/applications/import', REGISTER);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 17, decided: 15, open: 2 });
    expect(await countRows(env, 'disclosure_applications', setup.org.id)).toBe(17);
    expect(await countRows(env, 'audit_events')).toBe(audit + 17);
    // the two open applications' reply clocks (the demo data has clocks of other modules too)
    const replyClocks = await env.database.pool.query(`SELECT count(*)::int AS n FROM clocks WHERE org_id = $1 AND kind = 'disclosure.reply'`, [setup.org.id]);
    expect(replyClocks.rows[0].n).toBe(2);
  });

  it('lists the register with server-side filters and paging', async () => {
    const total = async (q: string) => (await admin.get(`/api/disclosure/applications?${q}`)).json().total as number;
    expect(await total('receivedFrom=2021-01-01&receivedTo=2021-12-31')).toBe(12);
    expect(await total('status=processing')).toBe(2); // B10, C1
    expect(await total('outcome=disclosed')).toBe(4); // A1, B1, B12, B9
    expect(await total('applicantType=legal_service')).toBe(2); // A4, B11
    expect(await total('q=B1')).toBe(4); // B1, B10, B11, B12
    const page = (await admin.get('/api/disclosure/applications?pageSize=5&page=4&sort=receivedOn&order=asc')).json();
    expect(page.items.map((a: { applicantName: string }) => a.applicantName)).toEqual(['B10', 'C1']);
  });

  it('imports an .xlsx with Chinese headers and date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申请');
    ws.addRow(['收到申请日期', '申请渠道', '申请人类型', '申请人', '申请内容', '答复日期', '办理结果']);
    ws.addRow([new Date(Date.UTC(2019, 2, 1)), '当面提交', '自然人', 'X1', '申请公开2018年馆藏目录', new Date(Date.UTC(2019, 2, 20)), 'disclosed']);
    ws.addRow(['2021-03-01', 'online', 'natural', 'X2', '申请公开2020年检查结果', null, null]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await county.upload('/api/disclosure/applications/import', 'file', '申请登记.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, decided: 1, open: 1 });

    const bad = new ExcelJS.Workbook();
    const bs = bad.addWorksheet('申请');
    bs.addRow(['receivedOn', 'channel', 'applicantType', 'applicantName', 'content', 'decidedOn', 'outcome']);
    bs.addRow(['2021-03-01', 'online', 'natural', 'Y1', '内容', '2021-03-05', 'nope']);
    const r2 = await county.upload('/api/disclosure/applications/import', 'file', 'bad.xlsx', Buffer.from(await bad.xlsx.writeBuffer()));
    expect(r2.statusCode).toBe(422);
    expect(r2.json().error.details.errors).toEqual([
      { row: 2, field: 'outcome', column: '办理结果', value: 'nope', reason: expect.stringContaining('未知办理结果“nope”') },
    ]);
  });

  it('accepts 信息不存在 and 非本机关负责公开 by code or Chinese label (JSON and .xlsx); both count in 本机关不掌握相关政府信息', async () => {
    // the county's register of 2023 (its other years are checked below)
    const json = await county.post('/api/disclosure/applications/import', [
      row('2023-03-01', 'natural', 'N1', '2023-03-20', 'unavailable.not_held'),
      { ...row('2023-03-02', 'business', 'N2', '2023-03-21', 'unavailable.not_ours'), holderAgency: '测试市自然资源局', holderContact: '0411-12345678' },
      row('2023-03-03', 'natural', 'N3', '2023-03-22', '经检索没有所申请公开的信息'),
      row('2023-03-06', 'natural', 'N4', '2023-03-23', '不属于本机关负责公开'),
      row('2023-03-07', 'natural', 'N5', '2023-03-24', '（四）无法提供：1.本机关不掌握相关政府信息'),
    ]);
    expect(json.statusCode, json.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申请');
    ws.addRow(['收到申请日期', '申请渠道', '申请人类型', '申请人', '申请内容', '答复日期', '办理结果', '负责公开的行政机关']);
    ws.addRow(['2023-04-03', '信函邮寄', '自然人', 'N6', '申请公开土地档案', '2023-04-20', '非本机关负责公开', '测试市自然资源局']);
    ws.addRow(['2023-04-04', '信函邮寄', '科研机构', 'N7', '申请公开某档案', '2023-04-21', '信息不存在', null]);
    const xlsx = await county.upload('/api/disclosure/applications/import', 'file', '申请登记.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const total = async (q: string) => (await county.get(`/api/disclosure/applications?${q}`)).json().total as number;
    expect(await total('outcome=unavailable.not_held')).toBe(4); // N1 N3 N5 N7
    expect(await total('outcome=unavailable.not_ours')).toBe(3); // N2 N4 N6
    // q also searches tracking codes, which are random: pick the row by its applicant
    const n2 = (await county.get('/api/disclosure/applications?q=N2')).json().items.find((a: { applicantName: string }) => a.applicantName === 'N2');
    expect((await county.get(`/api/disclosure/applications/${n2.id}`)).json()).toMatchObject({
      outcomeLabel: '非本机关负责公开',
      holderAgency: '测试市自然资源局',
      holderContact: '0411-12345678',
    });
    // 2023 uses template 2021: row （四）1 counts all seven, the table is the same shape and passes its checks
    const t = await tables(county, 2023);
    expect(t.section3.rows.map((r) => r.key)).toEqual(TEMPLATE_ROWS['2021'].map((r) => r.key));
    expect(s3Of(t)['s3.r3.4.1']).toMatchObject({ natural: 5, business: 1, research: 1, total: 7 });
    expect(t.checks.ok).toBe(true);

    // an agency named on another outcome is refused
    const bad = await county.post('/api/disclosure/applications/import', [
      { ...row('2023-05-04', 'natural', 'N8', '2023-05-20', 'disclosed'), holderAgency: '别处' },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toEqual([
      { row: 1, field: 'holderAgency', column: '负责公开的行政机关', value: '别处', reason: '只有“不属于本机关负责公开”的答复才填写负责公开的行政机关' },
    ]);
  });
});

describe('import of disputes', () => {
  it('refuses bad rows with row and field named, then imports the register', async () => {
    const bad = await admin.post('/api/disputes/import', [
      { kind: 'reconsideration', filedOn: '2021-03-01', outcome: 'upheld' },
      { kind: 'appeal', filedOn: '2021-03-01', outcome: 'upheld', closedOn: '2021-04-01' },
      { kind: 'reconsideration', filedOn: '2021-03-01', outcome: 'won', closedOn: '2021-04-01' },
      { kind: 'reconsideration', filedOn: '2021-03-01', outcome: 'pending', applicationId: '00000000-0000-4000-8000-000000000000' },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [1, 'closedOn'],
      [2, 'kind'],
      [3, 'outcome'],
      [4, 'applicationId'],
    ]);
    expect(await countRows(env, 'disputes')).toBe(0);

    const ok = await admin.post('/api/disputes/import', [
      { kind: 'reconsideration', filedOn: '2021-03-01', outcome: 'upheld', closedOn: '2021-05-01' },
      { kind: 'reconsideration', filedOn: '2021-06-01', outcome: 'corrected', closedOn: '2022-01-15' },
      { kind: 'litigation_direct', filedOn: '2021-04-01', outcome: 'other', closedOn: '2021-10-01' },
      { kind: 'litigation_after_reconsideration', filedOn: '2021-11-01', outcome: 'pending' },
      { kind: 'reconsideration', filedOn: '2020-12-01', outcome: 'upheld', closedOn: '2021-01-10' },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 5 });

    const b1 = (await admin.get('/api/disclosure/applications?q=B1&pageSize=200'))
      .json()
      .items.find((a: { applicantName: string }) => a.applicantName === 'B1');
    const d6 = await admin.post('/api/disputes', {
      kind: 'litigation_direct',
      filedOn: '2021-02-02',
      outcome: 'corrected',
      closedOn: '2021-06-06',
      applicationId: b1.id,
    });
    expect(d6.statusCode, d6.body).toBe(200);
    expect(d6.json()).toMatchObject({ kindLabel: '行政诉讼（未经复议直接起诉）', outcomeLabel: '纠正', applicationId: b1.id });
    // another org's application cannot be linked; another org's dispute is not found
    const countyApp = (await county.get('/api/disclosure/applications')).json().items[0].id;
    expect((await admin.post('/api/disputes', { kind: 'reconsideration', filedOn: '2021-02-02', applicationId: countyApp })).statusCode).toBe(400);
    expect((await county.get(`/api/disputes/${d6.json().id}`)).statusCode).toBe(404);
    expect((await county.patch(`/api/disputes/${d6.json().id}`, { outcome: 'upheld' })).statusCode).toBe(404);
    expect((await admin.get(`/api/disputes?applicationId=${b1.id}`)).json().total).toBe(1);
  });
});

describe('annual report tables', () => {
  it('reproduces 营口 2020 (seed 004): template 2019, all sections 三 and 四 zero, section 二 left blank not zero', async () => {
    // the county's register: one application decided in 2019, one received in 2021 → nothing in 2020
    const t = await tables(county, 2020);
    expect(t.template).toMatchObject({ id: '2019', name: '中华人民共和国政府信息公开工作年度报告格式（试行）' });
    expect(s3Of(t)).toEqual(expected('2019', {}));
    expect(t.section3.rows.map((r) => r.label)).toContain('（六）其他处理');
    expect(t.section3.rows.filter((r) => r.key.startsWith('s3.r3.6'))).toHaveLength(1);
    expect(s4Of(t)).toEqual(
      Object.fromEntries(
        ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'].map((k) => [
          k,
          Object.fromEntries(SECTION4_COLUMN_KEYS.map((c) => [c, 0])),
        ]),
      ),
    );
    expect(t.checks.ok).toBe(true);
    expect(t.section2.blocks.map((b) => b.key)).toEqual(['s2.item1', 's2.item5', 's2.item6', 's2.item8', 's2.item9']);
    expect(t.section2.blocks[0]!.rows[1]!.cells).toEqual({ new_made: null, new_published: null, total_published: null });
    // and the county's 2019 / 2021 are not empty: the zeros above come from the records
    expect(s3Of(await tables(county, 2019))['s3.r3.1']!.natural).toBe(1);
    expect(s3Of(await tables(county, 2021))['s3.r1']!.natural).toBe(1);
  });

  it('computes every cell of the 2021 table of the hand-counted register, and section 四', async () => {
    const t = await tables(admin, 2021);
    expect(t.template.id).toBe('2021');
    expect(s3Of(t)).toEqual(
      expected('2021', {
        's3.r1': { natural: 6, business: 2, research: 1, public_interest: 1, legal_service: 1, other: 1, total: 12 },
        's3.r2': { natural: 1, business: 1, legal_service: 1, total: 3 },
        's3.r3.1': { natural: 3, total: 3 },
        's3.r3.2': { natural: 1, total: 1 },
        's3.r3.3.4': { business: 1, total: 1 },
        's3.r3.3.6': { public_interest: 1, total: 1 },
        's3.r3.4.2': { natural: 1, total: 1 },
        's3.r3.5.1': { legal_service: 1, total: 1 },
        's3.r3.5.2': { research: 1, total: 1 },
        's3.r3.6.1': { business: 1, total: 1 },
        's3.r3.6.2': { other: 1, total: 1 },
        's3.r3.6.3': { natural: 1, total: 1 },
        's3.r3.7': { natural: 6, business: 2, research: 1, public_interest: 1, legal_service: 1, other: 1, total: 12 },
        's3.r4': { natural: 1, business: 1, legal_service: 1, total: 3 },
      }),
    );
    expect(s4Of(t)).toEqual({
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
      litigation_direct: { upheld: 0, corrected: 1, other: 1, pending: 0, total: 2 },
      litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    });
    expect(t.checks.ok).toBe(true);
    expect(t.section2.blocks.map((b) => b.key)).toEqual(['s2.item1', 's2.item5', 's2.item6', 's2.item8']);
  });

  it('exports the 2021 tables as .xlsx, which the external-table check reads back as passing', async () => {
    const file = await admin.get('/api/disclosure/annual-reports/2021/tables.xlsx');
    expect(file.statusCode).toBe(200);
    const r = await admin.upload('/api/disclosure/annual-reports/check?year=2021', 'file', 'own.xlsx', file.rawPayload);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, templateId: '2021', read: { detectedTemplate: '2021', missingRows: [] }, blankCells: [] });
  });

  it('computes the 2020 table of the same register under template 2019', async () => {
    const t = await tables(admin, 2020);
    expect(t.template.id).toBe('2019');
    expect(s3Of(t)).toEqual(
      expected('2019', {
        's3.r1': { natural: 2, business: 1, legal_service: 1, total: 4 },
        's3.r3.2': { natural: 1, total: 1 },
        's3.r3.7': { natural: 1, total: 1 },
        's3.r4': { natural: 1, business: 1, legal_service: 1, total: 3 },
      }),
    );
    expect(s4Of(t).reconsideration).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
  });

  it('drills down from a cell to the applications or disputes behind it; a descendant reads, another org does not', async () => {
    const cell = await admin.get('/api/disclosure/annual-reports/2021/cells/s3.r1/natural');
    expect(cell.statusCode, cell.body).toBe(200);
    expect(cell.json()).toMatchObject({ count: 6, row: { label: '一、本年新收政府信息公开申请数量' }, column: { label: '自然人' } });
    expect(cell.json().items.map((a: { applicantName: string }) => a.applicantName)).toEqual(['B1', 'B12', 'B2', 'B7', 'B8', 'B10']);
    const carried = (await admin.get('/api/disclosure/annual-reports/2021/cells/s3.r4/total')).json();
    expect(carried.items.map((a: { applicantName: string }) => a.applicantName)).toEqual(['A4', 'B9', 'B10']);
    const pending = (await admin.get('/api/disclosure/annual-reports/2021/cells/reconsideration/pending')).json();
    expect(pending).toMatchObject({
      section: '四',
      kind: 'dispute',
      count: 1,
      items: [{ filedOn: '2021-06-01', outcome: 'corrected', closedOn: '2022-01-15' }],
    });
    expect((await admin.get('/api/disclosure/annual-reports/2021/cells/s3.r3/total')).statusCode).toBe(404); // a heading has no numbers
    expect((await admin.get('/api/disclosure/annual-reports/2018/tables')).statusCode).toBe(400);

    const countyOrg = (await county.get('/api/auth/me')).json().org.id;
    expect((await admin.get(`/api/disclosure/annual-reports/2021/cells/s3.r1/natural?orgId=${countyOrg}`)).json().count).toBe(1);
    expect((await county.get(`/api/disclosure/annual-reports/2021/tables?orgId=${setup.org.id}`)).statusCode).toBe(404);
  });
});

describe('check of an external published table', () => {
  const zeros = (templateId: '2019' | '2021') => expected(templateId, {});
  const s4zeros = Object.fromEntries(
    ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'].map((k) => [k, Object.fromEntries(SECTION4_COLUMN_KEYS.map((c) => [c, 0]))]),
  );

  it('passes the 营口 2020 table as published', async () => {
    const r = await admin.post('/api/disclosure/annual-reports/check', { year: 2020, templateId: '2019', section3: zeros('2019'), section4: s4zeros });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, templateYear: { ok: true }, blankCells: [] });
  });

  it('flags blank cells, names failing checks and the template/year mismatch', async () => {
    const s3 = zeros('2021') as Record<string, Record<string, number | null>>;
    s3['s3.r1'] = { ...s3['s3.r1'], natural: 3, total: 3 };
    s3['s3.r3.1'] = { ...s3['s3.r3.1'], natural: 2, total: 2 };
    s3['s3.r3.7'] = { ...s3['s3.r3.7'], natural: 2, total: 2 };
    s3['s3.r4'] = { ...s3['s3.r4'], natural: null, total: 0 }; // blank; and 3 ≠ 2 + 0
    const r = await admin.post('/api/disclosure/annual-reports/check', {
      year: 2020,
      templateId: '2021',
      section3: s3,
      section4: { ...s4zeros, reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 2 } },
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.ok).toBe(false);
    expect(body.templateYear).toMatchObject({ ok: false, expected: '2019' });
    expect(body.templateYear.message).toContain('2020 年度报告应使用中华人民共和国政府信息公开工作年度报告格式（试行）');
    expect(body.blankCells).toEqual([{ section: '三', row: 's3.r4', rowLabel: '四、结转下年度继续办理', column: 'natural', columnLabel: '自然人' }]);
    const rules = [...body.section3.failures, ...body.section4.failures].map((f: { rule: string }) => f.rule).sort();
    expect(rules).toEqual(['balance', 'balance', 'blank', 'section4_total']);
    expect(body.failingCells).toContain('s3.r4|natural');
    expect(body.failingCells).toContain('四:reconsideration|total');
  });

  /** A sheet laid out like the published 营口 2020 table: merged label cells in A–C, seven numbers in D–J, section 四 as one row of 15. */
  async function publishedSheet(templateId: '2019' | '2021', value: (rowKey: string, col: string) => number | null) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('年报');
    ws.addRow(['三、收到和处理政府信息公开申请情况']);
    ws.addRow(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况']);
    ws.addRow(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    ws.addRow(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    let groupLabel = '';
    const rows = TEMPLATES_ROWS(templateId);
    rows.forEach((r) => {
      const nums = SECTION3_COLUMN_KEYS.map((c) => (r.kind === 'heading' ? null : value(r.key, c)));
      const n = ws.rowCount + 1;
      if (r.level === 0) {
        ws.addRow([r.label, r.label, r.label, ...nums]);
        ws.mergeCells(`A${n}:C${n}`);
      } else if (r.kind === 'heading') {
        groupLabel = r.label;
      } else if (r.level === 1) {
        ws.addRow(['三、本年度办理结果', r.label, r.label, ...nums]);
        ws.mergeCells(`B${n}:C${n}`);
      } else {
        ws.addRow(['三、本年度办理结果', groupLabel, r.label, ...nums]);
      }
    });
    ws.addRow(['四、政府信息公开行政复议、行政诉讼情况']);
    ws.addRow(['行政复议', '', '', '', '', '行政诉讼']);
    ws.addRow(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉']);
    ws.addRow(Array.from({ length: 15 }, () => 0));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const TEMPLATES_ROWS = (id: '2019' | '2021') => TEMPLATE_ROWS[id].filter((r) => r.key !== 's3.r3');

  it('reads an uploaded .xlsx of the 营口 2020 table: passes; the wrong year or a blank cell is reported', async () => {
    const sheet = await publishedSheet('2019', () => 0);
    const ok = await admin.upload('/api/disclosure/annual-reports/check?year=2020', 'file', '营口2020.xlsx', sheet);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, templateId: '2019', read: { detectedTemplate: '2019', missingRows: [] } });

    const wrongYear = await admin.upload('/api/disclosure/annual-reports/check?year=2021', 'file', '营口2020.xlsx', sheet);
    expect(wrongYear.json()).toMatchObject({ ok: false, templateYear: { ok: false, expected: '2021' } });

    const blank = await publishedSheet('2021', (row, col) =>
      row === 's3.r3.5.2' && col === 'research' ? null : (row === 's3.r1' || row === 's3.r4') && (col === 'natural' || col === 'total') ? 1 : 0,
    );
    const r = await admin.upload('/api/disclosure/annual-reports/check?year=2021', 'file', 'x.xlsx', blank);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.read).toEqual({ detectedTemplate: '2021', missingRows: [] });
    expect(body.blankCells).toEqual([{ section: '三', row: 's3.r3.5.2', rowLabel: '（五）不予处理 2.重复申请', column: 'research', columnLabel: '科研机构' }]);
    expect(body.ok).toBe(false);
    expect(body.section3.failures.map((f: { rule: string }) => f.rule)).toEqual(['blank']);
  });
});
