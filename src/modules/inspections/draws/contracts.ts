/**
 * Contracts of 双随机抽取 (draws, lantai-draw-v1) and the portal's /api/public/draws: every request and
 * response as a zod schema. Imports zod, labels and contracts only, so the web takes its types from
 * this file (the algorithm itself, draw.ts, needs node:crypto and stays on the server).
 */
import { z } from 'zod';
import { PageQuery, Timestamp, paged } from '../../../kernel/http/responses.js';
import { RISK_TIERS } from '../../orgs/contracts.js';
import { Day } from '../contracts.js';
import { DRAW_ACTIONS, DRAW_STATUSES, ENTROPY_SOURCES } from '../labels.js';
import { InspectorSnapshot } from '../plans/contracts.js';

const PublicValueName = z.string().trim().min(1, '请填写公开随机值的名称').max(200, '公开随机值名称不能超过 200 个字');
export const DrawCreateInput = z.object({
  plannedDate: Day,
  /** Units to draw (unstratified); default from the plan's target coverage. */
  k: z.number({ error: '抽取数量应为数字' }).int('抽取数量应为整数').min(1, '抽取数量至少为 1').optional(),
  /** Units to draw per risk tier (stratified plans); default from the plan's target coverage. */
  strataK: z.partialRecord(z.enum(RISK_TIERS), z.number().int('抽取数量应为整数').min(1, '每层抽取数量至少为 1')).optional(),
  teamSize: z
    .number({ error: '检查组人数应为数字' })
    .int('检查组人数应为整数')
    .min(2, '检查组至少 2 名执法人员（行政处罚法第四十二条：执法人员不得少于两人）')
    .max(10, '检查组人数不超过 10 名')
    .default(2),
  /** Name a public value in advance (e.g. 某期福利彩票开奖号码); it is entered at execution. */
  entropySource: z.enum(ENTROPY_SOURCES, { error: '随机源应为 server（服务器随机数）或 public（公开随机值）' }).default('server'),
  publicValueName: PublicValueName.optional(),
  /** A redraw: the draw it replaces and why. */
  supersedes: z.uuid('被取代批次 ID 格式不正确').optional(),
  reason: z.string().trim().max(500, '重新抽取理由不能超过 500 个字').optional(),
});
export type DrawCreateInput = z.infer<typeof DrawCreateInput>;
/** The body as sent (defaults not yet applied). */
export type DrawCreateBody = z.input<typeof DrawCreateInput>;
export const DrawExecuteInput = z.object({
  entropySource: z.enum(ENTROPY_SOURCES, { error: '随机源应为 server（服务器随机数）或 public（公开随机值）' }),
  entropy: z.string().trim().min(1, '请填写公开随机值').max(200, '公开随机值不能超过 200 个字符').optional(),
  publicValueName: PublicValueName.optional(),
});
export type DrawExecuteInput = z.infer<typeof DrawExecuteInput>;
/** A page of the org's draws (newest first), optionally of one plan. */
export const DrawListQuery = PageQuery.extend({ planId: z.uuid().optional(), orgId: z.uuid().optional() });
export type DrawListQuery = z.infer<typeof DrawListQuery>;
/** A page of the portal's published draws (newest first); `id` picks one by its id (uuid) or drawId. */
export const PublicDrawListQuery = PageQuery.extend({ id: z.string().trim().min(1).max(100).optional() });
export type PublicDrawListQuery = z.infer<typeof PublicDrawListQuery>;
/** A page of a draw's frozen pool, in the pool's order; `q` filters by name or id. */
export const DrawUnitsQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
export type DrawUnitsQuery = z.infer<typeof DrawUnitsQuery>;
/** A published draw by its id (uuid) or its drawId (D-2025-001). */
export const PublicDrawParams = z.object({ id: z.string().trim().min(1).max(100) });

/**
 * The published record (lantai-draw-v1), fields in the documented order: anyone recomputes every
 * link from it (scripts/verify-draw.ts, the portal's browser check).
 */
export const DrawRecord = z.object({
  drawId: z.string(),
  algorithm: z.string(),
  entropy: z.string(),
  listHash: z.string(),
  seed: z.string(),
  candidates: z.array(z.string()),
  k: z.number().int(),
  selected: z.array(z.string()),
  strata: z.array(z.object({ name: z.string(), candidates: z.array(z.string()), k: z.number().int(), selected: z.array(z.string()) })).optional(),
  teams: z.array(z.object({ unitId: z.string(), candidates: z.array(z.string()), m: z.number().int(), selected: z.array(z.string()) })).optional(),
});
export type DrawRecord = z.infer<typeof DrawRecord>;

/** The server's recomputation of a record: each link checked on its own. */
export const DrawVerification = z.object({
  ok: z.boolean(),
  /** The failed checks, in Chinese (empty when ok). */
  problems: z.array(z.string()),
  checks: z.array(z.object({ subject: z.string(), ok: z.boolean(), zh: z.string(), en: z.string() })),
});
export type DrawVerification = z.infer<typeof DrawVerification>;

export const DrawSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  planId: z.string(),
  planTitle: z.string().optional(),
  drawId: z.string(),
  plannedDate: z.string(),
  status: z.enum(DRAW_STATUSES),
  statusLabel: z.string(),
  k: z.number().int(),
  teamSize: z.number().int(),
  candidateCount: z.number().int(),
  /** Units drawn (null until executed). */
  selectedCount: z.number().int().nullable(),
  /** The server's recomputation of the record at execution / publication (null until executed). */
  verified: z.boolean().nullable(),
  listHash: z.string(),
  entropySource: z.enum(ENTROPY_SOURCES),
  publicValueName: z.string().nullable(),
  supersedesId: z.string().nullable(),
  supersedesDrawId: z.string().nullable(),
  redrawReason: z.string().nullable(),
  supersededById: z.string().nullable(),
  supersededByDrawId: z.string().nullable(),
  createdAt: Timestamp,
  executedAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
});
export type DrawSummary = z.infer<typeof DrawSummary>;
export const DrawList = paged(DrawSummary);
export type DrawList = z.infer<typeof DrawList>;

/** A unit of the frozen pool (display snapshot). */
export const PoolUnit = z.object({ id: z.string(), name: z.string(), type: z.string(), riskTier: z.string() });
export type PoolUnit = z.infer<typeof PoolUnit>;
/** GET /api/inspections/draws/:id/units: a page of the frozen pool. */
export const DrawUnitPage = paged(PoolUnit);
export type DrawUnitPage = z.infer<typeof DrawUnitPage>;

/**
 * The back office's view of a draw: the frozen parameters, the result with names and teams, and the
 * server's verification (made at execution and publication, not on each read). The pool itself is
 * paged (GET …/draws/:id/units) and the whole record is GET …/draws/:id/record.
 */
export const DrawDetail = DrawSummary.extend({
  strata: z.array(z.object({ name: z.string(), riskTier: z.enum(RISK_TIERS), k: z.number().int(), candidateCount: z.number().int() })),
  /** Units of the scope left out, with the reason. */
  excluded: z.array(z.object({ unitId: z.string(), name: z.string(), reason: z.string() })),
  /** Units kept in the pool despite a recent inspection, with the note why. */
  kept: z.array(z.object({ unitId: z.string(), name: z.string(), note: z.string() })),
  inspectorPool: z.array(InspectorSnapshot),
  selected: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      type: z.string().nullable(),
      riskTier: z.string().nullable(),
      team: z.array(z.object({ id: z.string(), name: z.string(), certificateNo: z.string().nullable() })),
    }),
  ),
  /** The entropy and the seed of the record (null until executed). */
  entropy: z.string().nullable(),
  seed: z.string().nullable(),
  verification: DrawVerification.nullable(),
  /** Inspections generated from this draw (生成检查任务 is offered until there are some). */
  inspectionsGenerated: z.number().int(),
  /** What the reader may do now (execute, publish, generate the inspections, redraw). */
  allowedActions: z.array(z.enum(DRAW_ACTIONS)),
});
export type DrawDetail = z.infer<typeof DrawDetail>;

/** A published draw on the portal's list. */
export const PublicDrawSummary = z.object({
  id: z.string(),
  drawId: z.string(),
  orgName: z.string(),
  planTitle: z.string(),
  year: z.number().int(),
  plannedDate: z.string(),
  drawnAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  k: z.number().int(),
  candidateCount: z.number().int(),
  /** The drawId this one superseded (when that one is published too). */
  supersedes: z.string().nullable(),
  redrawReason: z.string().nullable(),
  /** The drawId of the redraw that superseded this one. */
  supersededBy: z.string().nullable(),
  /** Where the record is: /api/public/draws/:id. */
  url: z.string(),
});
export type PublicDrawSummary = z.infer<typeof PublicDrawSummary>;
export const PublicDrawList = paged(PublicDrawSummary);
export type PublicDrawList = z.infer<typeof PublicDrawList>;

/** Names behind a published record's ids (一公开), outside the verified record. */
export const PublicDrawNames = z.object({
  units: z.record(z.string(), z.string()),
  inspectors: z.record(z.string(), z.object({ name: z.string(), certificateNo: z.string() })),
});
export type PublicDrawNames = z.infer<typeof PublicDrawNames>;
