/**
 * Independent reads of one page, sent together: on the pool each takes its own connection, so the page
 * waits about one round trip instead of one per read. Inside a transaction (one connection, which takes
 * one query at a time — node-postgres deprecates queuing a second) they run one after another.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './index.js';

type Results<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

export async function together<const T extends readonly (() => unknown)[]>(db: DbOrTx, reads: T): Promise<Results<T>> {
  if (db instanceof PgTransaction) {
    const out: unknown[] = [];
    for (const read of reads) out.push(await read());
    return out as Results<T>;
  }
  return (await Promise.all(reads.map((read) => read()))) as Results<T>;
}
