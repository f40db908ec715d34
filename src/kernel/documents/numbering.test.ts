/** One numbering scheme: yearly, per org and series, never twice the same number. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { formatRecordCode, nextSequence } from './numbering.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env.close());

describe('nextSequence', () => {
  it('counts from 1 per org, series and year, and gives each of many concurrent callers its own number', async () => {
    const ctx = { db: env.database.db, actor: null, now: () => new Date() };
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    expect(await nextSequence(ctx, a, 'inspection.doc', 2026)).toBe(1);
    expect(await nextSequence(ctx, a, 'inspection.doc', 2026)).toBe(2);
    expect(await nextSequence(ctx, a, 'inspection.doc', 2027)).toBe(1); // a new year starts again
    expect(await nextSequence(ctx, a, 'disclosure.doc', 2026)).toBe(1); // another series
    expect(await nextSequence(ctx, b, 'inspection.doc', 2026)).toBe(1); // another org
    const many = await Promise.all(Array.from({ length: 20 }, () => nextSequence(ctx, a, 'inspection.code', 2026)));
    expect([...many].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('formats a record code J-2026-001 (and past 999 keeps every digit)', () => {
    expect([formatRecordCode('J', 2026, 1), formatRecordCode('D', 2026, 42), formatRecordCode('R', 2026, 1234)]).toEqual([
      'J-2026-001',
      'D-2026-042',
      'R-2026-1234',
    ]);
  });
});
