/**
 * The annual report's tables rolled up over an org subtree in the database (issue 12 §5): a city
 * bureau's `includeChildren=true` is the cell-by-cell sum of its own table and its county's; every
 * cell of section 三 counted in SQL equals the count of records its drill-down (the full computation
 * with ids) lists, for the org and for the subtree; an unknown query parameter is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ok, setupOrg, signInDemo, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let city: Client;
let county: Client;
let countyOrgId: string;

const TYPES = ['natural', 'business', 'research', 'public_interest', 'legal_service', 'other'];
const OUTCOMES = [
  'disclosed',
  'partial',
  'withheld.third_party',
  'withheld.process_info',
  'unavailable.not_held',
  'unavailable.needs_creation',
  'not_processed.duplicate',
  'not_processed.petition',
  'other.no_correction',
  'other.unpaid_fee',
  'other.other',
];

/** n applications over 2023–2025 from a seeded generator; some open, some decided in a later year. */
function register(seed: number, n: number, tag: string) {
  let x = seed;
  const rnd = (k: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % k;
  };
  const day = (y: number) => `${y}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
  return Array.from({ length: n }, (_, i) => {
    const receivedOn = day(2023 + rnd(3));
    const decided = rnd(5) > 0;
    let decidedOn = decided ? day(Number(receivedOn.slice(0, 4)) + rnd(2)) : undefined;
    if (decidedOn && decidedOn < receivedOn) decidedOn = receivedOn;
    if (decidedOn && decidedOn > '2026-03-19') decidedOn = undefined;
    return {
      receivedOn,
      channel: 'letter',
      applicantType: TYPES[rnd(TYPES.length)],
      applicantName: `${tag}申请人${i}`,
      content: `申请公开${tag}第${i}件档案信息`,
      ...(decidedOn ? { decidedOn, outcome: OUTCOMES[rnd(OUTCOMES.length)] } : {}),
    };
  });
}

interface Tables {
  includeChildren: boolean;
  section3: { rows: { key: string; cells: Record<string, number> | null }[] };
  section4: { rows: { key: string; cells: Record<string, number> }[] };
  checks: { ok: boolean };
}
const s3 = (t: Tables) => Object.fromEntries(t.section3.rows.filter((r) => r.cells).map((r) => [r.key, r.cells!]));

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-20T02:00:00Z' });
  const s = await setupOrg(env.app, { demo: true });
  city = s.client;
  county = await signInDemo(env.app, s.setup, 'county.admin');
  countyOrgId = ok<{ org: { id: string } }>(await county.get('/api/auth/me')).org.id;
  const a = await city.post('/api/disclosure/applications/import', register(7, 300, '市'));
  expect(a.statusCode, a.body.slice(0, 600)).toBe(200);
  expect((await county.post('/api/disclosure/applications/import', register(11, 200, '县'))).statusCode).toBe(200);
}, 120_000);
afterAll(async () => env.close());

describe('includeChildren on the annual report tables', () => {
  it.each([2023, 2024, 2025])('%i: the city with its county is the sum of both, cell by cell', async (year) => {
    const get = async (q: string) => ok<Tables>(await city.get(`/api/disclosure/annual-reports/${year}/tables${q}`));
    const own = await get('');
    const child = await get(`?orgId=${countyOrgId}`);
    const all = await get('?includeChildren=true');
    expect([own.includeChildren, all.includeChildren]).toEqual([false, true]);
    const sum = Object.fromEntries(
      Object.entries(s3(own)).map(([row, cells]) => [row, Object.fromEntries(Object.entries(cells).map(([c, v]) => [c, v + s3(child)[row]![c]!]))]),
    );
    expect(s3(all)).toEqual(sum);
    expect(Object.values(s3(all)).some((cells) => Object.values(cells).some((v) => v > 0))).toBe(true);
    expect(all.checks.ok).toBe(true);
  });

  it('every section-三 cell counted in SQL lists exactly that many records in its drill-down, for the org and the subtree', async () => {
    for (const q of ['', '&includeChildren=true']) {
      const t = ok<Tables>(await city.get(`/api/disclosure/annual-reports/2024/tables${q.replace('&', '?')}`));
      let checked = 0;
      for (const [row, cells] of Object.entries(s3(t))) {
        for (const col of ['natural', 'total']) {
          const d = ok<{ count: number }>(await city.get(`/api/disclosure/annual-reports/2024/cells/${row}/${col}?pageSize=1${q}`));
          expect(d.count, `${row}/${col}${q}`).toBe(cells[col]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    }
  });

  it('the county may not roll up its superior; a flag that is not yes/no is refused', async () => {
    const own = ok<Tables>(await county.get('/api/disclosure/annual-reports/2024/tables?includeChildren=true'));
    const alone = ok<Tables>(await county.get('/api/disclosure/annual-reports/2024/tables'));
    expect(s3(own)).toEqual(s3(alone)); // a county has no orgs below it
    expect((await city.get('/api/disclosure/annual-reports/2024/tables?includeChildren=maybe')).statusCode).toBe(400);
    // the .docx of the report does not roll up: the parameter is refused there, not ignored
    expect((await city.get('/api/disclosure/annual-reports/2024/report.docx?includeChildren=true')).statusCode).toBe(400);
  });
});
