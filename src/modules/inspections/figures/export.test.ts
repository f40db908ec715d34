/**
 * 检查统计 and 监测预警 export what the pages show (issue 13 §9): on the demo's past inspection work,
 * every figure's value and groups in the 统计 sheet equal GET /api/inspections/figures, each figure's
 * sheet lists exactly the records its drill-down counts, and the monitors' sheets hold their lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetGrid } from '../../../kernel/documents/index.js';
import { Client, type TestEnv, createTestEnv, ok, setupOrg } from '../../../test/harness.js';
import type { FiguresResult, MonitorsResult } from './contracts.js';

let env: TestEnv;
let admin: Client;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-11-20T02:00:00Z' });
  ({ client: admin } = await setupOrg(env.app, { demo: true, demoHistory: true }));
}, 180_000);
afterAll(async () => env?.close());

/** Sheet name → rows of text (row 1 the title, row 2 the headings). */
async function workbook(url: string) {
  const res = await admin.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const sheets = await readSheetGrid(res.rawPayload);
  return new Map(sheets.map((s) => [s.name, s.rows.map((r) => r.cells.map((c) => (c === null ? '' : String(c))))]));
}

describe('exports', () => {
  it('检查统计: the same figures, groups and records as the page and its drill-down', async () => {
    const qs = 'from=2025-01-01&to=2025-11-20';
    const page = ok<FiguresResult>(await admin.get(`/api/inspections/figures?${qs}`));
    const book = await workbook(`/api/inspections/figures/export.xlsx?${qs}`);
    const summary = book.get('检查统计')!;
    expect(summary[0]![0]).toContain('2025-01-01 至 2025-11-20');
    expect(summary[1]!.slice(0, 3)).toEqual(['统计项', '数值', '单位']);
    const values = new Map(summary.slice(2).map((r) => [r[0]!.trim(), Number(r[1])]));
    let nonZero = 0;
    for (const f of page.figures) {
      expect(values.get(f.label), f.label).toBe(f.value);
      for (const b of f.buckets ?? []) expect(values.get(`其中：${b.label}`), `${f.label} ${b.label}`).toBeDefined();
      const sheet = [...book.entries()].find(([name]) => f.label.startsWith(name) || name.startsWith(f.label.slice(0, 28)))?.[1];
      expect(sheet, f.label).toBeDefined();
      expect(sheet!.length - 2, `${f.label}: one row per record`).toBe(f.value);
      if (f.value > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(5);
    // no field code or id in the file
    expect(JSON.stringify([...book.values()])).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|non_compliant|on_site_signed|ad_hoc/);
  });

  it('监测预警: repeats, overdue rectifications and workload, as on the page', async () => {
    const page = ok<MonitorsResult>(await admin.get('/api/inspections/monitors'));
    const book = await workbook('/api/inspections/monitors/export.xlsx');
    expect([...book.keys()]).toEqual(['重复检查', '整改逾期', '执法人员工作量']);
    expect(book.get('重复检查')!.length - 2).toBe(page.repeats.length);
    expect(book.get('整改逾期')!.length - 2).toBe(page.overdue.length);
    expect(book.get('执法人员工作量')!.length - 2).toBe(page.workload.length);
    expect(page.overdue.length).toBeGreaterThan(0);
    expect(book.get('整改逾期')![2]).toContain(page.overdue[0]!.overdueText);
  });

  it('is refused without inspection.read and for a bad period', async () => {
    expect((await new Client(env.app).get('/api/inspections/figures/export.xlsx')).statusCode).toBe(401);
    expect((await admin.get('/api/inspections/figures/export.xlsx?from=2025-12-01&to=2025-01-01')).statusCode).toBe(400);
  });
});
