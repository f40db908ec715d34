/**
 * The disclosure figures through the kernel registry (GET /api/figures, …/:key/records) against the
 * annual-report tables of the same records: for a calendar year each figure equals the 总计 column of
 * the generated table's row it names — 一 received, 二 carriedIn, every outcome row (the sum of its
 * outcomes' figures: 36(四) and 36(五) share one row; template 2019's （六） takes three), （七） decided,
 * 四 carriedOut, each group the sum of its rows, section 四's cells the dispute figures — and each
 * figure's records number its value.
 *
 * The register is reports.test.ts's (A1–A4, B1–B12, C1 across 2020–2022, disputes D1–D6; B12 here is
 * 非本机关负责公开), imported for
 * the city bureau; the county bureau gets three applications of its own (K1 2021 received and decided,
 * K2 2020 → carried into 2021, K3 2021 open), counted only with 含下级.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestEnv, ok, setupOrg, signInDemo, type TestEnv } from '../../../test/harness.js';
import { TEMPLATES, type TemplateId } from '../annual-report/templates.js';
import { DISPUTE_KINDS, DISPUTE_OUTCOMES } from '../annual-report/labels.js';
import { OUTCOME_BY_CODE, OUTCOME_GROUPS } from '../labels.js';
import { DISCLOSURE_FIGURES, disputeFigure, disputeOutcomeFigure, groupFigure, outcomeFigure } from './figures.js';

let env: TestEnv;
let admin: Client;
let county: Client;

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
  row('2021-02-01', 'natural', 'B12', '2021-02-20', 'unavailable.not_ours'),
  row('2022-01-03', 'natural', 'C1'),
];
const DISPUTES = [
  { kind: 'reconsideration', filedOn: '2021-03-01', outcome: 'upheld', closedOn: '2021-05-01', caseNo: 'D1' },
  { kind: 'reconsideration', filedOn: '2021-06-01', outcome: 'corrected', closedOn: '2022-01-15', caseNo: 'D2' },
  { kind: 'litigation_direct', filedOn: '2021-04-01', outcome: 'other', closedOn: '2021-10-01', caseNo: 'D3' },
  { kind: 'litigation_after_reconsideration', filedOn: '2021-11-01', caseNo: 'D4' },
  { kind: 'reconsideration', filedOn: '2020-12-01', outcome: 'upheld', closedOn: '2021-01-10', caseNo: 'D5' },
  { kind: 'litigation_direct', filedOn: '2021-02-02', outcome: 'corrected', closedOn: '2021-06-06', caseNo: 'D6' },
];
const COUNTY = [
  row('2021-03-01', 'natural', 'K1', '2021-03-20', 'disclosed'),
  row('2020-12-01', 'business', 'K2', '2021-02-01', 'withheld.state_secret'),
  row('2021-06-01', 'natural', 'K3'),
];

type Figures = Record<string, { value: number; label: string; unit: string; module: string }>;
interface Tables {
  template: { id: TemplateId };
  section3: { rows: { key: string; kind: string; cells: Record<string, number> | null }[] };
  section4: { rows: { key: string; cells: Record<string, number> }[] };
}

const year = (y: number) => `from=${y}-01-01&to=${y}-12-31`;
const figures = async (c: Client, q: string) => ok<{ figures: Figures }>(await c.get(`/api/figures?${q}`)).figures;
const tables = async (c: Client, y: number, orgId?: string) =>
  ok<Tables>(await c.get(`/api/disclosure/annual-reports/${y}/tables${orgId ? `?orgId=${orgId}` : ''}`));
const f = (all: Figures, name: string) => {
  const v = all[`disclosure.${name}`];
  expect(v, `disclosure.${name}`).toBeDefined();
  return v!.value;
};

/** The figures each value row of section 三 is the sum of (outcome rows: their outcomes'). */
function rowFigures(templateId: TemplateId): Map<string, string[]> {
  const names: Record<string, string[]> = { received: ['received'], carried_in: ['carriedIn'], total: ['decided'], carried_out: ['carriedOut'] };
  return new Map(
    TEMPLATES[templateId].section3.rows
      .filter((r) => r.kind !== 'heading')
      .map((r) => [r.key, r.kind === 'outcome' ? r.outcomes.map(outcomeFigure) : names[r.kind]!]),
  );
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-20T02:00:00Z' });
  const { client, setup } = await setupOrg(env.app, { demo: true });
  admin = client;
  county = await signInDemo(env.app, setup, 'county.admin');
  ok(await admin.post('/api/disclosure/applications/import', REGISTER));
  ok(await admin.post('/api/disputes/import', DISPUTES));
  ok(await county.post('/api/disclosure/applications/import', COUNTY));
});
afterAll(async () => env.close());

describe('disclosure figures = the annual-report table, for a year', () => {
  it('registers every figure with a stable key, label and unit', async () => {
    const all = await figures(admin, year(2021));
    const mine = Object.keys(all).filter((k) => k.startsWith('disclosure.'));
    expect(mine.sort()).toEqual(DISCLOSURE_FIGURES.map((d) => `disclosure.${d.name}`).sort());
    // 4 flows + 6 groups + 22 outcomes + 3 kinds of dispute × (all + 4 outcomes)
    expect(mine).toHaveLength(4 + 6 + 22 + 15);
    expect(all['disclosure.outcomeUnavailableNotOurs']).toMatchObject({ unit: '件', module: 'disclosure', label: expect.stringContaining('非本机关负责公开') });
  });

  for (const y of [2020, 2021, 2022]) {
    it(`${y}: each section 三 row's 总计 and each group, each section 四 cell`, async () => {
      const all = await figures(admin, year(y));
      const t = await tables(admin, y);
      const sums = rowFigures(t.template.id);
      for (const r of t.section3.rows.filter((x) => x.cells)) {
        expect(
          sums.get(r.key)!.reduce((s, n) => s + f(all, n), 0),
          `row ${r.key}`,
        ).toBe(r.cells!.total);
      }
      for (const g of OUTCOME_GROUPS) {
        const rows = TEMPLATES[t.template.id].section3.rows.filter((r) => r.kind === 'outcome' && r.outcomes.some((c) => OUTCOME_BY_CODE[c].group === g));
        expect(f(all, groupFigure(g)), `group ${g}`).toBe(rows.reduce((s, r) => s + t.section3.rows.find((x) => x.key === r.key)!.cells!.total!, 0));
      }
      for (const k of DISPUTE_KINDS) {
        const cells = t.section4.rows.find((r) => r.key === k)!.cells;
        expect(f(all, disputeFigure(k)), k).toBe(cells.total);
        for (const o of DISPUTE_OUTCOMES) expect(f(all, disputeOutcomeFigure(k, o)), `${k} ${o}`).toBe(cells[o]);
      }
    });
  }

  it('2021 by hand: 一 12, 二 3, （七） 12, 四 3; 36(四) and 36(五) 1 each; 复议 2 (1 维持, 1 尚未审结 on 31 December)', async () => {
    const all = await figures(admin, year(2021));
    expect([f(all, 'received'), f(all, 'carriedIn'), f(all, 'decided'), f(all, 'carriedOut')]).toEqual([12, 3, 12, 3]);
    expect([f(all, 'outcomeUnavailableNotHeld'), f(all, 'outcomeUnavailableNotOurs'), f(all, 'groupUnavailable')]).toEqual([0, 1, 2]);
    expect([f(all, 'reconsideration'), f(all, 'reconsiderationUpheld'), f(all, 'reconsiderationPending'), f(all, 'litigationDirect')]).toEqual([2, 1, 1, 2]);
  });

  it("each figure's records number its value, and link to their application or case", async () => {
    for (const q of [year(2021), year(2020), 'from=2021-03-01&to=2021-06-30']) {
      const all = await figures(admin, q);
      for (const d of DISCLOSURE_FIGURES) {
        const r = ok<{ value: number; total: number; items: { title: string; entityType: string; entityId: string; date: string }[] }>(
          await admin.get(`/api/figures/disclosure.${d.name}/records?${q}&pageSize=500`),
        );
        expect(r.total, `${d.name} ${q}`).toBe(all[`disclosure.${d.name}`]!.value);
        expect(r.value).toBe(r.total);
        expect(r.items).toHaveLength(r.total);
        for (const it of r.items)
          expect(it.entityType).toBe(d.name.startsWith('reconsideration') || d.name.startsWith('litigation') ? 'dispute' : 'disclosureApplication');
      }
    }
    const decided = ok<{ items: { title: string; date: string; dateLabel: string }[] }>(
      await admin.get(`/api/figures/disclosure.outcomeUnavailableNotOurs/records?${year(2021)}`),
    );
    expect(decided.items).toEqual([expect.objectContaining({ title: expect.stringMatching(/^GK\w+ B12$/), date: '2021-02-20', dateLabel: '答复日期' })]);
  });

  it('a period that is not a year: received and carried in / carried out around it (2021-03-01 – 2021-06-30)', async () => {
    const all = await figures(admin, 'from=2021-03-01&to=2021-06-30');
    // received B2 B3 B4; carried in: A4 only (A1 A2 B1 B12 were decided before 1 March); decided B2 B3 B4; carried out A4.
    // Disputes filed: D1 (维持 05-01), D2 (尚未审结 on 06-30), D3 (closed 10-01: 尚未审结 on 06-30).
    expect([f(all, 'received'), f(all, 'carriedIn'), f(all, 'decided'), f(all, 'carriedOut')]).toEqual([3, 1, 3, 1]);
    expect([f(all, 'reconsideration'), f(all, 'reconsiderationPending'), f(all, 'litigationDirect'), f(all, 'litigationDirectPending')]).toEqual([2, 1, 1, 1]);
  });

  it('含下级 adds the county bureau: the sum of both tables, counted in SQL over the subtree', async () => {
    const own = await figures(admin, year(2021));
    const withChildren = await figures(admin, `${year(2021)}&includeChildren=true`);
    const countyTable = await tables(county, 2021);
    const total = (t: Tables, kind: string) => t.section3.rows.find((r) => r.kind === kind)!.cells!.total!;
    expect(f(withChildren, 'received') - f(own, 'received')).toBe(total(countyTable, 'received'));
    expect(f(withChildren, 'carriedIn') - f(own, 'carriedIn')).toBe(total(countyTable, 'carried_in'));
    expect(f(withChildren, 'carriedOut') - f(own, 'carriedOut')).toBe(total(countyTable, 'carried_out'));
    expect([
      f(withChildren, 'received') - f(own, 'received'),
      f(withChildren, 'carriedIn') - f(own, 'carriedIn'),
      f(withChildren, 'groupWithheld') - f(own, 'groupWithheld'),
    ]).toEqual([2, 1, 1]);
    // the county sees its own only
    expect(f(await figures(county, year(2021)), 'received')).toBe(total(countyTable, 'received'));
  });
});
