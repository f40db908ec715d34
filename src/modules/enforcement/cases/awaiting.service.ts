/**
 * What awaits the head in the penalty cases, for the 工作台's 待我审批: the officers' requests to file a
 * case (立案审批, 行政处罚法第五十四条第二款), oldest first. The 90 days of 第六十条 only start once it is
 * approved. No statute fixes the head's time; the item is due after the org's setting
 * `enforcementFilingApprovalDays` (working days, default 7 — a local rule of practice), so a request does
 * not lie in the tray unseen.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import type { AwaitingItem } from '../../../kernel/module.js';
import { hasAction } from '../../../kernel/auth/policy.js';
import { addWorkingDays } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar } from '../../../kernel/calendar/store.js';
import { getSetting } from '../../../kernel/settings.js';
import { CASE_SOURCE_LABELS, type CaseSource } from '../labels.js';
import { enforcementCases } from '../schema.js';

const FILING_BASIS = '《中华人民共和国行政处罚法》第五十四条第二款：符合立案标准的，行政机关应当及时立案';

export async function enforcementAwaiting(ctx: ActorCtx): Promise<AwaitingItem[]> {
  if (!hasAction(ctx.actor, 'enforcement.approve')) return [];
  const t = enforcementCases;
  const rows = await ctx.db
    .select({ id: t.id, caseNo: t.caseNo, partyName: t.partyName, violation: t.violation, source: t.source, filedOn: t.filedOn })
    .from(t)
    .where(and(eq(t.orgId, ctx.actor.orgId), eq(t.status, 'filing')))
    .orderBy(asc(t.filedOn), asc(t.caseNo))
    .limit(200);
  if (!rows.length) return [];
  const cal = await loadWorkCalendar(ctx.db);
  const days = await getSetting(ctx.db, ctx.actor.orgId, 'enforcementFilingApprovalDays');
  return rows.map((r) => ({
    list: 'approval' as const,
    kindLabel: '立案审批',
    label: `${r.caseNo} ${r.partyName}：${r.violation ?? ''}（${CASE_SOURCE_LABELS[r.source as CaseSource] ?? ''}，${r.filedOn} 报请）`,
    entityType: 'enforcementCase',
    entityId: r.id,
    due: addWorkingDays(cal, r.filedOn, days).due,
    unit: 'working' as const,
    basis: `${FILING_BASIS}；本机关规定负责人在报请后 ${days} 个工作日内审批`,
  }));
}
