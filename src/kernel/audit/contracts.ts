/**
 * Contracts of the whole-process record's checks: verification, signed checkpoints, tamper alerts.
 * Zod only, so the web takes its types from this file (`@server/kernel/audit/contracts`).
 */
import { z } from 'zod';
import { Day, PageQuery, paged, Timestamp } from '../http/responses.js';

/** The first event whose hash, sequence, head or checkpoint does not hold. */
export const BrokenEventView = z.object({
  orgId: z.string(),
  seq: z.number().int(),
  /** The row's id; for a missing row only when its neighbours pin it down (the reason says the range otherwise). */
  id: z.number().int().optional(),
  reason: z.string(),
  entityType: z.string().optional(),
  entityId: z.string().optional(),
});

/** A write refused because the org's chain was tampered with (its head deleted). */
export const TamperAlertView = z.object({
  orgId: z.string(),
  at: Timestamp,
  kind: z.string(),
  message: z.string(),
  actorName: z.string().nullable(),
  action: z.string().nullable(),
});

export const AuditVerifyResponse = z.object({
  intact: z.boolean(),
  orgs: z.number().int(),
  events: z.number().int(),
  /** Signed checkpoints checked: signature, and the chain still holding their (seq, hash). */
  checkpoints: z.number().int(),
  firstBroken: BrokenEventView.optional(),
  /** The latest refused writes (newest first). */
  alerts: z.array(TamperAlertView),
});
export type AuditVerify = z.infer<typeof AuditVerifyResponse>;

/** One signed checkpoint: HMAC-SHA256 over `lantai-audit-checkpoint-v1|orgId|seq|hash|at`. */
export const CheckpointView = z.object({
  orgId: z.string(),
  day: Day,
  seq: z.number().int(),
  hash: z.string(),
  at: Timestamp,
  keyId: z.string(),
  signature: z.string(),
  madeBy: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointView>;

/** A page of the checkpoints (newest first), of the actor's org and below or of one org, optionally between two days. */
export const CheckpointQuery = PageQuery.extend({
  orgId: z.uuid().optional(),
  from: z.iso.date('起始日期应为 YYYY-MM-DD 格式的日期').optional(),
  to: z.iso.date('截止日期应为 YYYY-MM-DD 格式的日期').optional(),
});

/**
 * The export, a page at a time: the checkpoints with their signatures, and how to check one. An
 * operator's full export is every page's `items` under one header (the web's 导出 does this), which
 * `npm run audit:verify -- --checkpoints <file>` reads.
 */
export const CheckpointsResponse = paged(CheckpointView).extend({
  format: z.literal('lantai-audit-checkpoint-v1'),
  algorithm: z.literal('HMAC-SHA256'),
  /** The signed text of each item. */
  message: z.string(),
  /** The fingerprint of the key signing now. */
  keyId: z.string(),
});
export type Checkpoints = z.infer<typeof CheckpointsResponse>;

export const CheckpointWriteResponse = z.object({
  /** Checkpoints signed now (none when the chain has not moved since the last one). */
  written: z.array(CheckpointView),
});
export type CheckpointWrite = z.infer<typeof CheckpointWriteResponse>;
