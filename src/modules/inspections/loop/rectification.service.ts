/**
 * 整改 (档案法第四十五条): the unit reports per rectification item with evidence in its own account;
 * the bureau accepts or returns each reported item. All accepted → closed (the rectification clock
 * is met). Returned twice, or not accepted by the deadline → flagged for 约谈 / 回头看 (RULES.md §3).
 * A report after closure is refused (409).
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import type { Upload, UploadOptions } from '../../../kernel/http/upload.js';
import { conflict, fieldError, validation } from '../../../kernel/http/errors.js';
import { inspectionFiles, inspections } from '../schema.js';
import { syncCommitmentClock } from '../followup/coverage.service.js';
import type { InspectionDetail, RectificationReportInput, RectificationReviewInput } from './contracts.js';
import { assertTransition, closeRectificationClock, loadInspection, loadMine, type InspectionRow } from './core.service.js';
import { getInspection, getMyInspection } from './detail.service.js';
import { assertEvidenceQuota } from './evidence-quota.service.js';
import type { RectificationItem } from './loop.js';

export const EVIDENCE_TYPE_MESSAGE = '佐证材料必须是 JPEG、PNG、WebP 图片或 PDF 文件';
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** Evidence as the route takes it (kernel `singleUpload`): an image or a PDF by magic bytes (else 415), at most EVIDENCE_MAX_BYTES (else 413). */
export const EVIDENCE_UPLOAD: UploadOptions = {
  what: '佐证材料',
  accept: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  typeMessage: EVIDENCE_TYPE_MESSAGE,
  maxBytes: EVIDENCE_MAX_BYTES,
  defaultName: '佐证材料',
};

function itemsOf(r: InspectionRow): RectificationItem[] {
  return ((r.rectificationItems as RectificationItem[] | null) ?? []).map((x) => ({
    ...x,
    status: x.status ?? 'open',
    reports: x.reports ?? [],
    reviews: x.reviews ?? [],
    returnCount: x.returnCount ?? 0,
  }));
}

function closedProblem(r: InspectionRow): void {
  if (r.status === 'closed') throw conflict(`检查 ${r.code} 已办结，不能再报送或审核整改情况`);
}

/** The unit reports rectification for some items (open or returned ones). */
export async function reportRectification(ctx: ActorCtx, id: string, input: RectificationReportInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadMine(tx, id, true);
    closedProblem(r);
    assertTransition(r, 'reportRectification');
    const items = itemsOf(r);
    const byId = new Map(items.map((x) => [x.id, x]));
    const fields: Record<string, string> = {};
    input.items.forEach((x, i) => {
      const item = byId.get(x.itemId);
      if (!item) fields[`items.${i}.itemId`] = '该整改事项不属于本次检查';
      else if (item.status === 'accepted') fields[`items.${i}.itemId`] = `整改事项 ${item.code} 已通过审核，无需再报送`;
      else if (item.status === 'reported') fields[`items.${i}.itemId`] = `整改事项 ${item.code} 已报送，正在审核`;
    });
    if (Object.keys(fields).length) throw validation(`整改情况有 ${Object.keys(fields).length} 处错误：${Object.values(fields)[0]}`, fields);
    const today = todayInChina(tx.now());
    const evidence = await tx.db
      .select({ id: inspectionFiles.id, entryId: inspectionFiles.entryId })
      .from(inspectionFiles)
      .where(sql`${inspectionFiles.inspectionId} = ${r.id} AND ${inspectionFiles.kind} = 'evidence'`);
    for (const x of input.items) {
      const item = byId.get(x.itemId)!;
      const used = new Set(item.reports!.flatMap((p) => p.evidence));
      item.reports!.push({
        on: today,
        text: x.text,
        evidence: evidence.filter((e) => e.entryId === item.entryId && !used.has(e.id)).map((e) => e.id),
        by: tx.actor.displayName,
      });
      item.status = 'reported';
    }
    await tx.db.update(inspections).set({ rectificationItems: items, status: 'rectifying', updatedAt: tx.now() }).where(eq(inspections.id, r.id));
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.rectification.report',
      entityType: 'inspection',
      entityId: r.id,
      before: { status: r.status },
      after: {
        status: 'rectifying',
        items: input.items.map((x) => ({ code: byId.get(x.itemId)!.code, text: x.text, evidence: byId.get(x.itemId)!.reports!.at(-1)!.evidence })),
      },
    });
  });
  return getMyInspection(ctx, id);
}

/** Evidence for one rectification item (images or PDF by magic bytes), attached to the next report of that item. */
export async function addEvidence(ctx: ActorCtx, id: string, itemId: string, file: Upload) {
  const mime = file.type;
  return inTx(ctx, async (tx) => {
    const r = await loadMine(tx, id, true);
    closedProblem(r);
    assertTransition(r, 'reportRectification');
    const item = itemsOf(r).find((x) => x.id === itemId);
    if (!item) throw fieldError('itemId', '该整改事项不属于本次检查');
    await assertEvidenceQuota(tx, r, file.data.length);
    const hash = createHash('sha256').update(file.data).digest('hex');
    const [row] = await tx.db
      .insert(inspectionFiles)
      .values({
        orgId: r.orgId,
        inspectionId: r.id,
        kind: 'evidence',
        entryId: item.entryId,
        fileName: file.fileName,
        mime,
        size: file.data.length,
        sha256: hash,
        data: file.data,
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning({ id: inspectionFiles.id });
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.rectification.evidence',
      entityType: 'inspection',
      entityId: r.id,
      after: { fileId: row!.id, itemCode: item.code, fileName: file.fileName, mime, size: file.data.length, sha256: hash },
    });
    return { id: row!.id, itemId: item.id, mime, size: file.data.length, sha256: hash };
  });
}

/** The bureau accepts or returns reported items; all accepted → closed. */
export async function reviewRectification(ctx: ActorCtx, id: string, input: RectificationReviewInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    closedProblem(r);
    assertTransition(r, 'reviewRectification');
    const items = itemsOf(r);
    const byId = new Map(items.map((x) => [x.id, x]));
    const fields: Record<string, string> = {};
    input.items.forEach((x, i) => {
      const item = byId.get(x.itemId);
      if (!item) fields[`items.${i}.itemId`] = '该整改事项不属于本次检查';
      else if (item.status !== 'reported') fields[`items.${i}.itemId`] = `整改事项 ${item.code} 尚未报送整改情况，不能审核`;
      else if (x.decision === 'returned' && !x.comment) fields[`items.${i}.comment`] = `退回整改事项 ${item.code} 须写明理由`;
    });
    if (Object.keys(fields).length) throw validation(`审核有 ${Object.keys(fields).length} 处错误：${Object.values(fields)[0]}`, fields);
    const today = todayInChina(tx.now());
    for (const x of input.items) {
      const item = byId.get(x.itemId)!;
      item.reviews!.push({ on: today, decision: x.decision, comment: x.comment ?? null, by: tx.actor.displayName });
      item.status = x.decision;
      if (x.decision === 'returned') item.returnCount = (item.returnCount ?? 0) + 1;
    }
    const done = items.every((x) => x.status === 'accepted');
    const now = tx.now();
    await tx.db
      .update(inspections)
      .set({ rectificationItems: items, status: done ? 'closed' : r.status, ...(done ? { closedOn: today } : {}), updatedAt: now })
      .where(eq(inspections.id, r.id));
    if (done) await closeRectificationClock(tx, r, today);
    await syncCommitmentClock(tx, r.id);
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.rectification.review',
      entityType: 'inspection',
      entityId: r.id,
      before: { status: r.status },
      after: {
        status: done ? 'closed' : r.status,
        ...(done ? { closedOn: today } : {}),
        items: input.items.map((x) => ({
          code: byId.get(x.itemId)!.code,
          decision: x.decision,
          comment: x.comment ?? null,
          returnCount: byId.get(x.itemId)!.returnCount,
        })),
      },
    });
  });
  return getInspection(ctx, id);
}
