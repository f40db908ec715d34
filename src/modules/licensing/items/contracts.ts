/**
 * Contracts of the catalogue (事项目录, 办事指南): an item as staff and the portal read it, and the
 * admin's writes. Zod only; the web takes its types from this very file.
 */
import { z } from 'zod';
import { listOf } from '../../../kernel/http/responses.js';
import { day } from '../contracts.js';
import { ITEM_CATEGORIES, ITEM_STATUSES } from '../labels.js';

const text = (what: string, max: number) => z.string(`${what}必填`).trim().min(1, `${what}必填`).max(max, `${what}不能超过 ${max} 个字`);

export const ItemMaterial = z.object({
  name: text('材料名称', 200),
  required: z.boolean().default(true),
  note: z.string().trim().max(500, '材料说明不能超过 500 个字').optional(),
});
export type ItemMaterial = z.infer<typeof ItemMaterial>;

/** An item of the catalogue with its service guide; `statutoryDays` defaults to 20 working days (行政许可法第四十二条). */
export const ItemInput = z
  .object({
    name: text('事项名称', 200),
    code: z.string().trim().max(60, '事项编码不能超过 60 个字符').nullable().optional(),
    category: z.enum(ITEM_CATEGORIES, '事项类别应为 licensing（行政许可）或 other_approval（其他行政权力）').default('licensing'),
    department: z.string().trim().max(100, '承办科室不能超过 100 个字').nullable().optional(),
    legalBasis: text('设定和实施依据', 5000),
    conditions: text('申请条件', 5000),
    materials: z.array(ItemMaterial).max(50, '申请材料不能超过 50 项').default([]),
    procedure: text('办理流程', 5000),
    statutoryDays: z
      .number('法定办结时限应为数字')
      .int('法定办结时限应为整数')
      .min(1, '法定办结时限至少 1 个工作日')
      .max(60, '法定办结时限不超过 60 个工作日')
      .default(20),
    promisedDays: z.number('承诺办结时限应为数字').int('承诺办结时限应为整数').min(1, '承诺办结时限至少 1 个工作日').nullable().optional(),
    fee: z.string().trim().max(500, '收费标准不能超过 500 个字').default('不收费'),
    remedies: text('救济途径', 2000),
    validFrom: day('有效期起始日期'),
    validTo: day('有效期截止日期').nullable().optional(),
  })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, { message: '有效期截止日期不能早于起始日期', path: ['validTo'] })
  .refine((v) => !v.promisedDays || v.promisedDays <= v.statutoryDays, { message: '承诺办结时限不能长于法定办结时限', path: ['promisedDays'] })
  .refine((v) => new Set(v.materials.map((m) => m.name)).size === v.materials.length, { message: '申请材料名称不能重复', path: ['materials'] });
export type ItemInput = z.infer<typeof ItemInput>;

/** 取消事项: the day its basis went and why; applications received from that day are refused. */
export const ItemAbolishInput = z.object({
  abolishedOn: day('取消日期'),
  reason: text('取消依据', 1000),
});
export type ItemAbolishInput = z.infer<typeof ItemAbolishInput>;

export const ItemListQuery = z.object({
  status: z.enum(ITEM_STATUSES).optional(),
  orgId: z.uuid().optional(),
});

export const PublicItemsQuery = z.object({ orgId: z.uuid('机构 ID 格式不正确') });

export const ItemView = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  category: z.enum(ITEM_CATEGORIES),
  categoryLabel: z.string(),
  department: z.string().nullable(),
  legalBasis: z.string(),
  conditions: z.string(),
  materials: z.array(z.object({ name: z.string(), required: z.boolean(), note: z.string().optional() })),
  procedure: z.string(),
  statutoryDays: z.number().int(),
  promisedDays: z.number().int().nullable(),
  fee: z.string(),
  remedies: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  statusLabel: z.string(),
  abolishedOn: z.string().nullable(),
  abolishedReason: z.string().nullable(),
  /** Can be applied for today; else why not (已取消, 尚未施行, 已过有效期). */
  applicable: z.boolean(),
  unavailableReason: z.string().nullable(),
});
export type ItemView = z.infer<typeof ItemView>;

export const ItemList = listOf(ItemView);
export type ItemList = z.infer<typeof ItemList>;
