/**
 * When a 信息处理费 counts as served and must be paid (RULES.md §2): pure rules over an application's
 * fee dates. The payment period (setting `disclosureFeePayDays`, 20 working days) counts from the day
 * after the notice is served — 送达, as the notice says: 自收到本通知之次日起. The service date is the
 * one recorded, else by the application's channel: electronic and in-person the day it is sent, post
 * `disclosureMailServiceDays` calendar days later. Unpaid past the period, the application may be
 * closed as `other.unpaid_fee`.
 */
import { addDays, addWorkingDays, type WorkCalendar } from '../../../kernel/calendar/index.js';
import type { Channel } from '../labels.js';
import type { ApplicationRow } from '../schema.js';

/**
 * Last day to pay: `days` working days counted from the day after the notice is served; a working
 * day by construction, provisional (预计) when it depends on a year whose schedule is not entered.
 */
export function feeDeadlineOf(cal: WorkCalendar, servedOn: string, days: number): { due: string; provisional: boolean; provisionalYears: number[] } {
  const r = addWorkingDays(cal, servedOn, days);
  return { due: r.due, provisional: r.provisional, provisionalYears: r.provisionalYears };
}

/** The day the fee notice counts as served (records from before the service date count from the notice). */
export function feeServedOn(r: Pick<ApplicationRow, 'feeServedOn' | 'feeNoticeOn'>): string | null {
  return r.feeServedOn ?? r.feeNoticeOn;
}

/**
 * Default service date of a notice sent on `noticeOn`, by the channel the applicant used: online and
 * fax/e-mail are answered electronically and in person at the desk — served that day; a letter is
 * answered by post — served `mailDays` calendar days later until the receipt's date is recorded.
 */
export function defaultServedOn(channel: Channel, noticeOn: string, mailDays: number): string {
  return channel === 'letter' ? addDays(noticeOn, mailDays) : noticeOn;
}

/**
 * Whether 逾期不缴费 (`other.unpaid_fee`) can be chosen: refused outright without a notice or once paid;
 * otherwise only for a reply after the payment deadline (`deadline`, with the sentence saying why).
 */
export function unpaidFeeRule(
  cal: WorkCalendar,
  r: Pick<ApplicationRow, 'feeNoticeOn' | 'feePaidOn' | 'feeServedOn'>,
  payDays: number,
): { refused: string } | { deadline: string; servedOn: string } {
  if (!r.feeNoticeOn) return { refused: '“逾期不缴费”须先发出收费通知：本申请没有收费通知' };
  if (r.feePaidOn) return { refused: `申请人已于 ${r.feePaidOn} 缴费，不能按“逾期不缴费”处理` };
  const servedOn = feeServedOn(r)!;
  return { deadline: feeDeadlineOf(cal, servedOn, payDays).due, servedOn };
}
