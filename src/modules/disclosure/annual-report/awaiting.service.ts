/**
 * What awaits a leader (`disclosure.approve`) of the disclosure office, derived from the records, for
 * the 工作台's 待我审批: last year's annual report while no version of it is published — 政府信息公开条例
 * 第五十条: published by 31 January of the following year.
 */
import { and, eq } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import { hasAction } from '../../../kernel/auth/policy.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { disclosureAnnualReports } from '../schema.js';

export interface AwaitingLeader {
  /** The record it names, as the dashboard links it. */
  entityType: 'disclosureAnnualReport';
  entityId: string;
  label: string;
  /** The statutory day it is due (a calendar date). */
  due: string;
  basis: string;
}

export async function disclosureAwaitingLeader(ctx: ActorCtx): Promise<AwaitingLeader[]> {
  if (!hasAction(ctx.actor, 'disclosure.approve')) return [];
  const thisYear = Number(todayInChina(ctx.now()).slice(0, 4));
  const year = thisYear - 1;
  const [published] = await ctx.db
    .select({ id: disclosureAnnualReports.id })
    .from(disclosureAnnualReports)
    .where(and(eq(disclosureAnnualReports.orgId, ctx.actor.orgId), eq(disclosureAnnualReports.year, year)))
    .limit(1);
  if (published) return [];
  return [
    {
      entityType: 'disclosureAnnualReport',
      entityId: String(year),
      label: `审核发布 ${year} 年政府信息公开工作年度报告`,
      due: `${thisYear}-01-31`,
      basis: '《政府信息公开条例》第五十条：每年 1 月 31 日前公布上一年度政府信息公开工作年度报告',
    },
  ];
}
