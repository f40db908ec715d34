/**
 * Contracts of the register area (主动公开目录, 条例第二十条、第二十六条): its entries with their 20-working-day
 * clocks and the categories of art. 20. Zod only (its labels and the module's shared shapes).
 */
import { z } from 'zod';
import { listOf, paged } from '../../../kernel/http/responses.js';
import { ClockState, day } from '../contracts.js';
import { REGISTER_CATEGORY_KEYS, REGISTER_ENTRY_KINDS } from './labels.js';

export { REGISTER_ENTRY_KIND_LABELS, REGISTER_ENTRY_KINDS, type RegisterEntryKind } from './labels.js';

const optionalDay = (what: string) => day(what).nullable().optional();
const registerFields = {
  category: z
    .string('类别必填')
    .refine((v) => REGISTER_CATEGORY_KEYS.includes(v), '类别应为条例第二十条所列类别之一（见 GET /api/disclosure/register/categories）'),
  entryKind: z.enum(REGISTER_ENTRY_KINDS, '条目类型应为 document（文件、信息）、item（事项、项目）或 decision（处理决定、收费或采购记录）'),
  title: z.string('标题必填').trim().min(1, '标题必填').max(500, '标题不能超过 500 个字'),
  docNumber: z.string().trim().max(100, '文号不能超过 100 个字').nullable().optional(),
  link: z.string().trim().max(1000, '链接不能超过 1000 个字').nullable().optional(),
  madeOn: day('制作或变更日期'),
  publishedOn: optionalDay('公开日期'),
  abolishedOn: optionalDay('废止日期'),
  amount: z.number('金额应为数字').min(0, '金额不能为负数').max(1e12, '金额过大').nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
};
export const RegisterEntryInput = z.object(registerFields);
export type RegisterEntryInput = z.infer<typeof RegisterEntryInput>;
export const RegisterEntryPatch = z.object(registerFields).partial();
export type RegisterEntryPatch = z.infer<typeof RegisterEntryPatch>;
export const RegisterListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  category: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  /** true: only entries not yet published; false: only published ones. */
  unpublished: z.enum(['true', 'false']).optional(),
  /** Entries made or changed in this year. */
  year: z.coerce.number().int('年份应为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').optional(),
  orgId: z.uuid().optional(),
});
export type RegisterListQuery = z.infer<typeof RegisterListQuery>;

/** The 20-working-day clock from the day made or changed (条例第二十六条); `provisional` (预计) when it depends on a year not yet announced. */
export const RegisterClockView = z.object({
  due: z.string().nullable(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  state: ClockState,
  daysLeft: z.number().int().nullable(),
  explanation: z.array(z.string()),
});

export const RegisterEntryView = z.object({
  id: z.string(),
  orgId: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  /** 第二十条第（一）项. */
  item: z.string().nullable(),
  entryKind: z.enum(REGISTER_ENTRY_KINDS),
  entryKindLabel: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  link: z.string().nullable(),
  madeOn: z.string(),
  publishedOn: z.string().nullable(),
  abolishedOn: z.string().nullable(),
  /** 元. */
  amount: z.number().nullable(),
  note: z.string().nullable(),
  /** Null where a list does not compute it (a drill-down). */
  clock: RegisterClockView.nullable(),
});
export type RegisterEntryView = z.infer<typeof RegisterEntryView>;

export const RegisterPage = paged(RegisterEntryView);
export type RegisterPage = z.infer<typeof RegisterPage>;

/** A category of 条例第二十条 as the entry form offers it. */
export const RegisterCategoryView = z.object({
  key: z.string(),
  /** 第二十条第（一）项. */
  item: z.string(),
  label: z.string(),
  kinds: z.array(z.enum(REGISTER_ENTRY_KINDS)),
  /** Decisions of this category carry an amount (元). */
  amount: z.boolean(),
  /** The section-二 row it feeds, if any. */
  reportRow: z.string().nullable(),
});
export type RegisterCategoryView = z.infer<typeof RegisterCategoryView>;
export const RegisterCategories = listOf(RegisterCategoryView);
export type RegisterCategories = z.infer<typeof RegisterCategories>;
