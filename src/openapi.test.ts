/**
 * Contracts end to end (issue 10): every operation of the API describes its answer in
 * /api/openapi.json — a response schema for its success status — whichever module it belongs to.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env.close());

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

it('documents a response schema on every operation of every module and the kernel', async () => {
  const paths = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<string, Record<string, Operation>>;
  const ops = Object.entries(paths).flatMap(([p, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ op: `${method.toUpperCase()} ${p}`, operation: op })),
  );
  const undescribed = ops
    .filter(({ operation }) => {
      const ok = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
      return ok.length === 0 || ok.some(([, r]) => !r.content || Object.values(r.content).some((c) => !c.schema));
    })
    .map((o) => o.op);
  expect(ops.length).toBeGreaterThan(170);
  expect(undescribed).toEqual([]);
});
