/**
 * 检查统计 in the kernel's figure registry: GET /api/figures shows every `inspections.<name>` with the
 * value /api/inspections/figures gives for the same period and org (含下级 too), and
 * GET /api/figures/inspections.<name>/records lists as many records as that value, in the kernel's
 * record shape. Over the demo's eight months of past work (demoHistory), read on 2025-11-20; the
 * values themselves are counted by hand in demo-history.test.ts (9 inspections done, 9 letters, …).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestEnv, createTestEnv, setupOrg, ok } from '../../../test/harness.js';

const NOW = '2025-11-20T02:00:00Z';
let env: TestEnv;
let admin: Client;
let orgId: string;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  const s = await setupOrg(env.app, { demo: true, demoHistory: true });
  admin = s.client;
  orgId = s.setup.org.id;
}, 180_000);
afterAll(async () => env?.close());

type Own = { figures: { name: string; label: string; unit: string; value: number }[] };
type Registry = { figures: Record<string, { value: number; label: string; unit: string; module: string }> };
type KernelRecords = {
  key: string;
  value: number;
  total: number;
  items: {
    key: string;
    orgId: string;
    orgName: string;
    title: string;
    date: string | null;
    dateLabel: string;
    entityType: string | null;
    entityId: string | null;
    note: string | null;
  }[];
};

describe('inspection figures in the kernel registry', () => {
  for (const [what, own, kernel] of [
    ['the org', '', ''],
    ['含下级', '&includeDescendants=true', '&includeChildren=true'],
  ] as const) {
    it(`${what}: every figure has the same value in both, and its records number the value`, async () => {
      const period = 'from=2025-01-01&to=2025-11-20';
      const mine = ok<Own>(await admin.get(`/api/inspections/figures?${period}${own}`));
      const all = ok<Registry>(await admin.get(`/api/figures?${period}${kernel}`));
      expect(mine.figures).toHaveLength(10);
      for (const f of mine.figures) {
        expect(all.figures[`inspections.${f.name}`], f.name).toEqual({ value: f.value, label: f.label, unit: f.unit, module: 'inspections' });
        const recs = ok<KernelRecords>(await admin.get(`/api/figures/inspections.${f.name}/records?${period}${kernel}&pageSize=500`));
        expect(recs.value, f.name).toBe(f.value);
        expect(recs.total, f.name).toBe(f.value);
        expect(recs.items, f.name).toHaveLength(f.value);
        expect(new Set(recs.items.map((r) => r.key)).size, f.name).toBe(f.value);
      }
      expect(all.figures['inspections.inspectionsDone']!.value).toBe(9);
    });
  }

  it('maps a record to the kernel shape: titled by code and unit, linked to the inspection or the evaluation', async () => {
    const done = ok<KernelRecords>(await admin.get('/api/figures/inspections.inspectionsDone/records?from=2025-01-01&to=2025-11-20'));
    const list = ok<{ items: { id: string; code: string; unitName: string; orgId: string }[] }>(await admin.get('/api/inspections?pageSize=100'));
    const byId = new Map(list.items.map((i) => [i.id, i]));
    for (const r of done.items) {
      const i = byId.get(r.entityId!)!;
      expect(r).toMatchObject({ entityType: 'inspection', orgId, title: `${i.code} ${i.unitName}`, dateLabel: '签字日期' });
      expect(r.date).toMatch(/^2025-\d{2}-\d{2}$/);
    }
    const grades = ok<KernelRecords>(await admin.get('/api/figures/inspections.gradeDistribution/records?from=2025-01-01&to=2025-11-20'));
    expect(grades.items.length).toBeGreaterThan(0);
    for (const r of grades.items) {
      expect(r.entityType).toBe('evaluation');
      expect(r.note).toMatch(/^(优秀|良好|合格|不合格)/);
    }
    const raised = ok<KernelRecords>(await admin.get('/api/figures/inspections.rectificationRaised/records?from=2025-01-01&to=2025-11-20'));
    expect(raised.items.every((r) => /^J-2025-\d{3} .+ [A-Z]\d-\d{2} /.test(r.title))).toBe(true);
  });
});
