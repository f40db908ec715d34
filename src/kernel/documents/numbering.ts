/**
 * Yearly numbers in one scheme: an org's series (a kind of letter, a kind of record) counts from 1
 * each year, in the kernel table `doc_sequences` (a row-locked upsert, so two numbers are never the
 * same). A 发文字号 reads 机关代字〔2026〕N号 (GB/T 9704, with the org's 机关代字 setting); a record
 * code reads J-2026-001.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { docSequences } from '../schema.js';
import { docPrefixOf, type DocPrefixKind } from './doc-prefix.js';
import { formatDocNumber } from './gbt9704.js';

/** The next number of `series` for `orgId` in `year` (1, 2, 3 …). */
export async function nextSequence(ctx: Ctx, orgId: string, series: string, year: number): Promise<number> {
  const t = docSequences;
  const [row] = await ctx.db
    .insert(t)
    .values({ orgId, series, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [t.orgId, t.series, t.year], set: { lastSeq: sql`${t.lastSeq} + 1` } })
    .returning({ lastSeq: t.lastSeq });
  return row!.lastSeq;
}

/** The next 发文字号 of a kind of letter: its 机关代字 (setting, default from the org's name), year and number. */
export async function nextDocNumber(
  ctx: Ctx,
  kind: DocPrefixKind & { series: string },
  org: { id: string; name: string },
  year: number,
): Promise<{ docNumber: string; year: number; seq: number }> {
  const seq = await nextSequence(ctx, org.id, kind.series, year);
  return { docNumber: formatDocNumber(await docPrefixOf(ctx.db, kind, org.id, org.name), year, seq), year, seq };
}

/** J-2026-001: a record code with the series' letter, the year and a three-digit (or longer) number. */
export const formatRecordCode = (letter: string, year: number, seq: number) => `${letter}-${year}-${String(seq).padStart(3, '0')}`;

/** The next record code of `series` (e.g. `inspection.code` → J-2026-001). */
export async function nextRecordCode(ctx: Ctx, orgId: string, series: string, letter: string, year: number): Promise<string> {
  return formatRecordCode(letter, year, await nextSequence(ctx, orgId, series, year));
}
