/** Every operation of 行政许可 describes its answer in /api/openapi.json (a response schema per success status). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env.close());

it('documents a response schema on every licensing operation', async () => {
  const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const paths = res.json().paths as Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  const ours = Object.entries(paths).filter(([p]) => /^\/api\/(licensing|public\/licensing)(\/|$)/.test(p));
  const operations = ours.flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ op: `${method.toUpperCase()} ${p}`, ok: op.responses?.['200'] })));
  expect(operations.length).toBeGreaterThanOrEqual(25);
  const undescribed = operations.filter((o) => !o.ok?.content || Object.values(o.ok.content).some((c) => !c.schema)).map((o) => o.op);
  expect(undescribed).toEqual([]);
});
