/**
 * 信息处理费 (条例第四十二条; 《政府信息公开信息处理费管理办法》国办函〔2020〕109号, in force
 * from 2021-01-01; RULES.md §2). Per application the agency charges either by item or by page,
 * never both, and both scales are marginal (超额累进): each band's price applies only to the
 * items or pages that fall in it.
 *
 * - By item (按件计收), per applicant per calendar month, counting every item of the month:
 *   1–10 free; 11–30 at 100 元; from 31 on, bands of 10 items, each band 100 元 dearer than the
 *   one before (31–40: 200, 41–50: 300, 51–60: 400 …).
 * - By page (按量计收), per application: 1–30 free; 31–100 at 10 元; 101–200 at 20 元; 201+ at 40 元.
 */
import { AppError } from '../../../kernel/http/errors.js';

export const FEE_RULES_SOURCE = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';
export const FEE_RULES_EFFECTIVE_FROM = '2021-01-01';

export interface FeeBand {
  /** First and last item (or page) number in this band, counted from the first of the month (or of the application). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** 元 per item or page; 0 for the free band. */
  readonly unitPrice: number;
  readonly subtotal: number;
}

export interface FeeResult {
  /** 元. */
  readonly amount: number;
  readonly bands: readonly FeeBand[];
  readonly explanation: string;
}

interface BandDef {
  start: number;
  end: number; // Infinity for the last
  price: number;
}

/** The item band holding the n-th item of the month (n ≥ 1). */
function itemBand(n: number): BandDef {
  if (n <= 10) return { start: 1, end: 10, price: 0 };
  if (n <= 30) return { start: 11, end: 30, price: 100 };
  const k = Math.floor((n - 31) / 10); // 0 for 31–40, 1 for 41–50 …
  return { start: 31 + 10 * k, end: 40 + 10 * k, price: 200 + 100 * k };
}

/** The page band holding the n-th page of an application (n ≥ 1). */
function pageBand(n: number): BandDef {
  if (n <= 30) return { start: 1, end: 30, price: 0 };
  if (n <= 100) return { start: 31, end: 100, price: 10 };
  if (n <= 200) return { start: 101, end: 200, price: 20 };
  return { start: 201, end: Infinity, price: 40 };
}

function bandsBetween(from: number, to: number, bandAt: (n: number) => BandDef): FeeBand[] {
  const bands: FeeBand[] = [];
  for (let n = from; n <= to;) {
    const b = bandAt(n);
    const end = Math.min(b.end, to);
    const count = end - n + 1;
    bands.push({ from: n, to: end, count, unitPrice: b.price, subtotal: count * b.price });
    n = end + 1;
  }
  return bands;
}

/** Upper bound on inputs: far beyond any real month, and keeps a typo from looping for ever. */
export const FEE_INPUT_MAX = 1_000_000;

function assertCount(name: string, v: number) {
  if (!Number.isInteger(v) || v < 0)
    throw new AppError('disclosure.invalid_fee_input', `${name}应为非负整数，实为“${String(v)}”`, { fields: { [name]: '应为非负整数' } });
  if (v > FEE_INPUT_MAX) throw new AppError('disclosure.invalid_fee_input', `${name}过大（${v}），请核对`, { fields: { [name]: `不应超过 ${FEE_INPUT_MAX}` } });
}

function describe(bands: readonly FeeBand[], unit: '件' | '页'): string {
  return bands
    .map((b) =>
      b.unitPrice === 0
        ? `第 ${b.from}–${b.to} ${unit} ${b.count} ${unit}免费`
        : `第 ${b.from}–${b.to} ${unit} ${b.count} ${unit} × ${b.unitPrice} 元 = ${b.subtotal} 元`,
    )
    .join('；');
}

const sum = (bands: readonly FeeBand[]) => bands.reduce((s, b) => s + b.subtotal, 0);

/**
 * Fee by item for `itemsNow` items of one applicant, when `itemsThisMonthBefore` items of the same
 * applicant were already counted this calendar month: the new items are numbers
 * before+1 … before+now of the month.
 */
export function feeByItem(itemsThisMonthBefore: number, itemsNow: number): FeeResult {
  assertCount('本月此前已计件数', itemsThisMonthBefore);
  assertCount('本次件数', itemsNow);
  const from = itemsThisMonthBefore + 1;
  const to = itemsThisMonthBefore + itemsNow;
  const bands = bandsBetween(from, to, itemBand);
  const amount = sum(bands);
  const head = `按件计收（同一申请人同一自然月累计）：本月此前已计 ${itemsThisMonthBefore} 件，本次 ${itemsNow} 件`;
  const explanation = itemsNow === 0 ? `${head}，不收费。` : `${head}，即本月第 ${from}–${to} 件：${describe(bands, '件')}；合计 ${amount} 元。`;
  return { amount, bands, explanation };
}

/** Fee by page for one application of `pages` pages. */
export function feeByPage(pages: number): FeeResult {
  assertCount('页数', pages);
  const bands = bandsBetween(1, pages, pageBand);
  const amount = sum(bands);
  const explanation = pages === 0 ? '按量计收：共 0 页，不收费。' : `按量计收：共 ${pages} 页：${describe(bands, '页')}；合计 ${amount} 元。`;
  return { amount, bands, explanation };
}
