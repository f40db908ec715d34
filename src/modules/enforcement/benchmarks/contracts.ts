/** Contracts of the 裁量基准 (discretion benchmarks): zod only, for the server, OpenAPI and the web. */
import { z } from 'zod';
import { paged } from '../../../kernel/http/responses.js';
import { BENCHMARK_PARTY_KINDS, CIRCUMSTANCES, PENALTY_TYPES } from '../labels.js';

export const BenchmarkLevel = z.object({
  circumstance: z.enum(CIRCUMSTANCES),
  circumstanceLabel: z.string(),
  /** Recommended fine range in 元. */
  min: z.number(),
  max: z.number(),
  penalties: z.array(z.enum(PENALTY_TYPES)),
  penaltiesLabel: z.string(),
  description: z.string(),
});
export type BenchmarkLevel = z.infer<typeof BenchmarkLevel>;

export const BenchmarkView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  code: z.string(),
  partyKind: z.enum(BENCHMARK_PARTY_KINDS),
  partyKindLabel: z.string(),
  violation: z.string(),
  breachBasis: z.string(),
  penaltyBasis: z.string(),
  statutoryMin: z.number(),
  statutoryMax: z.number(),
  confiscation: z.boolean(),
  levels: z.array(BenchmarkLevel),
});
export type BenchmarkView = z.infer<typeof BenchmarkView>;

export const BenchmarkList = z.object({ items: z.array(BenchmarkView) });
export type BenchmarkList = z.infer<typeof BenchmarkList>;

export const BenchmarkListQuery = z.object({ orgId: z.uuid().optional() });

export const PublicBenchmarkQuery = z.object({
  org: z.uuid('机构 ID 格式不正确').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const PublicBenchmarkPage = paged(BenchmarkView);
export type PublicBenchmarkPage = z.infer<typeof PublicBenchmarkPage>;

export const BenchmarkIdParams = z.object({ id: z.uuid('ID 格式不正确') });

const Yuan = z.number('金额应为数字').min(0, '金额不能为负数').max(100_000_000, '金额过大');
/** Changing the recommended ranges of one benchmark (each inside the statutory range). */
export const BenchmarkLevelsInput = z.object({
  levels: z
    .array(
      z.object({
        circumstance: z.enum(CIRCUMSTANCES, { error: '情节应为 minor（轻微）、general（一般）、serious（较重）或 grave（严重）' }),
        min: Yuan,
        max: Yuan,
        penalties: z.array(z.enum(PENALTY_TYPES)).min(1, '请选择处罚种类'),
        description: z.string().trim().max(500, '说明不能超过 500 个字'),
      }),
    )
    .length(4, '请分别填写轻微、一般、较重、严重四档'),
});
export type BenchmarkLevelsInput = z.infer<typeof BenchmarkLevelsInput>;
