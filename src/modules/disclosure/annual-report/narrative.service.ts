/**
 * The narrative sections of the annual report the org keeps per year (一 总体情况, 五 存在的主要问题及改进情况,
 * 六 其他需要报告的事项): read (own org or a descendant) and written (own org, recorded).
 */
import { and, eq } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { readableOrg } from '../../../kernel/tenancy/index.js';
import { disclosureReportNarratives } from '../schema.js';
import type { Narrative, NarrativeInput } from './contracts.js';
import { templateForYear } from './templates.js';

export async function narrativeOf(ctx: Ctx, orgId: string, year: number) {
  const [row] = await ctx.db
    .select()
    .from(disclosureReportNarratives)
    .where(and(eq(disclosureReportNarratives.orgId, orgId), eq(disclosureReportNarratives.year, year)));
  return { overview: row?.overview ?? '', problems: row?.problems ?? '', other: row?.other ?? '', updatedAt: row?.updatedAt?.toISOString() ?? null };
}

export async function getNarrative(ctx: ActorCtx, year: number, orgId?: string): Promise<Narrative> {
  templateForYear(year);
  const org = await readableOrg(ctx, orgId);
  return { year, orgId: org.id, ...(await narrativeOf(ctx, org.id, year)) };
}

export async function putNarrative(ctx: ActorCtx, year: number, input: NarrativeInput): Promise<Narrative> {
  templateForYear(year);
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'disclosure.handle', { orgId, orgPath: ctx.actor.orgPath });
  return inTx(ctx, async (tx) => {
    const before = await narrativeOf(tx, orgId, year);
    const next = {
      overview: input.overview ?? before.overview,
      problems: input.problems ?? before.problems,
      other: input.other ?? before.other,
    };
    await tx.db
      .insert(disclosureReportNarratives)
      .values({ orgId, year, ...next, updatedBy: ctx.actor.userId, updatedAt: tx.now() })
      .onConflictDoUpdate({
        target: [disclosureReportNarratives.orgId, disclosureReportNarratives.year],
        set: { ...next, updatedBy: ctx.actor.userId, updatedAt: tx.now() },
      });
    await recordEvent(tx, {
      orgId,
      action: 'disclosure.report.narrative',
      entityType: 'disclosureAnnualReport',
      entityId: `${orgId}:${year}`,
      before,
      after: next,
    });
    return { year, orgId, ...next, updatedAt: tx.now().toISOString() };
  });
}
