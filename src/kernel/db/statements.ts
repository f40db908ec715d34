import type { DbOrTx } from './index.js';

/**
 * Named prepared statements for the hot reads (a record's detail by id, read on every page view).
 *
 * Building a drizzle query walks its columns and entities every time (for a wide table it costs
 * more node CPU than PostgreSQL spends answering it); a prepared query is built once, and its name
 * lets PostgreSQL parse and plan it once per connection. A query prepared on the pool's handle runs
 * on the pool, so each handle (the database, or one transaction) keeps its own: the database's
 * live for the process, a transaction's go with it.
 *
 * `name` must be unique per query text across the app (PostgreSQL keys prepared statements by name
 * per connection); write it as `<module>.<what>`.
 */
export function statement<Q>(db: DbOrTx, name: string, build: (db: DbOrTx, name: string) => Q): Q {
  let ofHandle = prepared.get(db);
  if (!ofHandle) {
    ofHandle = new Map();
    prepared.set(db, ofHandle);
  }
  const known = ofHandle.get(name) as Q | undefined;
  if (known) return known;
  const made = build(db, name);
  ofHandle.set(name, made);
  return made;
}

const prepared = new WeakMap<DbOrTx, Map<string, unknown>>();
