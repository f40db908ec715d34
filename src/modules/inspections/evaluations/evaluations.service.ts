/**
 * Scored evaluations (目标管理考评, 业务建设评价, 专项验收; RULES.md §3): a published checklist
 * version filled in item by item, graded by `gradeEvaluation` with the version's points, veto items
 * and thresholds. The stored record keeps each item's result and the grade with its explanation.
 */
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { conflict, validation } from '../../../kernel/http/errors.js';
import { limitOffset } from '../../../kernel/http/responses.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import { units } from '../../orgs/index.js';
import { GRADE_LABELS, ITEM_RESULT_LABELS, type Grade } from '../labels.js';
import { evaluations } from '../schema.js';
import { loadVersion, versionEntries } from '../catalogue/checklists.service.js';
import { gradeEvaluation, type GradeThresholds } from './grading.js';
import type { EvaluationCreateInput, EvaluationInput, EvaluationList, EvaluationListQuery, EvaluationResult, EvaluationView, GradeView } from './contracts.js';

type EvaluationRow = typeof evaluations.$inferSelect;

/** Check the filled form against the version and grade it (nothing is written). */
export async function gradeForm(ctx: ActorCtx, input: EvaluationInput) {
  const { version, checklist } = await loadVersion(ctx, input.checklistVersionId, 'inspection.read');
  if (version.status !== 'published') {
    throw validation(`“${checklist.name}”第 ${version.version} 版尚未发布，不能据以考评`, { checklistVersionId: '检查表版本尚未发布' });
  }
  const entries = await versionEntries(ctx, version.id);
  const given = new Map<string, (typeof input.results)[number]>();
  input.results.forEach((r, i) => {
    if (given.has(r.entryId)) throw validation(`第 ${i + 1} 条结果重复填写了同一检查项`, { [`results.${i}.entryId`]: '检查项重复' });
    if (!entries.some((e) => e.id === r.entryId))
      throw validation(`第 ${i + 1} 条结果的检查项不属于该检查表版本`, { [`results.${i}.entryId`]: '检查项不属于该版本' });
    given.set(r.entryId, r);
  });
  const missing = entries.filter((e) => !given.has(e.id));
  if (missing.length) {
    throw validation(`还有 ${missing.length} 项未填写结果：${missing.map((e) => e.code).join('、')}`, {
      results: `未填写：${missing.map((e) => e.code).join('、')}`,
    });
  }
  const byPoints = entries.some((e) => e.points !== null);
  const grade = gradeEvaluation({
    items: entries.map((e) => ({ id: e.code, result: given.get(e.id)!.result, veto: e.veto, ...(byPoints ? { points: e.points ?? undefined } : {}) })),
    thresholds: (version.thresholds as GradeThresholds | null) ?? undefined,
  });
  const results = entries.map((e): EvaluationResult => {
    const r = given.get(e.id)!;
    return {
      entryId: e.id,
      code: e.code,
      title: e.title,
      points: e.points,
      veto: e.veto,
      result: r.result,
      resultLabel: ITEM_RESULT_LABELS[r.result],
      note: r.note || null,
    };
  });
  return { version, checklist, results, grade };
}

/** 试算: the graded form as the API answers it (nothing is written). */
export async function tryGrade(ctx: ActorCtx, input: EvaluationInput): Promise<GradeView> {
  const { results, grade } = await gradeForm(ctx, input);
  return { results, ...grade };
}

function present(r: EvaluationRow, unitName: string | null): EvaluationView {
  return {
    id: r.id,
    orgId: r.orgId,
    checklistVersionId: r.checklistVersionId,
    unitId: r.unitId,
    unitName,
    title: r.title,
    evaluatedOn: r.evaluatedOn,
    results: r.results as EvaluationResult[],
    compliant: r.compliant,
    applicable: r.applicable,
    notApplicable: r.notApplicable,
    share: r.share,
    score: r.score,
    maxScore: r.maxScore,
    grade: r.grade as Grade,
    gradeLabel: GRADE_LABELS[r.grade as Grade],
    vetoFailed: r.vetoFailed as string[],
    explanation: r.explanation as string[],
    createdAt: r.createdAt.toISOString(),
  };
}

export async function createEvaluation(ctx: ActorCtx, input: EvaluationCreateInput): Promise<EvaluationView> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'inspection.manage', { orgId, orgPath: ctx.actor.orgPath });
  return inTx(ctx, async (tx) => {
    const { version, results, grade } = await gradeForm(tx, input);
    if (version.orgId !== orgId) throw conflict('只能使用本机构的检查表考评');
    const [u] = await tx.db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.id, input.unitId), eq(units.orgId, orgId)));
    if (!u) throw validation('被考评单位不存在或不属于本机构的检查对象名录', { unitId: '单位不存在或不属于本机构' });
    const [row] = await tx.db
      .insert(evaluations)
      .values({
        orgId,
        checklistVersionId: version.id,
        unitId: input.unitId,
        title: input.title,
        evaluatedOn: input.evaluatedOn,
        results,
        compliant: grade.compliant,
        applicable: grade.applicable,
        notApplicable: grade.notApplicable,
        share: grade.share,
        score: grade.score ?? null,
        maxScore: grade.maxScore ?? null,
        grade: grade.grade,
        vetoFailed: grade.vetoFailed,
        explanation: grade.explanation,
        createdBy: ctx.actor.userId,
        createdAt: tx.now(),
      })
      .returning();
    await recordEvent(tx, { orgId, action: 'evaluation.create', entityType: 'evaluation', entityId: row!.id, after: row });
    return present(row!, u.name);
  });
}

export async function getEvaluation(ctx: ActorCtx, id: string): Promise<EvaluationView> {
  const [found] = await ctx.db
    .select({ e: evaluations, unitName: units.name })
    .from(evaluations)
    .leftJoin(units, eq(units.id, evaluations.unitId))
    .where(eq(evaluations.id, id));
  await guardRecord(ctx, found?.e, 'inspection.read', '考评记录');
  return present(found!.e, found!.unitName);
}

/** A page of the org's evaluations, latest evaluation day first, then latest recorded (id breaks ties). */
export async function listEvaluations(ctx: ActorCtx, q: EvaluationListQuery): Promise<EvaluationList> {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(evaluations.orgId, org.id)];
  if (q.checklistVersionId) where.push(eq(evaluations.checklistVersionId, q.checklistVersionId));
  if (q.unitId) where.push(eq(evaluations.unitId, q.unitId));
  const cond = and(...where);
  const { limit, offset } = limitOffset(q);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(evaluations).where(cond);
  const rows = await ctx.db
    .select({ e: evaluations, unitName: units.name })
    .from(evaluations)
    .leftJoin(units, eq(units.id, evaluations.unitId))
    .where(cond)
    .orderBy(desc(evaluations.evaluatedOn), desc(evaluations.createdAt), asc(evaluations.id))
    .limit(limit)
    .offset(offset);
  return { items: rows.map((r) => present(r.e, r.unitName)), total, page: q.page, pageSize: q.pageSize };
}
