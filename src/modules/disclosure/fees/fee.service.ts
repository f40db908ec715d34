/**
 * 信息处理费 of an application (RULES.md §2; fees.ts, payment.ts): computed by item (the applicant's earlier
 * items of the same calendar month counted from the stored records) or by page, stored with the
 * fee-notice date; payment recorded; unpaid past the payment period (setting
 * `disclosureFeePayDays`, 20 working days, counted from the day after the notice is served — 送达,
 * as the notice says: 自收到本通知之次日起) the application may be closed as `other.unpaid_fee`.
 * The service date is recorded with the notice (default by the application's channel: electronic
 * and in-person the day it is sent, post `disclosureMailServiceDays` calendar days later) and can be
 * corrected once the postal receipt is back. From the notice to payment the reply period is paused
 * (replyClockSpec).
 */
import { inOrgs, type OrgScope } from '../../../kernel/db/paging.js';
import { and, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ActorCtx, Ctx } from '../../../kernel/context.js';
import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { fieldError } from '../../../kernel/http/errors.js';
import { getSetting } from '../../../kernel/settings.js';
import { act, loadApplication } from '../act.js';
import type { ApplicationDetail } from '../applications/contracts.js';
import { knownDay } from '../dates.js';
import type { Channel } from '../labels.js';
import { disclosureApplications, type ApplicationRow } from '../schema.js';
import type { FeeInput, FeePaidInput, FeePreview, FeePreviewQuery, FeeServedInput } from './contracts.js';
import { FEE_RULES_EFFECTIVE_FROM, FEE_RULES_SOURCE, feeByItem, feeByPage } from './fees.js';
import { defaultServedOn, unpaidFeeRule } from './payment.js';

/** Same applicant: same org and name, and the same identity number when both have one. */
function sameApplicant(r: ApplicationRow): SQL {
  const t = disclosureApplications;
  return and(eq(t.orgId, r.orgId), eq(t.applicantName, r.applicantName), r.idNumber ? or(isNull(t.idNumber), eq(t.idNumber, r.idNumber))! : sql`true`)!;
}

/**
 * Items the applicant already had this calendar month (of receipt) before this application: each
 * earlier application counts as the items charged on it by item, otherwise as one item (件).
 */
async function itemsBefore(ctx: Ctx, r: ApplicationRow): Promise<number> {
  const t = disclosureApplications;
  const month = r.receivedOn.slice(0, 7);
  const [row] = await ctx.db
    .select({ n: sql<number>`coalesce(sum(case when ${t.feeMethod} = 'item' and ${t.feeUnits} is not null then ${t.feeUnits} else 1 end), 0)`.mapWith(Number) })
    .from(t)
    .where(
      and(
        sameApplicant(r),
        sql`${t.id} <> ${r.id}`,
        sql`to_char(${t.receivedOn}, 'YYYY-MM') = ${month}`,
        or(sql`${t.receivedOn} < ${r.receivedOn}`, and(eq(t.receivedOn, r.receivedOn), sql`${t.createdAt} < ${r.createdAt.toISOString()}::timestamptz`)),
      ),
    );
  return row?.n ?? 0;
}

export function setFee(ctx: ActorCtx, id: string, input: FeeInput): Promise<ApplicationDetail> {
  const today = todayInChina(ctx.now());
  const noticeOn = input.noticeOn ?? today;
  if (noticeOn > today) throw fieldError('noticeOn', `收费通知日期 ${noticeOn} 晚于今天（${today}）`);
  if (input.servedOn && input.servedOn > today)
    throw fieldError('servedOn', `收费通知送达日期 ${input.servedOn} 晚于今天（${today}）：尚未送达的，不填送达日期（按申请渠道推定）`);
  return act(ctx, id, 'disclosure.application.fee', async (r, tx, cal) => {
    if (r.feeMethod)
      throw fieldError('method', `本申请已于 ${r.feeNoticeOn ?? '此前'} 计算信息处理费（${Number(r.feeAmount)} 元），收费通知只发一次`, 'conflict');
    if (noticeOn < r.receivedOn) throw fieldError('noticeOn', `收费通知日期 ${noticeOn} 早于收到申请日期 ${r.receivedOn}`);
    if (r.correctedOn && noticeOn < r.correctedOn) throw fieldError('noticeOn', `收费通知日期 ${noticeOn} 早于收到补正申请日期 ${r.correctedOn}`);
    if (noticeOn < FEE_RULES_EFFECTIVE_FROM)
      throw fieldError('noticeOn', `信息处理费自 ${FEE_RULES_EFFECTIVE_FROM} 起收取（国办函〔2020〕109号），收费通知日期 ${noticeOn} 早于该日`);
    if (r.correctionSentOn && !r.correctedOn) throw fieldError('noticeOn', '申请正在等待补正，补正后才能计算收费');
    if (input.servedOn && input.servedOn < noticeOn) throw fieldError('servedOn', `收费通知送达日期 ${input.servedOn} 早于收费通知日期 ${noticeOn}`);
    knownDay(cal, 'noticeOn', noticeOn, '收费通知日期');
    const servedOn = input.servedOn ?? defaultServedOn(r.channel as Channel, noticeOn, await getSetting(tx.db, r.orgId, 'disclosureMailServiceDays'));
    let units: number;
    let result;
    if (input.method === 'item') {
      units = input.items ?? 1;
      const before = await itemsBefore(tx, r);
      result = feeByItem(before, units);
    } else {
      if (input.pages === undefined) throw fieldError('pages', '按量计收须填写页数');
      units = input.pages;
      result = feeByPage(units);
    }
    const charged = result.amount > 0;
    return {
      feeMethod: input.method,
      feeUnits: units,
      feeAmount: result.amount.toFixed(2),
      feeExplanation: result.explanation,
      feeBands: result.bands,
      // nothing to pay: no notice, no pause of the reply period
      feeNoticeOn: charged ? noticeOn : null,
      feeServedOn: charged ? servedOn : null,
    };
  });
}

/** The day the notice was actually served (the postal receipt's date): the payment period counts from the next day. */
export function markFeeServed(ctx: ActorCtx, id: string, input: FeeServedInput): Promise<ApplicationDetail> {
  const today = todayInChina(ctx.now());
  if (input.servedOn > today) throw fieldError('servedOn', `收费通知送达日期 ${input.servedOn} 晚于今天（${today}）`);
  return act(ctx, id, 'disclosure.application.fee_served', (r, _tx, cal) => {
    if (!r.feeNoticeOn) throw fieldError('servedOn', '本申请没有发出收费通知，无需登记送达', 'conflict');
    if (r.feePaidOn) throw fieldError('servedOn', `申请人已于 ${r.feePaidOn} 缴费，无需再登记送达`, 'conflict');
    if (input.servedOn < r.feeNoticeOn) throw fieldError('servedOn', `收费通知送达日期 ${input.servedOn} 早于收费通知日期 ${r.feeNoticeOn}`);
    knownDay(cal, 'servedOn', input.servedOn, '收费通知送达日期');
    return { feeServedOn: input.servedOn };
  });
}

export function markFeePaid(ctx: ActorCtx, id: string, input: FeePaidInput): Promise<ApplicationDetail> {
  return act(ctx, id, 'disclosure.application.fee_paid', (r) => {
    if (!r.feeNoticeOn) throw fieldError('paidOn', '本申请没有发出收费通知，无需登记缴费', 'conflict');
    if (r.feePaidOn) throw fieldError('paidOn', `已于 ${r.feePaidOn} 登记缴费`, 'conflict');
    if (input.paidOn < r.feeNoticeOn) throw fieldError('paidOn', `缴费日期 ${input.paidOn} 早于收费通知日期 ${r.feeNoticeOn}`);
    if (input.paidOn > todayInChina(ctx.now())) throw fieldError('paidOn', `缴费日期 ${input.paidOn} 晚于今天`);
    return { feePaidOn: input.paidOn };
  });
}

/** `other.unpaid_fee` only when a notice was sent, nothing was paid, and the payment period has run out. */
export async function assertUnpaidFeeOutcome(ctx: Ctx, cal: WorkCalendar, r: ApplicationRow, decidedOn: string): Promise<void> {
  const days = await getSetting(ctx.db, r.orgId, 'disclosureFeePayDays');
  const rule = unpaidFeeRule(cal, r, days);
  if ('refused' in rule) throw fieldError('outcome', rule.refused, 'disclosure.unpaid_fee_not_due');
  if (decidedOn <= rule.deadline) {
    throw fieldError(
      'outcome',
      `缴费期限（收费通知 ${rule.servedOn} 送达之次日起 ${days} 个工作日）至 ${rule.deadline} 届满，届满前不能按“逾期不缴费”处理`,
      'disclosure.unpaid_fee_not_due',
    );
  }
}

/**
 * What the fee would be, before the notice (the form's preview): the same computation `setFee` stores,
 * by item with the applicant's earlier items of the month counted from the records. Writes nothing.
 */
export async function previewFee(ctx: ActorCtx, id: string, q: FeePreviewQuery): Promise<FeePreview> {
  const { a: r } = await loadApplication(ctx, id, 'disclosure.handle');
  const units = q.method === 'item' ? (q.items ?? 1) : (q.pages ?? 0);
  const before = q.method === 'item' ? await itemsBefore(ctx, r) : null;
  const result = before === null ? feeByPage(units) : feeByItem(before, units);
  return {
    method: q.method,
    units,
    itemsBefore: before,
    amount: result.amount,
    bands: [...result.bands],
    explanation: result.explanation,
    source: FEE_RULES_SOURCE,
  };
}

/** Fees collected (paid) in `year` by the org (or orgs: a subtree), 元. */
export async function feesCollected(ctx: Ctx, orgIds: OrgScope, year: number): Promise<{ amount: number; count: number }> {
  const t = disclosureApplications;
  const [row] = await ctx.db
    .select({ amount: sql<string>`coalesce(sum(${t.feeAmount}), 0)`, count: sql<number>`count(*)`.mapWith(Number) })
    .from(t)
    .where(and(inOrgs(t.orgId, orgIds), gte(t.feePaidOn, `${year}-01-01`), lte(t.feePaidOn, `${year}-12-31`)));
  return { amount: Number(row?.amount ?? 0), count: row?.count ?? 0 };
}
