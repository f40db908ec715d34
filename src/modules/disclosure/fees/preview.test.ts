/**
 * The fee preview (GET …/fee/preview): the bands the form shows before the notice is sent are the
 * server's own computation — by page 150 pages → 30 free, 70 × 10, 50 × 20 = 1700 元; by item counting the
 * applicant's earlier items of the month (9 earlier → the 10th free, the 11th 100 元) — and nothing is
 * written. The desk of the own org only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, setupOrg, signInDemo, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let staff: Client;
let leader: Client;
let county: Client;

async function apply(applicantName: string, receivedOn: string) {
  const r = await staff.post('/api/disclosure/applications', {
    channel: 'in_person',
    applicantType: 'natural',
    applicantName,
    receivedOn,
    content: `申请公开${receivedOn}的档案行政许可信息（${Math.random()}）`,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().application.id as string;
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-06-10T02:00:00Z' });
  const { setup } = await setupOrg(env.app, { demo: true });
  staff = await signInDemo(env.app, setup, 'staff');
  leader = await signInDemo(env.app, setup, 'leader');
  county = await signInDemo(env.app, setup, 'county.admin');
});
afterAll(async () => env.close());

describe('fee preview', () => {
  it('by page: the bands and amount the notice would state; nothing stored', async () => {
    const id = await apply('王五', '2025-06-03');
    const r = await staff.get(`/api/disclosure/applications/${id}/fee/preview?method=page&pages=150`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      method: 'page',
      units: 150,
      itemsBefore: null,
      amount: 1700,
      bands: [
        { from: 1, to: 30, count: 30, unitPrice: 0, subtotal: 0 },
        { from: 31, to: 100, count: 70, unitPrice: 10, subtotal: 700 },
        { from: 101, to: 150, count: 50, unitPrice: 20, subtotal: 1000 },
      ],
      explanation: expect.stringContaining('合计 1700 元'),
    });
    expect((await staff.get(`/api/disclosure/applications/${id}`)).json().fee).toBeNull();
    const saved = await staff.post(`/api/disclosure/applications/${id}/fee`, { method: 'page', pages: 150, noticeOn: '2025-06-05' });
    expect(saved.json().fee.bands).toEqual(r.json().bands);
  });

  it("by item: counts the applicant's earlier items of the month", async () => {
    for (let i = 0; i < 9; i++) await apply('李四', '2025-06-03');
    const id = await apply('李四', '2025-06-04');
    const r = await staff.get(`/api/disclosure/applications/${id}/fee/preview?method=item&items=2`);
    expect(r.json()).toMatchObject({
      method: 'item',
      units: 2,
      itemsBefore: 9,
      amount: 100,
      bands: [
        { from: 10, to: 10, unitPrice: 0 },
        { from: 11, to: 11, unitPrice: 100 },
      ],
    });
  });

  it('refuses a page preview without pages (400), a reader (403) and another org (404)', async () => {
    const id = await apply('赵六', '2025-06-04');
    const missing = await staff.get(`/api/disclosure/applications/${id}/fee/preview?method=page`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty('pages');
    expect((await leader.get(`/api/disclosure/applications/${id}/fee/preview?method=page&pages=10`)).statusCode).toBe(403);
    expect((await county.get(`/api/disclosure/applications/${id}/fee/preview?method=page&pages=10`)).statusCode).toBe(404);
  });
});
