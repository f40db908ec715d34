/**
 * 自查表 in the unit's own account: saved in parts (a draft: some items may still be open), then
 * submitted once every item has a result (已通知 → 已自查).
 */
import { eq } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { AppError, validation } from '../../../kernel/http/errors.js';
import { inspections } from '../schema.js';
import type { InspectionDetail, SelfInspectionInput } from './contracts.js';
import { assertTransition, loadMine, syncSelfInspectionClock, unitNameOf, versionEntries } from './core.service.js';
import { getMyInspection } from './detail.service.js';
import type { SelfResult } from './loop.js';

/** Save the self-inspection (a draft: some items may still be open); the given results replace those of the same items. */
export async function saveSelfInspection(ctx: ActorCtx, id: string, input: SelfInspectionInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadMine(tx, id, true);
    assertTransition(r, 'saveSelfInspection');
    const entries = await versionEntries(tx, r.checklistVersionId);
    const known = new Set(entries.map((e) => e.id));
    const seen = new Set<string>();
    const fields: Record<string, string> = {};
    input.results.forEach((x, i) => {
      if (!known.has(x.entryId)) fields[`results.${i}.entryId`] = '该检查项不属于本次检查的检查表';
      else if (seen.has(x.entryId)) fields[`results.${i}.entryId`] = '同一检查项填写了两次';
      seen.add(x.entryId);
    });
    if (Object.keys(fields).length) throw validation(`自查表有 ${Object.keys(fields).length} 处错误：${Object.values(fields)[0]}`, fields);
    const merged = new Map(((r.selfInspection as SelfResult[] | null) ?? []).map((x) => [x.entryId, x]));
    for (const x of input.results) merged.set(x.entryId, { entryId: x.entryId, result: x.result, note: x.note ?? null });
    const ordered = entries.filter((e) => merged.has(e.id)).map((e) => merged.get(e.id)!);
    await tx.db.update(inspections).set({ selfInspection: ordered, updatedAt: tx.now() }).where(eq(inspections.id, r.id));
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.self_inspection.save',
      entityType: 'inspection',
      entityId: r.id,
      before: { answered: ((r.selfInspection as SelfResult[] | null) ?? []).length },
      after: { answered: ordered.length, total: entries.length, results: input.results },
    });
  });
  return getMyInspection(ctx, id);
}

/** Submit the self-inspection: every item needs a result. */
export async function submitSelfInspection(ctx: ActorCtx, id: string): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadMine(tx, id, true);
    assertTransition(r, 'submitSelfInspection');
    const entries = await versionEntries(tx, r.checklistVersionId);
    const answered = new Set(((r.selfInspection as SelfResult[] | null) ?? []).map((x) => x.entryId));
    const open = entries.filter((e) => !answered.has(e.id));
    if (open.length) {
      const shown = open
        .slice(0, 10)
        .map((e) => e.code)
        .join('、');
      throw new AppError('unprocessable', `自查表还有 ${open.length} 项未填写自查结果（${shown}${open.length > 10 ? ' 等' : ''}），请逐项填写后提交`, {
        fields: { results: `未填写：${shown}${open.length > 10 ? ' 等' : ''}` },
      });
    }
    const now = tx.now();
    const [row] = await tx.db
      .update(inspections)
      .set({ status: 'self_inspected', selfSubmittedAt: now, selfSubmittedBy: tx.actor.userId, updatedAt: now })
      .where(eq(inspections.id, r.id))
      .returning();
    await syncSelfInspectionClock(tx, row!, await unitNameOf(tx, r.unitId));
    const results = r.selfInspection as SelfResult[];
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.self_inspection.submit',
      entityType: 'inspection',
      entityId: r.id,
      before: { status: r.status },
      after: {
        status: 'self_inspected',
        compliant: results.filter((x) => x.result === 'compliant').length,
        nonCompliant: results.filter((x) => x.result === 'non_compliant').length,
        notApplicable: results.filter((x) => x.result === 'not_applicable').length,
      },
    });
  });
  return getMyInspection(ctx, id);
}
