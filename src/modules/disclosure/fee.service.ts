/**
 * 信息处理费 of an application (RULES.md §2; fees.ts): computed by item (the applicant's earlier
 * items of the same calendar month counted from the stored records) or by page, stored with the
 * fee-notice date; payment recorded; unpaid past the payment period (setting
 * `disclosureFeePayDays`, 20 working days) the application may be closed as `other.unpaid_fee`.
 * From the notice to payment the reply period is paused (replyClockSpec).
 */
import { and, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { addWorkingDays, type WorkCalendar } from '../../kernel/calendar/index.js';
import { todayInChina } from '../../kernel/calendar/store.js';
import { AppError } from '../../kernel/http/errors.js';
import { getSetting } from '../../kernel/settings.js';
import { act, type ActorCtx, type ApplicationRow } from './applications.service.js';
import { disclosureApplications } from './schema.js';
import { FEE_RULES_EFFECTIVE_FROM, feeByItem, feeByPage } from './fees.js';
import type { FeeInput, FeePaidInput } from './contracts.js';
import type { Ctx } from '../../kernel/context.js';

const bad = (field: string, message: string, code = 'validation') => new AppError(code, message, { fields: { [field]: message } });

/** Last day to pay: `days` working days counted from the day after the notice. */
export function feeDeadline(cal: WorkCalendar, noticeOn: string, days: number): string {
  return addWorkingDays(cal, noticeOn, days).due;
}

/** Same applicant: same org and name, and the same identity number when both have one. */
function sameApplicant(r: ApplicationRow): SQL {
  const t = disclosureApplications;
  return and(
    eq(t.orgId, r.orgId),
    eq(t.applicantName, r.applicantName),
    r.idNumber ? or(isNull(t.idNumber), eq(t.idNumber, r.idNumber))! : sql`true`,
  )!;
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

export function setFee(ctx: ActorCtx, id: string, input: z.infer<typeof FeeInput>) {
  const noticeOn = input.noticeOn ?? todayInChina(ctx.now());
  return act(ctx, id, 'disclosure.application.fee', async (r, tx, cal) => {
    if (r.feeMethod) throw bad('method', `本申请已于 ${r.feeNoticeOn ?? '此前'} 计算信息处理费（${Number(r.feeAmount)} 元），收费通知只发一次`, 'conflict');
    if (noticeOn > todayInChina(ctx.now())) throw bad('noticeOn', `收费通知日期 ${noticeOn} 晚于今天`);
    if (noticeOn < r.receivedOn) throw bad('noticeOn', `收费通知日期 ${noticeOn} 早于收到申请日期 ${r.receivedOn}`);
    if (noticeOn < FEE_RULES_EFFECTIVE_FROM) throw bad('noticeOn', `信息处理费自 ${FEE_RULES_EFFECTIVE_FROM} 起收取（国办函〔2020〕109号），收费通知日期 ${noticeOn} 早于该日`);
    if (r.correctionSentOn && !r.correctedOn) throw bad('noticeOn', '申请正在等待补正，补正后才能计算收费');
    cal.assertKnown(noticeOn);
    let units: number;
    let result;
    if (input.method === 'item') {
      units = input.items ?? 1;
      const before = await itemsBefore(tx, r);
      result = feeByItem(before, units);
    } else {
      if (input.pages === undefined) throw bad('pages', '按量计收须填写页数');
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
    };
  });
}

export function markFeePaid(ctx: ActorCtx, id: string, input: z.infer<typeof FeePaidInput>) {
  return act(ctx, id, 'disclosure.application.fee_paid', (r) => {
    if (!r.feeNoticeOn) throw bad('paidOn', '本申请没有发出收费通知，无需登记缴费', 'conflict');
    if (r.feePaidOn) throw bad('paidOn', `已于 ${r.feePaidOn} 登记缴费`, 'conflict');
    if (input.paidOn < r.feeNoticeOn) throw bad('paidOn', `缴费日期 ${input.paidOn} 早于收费通知日期 ${r.feeNoticeOn}`);
    if (input.paidOn > todayInChina(ctx.now())) throw bad('paidOn', `缴费日期 ${input.paidOn} 晚于今天`);
    return { feePaidOn: input.paidOn };
  });
}

/** `other.unpaid_fee` only when a notice was sent, nothing was paid, and the payment period has run out. */
export async function assertUnpaidFeeOutcome(ctx: Ctx, cal: WorkCalendar, r: ApplicationRow, decidedOn: string): Promise<void> {
  const field = 'outcome';
  if (!r.feeNoticeOn) throw bad(field, '“逾期不缴费”须先发出收费通知：本申请没有收费通知', 'disclosure.unpaid_fee_not_due');
  if (r.feePaidOn) throw bad(field, `申请人已于 ${r.feePaidOn} 缴费，不能按“逾期不缴费”处理`, 'disclosure.unpaid_fee_not_due');
  const days = await getSetting(ctx.db, r.orgId, 'disclosureFeePayDays');
  const deadline = feeDeadline(cal, r.feeNoticeOn, days);
  if (decidedOn <= deadline) {
    throw bad(field, `缴费期限（收费通知 ${r.feeNoticeOn} 起 ${days} 个工作日）至 ${deadline} 届满，届满前不能按“逾期不缴费”处理`, 'disclosure.unpaid_fee_not_due');
  }
}

/** Fees collected (paid) in `year` by the org, 元. */
export async function feesCollected(ctx: Ctx, orgId: string, year: number): Promise<{ amount: number; count: number }> {
  const t = disclosureApplications;
  const [row] = await ctx.db
    .select({ amount: sql<string>`coalesce(sum(${t.feeAmount}), 0)`, count: sql<number>`count(*)`.mapWith(Number) })
    .from(t)
    .where(and(eq(t.orgId, orgId), gte(t.feePaidOn, `${year}-01-01`), lte(t.feePaidOn, `${year}-12-31`)));
  return { amount: Number(row?.amount ?? 0), count: row?.count ?? 0 };
}
