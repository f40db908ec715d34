/**
 * 机关代字 of a kind of official document (发文字号 机关代字〔年份〕序号号, GB/T 9704): stored per org in
 * `settings` under the kind's key, defaulting to the org's first character + the kind's suffix
 * (兰台市档案局 + 档检 → 兰档检). Modules declare their kinds; the kernel reads, writes and audits them.
 */
import { and, eq } from 'drizzle-orm';
import { inTx, requireActor, type Ctx } from '../context.js';
import { recordEvent } from '../audit/index.js';
import { todayInChina } from '../calendar/store.js';
import type { DbOrTx } from '../db/index.js';
import { orgs, settings } from '../schema.js';
import { formatDocNumber } from './gbt9704.js';

export interface DocPrefixKind {
  /** Settings key, e.g. 'inspectionDocPrefix'. */
  key: string;
  /** Appended to the org's first character for the default, e.g. '档检'. */
  suffix: string;
  /** Audit action of a change, e.g. 'inspection.doc_settings.update'. */
  auditAction: string;
}

/** The request body of a change (the contract lives in contracts.ts, for the web and modules' contracts). */
export { DocPrefixInput } from './contracts.js';

export function defaultDocPrefix(kind: Pick<DocPrefixKind, 'suffix'>, orgName: string): string {
  return `${[...orgName.trim()][0] ?? '档'}${kind.suffix}`;
}

/** The org's 机关代字 for `kind`: the stored one, else the default from its name. */
export async function docPrefixOf(db: DbOrTx, kind: DocPrefixKind, orgId: string, orgName: string): Promise<string> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.orgId, orgId), eq(settings.key, kind.key)));
  return typeof row?.value === 'string' && row.value.trim() ? row.value.trim() : defaultDocPrefix(kind, orgName);
}

/** The actor's org's 机关代字, its default and an example number of this year. */
export async function getDocPrefixSettings(ctx: Ctx, kind: DocPrefixKind) {
  const orgId = requireActor(ctx).orgId;
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  const prefix = await docPrefixOf(ctx.db, kind, orgId, org!.name);
  return { prefix, default: defaultDocPrefix(kind, org!.name), example: formatDocNumber(prefix, Number(todayInChina(ctx.now()).slice(0, 4)), 1) };
}

/** Set the actor's org's 机关代字 for `kind` (numbers already issued keep theirs). */
export async function putDocPrefixSettings(ctx: Ctx, kind: DocPrefixKind, input: { prefix: string }) {
  const orgId = requireActor(ctx).orgId;
  await inTx(ctx, async (tx) => {
    const before = await getDocPrefixSettings(tx, kind);
    await tx.db
      .insert(settings)
      .values({ orgId, key: kind.key, value: input.prefix, updatedAt: tx.now() })
      .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value: input.prefix, updatedAt: tx.now() } });
    await recordEvent(tx, {
      orgId,
      action: kind.auditAction,
      entityType: 'settings',
      entityId: orgId,
      before: { prefix: before.prefix },
      after: { prefix: input.prefix },
    });
  });
  return getDocPrefixSettings(ctx, kind);
}
