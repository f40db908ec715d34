/**
 * A short-lived cache of what the database says, for reads that every request repeats (an org, its
 * settings, the working calendar). Only reads through the pool fill it: what a transaction reads may
 * be uncommitted. Inside a transaction the read goes to the database, unless `hitsInTransactions`
 * (data written so rarely, and by its own transaction only, that a fresh entry may serve there too).
 * A writer calls `clear()` in and after its transaction, and a load that began before a clear does not
 * store what it read. Another process sees a change within `ttlMs`.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './index.js';

export interface ReadCache<K, V> {
  /** The cached value of `key`, or `load()`'s (stored when `keep` accepts it). */
  get(db: DbOrTx, key: K, load: () => Promise<V>, keep?: (value: V) => boolean): Promise<V>;
  clear(): void;
}

export function readCache<K, V>(ttlMs: number, opts: { maxEntries?: number; hitsInTransactions?: boolean } = {}): ReadCache<K, V> {
  const maxEntries = opts.maxEntries ?? 10_000;
  const entries = new Map<K, { at: number; value: V }>();
  let generation = 0;
  return {
    async get(db, key, load, keep = () => true) {
      const inTransaction = db instanceof PgTransaction;
      if (inTransaction && !opts.hitsInTransactions) return load();
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const before = generation;
      const value = await load();
      if (!inTransaction && generation === before && keep(value)) {
        if (entries.size >= maxEntries) entries.clear();
        entries.set(key, { at: Date.now(), value });
      }
      return value;
    },
    clear() {
      generation++;
      entries.clear();
    },
  };
}
