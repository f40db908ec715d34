/**
 * 检查对象名录库 through HTTP, on the demo data (setupOrg with demo: true):
 * the top org 测试市档案局 has 46 units (UNIT_SEEDS in demo.ts, names prefixed 测试市), the county
 * 示例区档案局 the first 14 of them. Hand counts for the top org, by seed index i = 0…45:
 *   types  机关 11 (i 0–10), 事业单位 7 (11–17), 国有企业 6 (18–23), 民营企业 7 (24–30),
 *          档案服务企业 5 (31–35), 社区 5 (36–40), 乡镇村 5 (41–45);
 *   risk   tiers[i % 4] = low, medium, medium, high → low 12, medium 23, high 11;
 *   codes  prefix 11: 11 机关 + 4 镇乡政府 = 15; 12: 7; 54: 5 社区 + 桃源村 = 6; 91: 18 enterprises.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, setupOrg, signInDemo } from '../../../test/harness.js';
import { readSheet, readSheetGrid } from '../../../kernel/documents/index.js';
import { fixtureXlsx } from '../../../kernel/documents/test-xlsx.js';
import { creditCheckChar, makeCreditCode } from './credit-code.js';

let env: TestEnv;
let admin: Client; // admin of 测试市档案局 (city)
let county: Client; // county.admin of 示例区档案局
let setup: SetupResponse;
let countyOrgId: string;

const auditCount = () => countRows(env, 'audit_events');
const unitCount = (orgId: string) => countRows(env, 'units', orgId);
const signIn = (username: string) => signInDemo(env.app, setup, username);
async function xlsx(
  rows: (string | number | null)[][],
  headers: string[] = ['单位名称', '统一社会信用代码', '单位类型', '所属行业', '地址', '联系人', '联系电话', '风险等级'],
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查对象');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const list = async (c: Client, query: string) => {
  const res = await c.get(`/api/units?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Record<string, string>[]; total: number; page: number; pageSize: number };
};

beforeAll(async () => {
  env = await createTestEnv();
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  county = await signIn('county.admin');
  countyOrgId = ((await county.get('/api/auth/me')).json() as { org: { id: string } }).org.id;
});
afterAll(async () => env.close());

describe('unit list: paging, sorting, filters, search', () => {
  it('pages the 46 units of the own org', async () => {
    const p1 = await list(admin, '');
    expect(p1).toMatchObject({ total: 46, page: 1, pageSize: 20 });
    expect(p1.items).toHaveLength(20);
    expect((await list(admin, 'page=3&pageSize=20')).items).toHaveLength(6);
    const past = await list(admin, 'page=4&pageSize=20');
    expect(past.items).toHaveLength(0);
    expect(past.total).toBe(46);
    // Pages do not overlap and cover everything.
    const ids = new Set<string>();
    for (let page = 1; page <= 5; page++) for (const u of (await list(admin, `page=${page}&pageSize=10`)).items) ids.add(u.id!);
    expect(ids.size).toBe(46);
  });

  it('labels type and risk tier in Chinese', async () => {
    const { items } = await list(admin, 'q=人民政府办公室');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      name: '测试市人民政府办公室',
      creditCode: '1111010000002DR6W4',
      type: 'agency',
      typeLabel: '机关',
      riskTier: 'low',
      riskTierLabel: '低风险',
      status: 'active',
      statusLabel: '正常',
      contactName: '王建国',
    });
  });

  it('filters by type, risk tier and status', async () => {
    expect((await list(admin, 'type=agency')).total).toBe(11);
    expect((await list(admin, 'type=institution')).total).toBe(7);
    expect((await list(admin, 'type=township')).total).toBe(5);
    expect((await list(admin, 'riskTier=low')).total).toBe(12);
    expect((await list(admin, 'riskTier=medium')).total).toBe(23);
    expect((await list(admin, 'riskTier=high')).total).toBe(11);
    // 民营企业 are i = 24…30: low at 24 and 28, high at 27.
    expect((await list(admin, 'type=private&riskTier=low')).items.map((u) => u.name)).toEqual(['测试市华信科技股份有限公司', '测试市明德教育咨询有限公司']);
    expect((await list(admin, 'type=private&riskTier=high')).items.map((u) => u.name)).toEqual(['测试市远航物流有限公司']);
    expect((await list(admin, 'status=closed')).total).toBe(0);
    const bad = await admin.get('/api/units?type=foreign');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['type']);
  });

  it('searches name, credit code and contact, with LIKE characters taken literally', async () => {
    expect((await list(admin, `q=${encodeURIComponent('社区')}`)).total).toBe(5);
    expect((await list(admin, `q=${encodeURIComponent('有限公司')}`)).total).toBe(18);
    expect((await list(admin, `q=${encodeURIComponent('有限公司')}&type=soe`)).total).toBe(6);
    expect((await list(admin, `q=${encodeURIComponent('医院')}`)).total).toBe(2);
    // 联系人 …建国 at i = 0, 12, 24, 36.
    expect((await list(admin, `q=${encodeURIComponent('建国')}`)).total).toBe(4);
    // credit code, case-insensitive
    expect((await list(admin, 'q=1111010000002dr6w4')).items.map((u) => u.name)).toEqual(['测试市人民政府办公室']);
    expect((await list(admin, `q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await list(admin, 'q=_')).total).toBe(0);
    expect((await list(admin, `q=${encodeURIComponent('\\')}`)).total).toBe(0);
  });

  it('sorts by credit code, risk (by severity) and type (by catalogue order)', async () => {
    const byCode = (await list(admin, 'sort=creditCode&pageSize=100')).items.map((u) => u.creditCode!.slice(0, 2));
    expect(byCode).toEqual([...Array(15).fill('11'), ...Array(7).fill('12'), ...Array(6).fill('54'), ...Array(18).fill('91')]);
    const byCodeDesc = (await list(admin, 'sort=creditCode&order=desc&pageSize=100')).items.map((u) => u.creditCode);
    expect(byCodeDesc).toEqual([...byCodeDesc].sort().reverse());

    const byRisk = (await list(admin, 'sort=riskTier&pageSize=100')).items.map((u) => u.riskTier);
    expect(byRisk).toEqual([...Array(12).fill('low'), ...Array(23).fill('medium'), ...Array(11).fill('high')]);
    const byRiskDesc = (await list(admin, 'sort=riskTier&order=desc&pageSize=11')).items.map((u) => u.riskTier);
    expect(byRiskDesc).toEqual(Array(11).fill('high'));

    const byType = (await list(admin, 'sort=type&pageSize=100')).items.map((u) => u.typeLabel);
    expect(byType).toEqual([
      ...Array(11).fill('机关'),
      ...Array(7).fill('事业单位'),
      ...Array(6).fill('国有企业'),
      ...Array(7).fill('民营企业'),
      ...Array(5).fill('档案服务企业'),
      ...Array(5).fill('社区'),
      ...Array(5).fill('乡镇村'),
    ]);
    const bad = await admin.get('/api/units?sort=password');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.sort).toContain('不支持按“password”排序');
  });

  it('rolls up a descendant org read-only; the county cannot see the city', async () => {
    expect((await list(admin, `orgId=${countyOrgId}`)).total).toBe(14);
    expect((await list(admin, `orgId=${countyOrgId}&type=institution`)).items.map((u) => u.name)).toEqual(
      expect.arrayContaining(['示例区第一人民医院', '示例区中医医院', '示例区第一中学']),
    );
    expect((await list(county, '')).total).toBe(14);
    expect((await county.get(`/api/units?orgId=${setup.org.id}`)).statusCode).toBe(404);
  });
});

describe('unit read and write', () => {
  it('reads its own and descendant units; other branches and unknown ids are not found', async () => {
    const cityUnit = (await list(admin, 'q=1111010000002DR6W4')).items[0]!;
    const countyUnit = (await list(county, 'pageSize=1')).items[0]!;
    const own = await admin.get(`/api/units/${cityUnit.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: cityUnit.id, typeLabel: '机关', orgName: '测试市档案局' });
    const down = await admin.get(`/api/units/${countyUnit.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.json().orgName).toBe('示例区档案局');
    expect((await county.get(`/api/units/${cityUnit.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/units/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/api/units/not-a-uuid')).statusCode).toBe(400);
  });

  it('creates a unit, refuses a bad or duplicate credit code without recording anything', async () => {
    const before = await auditCount();
    const bad = await admin.post('/api/units', { name: '某公司', creditCode: '9111010000005CWG1X', type: 'private' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.creditCode).toBe('校验位错误：第 18 位应为“K”');
    const short = await admin.post('/api/units', { name: '某公司', creditCode: '91110100', type: 'private' });
    expect(short.json().error.fields.creditCode).toBe('统一社会信用代码应为 18 位，实为 8 位');
    const dup = await admin.post('/api/units', { name: '重复单位', creditCode: ' 1111010000002dr6w4 ', type: 'agency' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields.creditCode).toBe('本机构已有统一社会信用代码相同的单位：测试市人民政府办公室');
    const badType = await admin.post('/api/units', { name: '某公司', creditCode: '9111010000005CWG1K', type: 'foreign' });
    expect(badType.statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
    expect(await unitCount(setup.org.id)).toBe(46);

    const ok = await admin.post('/api/units', { name: '新建档案服务有限公司', creditCode: '9111010000005cwg1k', type: 'archive_service', contactPhone: '' });
    expect(ok.statusCode, ok.body).toBe(200);
    const unit = ok.json();
    expect(unit).toMatchObject({
      creditCode: '9111010000005CWG1K',
      riskTier: 'medium',
      riskTierLabel: '一般风险',
      typeLabel: '档案服务企业',
      contactPhone: null,
    });
    expect(await auditCount()).toBe(before + 1);
    const timeline = (await admin.get(`/api/audit/timeline?entityType=unit&entityId=${unit.id}`)).json().items;
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ action: 'unit.create', actorName: '管理员（admin）', before: null });
    expect(timeline[0].after.creditCode).toBe('9111010000005CWG1K');

    // The same code is free in another org.
    expect((await county.post('/api/units', { name: '区里的同一家公司', creditCode: '9111010000005CWG1K', type: 'private' })).statusCode).toBe(200);
  });

  it('updates with before/after; an empty patch keeps the risk tier; refuses a duplicate', async () => {
    const target = (await list(admin, 'q=1111010000002DR6W4')).items[0]!;
    const before = await auditCount();
    const noop = await admin.patch(`/api/units/${target.id}`, {});
    expect(noop.statusCode).toBe(200);
    expect(noop.json().riskTier).toBe('low');
    expect(await auditCount()).toBe(before);

    const res = await admin.patch(`/api/units/${target.id}`, { riskTier: 'high', contactName: '新联系人' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ riskTier: 'high', riskTierLabel: '高风险', contactName: '新联系人', name: '测试市人民政府办公室' });
    const events = (await admin.get(`/api/audit/timeline?entityType=unit&entityId=${target.id}`)).json().items;
    const last = events[events.length - 1];
    expect(last.action).toBe('unit.update');
    expect([last.before.riskTier, last.after.riskTier]).toEqual(['low', 'high']);

    const dup = await admin.patch(`/api/units/${target.id}`, { creditCode: '9111010000005CWG1K' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields.creditCode).toContain('新建档案服务有限公司');
    expect((await admin.patch(`/api/units/${target.id}`, { creditCode: '9111010000005CWG1A' })).statusCode).toBe(400);
    const closed = await admin.patch(`/api/units/${target.id}`, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', statusLabel: '已注销' });
    expect((await list(admin, 'status=closed')).total).toBe(1);
    expect(await auditCount()).toBe(before + 2);
  });

  it('refuses writes by roles without unit.write and on other orgs’ units (403 below, 404 elsewhere)', async () => {
    const countyUnit = (await list(county, 'pageSize=1')).items[0]!;
    const cityUnit = (await list(admin, 'pageSize=1')).items[0]!;
    const before = await auditCount();
    expect((await admin.patch(`/api/units/${countyUnit.id}`, { riskTier: 'high' })).statusCode).toBe(403);
    expect((await county.patch(`/api/units/${cityUnit.id}`, { riskTier: 'high' })).statusCode).toBe(404);
    expect((await county.patch('/api/units/00000000-0000-4000-8000-000000000000', { riskTier: 'high' })).statusCode).toBe(404);
    const staff = await signIn('staff');
    expect((await staff.get('/api/units')).statusCode).toBe(200);
    expect((await staff.post('/api/units', { name: '某公司', creditCode: '9111010000005CWG2N', type: 'private' })).statusCode).toBe(403);
    expect((await staff.patch(`/api/units/${cityUnit.id}`, { name: '改名' })).statusCode).toBe(403);
    const unitUser = await signIn('unit');
    expect((await unitUser.get('/api/units')).statusCode).toBe(403);
    // …but the archivist reads their own unit (我的单位), and only that one.
    const me = (await unitUser.get('/api/auth/me')).json();
    expect((await unitUser.get(`/api/units/${me.user.unitId}`)).json().id).toBe(me.user.unitId);
    const other = (await list(admin, 'pageSize=2')).items.find((u) => u.id !== me.user.unitId)!;
    expect((await unitUser.get(`/api/units/${other.id}`)).statusCode).toBe(403);
    expect((await new Client(env.app).get('/api/units')).statusCode).toBe(401);
    expect(await auditCount()).toBe(before + 2); // the two sign-ins
    // 执法人员 may maintain the directory.
    const inspector = await signIn('inspector');
    expect((await inspector.post('/api/units', { name: '执法人员新增的单位', creditCode: '9111010000005CWG2N', type: 'private' })).statusCode).toBe(200);
  });
});

describe('unit import (the template, all or nothing)', () => {
  const TEMPLATE = '/api/units/import-template.xlsx';
  /** The template's sheets as text grids. */
  async function template() {
    const res = await admin.get(TEMPLATE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('检查对象名录导入模板.xlsx'));
    const sheets = await readSheetGrid(res.rawPayload);
    return {
      raw: res.rawPayload,
      sheets: Object.fromEntries(sheets.map((s) => [s.name, s.rows.map((r) => r.cells.map((x) => (x === null ? '' : String(x))))])),
    };
  }
  /** The template filled in: its data sheet (headings and the example row, kept) and then `rows` under the headings. */
  async function filled(rows: Record<string, string | number>[]) {
    const grid = (await template()).sheets['检查对象']!;
    const headings = grid[0]!;
    return fixtureXlsx([{ name: '检查对象', rows: [...grid, ...rows.map((r) => headings.map((h) => r[h] ?? null))] }]);
  }
  const upload = (file: Buffer, c: Client = admin) => c.upload('/api/units/import', 'file', '名录.xlsx', file);

  it('offers Chinese headings, every allowed value on 可选值, the rules on 填写说明, and an example row the import skips', async () => {
    const { raw, sheets } = await template();
    expect(Object.keys(sheets)).toEqual(['检查对象', '可选值', '填写说明']);
    const [headings, example, ...more] = sheets['检查对象']!;
    expect(headings).toEqual(['单位名称', '统一社会信用代码', '单位类型', '所属行业', '地址', '联系人', '联系电话', '风险等级']);
    expect(example![0]).toMatch(/^（示例）/);
    expect(more).toEqual([]);
    const values = sheets['可选值']!;
    expect(values[0]).toEqual(['单位类型', '风险等级']);
    const column = (i: number) =>
      values
        .slice(1)
        .map((r) => r[i])
        .filter(Boolean);
    expect(column(0)).toEqual(['机关', '事业单位', '国有企业', '民营企业', '档案服务企业', '社区', '乡镇村']);
    expect(column(1)).toEqual(['低风险', '一般风险', '高风险']);
    const help = sheets['填写说明']!;
    expect(help.find((r) => r[0] === '统一社会信用代码')?.slice(0, 3)).toEqual(['统一社会信用代码', '必填', expect.stringContaining('GB 32100-2015')]);
    expect(help.find((r) => r[0] === '单位类型')?.[1]).toBe('必填');
    expect(help.find((r) => r[0] === '风险等级')?.[2]).toContain('不填为“一般风险”');
    expect(help.find((r) => r[0] === '联系电话')?.[1]).toBe('选填');
    // no field code or value code anywhere in the template
    expect(JSON.stringify(sheets)).not.toMatch(/creditCode|riskTier|contactPhone|archive_service|agency|"medium"/);

    // The template as downloaded imports nothing: its example row is skipped, and there is no other.
    const units = await unitCount(setup.org.id);
    const audit = await auditCount();
    const untouched = await admin.upload('/api/units/import', 'file', '模板.xlsx', raw);
    expect(untouched.statusCode).toBe(400);
    expect(untouched.json().error.message).toContain('没有可导入的数据行');
    expect(await unitCount(setup.org.id)).toBe(units);
    expect(await auditCount()).toBe(audit);
  });

  const good: Record<string, string | number>[] = [
    {
      单位名称: '导入测试档案服务有限公司',
      统一社会信用代码: '9111010000005CWG3R',
      单位类型: '档案服务企业',
      所属行业: '档案服务',
      地址: '某某路 1 号',
      联系人: '甲',
      联系电话: '010-1234567',
      风险等级: '高风险',
    },
    { 单位名称: '导入测试国有公司', 统一社会信用代码: '9111010000005CWG4W', 单位类型: '国有企业', 联系人: '乙', 风险等级: '低风险' },
    { 单位名称: '导入测试社区', 统一社会信用代码: '9111010000005CWG63', 单位类型: '社区', 联系电话: 13800138000, 风险等级: '一般风险' },
    { 单位名称: '导入测试乡镇', 统一社会信用代码: '9111010200005CWG1G', 单位类型: '乡镇村' },
  ];

  it('refuses a file with any bad row, naming each by 第N行 and Chinese column, and writes nothing', async () => {
    const file = await filled([
      good[0]!, // row 3 (row 2 is the example)
      { 单位名称: '导入测试事业单位', 统一社会信用代码: '1211010000005CWG7C', 单位类型: '事业单位' }, // 4: wrong check character
      { 单位名称: '导入测试外资公司', 统一社会信用代码: '9111010000005CWG50', 单位类型: '外资企业' }, // 5: unknown type
      { 单位名称: '导入测试重复公司', 统一社会信用代码: '9111010000005CWG3R', 单位类型: '民营企业' }, // 6: same code as row 3
      { 单位名称: '已有的单位', 统一社会信用代码: '1111010000002DR6W4', 单位类型: '机关' }, // 7: the org has it
      { 单位名称: '', 统一社会信用代码: '', 单位类型: '', 地址: '只有地址' }, // 8: required cells empty
      { 单位名称: '导入测试电话', 统一社会信用代码: makeCreditCode('91', '110100', 9_200_001), 单位类型: '社区', 联系电话: 'abc', 风险等级: '极高' }, // 9
    ]);
    const units = await unitCount(setup.org.id);
    const audit = await auditCount();
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(422);
    const error = res.json().error as { code: string; message: string; details: { errors: { row: number; column: string; value: unknown; reason: string }[] } };
    expect(error.code).toBe('import.invalid_rows');
    expect(error.message).toMatch(/^导入未执行：7 行中有 6 行有误（第 4 行“统一社会信用代码”：校验位错误：第 18 位应为“B”；第 5 行“单位类型”/);
    expect(error.message).toContain('未写入任何数据');
    expect(error.details.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [4, '统一社会信用代码', '校验位错误：第 18 位应为“B”'],
      [5, '单位类型', '未知的单位类型“外资企业”，应为：机关、事业单位、国有企业、民营企业、档案服务企业、社区、乡镇村'],
      [6, '统一社会信用代码', '与第 3 行的统一社会信用代码重复'],
      [7, '统一社会信用代码', '本机构已有该统一社会信用代码的单位：测试市人民政府办公室'],
      [8, '单位名称', '请填写单位名称'],
      [8, '统一社会信用代码', '请填写统一社会信用代码'],
      [8, '单位类型', '请填写单位类型'],
      [9, '联系电话', '联系电话格式不正确'],
      [9, '风险等级', '未知的风险等级“极高”，应为：低风险、一般风险、高风险（不填为一般风险）'],
    ]);
    expect(await unitCount(setup.org.id)).toBe(units);
    expect(await auditCount()).toBe(audit);
  });

  it('round trip: the filled template goes in whole, each unit recorded as imported', async () => {
    const units = await unitCount(setup.org.id);
    const audit = await auditCount();
    const res = await upload(await filled(good));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 4 });
    expect(await unitCount(setup.org.id)).toBe(units + 4);
    expect(await auditCount()).toBe(audit + 4);
    const imported = (await list(admin, `q=${encodeURIComponent('导入测试')}&sort=creditCode`)).items;
    expect(imported.map((u) => [u.name, u.type, u.riskTier, u.contactPhone])).toEqual([
      ['导入测试档案服务有限公司', 'archive_service', 'high', '010-1234567'],
      ['导入测试国有公司', 'soe', 'low', null],
      ['导入测试社区', 'community', 'medium', '13800138000'],
      ['导入测试乡镇', 'township', 'medium', null], // blank 风险等级 → 一般风险
    ]);
    const events = (await admin.get(`/api/audit/timeline?entityType=unit&entityId=${imported[0]!.id}`)).json().items;
    expect(events.map((e: { action: string; summary: string }) => [e.action, e.summary])).toEqual([['unit.import', '管理员 导入了检查对象']]);
    expect(events[0].after).toMatchObject({ name: '导入测试档案服务有限公司', fileName: '名录.xlsx' });
    expect((await admin.get('/api/audit/verify')).json().intact).toBe(true);

    // The same file again: every code is now the org's own, so nothing goes in.
    const again = await upload(await filled(good));
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '统一社会信用代码'],
      [4, '统一社会信用代码'],
      [5, '统一社会信用代码'],
      [6, '统一社会信用代码'],
    ]);
    expect(await unitCount(setup.org.id)).toBe(units + 4);
  });

  it('keeps a JSON API for integrations: field names, codes or labels, rows numbered from 1', async () => {
    const codes = [makeCreditCode('91', '110100', 9_300_001), makeCreditCode('91', '110100', 9_300_002)];
    const units = await unitCount(setup.org.id);
    const bad = await admin.post('/api/units/import', [
      { name: '接口导入甲', creditCode: codes[0], type: 'private' },
      { name: '接口导入乙', creditCode: codes[1], type: 'foreign' },
      7,
    ]);
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().error.details.errors).toMatchObject([
      { row: 2, field: 'type', column: '单位类型', value: 'foreign' },
      { row: 3, field: '(行)', column: '整行', reason: '每行应为一个 JSON 对象' },
    ]);
    expect(await unitCount(setup.org.id)).toBe(units);
    const ok = await admin.post('/api/units/import', {
      rows: [
        { name: '接口导入甲', creditCode: codes[0], type: 'private', riskTier: 'high' },
        { name: '接口导入乙', creditCode: codes[1], type: '民营企业' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 2 });
    const added = (await list(admin, `q=${encodeURIComponent('接口导入')}&sort=creditCode`)).items;
    expect(added.map((u) => [u.name, u.type, u.riskTier])).toEqual([
      ['接口导入甲', 'private', 'high'],
      ['接口导入乙', 'private', 'medium'],
    ]);
  });

  it('refuses files that are not .xlsx, sheets without the template’s headings, requests without rows, and roles without unit.write', async () => {
    const audit = await auditCount();
    const csv = await admin.upload('/api/units/import', 'file', '名录.csv', Buffer.from('单位名称,统一社会信用代码\n'));
    expect(csv.statusCode).toBe(415);
    expect(csv.json().error.message).toContain('另存为 .xlsx');
    const renamed = await admin.upload('/api/units/import', 'file', '名录.xlsx', Buffer.from('not a zip at all'));
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.message).toContain('文件不是有效的 Excel（.xlsx）文件');
    const zipNotXlsx = await admin.upload('/api/units/import', 'file', '名录.xlsx', Buffer.from('PK\u0003\u0004garbage'));
    expect(zipNotXlsx.statusCode).toBe(415);
    const pdf = await admin.upload('/api/units/import', 'file', '名录.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.message).toBe('只能上传 Excel（.xlsx）文件，“名录.pdf”不是 .xlsx 文件');
    expect((await admin.post('/api/units/import', {})).statusCode).toBe(400);
    expect((await admin.post('/api/units/import', [])).statusCode).toBe(400);
    const noHeaders = await admin.upload('/api/units/import', 'file', '名录.xlsx', await xlsx([['某单位', '机关']], ['名称', '单位类型']));
    expect(noHeaders.statusCode).toBe(400);
    expect(noHeaders.json().error.message).toBe('第 1 行缺少表头：单位名称、统一社会信用代码。请使用“下载导入模板”中的表头');
    const empty = await admin.upload('/api/units/import', 'file', '名录.xlsx', await xlsx([]));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('没有可导入的数据行');
    const huge = await admin.upload('/api/units/import', 'file', '名录.xlsx', Buffer.alloc(21 * 1024 * 1024, 1));
    expect(huge.statusCode).toBe(413);
    const staff = await signIn('staff');
    expect((await staff.upload('/api/units/import', 'file', '名录.xlsx', await filled(good))).statusCode).toBe(403);
    expect(await auditCount()).toBe(audit + 1); // staff's sign-in only
  });

  it('imports 5,000 rows in a few seconds with the chain intact', async () => {
    // Decimal serials: makeCreditCode folds I/O/S/V/Z into digits, so consecutive serials could collide.
    const code = (i: number) => {
      const body = `91110100${String(i).padStart(9, '0')}`;
      return body + creditCheckChar(body)!;
    };
    const big = Array.from({ length: 5000 }, (_, i) => [
      `批量导入单位${i + 1}`,
      code(500_000 + i),
      '民营企业',
      '制造业',
      `工业园 ${i + 1} 号`,
      '联系人',
      '0571-88888888',
      '低风险',
    ]);
    const file = await xlsx(big);
    const units = await unitCount(setup.org.id);
    const t0 = Date.now();
    const res = await admin.upload('/api/units/import', 'file', 'big.xlsx', file);
    const took = Date.now() - t0;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 5000 });
    console.log(`5,000 rows (${Math.round(file.length / 1024)} KiB): import ${took} ms`);
    expect(took).toBeLessThan(15_000);
    expect(await unitCount(setup.org.id)).toBe(units + 5000);
    expect((await list(admin, `q=${encodeURIComponent('批量导入单位')}`)).total).toBe(5000);
    expect((await admin.get('/api/audit/verify')).json().intact).toBe(true);
  });
});

describe('export', () => {
  it('exports every row matching the list filters, under the import headers', async () => {
    const countyAll = await county.get('/api/units/export.xlsx');
    expect(countyAll.statusCode).toBe(200);
    const all = await readSheet(countyAll.rawPayload);
    expect(all.headers).toEqual(['单位名称', '统一社会信用代码', '单位类型', '所属行业', '地址', '联系人', '联系电话', '风险等级', '状态']);
    expect(all.rows).toHaveLength(15); // 14 demo units + the one added above
    expect(all.rows[0]!.rowNumber).toBe(2);

    const agencies = await readSheet((await admin.get('/api/units/export.xlsx?type=agency&sort=creditCode')).rawPayload);
    expect(agencies.rows).toHaveLength(11);
    expect(agencies.rows[0]!.values).toMatchObject({ 单位名称: '测试市人民政府办公室', 单位类型: '机关', 风险等级: '高风险', 状态: '已注销' });

    const rollUp = await readSheet((await admin.get(`/api/units/export.xlsx?orgId=${countyOrgId}&riskTier=low`)).rawPayload);
    expect(rollUp.rows).toHaveLength(4); // county seeds i = 0, 4, 8, 12
    expect((await county.get(`/api/units/export.xlsx?orgId=${setup.org.id}`)).statusCode).toBe(404);
  });
});
