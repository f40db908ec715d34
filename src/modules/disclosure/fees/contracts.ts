/**
 * Contracts of the 信息处理费 (fees) area: computing and noticing the fee, its service and payment,
 * and the fee as an application's detail shows it. Zod only (and the module's shared shapes).
 */
import { z } from 'zod';
import { day, DueView } from '../contracts.js';

export const FEE_METHODS = ['item', 'page'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];
export const FEE_METHOD_LABELS: Record<FeeMethod, string> = { item: '按件计收', page: '按量计收' };

const METHOD_MSG = '计费方式应为 item（按件）或 page（按量）';
const items = z.number('件数应为数字').int('件数应为整数').min(1, '件数至少为 1').max(1000, '件数不能超过 1000');
const pages = z.number('页数应为数字').int('页数应为整数').min(0, '页数不能为负数').max(1_000_000, '页数过大');

export const FeeInput = z
  .object({
    method: z.enum(FEE_METHODS, METHOD_MSG),
    items: items.optional(),
    pages: pages.optional(),
    noticeOn: day('收费通知日期').optional(),
    /** 送达日期: the payment period counts from the next day; default by the application's channel. */
    servedOn: day('收费通知送达日期').optional(),
  })
  .refine((v) => v.method !== 'page' || v.pages !== undefined, { message: '按量计收须填写页数', path: ['pages'] });
export type FeeInput = z.infer<typeof FeeInput>;

export const FeePaidInput = z.object({ paidOn: day('缴费日期') });
export type FeePaidInput = z.infer<typeof FeePaidInput>;
/** The day the fee notice was actually served (e.g. the date on the postal receipt). */
export const FeeServedInput = z.object({ servedOn: day('收费通知送达日期') });
export type FeeServedInput = z.infer<typeof FeeServedInput>;

/** What a fee would be before it is noticed (the form's preview): the count entered, by item or by page. */
export const FeePreviewQuery = z
  .object({
    method: z.enum(FEE_METHODS, METHOD_MSG),
    items: z.coerce.number().pipe(items).optional(),
    pages: z.coerce.number().pipe(pages).optional(),
  })
  .refine((v) => v.method !== 'page' || v.pages !== undefined, { message: '按量计收须填写页数', path: ['pages'] });
export type FeePreviewQuery = z.infer<typeof FeePreviewQuery>;

/** One marginal band charged (超额累进): its first and last item (or page), how many, the unit price, the subtotal (元). */
export const FeeBand = z.object({
  from: z.number().int(),
  to: z.number().int(),
  count: z.number().int(),
  unitPrice: z.number(),
  subtotal: z.number(),
});
export type FeeBand = z.infer<typeof FeeBand>;

/** The fee the server computed: amount (元), the bands and the sentence that explains them. */
export const FeePreview = z.object({
  method: z.enum(FEE_METHODS),
  units: z.number().int(),
  /** By item: the applicant's items already counted this month before this application. */
  itemsBefore: z.number().int().nullable(),
  amount: z.number(),
  bands: z.array(FeeBand),
  explanation: z.string(),
  source: z.string(),
});
export type FeePreview = z.infer<typeof FeePreview>;

/** The fee of an application as its detail shows it. */
export const FeeView = z.object({
  method: z.string(),
  units: z.number().int().nullable(),
  /** 元, as stored (numeric text). */
  amount: z.string().nullable(),
  explanation: z.string().nullable(),
  bands: z.array(FeeBand),
  noticeOn: z.string().nullable(),
  /** 送达日期: the payment period counts from the next day. */
  servedOn: z.string().nullable(),
  payBy: DueView.nullable(),
  payDays: z.number().int(),
  paidOn: z.string().nullable(),
});
export type FeeView = z.infer<typeof FeeView>;
