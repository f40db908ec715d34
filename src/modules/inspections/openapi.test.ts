/** Every operation of 行政检查 describes its answer in /api/openapi.json (a response schema per success status). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env.close());

type Paths = Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;

async function operations(pattern: RegExp) {
  const paths = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Paths;
  return Object.entries(paths)
    .filter(([p]) => pattern.test(p))
    .flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ op: `${method.toUpperCase()} ${p}`, ok: op.responses?.['200'] })));
}
const undescribed = (ops: Awaited<ReturnType<typeof operations>>) =>
  ops.filter((o) => !o.ok?.content || Object.values(o.ok.content).some((c) => !c.schema)).map((o) => o.op);

it('documents a response schema on every catalogue, checklist, plan, draw and evaluation operation (35)', async () => {
  const ops = await operations(/^\/api\/(inspections\/(items|checklists|checklist-versions|plans|draws|evaluations)(\/|$)|public\/(plans|draws)(\/|$))/);
  // /api/inspections/draws/{id}/inspections belongs to the loop (counted below).
  const ours = ops.filter((o) => !o.op.endsWith('/draws/{id}/inspections'));
  expect(ours).toHaveLength(35);
  expect(undescribed(ours)).toEqual([]);
});

it('documents a response schema on every operation of the module', async () => {
  const ops = await operations(/^\/api\/(inspections|my\/inspections|public\/(plans|draws|inspections))(\/|$)/);
  expect(undescribed(ops)).toEqual([]);
});
