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
import { OUTCOME_BY_CODE, OUTCOME_GROUP_LABELS } from '../labels.js';
import { annualReportTables } from './reports.service.js';
import { templateForYear, valueRows } from './templates.js';

export async function narrativeOf(ctx: Ctx, orgId: string, year: number) {
  const [row] = await ctx.db
    .select()
    .from(disclosureReportNarratives)
    .where(and(eq(disclosureReportNarratives.orgId, orgId), eq(disclosureReportNarratives.year, year)));
  return { overview: row?.overview ?? '', problems: row?.problems ?? '', other: row?.other ?? '', updatedAt: row?.updatedAt?.toISOString() ?? null };
}

/** The three parts by name, as the report and its errors call them. */
export const NARRATIVE_PARTS = { overview: '一、总体情况', problems: '五、存在的主要问题及改进情况', other: '六、其他需要报告的事项' } as const;

export async function getNarrative(ctx: ActorCtx, year: number, orgId?: string): Promise<Narrative> {
  templateForYear(year);
  const org = await readableOrg(ctx, orgId);
  const stored = await narrativeOf(ctx, org.id, year);
  const needed = !stored.overview.trim() || !stored.other.trim();
  const d = needed ? await narrativeDrafts(ctx, year, org.id, org.name) : null;
  return {
    year,
    orgId: org.id,
    ...stored,
    drafts: { overview: stored.overview.trim() ? null : d!.overview, other: stored.other.trim() ? null : d!.other },
  };
}

/**
 * Drafts of the parts the records can write: 一's numbers (applications received, carried over, answered
 * by kind of outcome and carried forward; reconsideration and litigation) from the year's tables, and
 * 六's fees. The desk reads, edits and saves them; a draft is never published unsaved.
 */
export async function narrativeDrafts(ctx: ActorCtx, year: number, orgId: string, orgName: string): Promise<{ overview: string; other: string }> {
  const t = await annualReportTables(ctx, year, orgId);
  const total = (kind: string) => t.section3.rows.filter((r) => r.kind === kind).reduce((n, r) => n + (r.cells?.total ?? 0), 0);
  const rowsOf = new Map(valueRows(t.template.id).map((r) => [r.key, r.outcomes]));
  const byGroup = new Map<string, number>();
  for (const r of t.section3.rows) {
    if (r.kind !== 'outcome') continue;
    const group = OUTCOME_BY_CODE[rowsOf.get(r.key)![0]!].group;
    byGroup.set(group, (byGroup.get(group) ?? 0) + (r.cells?.total ?? 0));
  }
  const groups = (['disclosed', 'partial', 'withheld', 'unavailable', 'not_processed', 'other'] as const)
    .map((g) => [OUTCOME_GROUP_LABELS[g], byGroup.get(g) ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 件`);
  const disputes = (key: string) =>
    t.section4.rows.filter((r) => r.key === key || (key === 'litigation' && r.key.startsWith('litigation'))).reduce((n, r) => n + r.cells.total, 0);
  const received = total('received');
  const overview =
    `${year} 年，${orgName}认真贯彻落实《中华人民共和国政府信息公开条例》，依法依规做好政府信息公开工作。` +
    `全年共收到政府信息公开申请 ${received} 件，上年结转 ${total('carried_in')} 件；` +
    `办结 ${total('total')} 件${groups.length ? `，其中${groups.join('、')}` : ''}；结转下年度继续办理 ${total('carried_out')} 件。` +
    `因政府信息公开工作被申请行政复议 ${disputes('reconsideration')} 件、被提起行政诉讼 ${disputes('litigation')} 件。`;
  const fees = t.section6.feesCollected;
  const other = !t.section6.feesApplicable
    ? ''
    : fees.amount > 0
      ? `本年度依据《政府信息公开信息处理费管理办法》，对 ${fees.applications} 件政府信息公开申请收取信息处理费共 ${fees.amount} 元。`
      : '本年度未收取信息处理费。';
  return { overview, other };
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
    // what GET answers now: the parts still empty keep their drafts
    return getNarrative(tx, year);
  });
}
