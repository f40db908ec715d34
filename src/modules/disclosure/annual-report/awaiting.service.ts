/**
 * What awaits people of the disclosure office, derived from the records, for the 工作台:
 * - 待我审批 (the head, `disclosure.approve`): the desk's requests to extend a reply period (条例第三十三条),
 *   due by the day the period runs out; last year's annual report while no version of it is
 *   published (条例第五十条: by 31 January of the following year).
 * - 待我公开 (the desk, `disclosure.handle`): the same annual report to draft and submit for publication.
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import type { AwaitingItem } from '../../../kernel/module.js';
import { hasAction } from '../../../kernel/auth/policy.js';
import { computeClock } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { disclosureAnnualReports, disclosureApplications } from '../schema.js';
import { replyClockSpec } from '../applications/clock.js';

const REPORT_BASIS = '《政府信息公开条例》第五十条：每年 1 月 31 日前公布上一年度政府信息公开工作年度报告';
const EXTENSION_BASIS =
  '《政府信息公开条例》第三十三条：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过 20 个工作日';

export async function disclosureAwaiting(ctx: ActorCtx): Promise<AwaitingItem[]> {
  const approve = hasAction(ctx.actor, 'disclosure.approve');
  const handle = hasAction(ctx.actor, 'disclosure.handle');
  if (!approve && !handle) return [];
  const out: AwaitingItem[] = [];
  if (approve) out.push(...(await extensionRequests(ctx)));
  const thisYear = Number(todayInChina(ctx.now()).slice(0, 4));
  const year = thisYear - 1;
  const [published] = await ctx.db
    .select({ id: disclosureAnnualReports.id })
    .from(disclosureAnnualReports)
    .where(and(eq(disclosureAnnualReports.orgId, ctx.actor.orgId), eq(disclosureAnnualReports.year, year)))
    .limit(1);
  if (!published) {
    const report = { entityType: 'disclosureAnnualReport', entityId: String(year), due: `${thisYear}-01-31`, unit: 'calendar' as const, basis: REPORT_BASIS };
    if (approve) out.push({ ...report, list: 'approval', kindLabel: '年度报告发布', label: `审核发布 ${year} 年政府信息公开工作年度报告` });
    else out.push({ ...report, list: 'publication', kindLabel: '年度报告', label: `编制 ${year} 年政府信息公开工作年度报告，报局领导审核发布` });
  }
  return out;
}

/** The desk's requests for extension in the head's org, each due the day its reply period runs out. */
async function extensionRequests(ctx: ActorCtx): Promise<AwaitingItem[]> {
  const rows = await ctx.db
    .select()
    .from(disclosureApplications)
    .where(
      and(
        eq(disclosureApplications.orgId, ctx.actor.orgId),
        isNotNull(disclosureApplications.extensionRequestedOn),
        isNull(disclosureApplications.extensionDays),
        isNull(disclosureApplications.decidedOn),
      ),
    )
    .orderBy(asc(disclosureApplications.extensionRequestedOn))
    .limit(200);
  if (!rows.length) return [];
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  return rows.map((r) => ({
    list: 'approval' as const,
    kindLabel: '延长答复期限',
    label: `${r.trackingCode} ${r.applicantName}：报请延长 ${r.extensionRequestDays} 个工作日（${r.extensionRequestedOn} 报请）`,
    entityType: 'disclosureApplication',
    entityId: r.id,
    due: computeClock(cal, replyClockSpec(r, cal), today).due ?? today,
    unit: 'working' as const,
    basis: EXTENSION_BASIS,
  }));
}
