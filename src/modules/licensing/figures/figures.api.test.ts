/**
 * The history import (all or nothing, errors by row and Chinese column; JSON and the .xlsx template) and
 * the licensing figures over imported registers counted by hand: every figure in GET /api/figures equals
 * its drill-down count (the rate: online share of the received records, one decimal), for the org and
 * with its subtree (含下级). Read on 2025-06-30 over 2025-01-01…2025-06-30.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetGrid, writeSheet } from '../../../kernel/documents/index.js';
import { Client, countRows, createTestEnv, ok, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let staff: Client;
let county: Client;
let setup: SetupResponse;

const T = '延期移交档案审批';
const E = '档案及其复制件出境审批';
const X = '出卖、转让集体所有、个人所有以及其他不属于国家所有的对国家和社会具有保存价值或者应当保密的档案审批';

/** The hand-counted register of the city bureau. */
const CITY = [
  { item: T, receivedOn: '2025-01-06', channel: 'online', result: 'granted', decidedOn: '2025-01-20' }, // received, accepted, granted, online
  { item: T, receivedOn: '2025-02-10', channel: 'desk', result: 'granted', decidedOn: '2025-02-24' }, // received, accepted, granted
  { item: E, receivedOn: '2025-02-12', channel: 'online', result: 'refused', decidedOn: '2025-03-05' }, // received, accepted, refused, online
  { item: E, receivedOn: '2025-03-03', channel: 'online', result: 'withdrawn', decidedOn: '2025-03-10' }, // received, online
  { item: T, receivedOn: '2025-04-01', channel: 'desk', result: 'pending' }, // received, accepted (silence: as of receipt)
  { item: E, receivedOn: '2024-12-20', channel: 'online', result: 'granted', decidedOn: '2025-01-08' }, // granted only
  { item: X, receivedOn: '2016-05-10', channel: 'desk', result: 'granted', decidedOn: '2016-05-30' }, // before its abolition: history, outside the period
  { item: T, receivedOn: '2025-06-27', channel: 'online', result: 'pending' }, // received, online (acceptance due 7月4日)
];

const period = 'from=2025-01-01&to=2025-06-30';
type Figures = { figures: Record<string, { value: number; label: string; unit: string }> };
type Records = { value: number; total: number; items: { key: string; entityType: string; entityId: string; note: string | null; dateLabel: string }[] };

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-06-30T02:00:00Z' });
  ({ setup } = await setupOrg(env.app, { demo: true }));
  staff = await signInDemo(env.app, setup, 'staff');
  county = await signInDemo(env.app, setup, 'county.admin');
}, 120_000);
afterAll(async () => env?.close());

describe('history import', () => {
  it('refuses the whole import with every row problem by row and Chinese column; nothing written', async () => {
    const before = await countRows(env, 'licensing_applications');
    const res = await staff.post('/api/licensing/applications/import', [
      CITY[0]!,
      { item: '不存在的事项', receivedOn: '2025-01-06', channel: 'online', result: 'granted', decidedOn: '2025-01-07' },
      { item: X, receivedOn: '2020-01-02', channel: 'desk', result: 'granted', decidedOn: '2020-01-10' },
      { item: T, receivedOn: '2025-01-06', channel: '电话', result: 'granted' },
      { item: T, receivedOn: '2025-01-06', channel: 'desk', result: 'pending', decidedOn: '2025-01-07' },
      { item: T, receivedOn: '2025-01-06', channel: 'desk', result: 'refused', decidedOn: '2025-01-05' },
    ]);
    expect(res.statusCode, res.body).toBe(422);
    const errors = res.json().error.details.errors as { row: number; column: string; reason: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '许可事项'],
      [3, '许可事项'],
      [4, '申请渠道'],
      [4, '决定日期'],
      [5, '决定日期'],
      [6, '决定日期'],
    ]);
    expect(errors[1]!.reason).toMatch(/已于 2016-11-07 取消/);
    expect(res.json().error.message).toMatch(/第 2 行“许可事项”：事项目录中没有“不存在的事项”/);
    expect(await countRows(env, 'licensing_applications')).toBe(before);
  });

  it('imports the register; a pending row past its 5 working days reads as accepted as of receipt', async () => {
    const r = ok<Record<string, number>>(await staff.post('/api/licensing/applications/import', CITY));
    expect(r).toEqual({ created: 8, granted: 4, refused: 1, withdrawn: 1, pending: 2 });
    const list = ok<{
      items: { receivedOn: string; status: string; acceptedOn: string | null; acceptanceDeemed: boolean; code: string; sourceLabel: string }[];
    }>(await staff.get('/api/licensing/applications?pageSize=50&sort=receivedOn&order=asc'));
    const pending = list.items.find((i) => i.receivedOn === '2025-04-01')!;
    expect(pending).toMatchObject({ status: 'reviewing', acceptedOn: '2025-04-01', acceptanceDeemed: true, sourceLabel: '历史导入' });
    expect(list.items.find((i) => i.receivedOn === '2025-06-27')).toMatchObject({ status: 'submitted', acceptedOn: null });
    expect(list.items.find((i) => i.receivedOn === '2016-05-10')!.code).toBe('XK-2016-001');
    expect(list.items.filter((i) => i.code.startsWith('XK-2025-')).map((i) => i.code)).toEqual([
      'XK-2025-001',
      'XK-2025-002',
      'XK-2025-003',
      'XK-2025-004',
      'XK-2025-005',
      'XK-2025-006',
    ]);
  });

  it('offers the .xlsx template in Chinese (the org’s items as choices) and imports it filled', async () => {
    const res = await staff.get('/api/licensing/applications/import-template.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const sheets = await readSheetGrid(res.rawPayload);
    const grid = Object.fromEntries(sheets.map((s) => [s.name, s.rows.map((r) => r.cells.map((x) => (x === null ? '' : String(x))))]));
    expect(Object.keys(grid)).toEqual(['行政许可申请', '可选值', '填写说明']);
    const [headers, example] = grid['行政许可申请']!;
    expect(headers).toEqual(['许可事项', '收到申请日期', '申请渠道', '办理结果', '决定日期', '申请人', '申请人类型']);
    expect(grid['可选值']![0]).toEqual(['许可事项', '申请渠道', '办理结果', '申请人类型']);
    expect(grid['可选值']!.map((r) => r[0])).toEqual(expect.arrayContaining([T, E, X]));
    expect(JSON.stringify(grid)).not.toMatch(/receivedOn|granted|online/);
    // the county bureau keeps its own item and imports its register from the template
    ok(
      await county.post('/api/licensing/items', {
        name: '县级测试事项',
        legalBasis: '依据',
        conditions: '条件',
        procedure: '流程',
        remedies: '救济途径',
        validFrom: '2020-01-01',
      }),
    );
    const ex = Object.fromEntries(headers!.map((h, i) => [h, example![i] ?? '']));
    const rows = [
      { 许可事项: '县级测试事项', 收到申请日期: '2025-05-06', 申请渠道: '窗口申请', 办理结果: '准予许可', 决定日期: '2025-05-20', 申请人: '县某单位' },
      { 许可事项: '县级测试事项', 收到申请日期: '2025-05-05', 申请渠道: '网上申请', 办理结果: '办理中' },
    ];
    const file = await writeSheet({ sheetName: '数据', columns: headers!.map((h) => ({ header: h, key: h })), rows: [ex, ...rows] });
    const up = await county.upload('/api/licensing/applications/import', 'file', '许可登记.xlsx', file);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toEqual({ created: 2, granted: 1, refused: 0, withdrawn: 0, pending: 1 });
  });
});

describe('figures = drill-down, counted by hand', () => {
  it.each([
    ['the city bureau', '', { received: 6, accepted: 4, granted: 3, refused: 1, online: 4, rate: 66.7 }],
    // + the county: 5月6日 desk granted (accepted as of receipt), 5月5日 online pending (silent: accepted)
    ['含下级', '&includeChildren=true', { received: 8, accepted: 6, granted: 4, refused: 1, online: 5, rate: 62.5 }],
  ] as const)('%s', async (_what, scope, want) => {
    const all = ok<Figures>(await staff.get(`/api/figures?${period}${scope}`));
    const f = (k: string) => all.figures[`licensing.${k}`]!;
    expect({
      received: f('applications.received').value,
      accepted: f('applications.accepted').value,
      granted: f('applications.granted').value,
      refused: f('applications.refused').value,
      online: f('applications.online').value,
      rate: f('onlineRate').value,
    }).toEqual(want);
    expect(f('onlineRate')).toMatchObject({ unit: '%', label: '网上办理率' });
    for (const key of ['applications.received', 'applications.accepted', 'applications.granted', 'applications.refused', 'applications.online']) {
      const recs = ok<Records>(await staff.get(`/api/figures/licensing.${key}/records?${period}${scope}&pageSize=500`));
      expect(recs.value, key).toBe(f(key).value);
      expect(recs.total, key).toBe(f(key).value);
      expect(new Set(recs.items.map((r) => r.key)).size, key).toBe(f(key).value);
      for (const r of recs.items) expect(r.entityType).toBe('licensingApplication');
    }
    const rate = ok<Records>(await staff.get(`/api/figures/licensing.onlineRate/records?${period}${scope}&pageSize=500`));
    expect(rate.total).toBe(want.received);
    expect(rate.items.filter((r) => r.note === '网上申请')).toHaveLength(want.online);
    expect(rate.value).toBe(want.rate);
  });

  it('a figure records another reader may not read: the inspector has no licensing figures', async () => {
    const inspector = await signInDemo(env.app, setup, 'inspector');
    const all = ok<Figures>(await inspector.get(`/api/figures?${period}`));
    expect(Object.keys(all.figures).some((k) => k.startsWith('licensing.'))).toBe(false);
    expect((await inspector.get(`/api/figures/licensing.onlineRate/records?${period}`)).statusCode).toBe(404);
  });
});
