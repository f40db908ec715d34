/** readCache: hits within the TTL, transactions read through (or hit, when allowed) and never fill, clear() wins over a load in flight, `keep` refuses. */
import { PgTransaction } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { DbOrTx } from './index.js';
import { readCache } from './read-cache.js';

const pool = {} as DbOrTx;
const tx = Object.create(PgTransaction.prototype) as DbOrTx;
const counter = () => {
  let n = 0;
  return {
    load: async () => ++n,
    get n() {
      return n;
    },
  };
};

describe('readCache', () => {
  it('serves a pool read from the cache until cleared', async () => {
    const c = readCache<string, number>(60_000);
    const src = counter();
    expect([await c.get(pool, 'a', src.load), await c.get(pool, 'a', src.load)]).toEqual([1, 1]);
    c.clear();
    expect(await c.get(pool, 'a', src.load)).toBe(2);
  });

  it('reads through in a transaction and does not fill the cache from it', async () => {
    const c = readCache<string, number>(60_000);
    const src = counter();
    expect([await c.get(tx, 'a', src.load), await c.get(tx, 'a', src.load), await c.get(pool, 'a', src.load)]).toEqual([1, 2, 3]);
    expect(await c.get(tx, 'a', src.load)).toBe(4); // a fresh entry does not serve a transaction…
    const h = readCache<string, number>(60_000, { hitsInTransactions: true });
    const s2 = counter();
    await h.get(pool, 'a', s2.load);
    expect(await h.get(tx, 'a', s2.load)).toBe(1); // …unless allowed
  });

  it('does not store a load that began before a clear, nor a value `keep` refuses', async () => {
    const c = readCache<string, number | null>(60_000);
    let release!: () => void;
    const slow = c.get(pool, 'a', () => new Promise<number>((r) => (release = () => r(1))));
    c.clear();
    release();
    expect(await slow).toBe(1);
    expect(await c.get(pool, 'a', async () => 2)).toBe(2);
    const k = readCache<string, number | null>(60_000);
    await k.get(
      pool,
      'x',
      async () => null,
      (v) => v !== null,
    );
    expect(
      await k.get(
        pool,
        'x',
        async () => 7,
        (v) => v !== null,
      ),
    ).toBe(7);
  });

  it('expires after the TTL', async () => {
    const c = readCache<string, number>(1);
    const src = counter();
    await c.get(pool, 'a', src.load);
    await new Promise((r) => setTimeout(r, 5));
    expect(await c.get(pool, 'a', src.load)).toBe(2);
  });
});
