/**
 * Imports in the users' language (issue 13 §3), through HTTP: the .xlsx templates of the application
 * register and of the 复议、诉讼 register (Chinese headings, a 可选值 sheet, a 填写说明 sheet, an
 * example row the import skips), filled and uploaded back; errors by row and Chinese column name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetGrid, writeSheet } from '../../kernel/documents/index.js';
import { OUTCOMES } from '../disclosure/labels.js';
import { outcomeOfText } from '../disclosure/applications/import.service.js';
import { type Client, countRows, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let staff: Client;
let legal: Client;
let setup: SetupResponse;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-06-20T02:00:00Z' });
  ({ setup } = await setupOrg(env.app, { demo: true }));
  staff = await signInDemo(env.app, setup, 'staff');
  legal = await signInDemo(env.app, setup, 'legal');
});
afterAll(async () => env.close());

/** The template's sheets as text grids. */
async function template(c: Client, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('导入模板.xlsx');
  const sheets = await readSheetGrid(res.rawPayload);
  return Object.fromEntries(sheets.map((s) => [s.name, s.rows.map((r) => r.cells.map((x) => (x === null ? '' : String(x))))]));
}

/** An .xlsx with the template's headings: the example row kept, then `rows`. */
async function filled(headers: string[], example: string[], rows: Record<string, string>[]) {
  const ex = Object.fromEntries(headers.map((h, i) => [h, example[i] ?? '']));
  return writeSheet({ sheetName: '数据', columns: headers.map((h) => ({ header: h, key: h })), rows: [ex, ...rows] });
}

describe('application register template', () => {
  it('offers Chinese headings, every allowed value and the rules, with an example row', async () => {
    const t = await template(staff, '/api/disclosure/applications/import-template.xlsx');
    expect(Object.keys(t)).toEqual(['政府信息公开申请', '可选值', '填写说明']);
    const [headers, example] = t['政府信息公开申请']!;
    expect(headers).toEqual([
      '收到申请日期',
      '申请渠道',
      '申请人类型',
      '申请人',
      '申请内容',
      '答复日期',
      '办理结果',
      '负责公开的行政机关',
      '负责公开的行政机关联系方式',
    ]);
    expect(example![0]).toBe('（示例）2025-03-03');
    const values = t['可选值']!;
    expect(values[0]).toEqual(['申请渠道', '申请人类型', '办理结果']);
    const column = (i: number) =>
      values
        .slice(1)
        .map((r) => r[i])
        .filter(Boolean);
    expect(column(0)).toEqual(['互联网在线申请', '信函邮寄', '当面提交', '传真、电子邮件']);
    expect(column(1)).toContain('自然人');
    expect(column(2)).toHaveLength(OUTCOMES.length);
    const help = t['填写说明']!;
    expect(help.find((r) => r[0] === '收到申请日期')).toEqual(['收到申请日期', '必填', expect.stringContaining('YYYY-MM-DD'), '（示例）2025-03-03']);
    expect(help.find((r) => r[0] === '答复日期')?.[1]).toBe('选填');
    // no field code anywhere in the template
    expect(JSON.stringify(t)).not.toMatch(/receivedOn|applicantType|unavailable\.|in_person/);
  });

  it('every 办理结果 offered reads back as exactly its outcome', () => {
    for (const o of OUTCOMES) expect(outcomeOfText(o.shortLabel), o.shortLabel).toBe(o.code);
  });

  it('imports the filled template (the example row skipped) and names the column of each error', async () => {
    const t = await template(staff, '/api/disclosure/applications/import-template.xlsx');
    const [headers, example] = t['政府信息公开申请']!;
    const before = await countRows(env, 'disclosure_applications');
    const row = (v: Partial<Record<string, string>>) => ({
      收到申请日期: '2025-05-06',
      申请渠道: '信函邮寄',
      申请人类型: '自然人',
      申请人: '模板导入甲',
      申请内容: '2024年度档案行政检查结果',
      ...v,
    });
    const bad = await staff.upload(
      '/api/disclosure/applications/import',
      'file',
      '申请登记.xlsx',
      await filled(headers!, example!, [row({}), row({ 申请渠道: '电话' }), row({ 答复日期: '2025-05-20' })]),
    );
    expect(bad.statusCode, bad.body).toBe(422);
    const errors = bad.json().error.details.errors as { row: number; column: string; reason: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [4, '申请渠道'],
      [5, '办理结果'],
    ]);
    expect(errors[0]!.reason).toContain('互联网在线申请、信函邮寄、当面提交、传真、电子邮件');
    expect(bad.json().error.message).toContain('第 4 行“申请渠道”');
    expect(await countRows(env, 'disclosure_applications')).toBe(before);

    const ok = await staff.upload(
      '/api/disclosure/applications/import',
      'file',
      '申请登记.xlsx',
      await filled(headers!, example!, [row({}), row({ 申请人: '模板导入乙', 答复日期: '2025-05-20', 办理结果: '信息不存在' })]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 2, decided: 1, open: 1 });
    const listed = (await staff.get('/api/disclosure/applications?q=模板导入')).json();
    expect(listed.items.map((i: { applicantName: string }) => i.applicantName).sort()).toEqual(['模板导入乙', '模板导入甲']);
  });
});

describe('复议、诉讼 template', () => {
  it('imports disputes linked by tracking code, and names the column of an unknown code', async () => {
    const t = await template(legal, '/api/disputes/import-template.xlsx');
    const [headers, example] = t['行政复议、行政诉讼']!;
    expect(headers).toEqual(['类别', '立案日期', '结果', '审结日期', '案号', '事由', '关联申请查询码']);
    expect(t['可选值']![0]).toEqual(['类别', '结果']);
    expect(JSON.stringify(t)).not.toMatch(/reconsideration|litigation_|upheld|pending|applicationId/);

    const code = (await staff.get('/api/disclosure/applications?q=模板导入甲')).json().items[0].trackingCode as string;
    const before = await countRows(env, 'disputes');
    const bad = await legal.upload(
      '/api/disputes/import',
      'file',
      '复议诉讼.xlsx',
      await filled(headers!, example!, [{ 类别: '行政复议', 立案日期: '2025-05-10', 关联申请查询码: 'ZZZZZZZZZZZZ' }]),
    );
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().error.details.errors).toMatchObject([{ row: 3, column: '关联申请查询码', reason: expect.stringContaining('ZZZZZZZZZZZZ') }]);
    expect(await countRows(env, 'disputes')).toBe(before);

    const ok = await legal.upload(
      '/api/disputes/import',
      'file',
      '复议诉讼.xlsx',
      await filled(headers!, example!, [
        { 类别: '行政复议', 立案日期: '2025-05-10', 结果: '纠正', 审结日期: '2025-06-10', 关联申请查询码: code.toLowerCase() },
        { 类别: '行政诉讼（复议后起诉）', 立案日期: '2025-06-12' },
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 2 });
    const list = (await legal.get('/api/disputes?pageSize=50')).json().items as { kind: string; outcome: string; applicationId: string | null }[];
    const appId = (await staff.get(`/api/disclosure/applications?q=${code}`)).json().items[0].id;
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'reconsideration', outcome: 'corrected', applicationId: appId }),
        expect.objectContaining({ kind: 'litigation_after_reconsideration', outcome: 'pending', applicationId: null }),
      ]),
    );
  });
});
