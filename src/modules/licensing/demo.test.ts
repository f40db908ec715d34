/**
 * The licensing demo (with the past work): the catalogue with its abolished item, and about four months
 * of applications run through the services on their days — every stage represented, the clocks on the
 * 工作台, the published decisions on the portal, the figures counting them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestEnv, ok, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let setup: SetupResponse;
let staff: Client;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-11-20T02:00:00Z' });
  ({ setup } = await setupOrg(env.app, { demo: true, demoHistory: true }));
  staff = await signInDemo(env.app, setup, 'staff');
}, 240_000);
afterAll(async () => env?.close());

it('seeds applications in every stage, through the services', async () => {
  const list = ok<{ total: number; items: { status: string; channel: string; acceptanceDeemed: boolean }[] }>(
    await staff.get('/api/licensing/applications?pageSize=50'),
  );
  expect(list.total).toBe(9);
  expect(new Set(list.items.map((i) => i.status))).toEqual(new Set(['published', 'withdrawn', 'decided', 'reviewing', 'submitted']));
  expect(list.items.filter((i) => i.acceptanceDeemed)).toHaveLength(1);
  const dash = ok<{ items: { kind: string }[]; publications: { kindLabel: string }[] }>(await staff.get('/api/dashboard?pageSize=200'));
  const kinds = new Set(dash.items.map((i) => i.kind));
  for (const k of ['licensing.acceptance', 'licensing.decision', 'licensing.publication', 'licensing.certificate']) expect(kinds, k).toContain(k);
  const pub = ok<{ total: number }>(await new Client(env.app).get(`/api/public/licensing/decisions?orgId=${setup.org.id}`));
  expect(pub.total).toBe(4);
  const figures = ok<{ figures: Record<string, { value: number }> }>(await staff.get('/api/figures?from=2025-01-01&to=2025-11-20'));
  expect(figures.figures['licensing.applications.received']!.value).toBe(9);
  expect(figures.figures['licensing.applications.granted']!.value).toBe(4);
  expect(figures.figures['licensing.applications.refused']!.value).toBe(1);
  expect(figures.figures['licensing.onlineRate']!.value).toBe(66.7);
});
