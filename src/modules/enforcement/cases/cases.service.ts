/**
 * 行政处罚案件: 立案 → 调查取证 → 告知 → 听证 → 法制审核 → 集体讨论 → 决定 → 送达 → 执行 → 结案
 * (RULES.md §3). Every use case is a short closure in `act` (lock, guard, allowed action, change, step,
 * audit, clocks — one transaction); refusals name the field and write nothing.
 */
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { inTx, type Actor, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { hasAction } from '../../../kernel/auth/policy.js';
import type { Role } from '../../../kernel/auth/roles.js';
import { computeClock, type ClockSpec } from '../../../kernel/calendar/index.js';
import { syncClock } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { likeTerm } from '../../../kernel/db/paging.js';
import { statement } from '../../../kernel/db/statements.js';
import { together } from '../../../kernel/db/together.js';
import { nextDocNumber } from '../../../kernel/documents/index.js';
import { AppError, conflict, fieldError, notFound, validation } from '../../../kernel/http/errors.js';
import { orgs, users } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import { inspectorConflicts, inspectors, issuingContact, units } from '../../orgs/index.js';
import {
  CASE_ACTION_LABELS,
  CASE_RESULT_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  CIRCUMSTANCE_LABELS,
  EVIDENCE_KIND_LABELS,
  PENALTY_TYPE_LABELS,
  REVIEW_ITEM_LABELS,
  REVIEW_ITEMS,
  REVIEW_RESULT_LABELS,
  SERVICE_METHOD_LABELS,
  type CaseAction,
  type CaseResult,
  type CaseSource,
  type CaseStatus,
  type Circumstance,
  type EvidenceKind,
  type PartyKind,
  type PenaltyType,
  type ServiceMethod,
} from '../labels.js';
import { enforcementCaseFiles, enforcementCases, enforcementReferrals } from '../schema.js';
import { benchmarksByIds, type BenchmarkRow } from '../benchmarks/benchmarks.service.js';
import type {
  ApproverList,
  CaseDetail,
  CaseListQuery,
  CasePage,
  CaseSummary,
  ClockView,
  DecideInput,
  DiscussionInput,
  ExtendInput,
  FilingDecisionInput,
  HearingScheduleInput,
  InstalmentInput,
  InquiryInput,
  NotifyInput,
  OpenCaseInput,
  PenaltyInput,
  ReviewInput,
  WithdrawalDecisionInput,
  WithdrawalInput,
} from './contracts.js';
import {
  allowedCaseActions,
  decisionClock,
  discussionRequired,
  earliestHearingDay,
  fineOf,
  hearingEligible,
  hearingRequestClock,
  hearingRequestDue,
  heaviestPenalty,
  type Payment,
  outsideRecommended,
  paymentClock,
  penaltyProblems,
  publicationClock,
  reviewReasons,
  withdrawalClock,
  type BenchmarkRange,
  type Penalty,
  type Thresholds,
} from './rules.js';

export type CaseRow = typeof enforcementCases.$inferSelect;
type Step = { step: string; on: string; actorId: string | null; actorName: string; note?: string };
type Instalments = {
  requestedOn: string;
  approvedOn: string;
  approverId: string;
  approverName: string;
  reason: string;
  schedule: { dueOn: string; amount: number }[];
};
type Extension = { days: number; reason: string; approverId: string; approverName: string; approvedOn: string };
type Withdrawal = {
  id: string;
  inspectorId: string;
  reason: string;
  requestedOn: string;
  status: 'pending' | 'granted' | 'refused';
  decidedOn: string | null;
  decidedBy: string | null;
};
type Inquiry = { id: string; heldOn: string; place: string; person: string; officerIds: string[]; content: string; recordedBy: string };
type Proposal = { circumstance: Circumstance; penalties: Penalty[]; discretionReason: string | null };
type Review = {
  reviewerId: string;
  reviewerName: string;
  reviewedOn: string;
  checklist: Record<string, boolean>;
  opinion: string;
  result: 'passed' | 'returned';
};

const WHAT = '行政处罚案件';
const CASE_PREFIX = { key: 'enforcementCasePrefix', suffix: '档罚立', auditAction: 'enforcement.doc_settings.update', series: 'enforcement.case' };
const DECISION_PREFIX = { key: 'enforcementDecisionPrefix', suffix: '档罚决', auditAction: 'enforcement.doc_settings.update', series: 'enforcement.decision' };

export async function thresholdsOf(ctx: Ctx, orgId: string): Promise<Thresholds> {
  return {
    unit: await getSetting(ctx.db, orgId, 'enforcementHearingUnitFine'),
    individual: await getSetting(ctx.db, orgId, 'enforcementHearingIndividualFine'),
  };
}

const rangeOf = (b: BenchmarkRow): BenchmarkRange => ({
  statutoryMin: b.statutoryMin,
  statutoryMax: b.statutoryMax,
  confiscation: b.confiscation,
  levels: b.levels as BenchmarkRange['levels'],
});

const notFuture = (field: string, day: string, today: string) => {
  if (day > today) throw fieldError(field, `日期 ${day} 晚于今天（${today}）`);
};
const notBefore = (field: string, day: string, earlier: string | null, what: string) => {
  if (earlier && day < earlier) throw fieldError(field, `日期 ${day} 早于${what}（${earlier}）`);
};

/** Users of `orgId` that hold `action` (e.g. the approvers of a filing). */
async function userWithAction(ctx: Ctx, orgId: string, userId: string, action: 'enforcement.approve' | 'enforcement.review', field: string, what: string) {
  const [u] = await ctx.db
    .select({ id: users.id, name: users.displayName, roles: users.roles, status: users.status, orgId: users.orgId })
    .from(users)
    .where(eq(users.id, userId));
  if (!u || u.orgId !== orgId || u.status !== 'active' || !hasAction({ roles: u.roles as Role[] } as Actor, action)) {
    throw fieldError(field, `${what}须为本机关有审批权限的在职人员（如局领导）`);
  }
  return u;
}

/** The people a filing or an extension may name as approver (the pickers of 立案 and 延长办案期限). */
export async function listApprovers(ctx: ActorCtx): Promise<ApproverList> {
  const rows = await ctx.db
    .select({ id: users.id, name: users.displayName, roles: users.roles })
    .from(users)
    .where(and(eq(users.orgId, ctx.actor.orgId), eq(users.status, 'active')))
    .orderBy(asc(users.displayName));
  return { items: rows.filter((u) => hasAction({ roles: u.roles as Role[] } as Actor, 'enforcement.approve')).map((u) => ({ id: u.id, name: u.name })) };
}

/**
 * The officers of a case: at least two, each active, with a certificate valid on `day`, no recorded
 * conflict (回避) with the party unit and no pending withdrawal request in the case.
 */
async function checkOfficers(
  ctx: Ctx,
  orgId: string,
  ids: readonly string[],
  day: string,
  unitId: string | null,
  field: string,
  pending: readonly Withdrawal[] = [],
) {
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw fieldError(field, '执法人员不得少于两人（行政处罚法第四十二条）');
  const rows = await ctx.db
    .select()
    .from(inspectors)
    .where(and(eq(inspectors.orgId, orgId), inArray(inspectors.id, unique)));
  const conflicts = unitId
    ? await ctx.db
        .select({ inspectorId: inspectorConflicts.inspectorId, reason: inspectorConflicts.reason })
        .from(inspectorConflicts)
        .where(and(eq(inspectorConflicts.orgId, orgId), eq(inspectorConflicts.unitId, unitId), inArray(inspectorConflicts.inspectorId, unique)))
    : [];
  const fields: Record<string, string> = {};
  unique.forEach((id, i) => {
    const r = rows.find((x) => x.id === id);
    const f = `${field}.${i}`;
    if (!r || r.status !== 'active') fields[f] = '不是本机关在职的执法人员';
    else if (r.certIssuedOn > day || r.certExpiresOn < day)
      fields[f] = `${r.name}的执法证（${r.certificateNo}）在 ${day} 不在有效期内（有效期至 ${r.certExpiresOn}）`;
    else if (conflicts.some((c) => c.inspectorId === id))
      fields[f] = `${r.name}与当事人存在应当回避的情形（${conflicts.find((c) => c.inspectorId === id)!.reason}）`;
    else if (pending.some((w) => w.inspectorId === id && w.status === 'pending')) fields[f] = `${r.name}有尚未决定的回避申请`;
  });
  if (Object.keys(fields).length) throw validation(Object.values(fields)[0]!, fields);
  return rows;
}

function step(actor: Actor, s: string, on: string): Step {
  return { step: s, on, actorId: actor.userId, actorName: actor.displayName };
}

// ---------------------------------------------------------------------------------------------
// 立案

export async function openCase(ctx: ActorCtx, input: OpenCaseInput): Promise<CaseDetail> {
  const id = await inTx(ctx, async (tx) => {
    const orgId = tx.actor.orgId;
    const today = todayInChina(tx.now());
    notFuture('filedOn', input.filedOn, today);
    const approver = await userWithAction(tx, orgId, input.approverId, 'enforcement.approve', 'approverId', '立案审批人');
    let unitId: string | null = null;
    let partyName = input.partyName ?? '';
    let referral: typeof enforcementReferrals.$inferSelect | undefined;
    if (input.source === 'inspection') {
      if (!input.referralId) throw fieldError('referralId', '行政检查移送的案件须选择案件线索');
      [referral] = await tx.db.select().from(enforcementReferrals).where(eq(enforcementReferrals.id, input.referralId)).for('update');
      const r = await guardRecord(tx, referral, 'enforcement.manage', '案件线索');
      if (r.status !== 'pending') throw fieldError('referralId', `案件线索 ${r.code} 已处理，不能再立案`, 'conflict');
      notBefore('filedOn', input.filedOn, r.referredOn, '移送日期');
      if (input.partyKind !== 'unit' || (input.unitId && input.unitId !== r.unitId)) throw fieldError('unitId', '当事人应为线索所涉的检查对象');
      unitId = r.unitId;
    } else if (input.referralId) throw fieldError('referralId', '只有行政检查移送的案件才关联案件线索');
    if (input.partyKind === 'unit') {
      unitId ??= input.unitId ?? null;
      if (!unitId) throw fieldError('unitId', '请选择当事人（单位）');
      const [u] = await tx.db
        .select({ name: units.name, orgId: units.orgId, address: units.address, type: units.type })
        .from(units)
        .where(eq(units.id, unitId));
      if (!u || u.orgId !== orgId) throw fieldError('unitId', '当事人须为本机关检查对象名录中的单位');
      partyName = u.name;
      input = { ...input, partyAddress: input.partyAddress ?? u.address ?? undefined };
      const b = (await benchmarksByIds(tx, [input.benchmarkId])).get(input.benchmarkId);
      const kind = u.type === 'archive_service' ? 'archive_service' : 'unit';
      if (!b || b.orgId !== orgId || b.status !== 'active') throw fieldError('benchmarkId', '请选择本机关的裁量基准（违法行为）');
      if (b.partyKind !== kind)
        throw fieldError(
          'benchmarkId',
          `所选裁量基准适用于${kind === 'archive_service' ? '档案服务企业' : '单位'}以外的当事人，请选择“${kind === 'archive_service' ? '档案服务企业' : '单位'}”的基准`,
        );
    } else {
      if (!partyName.trim()) throw fieldError('partyName', '请填写当事人姓名');
      const b = (await benchmarksByIds(tx, [input.benchmarkId])).get(input.benchmarkId);
      if (!b || b.orgId !== orgId || b.status !== 'active') throw fieldError('benchmarkId', '请选择本机关的裁量基准（违法行为）');
      if (b.partyKind !== 'individual') throw fieldError('benchmarkId', '当事人为个人，请选择适用于个人的裁量基准');
    }
    await checkOfficers(tx, orgId, input.officerIds, input.filedOn, unitId, 'officerIds');
    const b = (await benchmarksByIds(tx, [input.benchmarkId])).get(input.benchmarkId)!;
    const [org] = await tx.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
    const { docNumber } = await nextDocNumber(tx, CASE_PREFIX, org!, Number(input.filedOn.slice(0, 4)));
    const now = tx.now();
    const steps: Step[] = [step(tx.actor, 'open', input.filedOn)];
    const [row] = await tx.db
      .insert(enforcementCases)
      .values({
        orgId,
        caseNo: docNumber,
        source: input.source,
        referralId: referral?.id ?? null,
        partyKind: input.partyKind,
        unitId,
        partyName,
        partyIdNo: input.partyIdNo ?? null,
        partyAddress: input.partyAddress ?? null,
        benchmarkId: b.id,
        violation: b.violation,
        facts: input.facts,
        officerIds: [...new Set(input.officerIds)],
        major: input.major,
        status: 'filing',
        filedOn: input.filedOn,
        approverId: approver.id,
        steps,
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (referral) {
      await tx.db.update(enforcementReferrals).set({ status: 'accepted', caseId: row!.id, updatedAt: now }).where(eq(enforcementReferrals.id, referral.id));
      await recordEvent(tx, {
        orgId,
        action: 'enforcement.referral.accept',
        entityType: 'enforcementReferral',
        entityId: referral.id,
        before: { status: referral.status },
        after: { status: 'accepted', caseId: row!.id, caseNo: docNumber },
      });
    }
    await recordEvent(tx, {
      orgId,
      action: 'enforcement.case.open',
      entityType: 'enforcementCase',
      entityId: row!.id,
      after: {
        caseNo: docNumber,
        source: input.source,
        partyName,
        violation: b.violation,
        facts: input.facts,
        officerIds: row!.officerIds,
        filedOn: input.filedOn,
        approverId: approver.id,
        major: input.major,
        status: 'filing',
      },
    });
    await syncCaseClocks(tx, row!);
    return row!.id;
  });
  return getCase(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// The transaction template

interface ActCtx {
  tx: ActorCtx;
  c: CaseRow & { orgPath: string };
  today: string;
  benchmark: BenchmarkRow | null;
  thresholds: Thresholds;
}

/**
 * One step on a case: lock the row, guard it (404/403), check the action is allowed now (409 naming
 * what is), run `fn` for the change and the event's after, write both, resync the clocks.
 */
async function act(
  ctx: ActorCtx,
  id: string,
  action: CaseAction,
  fn: (a: ActCtx) => Promise<{ set: Partial<CaseRow>; after: Record<string, unknown>; on: string; step?: string; note?: string }>,
  opts: { permission?: 'enforcement.manage' | 'enforcement.review' | 'enforcement.approve'; checkAllowed?: boolean } = {},
): Promise<CaseDetail> {
  await inTx(ctx, async (tx) => {
    const [found] = await tx.db.select().from(enforcementCases).where(eq(enforcementCases.id, id)).for('update');
    const c = await guardRecord(tx, found, opts.permission ?? 'enforcement.manage', WHAT);
    const today = todayInChina(tx.now());
    const benchmark = c.benchmarkId ? ((await benchmarksByIds(tx, [c.benchmarkId])).get(c.benchmarkId) ?? null) : null;
    const thresholds = await thresholdsOf(tx, c.orgId);
    if (opts.checkAllowed !== false) {
      const allowed = allowedCaseActions(await caseState(tx, c, today, thresholds));
      if (!allowed.includes(action)) {
        throw conflict(
          `案件 ${c.caseNo} 当前为“${CASE_STATUS_LABELS[c.status as CaseStatus]}”，不能${CASE_ACTION_LABELS[action]}${allowed.length ? `；现在可以：${allowed.map((a) => CASE_ACTION_LABELS[a]).join('、')}` : ''}`,
        );
      }
    }
    const { set, after, on, step: name, note } = await fn({ tx, c, today, benchmark, thresholds });
    const steps = [...(c.steps as Step[]), { ...step(tx.actor, name ?? action, on), ...(note ? { note } : {}) }];
    const [row] = await tx.db
      .update(enforcementCases)
      .set({ ...set, steps, updatedAt: tx.now() })
      .where(eq(enforcementCases.id, c.id))
      .returning();
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, (c as Record<string, unknown>)[k] ?? null]));
    await recordEvent(tx, { orgId: c.orgId, action: `enforcement.case.${action}`, entityType: 'enforcementCase', entityId: c.id, before, after });
    await syncCaseClocks(tx, row!);
  });
  return getCase(ctx, id);
}

async function caseState(ctx: Ctx, c: CaseRow, today: string, t: Thresholds) {
  const penalties = ((c.proposal as Proposal | null)?.penalties ?? []) as Penalty[];
  const decidedPenalties = c.penalties as Penalty[];
  const eligible = c.partyKind !== null && hearingEligible(c.partyKind as PartyKind, penalties, t);
  const cal = c.noticeServedOn && eligible ? await loadWorkCalendar(ctx.db) : null;
  const circumstance = (c.proposal as Proposal | null)?.circumstance ?? null;
  return {
    status: c.status as CaseStatus,
    imported: c.imported,
    pendingWithdrawal: (c.withdrawals as Withdrawal[]).some((w) => w.status === 'pending'),
    result: c.result,
    hearingEligible: eligible,
    hearingRequestOpen: !!cal && !!c.noticeServedOn && today <= hearingRequestDue(cal, c.noticeServedOn),
    hearingRequestedOn: c.hearingRequestedOn,
    hearingOn: c.hearingOn,
    hearingHeldOn: c.hearingHeldOn,
    reviewRequired: reviewReasons({ partyKind: c.partyKind as PartyKind, penalties, hearingHeldOn: c.hearingHeldOn, major: c.major }, t).length > 0,
    reviewPassed: c.reviewResult === 'passed',
    discussionRequired: discussionRequired(circumstance),
    discussed: !!c.discussion,
    fine: fineOf(decidedPenalties),
    fineCollected: c.fineCollected,
    courtApplied: !!c.courtApplication,
    instalments: !!c.instalments,
    publishedOn: c.publishedOn,
    revokedOn: c.revokedOn,
    withdrawnOn: c.withdrawnOn,
  };
}

/** The case's clocks as specs (kind → spec, closed?). */
function clockSpecs(c: CaseRow, eligible: boolean): { kind: string; label: string; spec: ClockSpec; closed: boolean }[] {
  const out: { kind: string; label: string; spec: ClockSpec; closed: boolean }[] = [];
  if (c.imported || c.status === 'filing' || c.status === 'not_filed') return out;
  const ext = (c.extensions as Extension[]).map((e) => ({ ...e }));
  out.push({ kind: 'enforcement.decision', label: `${c.caseNo} 作出处罚决定`, spec: decisionClock(c.filedOn, ext, c.decidedOn), closed: !!c.decidedOn });
  if (c.noticeServedOn && eligible) {
    const answered = c.hearingRequestedOn ?? c.decidedOn;
    out.push({
      kind: 'enforcement.hearingRequest',
      label: `${c.caseNo} 当事人申请听证`,
      spec: hearingRequestClock(c.noticeServedOn, answered),
      closed: !!answered,
    });
  }
  if (c.decidedOn && c.result === 'penalty') {
    out.push({
      kind: 'enforcement.publication',
      label: `${c.caseNo} 公开行政处罚决定`,
      spec: publicationClock(c.decidedOn, c.publishedOn ?? c.revokedOn),
      closed: !!(c.publishedOn ?? c.revokedOn),
    });
  }
  const fine = fineOf(c.penalties as Penalty[]);
  if (c.servedOn && c.result === 'penalty' && fine > 0 && !c.revokedOn) {
    const court = c.courtApplication as { appliedOn: string } | null;
    const spec = paymentClock(c.servedOn, fine, c.payments as Payment[], c.instalments as Instalments | null, court?.appliedOn ?? null);
    out.push({ kind: 'enforcement.payment', label: `${c.caseNo} 缴纳罚款`, spec, closed: !!spec.completedOn });
  }
  if (c.revokedOn && c.publishedOn) {
    out.push({
      kind: 'enforcement.withdrawal',
      label: `${c.caseNo} 撤回已公开的处罚决定`,
      spec: withdrawalClock(c.revokedOn, c.withdrawnOn),
      closed: !!c.withdrawnOn,
    });
  }
  return out;
}

async function syncCaseClocks(ctx: ActorCtx, c: CaseRow): Promise<void> {
  const t = await thresholdsOf(ctx, c.orgId);
  const eligible = hearingEligible(c.partyKind as PartyKind, ((c.proposal as Proposal | null)?.penalties ?? []) as Penalty[], t);
  for (const k of clockSpecs(c, eligible)) {
    await syncClock(ctx, { orgId: c.orgId, entityType: 'enforcementCase', entityId: c.id, kind: k.kind, label: k.label, spec: k.spec, closed: k.closed });
  }
}

// ---------------------------------------------------------------------------------------------
// Steps

/**
 * 立案审批 (行政处罚法第五十四条第二款: 立案 with the head's approval): approved, the case is filed that day
 * and the 90 days run from it; refused (不予立案) with the reason, a referral goes back to the inbox.
 */
export const decideFiling = (ctx: ActorCtx, id: string, input: FilingDecisionInput) =>
  act(
    ctx,
    id,
    'approveFiling',
    async ({ tx, c, today }) => {
      notFuture('decidedOn', input.decidedOn, today);
      notBefore('decidedOn', input.decidedOn, c.filedOn, '报请立案日期');
      if (input.approve) {
        const set = { status: 'investigating', filedOn: input.decidedOn, approverId: tx.actor.userId };
        return { set, after: { ...set, requestedOn: c.filedOn }, on: input.decidedOn, step: 'approve' };
      }
      if (c.referralId) {
        const [r] = await tx.db
          .update(enforcementReferrals)
          .set({ status: 'pending', caseId: null, updatedAt: tx.now() })
          .where(eq(enforcementReferrals.id, c.referralId))
          .returning({ code: enforcementReferrals.code });
        await recordEvent(tx, {
          orgId: c.orgId,
          action: 'enforcement.referral.reopen',
          entityType: 'enforcementReferral',
          entityId: c.referralId,
          before: { status: 'accepted', caseId: c.id },
          after: { status: 'pending', caseId: null, reason: `${c.caseNo} 不予立案：${input.reason}`, code: r?.code },
        });
      }
      const set = { status: 'not_filed', approverId: tx.actor.userId };
      return { set, after: { ...set, reason: input.reason }, on: input.decidedOn, step: 'refuseFiling', note: input.reason! };
    },
    { permission: 'enforcement.approve' },
  );

export const extendCase = (ctx: ActorCtx, id: string, input: ExtendInput) =>
  act(ctx, id, 'extend', async ({ tx, c, today }) => {
    notFuture('approvedOn', input.approvedOn, today);
    const approver = await userWithAction(tx, c.orgId, input.approverId, 'enforcement.approve', 'approverId', '批准延长的负责人');
    const cal = await loadWorkCalendar(tx.db);
    const due = computeClock(cal, decisionClock(c.filedOn, c.extensions as Extension[], null), today).due!;
    if (input.approvedOn > due) throw fieldError('approvedOn', `办案期限已于 ${due} 届满，延长须在期限届满前批准`);
    const extensions = [
      ...(c.extensions as Extension[]),
      { days: input.days, reason: input.reason, approverId: approver.id, approverName: approver.name, approvedOn: input.approvedOn },
    ];
    return { set: { extensions }, after: { extensions }, on: input.approvedOn };
  });

export const requestWithdrawal = (ctx: ActorCtx, id: string, input: WithdrawalInput) =>
  act(ctx, id, 'requestWithdrawal', async ({ c, today }) => {
    notFuture('requestedOn', input.requestedOn, today);
    if (!(c.officerIds as string[]).includes(input.inspectorId)) throw fieldError('inspectorId', '只能申请本案执法人员回避');
    const withdrawals = [
      ...(c.withdrawals as Withdrawal[]),
      {
        id: crypto.randomUUID(),
        inspectorId: input.inspectorId,
        reason: input.reason,
        requestedOn: input.requestedOn,
        status: 'pending' as const,
        decidedOn: null,
        decidedBy: null,
      },
    ];
    return { set: { withdrawals }, after: { withdrawals }, on: input.requestedOn };
  });

export const decideWithdrawal = (ctx: ActorCtx, id: string, input: WithdrawalDecisionInput) =>
  act(ctx, id, 'decideWithdrawal', async ({ tx, c, today }) => {
    notFuture('decidedOn', input.decidedOn, today);
    const list = c.withdrawals as Withdrawal[];
    const w = list.find((x) => x.id === input.withdrawalId && x.status === 'pending');
    if (!w) throw fieldError('withdrawalId', '没有这项待决定的回避申请');
    notBefore('decidedOn', input.decidedOn, w.requestedOn, '申请日期');
    let officerIds = c.officerIds as string[];
    if (input.granted) {
      officerIds = officerIds.filter((o) => o !== w.inspectorId);
      if (input.replacementId) officerIds = [...officerIds, input.replacementId];
      const others = list.filter((x) => x.id !== w.id);
      await checkOfficers(tx, c.orgId, officerIds, input.decidedOn, c.unitId, input.replacementId ? 'replacementId' : 'replacementId', others);
    }
    const withdrawals = list.map((x) =>
      x.id === w.id ? { ...x, status: input.granted ? ('granted' as const) : ('refused' as const), decidedOn: input.decidedOn, decidedBy: tx.actor.userId } : x,
    );
    return { set: { withdrawals, officerIds }, after: { withdrawals, officerIds }, on: input.decidedOn };
  });

export const addInquiry = (ctx: ActorCtx, id: string, input: InquiryInput) =>
  act(ctx, id, 'addInquiry', async ({ tx, c, today }) => {
    notFuture('heldOn', input.heldOn, today);
    notBefore('heldOn', input.heldOn, c.filedOn, '立案日期');
    const officers = c.officerIds as string[];
    const present = [...new Set(input.officerIds)];
    if (present.length < 2) throw fieldError('officerIds', '询问时执法人员不得少于两人');
    const stranger = present.findIndex((o) => !officers.includes(o));
    if (stranger >= 0) throw fieldError(`officerIds.${stranger}`, '不是本案的执法人员');
    const inquiries = [...(c.inquiries as Inquiry[]), { id: crypto.randomUUID(), ...input, officerIds: present, recordedBy: tx.actor.userId }];
    return { set: { inquiries }, after: { inquiry: inquiries.at(-1) }, on: input.heldOn };
  });

/** Evidence files are written through `act` too: the file row in the same transaction. */
export const addEvidence = (
  ctx: ActorCtx,
  id: string,
  meta: { kind: EvidenceKind; title: string; collectedOn: string },
  file: { fileName: string; mime: string; data: Buffer; sha256: string },
) =>
  act(ctx, id, 'addEvidence', async ({ tx, c, today }) => {
    notFuture('collectedOn', meta.collectedOn, today);
    const [f] = await tx.db
      .insert(enforcementCaseFiles)
      .values({
        orgId: c.orgId,
        caseId: c.id,
        kind: meta.kind,
        title: meta.title,
        collectedOn: meta.collectedOn,
        fileName: file.fileName,
        mime: file.mime,
        size: file.data.length,
        sha256: file.sha256,
        data: file.data,
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning({ id: enforcementCaseFiles.id });
    return {
      set: {},
      after: {
        evidence: {
          id: f!.id,
          kind: meta.kind,
          title: meta.title,
          collectedOn: meta.collectedOn,
          fileName: file.fileName,
          sha256: file.sha256,
          size: file.data.length,
        },
      },
      on: meta.collectedOn,
    };
  });

function checkPenalties(benchmark: BenchmarkRow | null, circumstance: Circumstance, penalties: PenaltyInput[], reason: string | undefined, field: string) {
  if (!benchmark) throw fieldError('benchmarkId', '案件未选择裁量基准');
  const problems = penaltyProblems(rangeOf(benchmark), circumstance, penalties, reason, field);
  if (problems.length) {
    const statutory = problems.some((p) => p.message.includes('法定幅度'));
    throw new AppError(statutory ? 'unprocessable' : 'validation', problems[0]!.message, {
      fields: Object.fromEntries(problems.map((p) => [p.field, p.message])),
    });
  }
}

const cleanPenalties = (ps: PenaltyInput[]): Penalty[] =>
  ps.map((p) => ({ type: p.type, amount: p.type === 'fine' ? (p.amount ?? null) : (p.amount ?? null), note: p.note ?? null }));

export const notifyCase = (ctx: ActorCtx, id: string, input: NotifyInput) =>
  act(ctx, id, 'notify', async ({ c, today, benchmark }) => {
    notFuture('servedOn', input.servedOn, today);
    notBefore('noticeOn', input.noticeOn, c.filedOn, '立案日期');
    notBefore('servedOn', input.servedOn, input.noticeOn, '告知书日期');
    checkPenalties(benchmark, input.circumstance, input.penalties, input.discretionReason, 'penalties');
    const proposal: Proposal = {
      circumstance: input.circumstance,
      penalties: cleanPenalties(input.penalties),
      discretionReason: input.discretionReason ?? null,
    };
    return {
      set: { proposal, noticeOn: input.noticeOn, noticeServedOn: input.servedOn, status: 'notified' },
      after: { proposal, noticeOn: input.noticeOn, noticeServedOn: input.servedOn, status: 'notified' },
      on: input.servedOn,
    };
  });

export const requestHearing = (ctx: ActorCtx, id: string, requestedOn: string) =>
  act(ctx, id, 'requestHearing', async ({ c, today }) => {
    notFuture('requestedOn', requestedOn, today);
    notBefore('requestedOn', requestedOn, c.noticeServedOn, '告知书送达日期');
    return { set: { hearingRequestedOn: requestedOn, status: 'hearing' }, after: { hearingRequestedOn: requestedOn, status: 'hearing' }, on: requestedOn };
  });

export const scheduleHearing = (ctx: ActorCtx, id: string, input: HearingScheduleInput) =>
  act(ctx, id, 'scheduleHearing', async ({ tx, c, today }) => {
    notFuture('noticeOn', input.noticeOn, today);
    notBefore('noticeOn', input.noticeOn, c.hearingRequestedOn, '听证申请日期');
    const earliest = earliestHearingDay(await loadWorkCalendar(tx.db), input.noticeOn);
    if (input.hearingOn < earliest) {
      throw fieldError('hearingOn', `听证通知须在举行听证的七个工作日前送达：${input.noticeOn} 通知的，最早于 ${earliest} 举行听证（行政处罚法第六十四条）`);
    }
    return {
      set: { hearingNoticeOn: input.noticeOn, hearingOn: input.hearingOn },
      after: { hearingNoticeOn: input.noticeOn, hearingOn: input.hearingOn },
      on: input.noticeOn,
    };
  });

export const holdHearing = (ctx: ActorCtx, id: string, input: { heldOn: string; record: string }) =>
  act(ctx, id, 'holdHearing', async ({ c, today }) => {
    notFuture('heldOn', input.heldOn, today);
    notBefore('heldOn', input.heldOn, c.hearingOn, '通知的听证日期');
    return {
      set: { hearingHeldOn: input.heldOn, hearingRecord: input.record },
      after: { hearingHeldOn: input.heldOn, hearingRecord: input.record },
      on: input.heldOn,
    };
  });

export const reviewCase = (ctx: ActorCtx, id: string, input: ReviewInput) =>
  act(
    ctx,
    id,
    'review',
    async ({ tx, c, today }) => {
      notFuture('reviewedOn', input.reviewedOn, today);
      notBefore('reviewedOn', input.reviewedOn, c.filedOn, '立案日期');
      const missing = REVIEW_ITEMS.filter((k) => input.checklist[k] === undefined);
      if (missing.length) throw fieldError(`checklist.${missing[0]}`, `请逐项审核：${REVIEW_ITEM_LABELS[missing[0]!]}`);
      const failed = REVIEW_ITEMS.filter((k) => !input.checklist[k]);
      if (input.result === 'passed' && failed.length) throw fieldError(`checklist.${failed[0]}`, `“${REVIEW_ITEM_LABELS[failed[0]!]}”未通过，审核结论应为退回`);
      const review: Review = {
        reviewerId: tx.actor.userId,
        reviewerName: tx.actor.displayName,
        reviewedOn: input.reviewedOn,
        checklist: input.checklist,
        opinion: input.opinion,
        result: input.result,
      };
      const reviews = [...(c.reviews as Review[]), review];
      return { set: { reviews, reviewResult: input.result }, after: { review, reviewResult: input.result }, on: input.reviewedOn };
    },
    { permission: 'enforcement.review' },
  );

export const discussCase = (ctx: ActorCtx, id: string, input: DiscussionInput) =>
  act(ctx, id, 'discuss', async ({ c, today }) => {
    notFuture('heldOn', input.heldOn, today);
    notBefore('heldOn', input.heldOn, c.filedOn, '立案日期');
    return { set: { discussion: input }, after: { discussion: input }, on: input.heldOn };
  });

export const decideCase = (ctx: ActorCtx, id: string, input: DecideInput) =>
  act(
    ctx,
    id,
    'decide',
    async ({ tx, c, today, benchmark, thresholds }) => {
      const st = await caseState(tx, c, today, thresholds);
      const open = st.status === 'investigating' || st.status === 'notified' || st.status === 'hearing';
      if (!open || st.imported) throw conflict(`案件 ${c.caseNo} 当前为“${CASE_STATUS_LABELS[c.status as CaseStatus]}”，不能作出决定`);
      if (st.pendingWithdrawal) throw conflict('有尚未决定的回避申请，须先作出回避决定');
      notFuture('decidedOn', input.decidedOn, today);
      notBefore('decidedOn', input.decidedOn, c.filedOn, '立案日期');
      const cal = await loadWorkCalendar(tx.db);
      const due = computeClock(cal, decisionClock(c.filedOn, c.extensions as Extension[], null), today).due!;
      if (input.decidedOn > due) {
        throw new AppError('unprocessable', `办案期限已于 ${due} 届满（立案之日起九十日，行政处罚法第六十条），未经批准延长不能再作出决定`, {
          fields: { decidedOn: `超过办案期限 ${due}` },
        });
      }
      const proposal = c.proposal as Proposal | null;
      let penalties: Penalty[] = [];
      let discretionReason: string | null = null;
      if (input.result === 'penalty') {
        if (!proposal || !c.noticeServedOn)
          throw fieldError('result', '给予行政处罚前须先告知拟作出的处罚及当事人的陈述、申辩、听证权利（行政处罚法第四十四条）', 'conflict');
        notBefore('decidedOn', input.decidedOn, c.noticeServedOn, '告知书送达日期');
        if (st.hearingEligible && !c.hearingRequestedOn) {
          const last = hearingRequestDue(cal, c.noticeServedOn);
          if (input.decidedOn <= last) throw fieldError('decidedOn', `当事人可在 ${last} 前申请听证，期限届满后方可作出决定`);
        }
        if (c.hearingRequestedOn && !c.hearingHeldOn) throw fieldError('decidedOn', '当事人已申请听证，须先举行听证', 'conflict');
        const chosen =
          input.penalties ??
          proposal.penalties.map((p) => ({ type: p.type, ...(p.amount != null ? { amount: p.amount } : {}), ...(p.note ? { note: p.note } : {}) }));
        discretionReason = input.discretionReason ?? proposal.discretionReason;
        checkPenalties(benchmark, proposal.circumstance, chosen, discretionReason ?? undefined, 'penalties');
        penalties = cleanPenalties(chosen);
        const notified = new Set(proposal.penalties.map((p) => p.type));
        const extra = penalties.findIndex((p) => !notified.has(p.type));
        if (extra >= 0 || fineOf(penalties) > fineOf(proposal.penalties)) {
          throw fieldError(
            `penalties.${Math.max(extra, 0)}`,
            '决定的处罚重于告知的处罚：不得因当事人陈述、申辩而加重处罚；确需加重的，须重新告知（行政处罚法第四十五条）',
          );
        }
      } else if (input.result === 'no_penalty') {
        if (input.firstViolation && !input.educationRecord?.trim())
          throw fieldError('educationRecord', '首违不罚须记录对当事人的教育情况（行政处罚法第三十三条第三款）');
        if (!input.firstViolation && !input.reason?.trim()) throw fieldError('reason', '请写明不予行政处罚的理由和依据');
      } else if (!input.reason?.trim()) throw fieldError('reason', '请写明违法事实不能成立的理由');
      const reasons = reviewReasons(
        {
          partyKind: c.partyKind as PartyKind,
          penalties: penalties.length ? penalties : (proposal?.penalties ?? []),
          hearingHeldOn: c.hearingHeldOn,
          major: c.major,
        },
        thresholds,
      );
      if (input.result === 'penalty' && reasons.length && c.reviewResult !== 'passed') {
        throw new AppError('unprocessable', `本案${reasons.join('、')}，须经法制审核通过后方可作出决定（行政处罚法第五十八条）`, {
          fields: { review: '须经法制审核通过' },
        });
      }
      if (input.result !== 'penalty' && c.major && c.reviewResult !== 'passed') {
        throw new AppError('unprocessable', '本案为重大、复杂案件，须经法制审核通过后方可作出决定（行政处罚法第五十八条）', {
          fields: { review: '须经法制审核通过' },
        });
      }
      if (input.result === 'penalty' && discussionRequired(proposal?.circumstance ?? null) && !c.discussion) {
        throw new AppError('unprocessable', '情节较重或严重的案件须经负责人集体讨论决定（行政处罚法第五十七条第二款）', {
          fields: { discussion: '须先记录集体讨论' },
        });
      }
      const contact = await issuingContact(tx, c.orgId, tx.actor.userId);
      const [org] = await tx.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, c.orgId));
      const { docNumber } = await nextDocNumber(tx, DECISION_PREFIX, org!, Number(input.decidedOn.slice(0, 4)));
      const set: Partial<CaseRow> = {
        status: 'decided',
        result: input.result,
        decidedOn: input.decidedOn,
        penalties,
        heaviestPenalty: heaviestPenalty(penalties),
        fineAmount: input.result === 'penalty' && penalties.some((p) => p.type === 'fine') ? fineOf(penalties) : null,
        discretionReason,
        firstViolation: input.result === 'no_penalty' && input.firstViolation,
        educationRecord: input.educationRecord ?? input.reason ?? null,
        decisionDocNo: docNumber,
        decisionContact: { ...contact, payWithinDays: input.payWithinDays },
      };
      return {
        set,
        after: {
          status: 'decided',
          result: input.result,
          decidedOn: input.decidedOn,
          penalties,
          decisionDocNo: docNumber,
          discretionReason,
          firstViolation: set.firstViolation,
          educationRecord: set.educationRecord,
        },
        on: input.decidedOn,
      };
    },
    { checkAllowed: false },
  );

export const serveCase = (ctx: ActorCtx, id: string, input: { method: ServiceMethod; servedOn: string }) =>
  act(ctx, id, 'serve', async ({ c, today }) => {
    notFuture('servedOn', input.servedOn, today);
    notBefore('servedOn', input.servedOn, c.decidedOn, '决定日期');
    return {
      set: { servedOn: input.servedOn, serviceMethod: input.method, status: 'served' },
      after: { servedOn: input.servedOn, serviceMethod: input.method, status: 'served' },
      on: input.servedOn,
    };
  });

export const payFine = (ctx: ActorCtx, id: string, input: { paidOn: string; amount: number }) =>
  act(ctx, id, 'pay', async ({ c, today }) => {
    notFuture('paidOn', input.paidOn, today);
    notBefore('paidOn', input.paidOn, c.decidedOn, '决定日期');
    const fine = fineOf(c.penalties as Penalty[]);
    const collected = Math.round((c.fineCollected + input.amount) * 100) / 100;
    if (collected > fine) throw fieldError('amount', `缴纳金额合计 ${collected} 元超过罚款 ${fine} 元`);
    const payments = [...(c.payments as { paidOn: string; amount: number }[]), { paidOn: input.paidOn, amount: input.amount }];
    return { set: { payments, fineCollected: collected }, after: { payments, fineCollected: collected }, on: input.paidOn };
  });

/**
 * 暂缓或者分期缴纳 (行政处罚法第六十六条第二款): the party applies, the head approves a schedule covering what is
 * still owed, each date after the approval; the payment clock then follows the schedule.
 */
export const approveInstalments = (ctx: ActorCtx, id: string, input: InstalmentInput) =>
  act(ctx, id, 'instalments', async ({ tx, c, today }) => {
    notFuture('approvedOn', input.approvedOn, today);
    notBefore('requestedOn', input.requestedOn, c.servedOn, '送达日期');
    notBefore('approvedOn', input.approvedOn, input.requestedOn, '申请日期');
    const approver = await userWithAction(tx, c.orgId, input.approverId, 'enforcement.approve', 'approverId', '批准的负责人');
    let prev = input.approvedOn;
    input.schedule.forEach((p, i) => {
      if (p.dueOn <= prev) throw fieldError(`schedule.${i}.dueOn`, i ? '各期缴纳日期应依次在前一期之后' : '缴纳日期应在批准日期之后');
      prev = p.dueOn;
    });
    const owed = Math.round((fineOf(c.penalties as Penalty[]) - c.fineCollected) * 100) / 100;
    const planned = Math.round(input.schedule.reduce((sum, p) => sum + p.amount, 0) * 100) / 100;
    if (planned !== owed) throw fieldError('schedule', `缴纳计划合计 ${planned} 元，应等于尚未缴纳的罚款 ${owed} 元`);
    const instalments: Instalments = { ...input, approverId: approver.id, approverName: approver.name };
    return { set: { instalments }, after: { instalments }, on: input.approvedOn };
  });

export const applyCourt = (ctx: ActorCtx, id: string, input: { appliedOn: string; court: string }) =>
  act(ctx, id, 'applyCourt', async ({ c, today }) => {
    notFuture('appliedOn', input.appliedOn, today);
    notBefore('appliedOn', input.appliedOn, c.servedOn, '送达日期');
    return { set: { courtApplication: input }, after: { courtApplication: input }, on: input.appliedOn };
  });

export const closeCase = (ctx: ActorCtx, id: string, closedOn: string) =>
  act(ctx, id, 'close', async ({ c, today }) => {
    notFuture('closedOn', closedOn, today);
    notBefore('closedOn', closedOn, c.servedOn, '送达日期');
    return { set: { closedOn, status: 'closed' }, after: { closedOn, status: 'closed' }, on: closedOn };
  });

export const publishDecision = (ctx: ActorCtx, id: string, publishedOn: string) =>
  act(ctx, id, 'publish', async ({ c, today }) => {
    notFuture('publishedOn', publishedOn, today);
    notBefore('publishedOn', publishedOn, c.decidedOn, '决定日期');
    return { set: { publishedOn }, after: { publishedOn }, on: publishedOn };
  });

export const revokeDecision = (ctx: ActorCtx, id: string, input: { revokedOn: string; reason: string }) =>
  act(ctx, id, 'revoke', async ({ c, today }) => {
    notFuture('revokedOn', input.revokedOn, today);
    notBefore('revokedOn', input.revokedOn, c.decidedOn, '决定日期');
    return { set: { revokedOn: input.revokedOn }, after: { revokedOn: input.revokedOn, reason: input.reason }, on: input.revokedOn };
  });

export const withdrawPublication = (ctx: ActorCtx, id: string, withdrawnOn: string) =>
  act(ctx, id, 'withdrawPublication', async ({ c, today }) => {
    notFuture('withdrawnOn', withdrawnOn, today);
    notBefore('withdrawnOn', withdrawnOn, c.revokedOn, '撤销日期');
    return { set: { withdrawnOn }, after: { withdrawnOn }, on: withdrawnOn };
  });

// ---------------------------------------------------------------------------------------------
// Reads

const penaltyView = (p: Penalty) => ({ type: p.type, typeLabel: PENALTY_TYPE_LABELS[p.type], amount: p.amount ?? null, note: p.note ?? null });

/** The columns a list row shows (the detail's jsonb — steps, inquiries, reviews … — stays out of the list). */
const SUMMARY_COLUMNS = {
  id: enforcementCases.id,
  orgId: enforcementCases.orgId,
  caseNo: enforcementCases.caseNo,
  source: enforcementCases.source,
  partyKind: enforcementCases.partyKind,
  partyName: enforcementCases.partyName,
  violation: enforcementCases.violation,
  status: enforcementCases.status,
  filedOn: enforcementCases.filedOn,
  decidedOn: enforcementCases.decidedOn,
  result: enforcementCases.result,
  heaviestPenalty: enforcementCases.heaviestPenalty,
  fineAmount: enforcementCases.fineAmount,
  imported: enforcementCases.imported,
};

function summary(c: Pick<CaseRow, keyof typeof SUMMARY_COLUMNS>): CaseSummary {
  return {
    id: c.id,
    orgId: c.orgId,
    caseNo: c.caseNo,
    source: c.source as CaseSource,
    sourceLabel: CASE_SOURCE_LABELS[c.source as CaseSource],
    partyKind: c.partyKind as PartyKind,
    partyName: c.partyName || '（历史导入，未载当事人）',
    violation: c.violation,
    status: c.status as CaseStatus,
    statusLabel: CASE_STATUS_LABELS[c.status as CaseStatus],
    filedOn: c.filedOn,
    decidedOn: c.decidedOn,
    result: c.result,
    resultLabel: c.result ? CASE_RESULT_LABELS[c.result as CaseResult] : null,
    heaviestPenalty: c.heaviestPenalty as PenaltyType | null,
    fineAmount: c.fineAmount,
    imported: c.imported,
  };
}

export async function listCases(ctx: ActorCtx, q: CaseListQuery): Promise<CasePage> {
  const org = await readableOrg(ctx, q.orgId);
  const t = enforcementCases;
  const where: SQL[] = [eq(t.orgId, org.id)];
  if (q.status) where.push(eq(t.status, q.status));
  if (q.source) where.push(eq(t.source, q.source));
  if (q.result) where.push(eq(t.result, q.result));
  if (q.year) where.push(sql`${t.filedOn} >= ${`${q.year}-01-01`} AND ${t.filedOn} <= ${`${q.year}-12-31`}`);
  if (q.q) where.push(sql`(${ilike(t.caseNo, likeTerm(q.q))} OR ${ilike(t.partyName, likeTerm(q.q))})`);
  // The page through the (org, filed_on) index and the count apart: a window count over the whole filter
  // would read (and sort) every matching case for 20 rows — 100,000 in a bureau that imported its history.
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select(SUMMARY_COLUMNS)
      .from(t)
      .where(and(...where))
      .orderBy(desc(t.filedOn), desc(t.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(t)
      .where(and(...where)),
  ]);
  return { items: rows.map(summary), total, page: q.page, pageSize: q.pageSize };
}

export async function loadCase(ctx: ActorCtx, id: string, action: 'enforcement.read' | 'enforcement.manage' = 'enforcement.read') {
  const [row] = await statement(ctx.db, 'enforcement.case_by_id', (db, name) =>
    db
      .select()
      .from(enforcementCases)
      .where(eq(enforcementCases.id, sql.placeholder('id')))
      .prepare(name),
  ).execute({ id });
  return guardRecord(ctx, row, action, WHAT);
}

export async function getCase(ctx: ActorCtx, id: string): Promise<CaseDetail> {
  const c = await loadCase(ctx, id);
  const today = todayInChina(ctx.now());
  const t = await thresholdsOf(ctx, c.orgId);
  const state = await caseState(ctx, c, today, t);
  const officerIds = c.officerIds as string[];
  const withdrawals = c.withdrawals as Withdrawal[];
  const inquiries = c.inquiries as Inquiry[];
  const allInspectorIds = [...new Set([...officerIds, ...withdrawals.map((w) => w.inspectorId), ...inquiries.flatMap((i) => i.officerIds)])];
  // the page's independent reads, sent together
  const [benchmark, officers, [approver], files, [referral]] = await together(ctx.db, [
    async () => (c.benchmarkId ? ((await benchmarksByIds(ctx, [c.benchmarkId])).get(c.benchmarkId) ?? null) : null),
    async () => (allInspectorIds.length ? ctx.db.select().from(inspectors).where(inArray(inspectors.id, allInspectorIds)) : []),
    async () => (c.approverId ? ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, c.approverId)) : []),
    () =>
      statement(ctx.db, 'enforcement.case_files', (db, name) =>
        db
          .select({
            id: enforcementCaseFiles.id,
            kind: enforcementCaseFiles.kind,
            title: enforcementCaseFiles.title,
            collectedOn: enforcementCaseFiles.collectedOn,
            fileName: enforcementCaseFiles.fileName,
            size: enforcementCaseFiles.size,
          })
          .from(enforcementCaseFiles)
          .where(eq(enforcementCaseFiles.caseId, sql.placeholder('caseId')))
          .orderBy(asc(enforcementCaseFiles.collectedOn), asc(enforcementCaseFiles.createdAt))
          .prepare(name),
      ).execute({ caseId: c.id }),
    async () =>
      c.referralId ? ctx.db.select({ code: enforcementReferrals.code }).from(enforcementReferrals).where(eq(enforcementReferrals.id, c.referralId)) : [],
  ] as const);
  const nameOf = (iid: string) => officers.find((o) => o.id === iid)?.name ?? '（已删除）';
  const proposal = c.proposal as Proposal | null;
  const reasons = reviewReasons(
    { partyKind: c.partyKind as PartyKind, penalties: proposal?.penalties ?? [], hearingHeldOn: c.hearingHeldOn, major: c.major },
    t,
  );
  const cal = await loadWorkCalendar(ctx.db);
  const clocks: ClockView[] = clockSpecs(c, state.hearingEligible).map((k) => {
    const r = computeClock(cal, k.spec, today);
    return {
      kind: k.kind,
      label: DUE_KIND_LABELS[k.kind] ?? k.label,
      start: k.spec.start,
      due: r.due,
      unit: r.unit,
      state: r.state,
      daysLeft: r.daysLeft,
      provisional: r.provisional,
      explanation: r.explanation,
    };
  });
  const level = benchmark && proposal ? (benchmark.levels as BenchmarkRange['levels']).find((l) => l.circumstance === proposal.circumstance) : undefined;
  const documents: CaseDetail['documents'] = [];
  if (c.noticeOn && !c.imported) documents.push({ doc: 'notice', label: '行政处罚事先告知书' });
  if (c.decisionDocNo) documents.push({ doc: 'decision', label: c.result === 'penalty' ? '行政处罚决定书' : '不予行政处罚决定书' });
  const STEP_LABELS: Record<string, string> = {
    open: '报请立案',
    approve: '批准立案',
    refuseFiling: '不予立案',
    import: '历史案件导入',
    ...CASE_ACTION_LABELS,
  };
  return {
    ...summary(c),
    referralId: c.referralId,
    referralCode: referral?.code ?? null,
    unitId: c.unitId,
    partyIdNo: c.partyIdNo,
    partyAddress: c.partyAddress,
    benchmarkId: c.benchmarkId,
    circumstance: proposal?.circumstance ?? null,
    circumstanceLabel: proposal ? CIRCUMSTANCE_LABELS[proposal.circumstance] : null,
    facts: c.facts,
    officers: officerIds.map((oid) => {
      const o = officers.find((x) => x.id === oid);
      return { id: oid, name: o?.name ?? '（已删除）', certificateNo: o?.certificateNo ?? '', certExpiresOn: o?.certExpiresOn ?? '' };
    }),
    major: c.major,
    approverName: approver?.name ?? null,
    extensions: (c.extensions as Extension[]).map((e) => ({ days: e.days, reason: e.reason, approverName: e.approverName, approvedOn: e.approvedOn })),
    withdrawals: withdrawals.map((w) => ({
      id: w.id,
      inspectorName: nameOf(w.inspectorId),
      reason: w.reason,
      requestedOn: w.requestedOn,
      status: w.status,
      statusLabel: { pending: '待决定', granted: '准予回避', refused: '不予回避' }[w.status],
      decidedOn: w.decidedOn,
    })),
    inquiries: inquiries.map((i) => ({
      id: i.id,
      heldOn: i.heldOn,
      place: i.place,
      person: i.person,
      officerNames: i.officerIds.map(nameOf),
      content: i.content,
    })),
    evidence: files.map((f) => ({ ...f, kind: f.kind as EvidenceKind, kindLabel: EVIDENCE_KIND_LABELS[f.kind as EvidenceKind] })),
    proposal: proposal
      ? {
          circumstance: proposal.circumstance,
          circumstanceLabel: CIRCUMSTANCE_LABELS[proposal.circumstance],
          penalties: proposal.penalties.map(penaltyView),
          discretionReason: proposal.discretionReason,
          outsideRecommended: benchmark ? outsideRecommended(rangeOf(benchmark), proposal.circumstance, proposal.penalties) : false,
          recommended: level ? { min: level.min, max: level.max } : null,
        }
      : null,
    noticeOn: c.noticeOn,
    noticeServedOn: c.noticeServedOn,
    hearingRequestedOn: c.hearingRequestedOn,
    hearingNoticeOn: c.hearingNoticeOn,
    hearingOn: c.hearingOn,
    hearingHeldOn: c.hearingHeldOn,
    hearingRecord: c.hearingRecord,
    hearingEligible: state.hearingEligible,
    reviewRequired: reasons.length > 0,
    reviewRequiredBecause: reasons,
    reviews: (c.reviews as Review[]).map((r) => ({
      reviewerName: r.reviewerName,
      reviewedOn: r.reviewedOn,
      checklist: REVIEW_ITEMS.filter((k) => r.checklist[k] !== undefined).map((k) => ({ item: k, label: REVIEW_ITEM_LABELS[k], passed: !!r.checklist[k] })),
      opinion: r.opinion,
      result: r.result,
      resultLabel: REVIEW_RESULT_LABELS[r.result],
    })),
    reviewResult: c.reviewResult as 'passed' | 'returned' | null,
    discussionRequired: state.discussionRequired,
    discussion: c.discussion as CaseDetail['discussion'],
    penalties: (c.penalties as Penalty[]).map(penaltyView),
    discretionReason: c.discretionReason,
    firstViolation: c.firstViolation,
    educationRecord: c.educationRecord,
    decisionDocNo: c.decisionDocNo,
    servedOn: c.servedOn,
    serviceMethod: c.serviceMethod as ServiceMethod | null,
    serviceMethodLabel: c.serviceMethod ? SERVICE_METHOD_LABELS[c.serviceMethod as ServiceMethod] : null,
    payments: c.payments as { paidOn: string; amount: number }[],
    fineCollected: c.fineCollected,
    instalments: instalmentsView(c),
    filingRefusal: (() => {
      const r = (c.steps as Step[]).find((x) => x.step === 'refuseFiling');
      return r ? { refusedOn: r.on, reason: r.note ?? '', approverName: r.actorName } : null;
    })(),
    courtApplication: c.courtApplication as CaseDetail['courtApplication'],
    publishedOn: c.publishedOn,
    revokedOn: c.revokedOn,
    withdrawnOn: c.withdrawnOn,
    closedOn: c.closedOn,
    steps: (c.steps as Step[]).map((s) => ({ step: s.step, label: STEP_LABELS[s.step] ?? s.step, on: s.on, actorName: s.actorName })),
    clocks,
    allowedActions: allowedCaseActions(state),
    documents,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The approved schedule with each part marked paid when the payments cover it (earliest parts first). */
function instalmentsView(c: CaseRow): CaseDetail['instalments'] {
  const plan = c.instalments as Instalments | null;
  if (!plan) return null;
  const fine = fineOf(c.penalties as Penalty[]);
  let target = fine - plan.schedule.reduce((sum, p) => sum + p.amount, 0);
  return {
    kindLabel: plan.schedule.length > 1 ? `分期缴纳（${plan.schedule.length} 期）` : '暂缓缴纳',
    requestedOn: plan.requestedOn,
    approvedOn: plan.approvedOn,
    approverName: plan.approverName,
    reason: plan.reason,
    schedule: plan.schedule.map((p) => {
      target = Math.round((target + p.amount) * 100) / 100;
      return { dueOn: p.dueOn, amount: p.amount, paid: c.fineCollected >= target };
    }),
  };
}

export const DUE_KIND_LABELS: Record<string, string> = {
  'enforcement.decision': '行政处罚决定期限',
  'enforcement.payment': '缴纳罚款期限',
  'enforcement.hearingRequest': '听证申请期限',
  'enforcement.publication': '行政处罚决定公开期限',
  'enforcement.withdrawal': '撤回公开期限',
};

export async function caseFile(ctx: ActorCtx, id: string, fileId: string) {
  const c = await loadCase(ctx, id);
  const [f] = await ctx.db
    .select()
    .from(enforcementCaseFiles)
    .where(and(eq(enforcementCaseFiles.id, fileId), eq(enforcementCaseFiles.caseId, c.id)));
  if (!f) throw notFound('证据文件');
  return f;
}
