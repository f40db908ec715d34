/** statement(): one prepared query per handle; a transaction's runs on the transaction (it sees its own uncommitted rows), the pool's on the pool. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import { openDatabase, type Database, type DbOrTx } from './index.js';
import { orgs } from '../schema.js';
import { statement } from './statements.js';

let database: Database;
beforeAll(async () => {
  database = openDatabase((await createTestDatabase()).url, 'external', 3);
});
afterAll(() => database.close());

const byName = (db: DbOrTx) =>
  statement(db, 'test.org_by_name', (h, name) =>
    h
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(eq(orgs.name, sql.placeholder('name')))
      .prepare(name),
  );

describe('statement', () => {
  it('builds once per handle and runs on that handle', async () => {
    const { db } = database;
    expect(byName(db)).toBe(byName(db));
    let inside: unknown[] = [];
    let outside: unknown[] = ['not run'];
    await db
      .transaction(async (tx) => {
        expect(byName(tx)).not.toBe(byName(db));
        await tx.execute(sql`INSERT INTO orgs (name, path, level, region_code) VALUES ('语句测试局', 'stmt_test', 'city', '990100')`);
        inside = await byName(tx).execute({ name: '语句测试局' });
        outside = await byName(db).execute({ name: '语句测试局' }); // another connection: not committed yet
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error && /rollback/i.test(e.message))) throw e;
      });
    expect(inside).toEqual([expect.objectContaining({ name: '语句测试局' })]);
    expect(outside).toEqual([]);
    expect(await byName(db).execute({ name: '语句测试局' })).toEqual([]);
  });
});
