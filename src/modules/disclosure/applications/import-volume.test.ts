/**
 * A big city's year in one request: 15,000 applications imported through the API (JSON body over
 * the app-wide 2 MB limit, accepted by this route's own 20 MB limit), every one audited, and the
 * year's table computed from them. Asserts completion and the counts, not the time (logged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, countRows, createTestEnv, setupOrg, type TestEnv } from '../../../test/harness.js';
import { APPLICANT_TYPES, OUTCOME_CODES } from '../labels.js';

let env: TestEnv;
let admin: Client;
let orgId: string;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-20T02:00:00Z' });
  const s = await setupOrg(env.app);
  admin = s.client;
  orgId = s.setup.org.id;
});
afterAll(async () => env.close());

describe('15,000-row import', () => {
  it('imports 15,000 applications in one request and tallies them', { timeout: 120_000 }, async () => {
    const N = 15_000;
    const rows = Array.from({ length: N }, (_, i) => {
      const month = String((i % 12) + 1).padStart(2, '0');
      const dayN = String((i % 27) + 1).padStart(2, '0');
      const open = i % 10 === 0; // 1,500 still open at the end of the year
      return {
        receivedOn: `2023-${month}-${dayN}`,
        channel: ['online', 'letter', 'in_person', 'fax_email'][i % 4],
        applicantType: APPLICANT_TYPES[i % APPLICANT_TYPES.length],
        applicantName: `申请人${i}`,
        content: `申请公开第 ${i} 号档案行政执法信息及相关文件`,
        ...(open ? {} : { decidedOn: `2023-${month}-28`, outcome: OUTCOME_CODES[i % OUTCOME_CODES.length] }),
      };
    });
    const payload = JSON.stringify(rows);
    expect(payload.length).toBeGreaterThan(2 * 1024 * 1024);
    const t0 = Date.now();
    const res = await admin.request('POST', '/api/disclosure/applications/import', Buffer.from(payload), { 'content-type': 'application/json' });
    const importMs = Date.now() - t0;
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toEqual({ created: N, decided: 13_500, open: 1_500 });
    expect(await countRows(env, 'disclosure_applications', orgId)).toBe(N);
    expect(await countRows(env, 'audit_events', orgId)).toBeGreaterThanOrEqual(N);

    const t1 = Date.now();
    const tables = await admin.get('/api/disclosure/annual-reports/2023/tables');
    const tableMs = Date.now() - t1;
    expect(tables.statusCode).toBe(200);
    const s3 = Object.fromEntries(
      (tables.json().section3.rows as { key: string; cells: Record<string, number> | null }[]).filter((r) => r.cells).map((r) => [r.key, r.cells]),
    );
    expect(s3['s3.r1']!.total).toBe(N);
    expect(s3['s3.r3.7']!.total).toBe(13_500);
    expect(s3['s3.r4']!.total).toBe(1_500);
    expect(tables.json().checks.ok).toBe(true);

    const verify = await admin.get('/api/audit/verify');
    expect(verify.statusCode).toBe(200);
    expect(verify.json().intact).toBe(true);
    console.log(`[timing] import of ${N} rows (${(payload.length / 1048576).toFixed(1)} MB JSON): ${importMs} ms; 2023 tables: ${tableMs} ms`);
  });
});
