/**
 * What awaits the head of the bureau in the licensing records, for the 工作台's 待我审批: the desk's
 * requests to extend a decision period by ten working days (行政许可法第四十二条), each due the day the
 * period runs out (an extension cannot be approved after it).
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import type { AwaitingItem } from '../../../kernel/module.js';
import { hasAction } from '../../../kernel/auth/policy.js';
import { computeClock } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { licensingApplications, licensingItems } from '../schema.js';
import { CLOCK_ENTITY, decisionSpec } from './clock.js';

const EXTENSION_BASIS =
  '《中华人民共和国行政许可法》第四十二条：二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人';

export async function licensingAwaiting(ctx: ActorCtx): Promise<AwaitingItem[]> {
  if (!hasAction(ctx.actor, 'licensing.approve')) return [];
  const t = licensingApplications;
  const rows = await ctx.db
    .select({ a: t, itemName: licensingItems.name, statutoryDays: licensingItems.statutoryDays })
    .from(t)
    .innerJoin(licensingItems, eq(licensingItems.id, t.itemId))
    .where(and(eq(t.orgId, ctx.actor.orgId), isNotNull(t.extensionRequestedOn), isNull(t.extensionApprovedOn), isNull(t.decidedOn), isNull(t.withdrawnOn)))
    .orderBy(asc(t.extensionRequestedOn))
    .limit(200);
  if (!rows.length) return [];
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  return rows.map(({ a, itemName, statutoryDays }) => ({
    list: 'approval' as const,
    kindLabel: '延长行政许可期限',
    label: `${a.code} ${a.applicantName}：${itemName}，报请延长 10 个工作日（${a.extensionRequestedOn} 报请）`,
    entityType: CLOCK_ENTITY,
    entityId: a.id,
    due: computeClock(cal, decisionSpec(a, statutoryDays), today).due ?? today,
    unit: 'working' as const,
    basis: EXTENSION_BASIS,
  }));
}
