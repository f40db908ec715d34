/** `together`: parallel on the pool, one after another in a transaction (never two queries queued on one connection). */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { DbOrTx } from './index.js';
import { together } from './together.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

const backend = async (db: DbOrTx) => (await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid, pg_sleep(0.2)`)).rows[0]!.pid;

describe('together', () => {
  it('sends reads on the pool at once (each on its own connection) and keeps their order', async () => {
    const db = env.database.db;
    const t0 = Date.now();
    const [a, b, c] = await together(db, [() => backend(db), () => backend(db), async () => 'third'] as const);
    expect(Date.now() - t0).toBeLessThan(390); // two 0.2 s sleeps side by side, not 0.4 s
    expect(a).not.toBe(b);
    expect(c).toBe('third');
  });
  it('runs them one after another inside a transaction, on its one connection', async () => {
    const pids = await env.database.db.transaction(async (tx) => {
      const t0 = Date.now();
      const r = await together(tx, [() => backend(tx), () => backend(tx)] as const);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(390);
      return r;
    });
    expect(pids[0]).toBe(pids[1]);
  });
});
