/**
 * 政府信息公开申请: intake at the desk, the list and its export, the detail, and the actions that move
 * the clock — correction notice and corrected application (art. 30), consultation of a third party or
 * agency (arts. 32, 34), one approved extension (art. 33), the decision with exactly one outcome
 * (arts. 35–39). Every write runs in one transaction with its audit event and keeps the kernel
 * `clocks` rows (what the dashboard shows) in step (`act`).
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize, hasAction } from '../../../kernel/auth/policy.js';
import { addWorkingDays, computeClock, yearOf, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { storedDue, storedSnapshotColumns } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { fieldError, notFound } from '../../../kernel/http/errors.js';
import { inOrgs, likeTerm, type OrgScope } from '../../../kernel/db/paging.js';
import { writeSheet } from '../../../kernel/documents/index.js';
import { clocks, users } from '../../../kernel/schema.js';
import { readableOrg } from '../../../kernel/tenancy/index.js';
import { act, loadApplication } from '../act.js';
import { knownDay, notBefore, notFuture } from '../dates.js';
import { assertUnpaidFeeOutcome } from '../fees/fee.service.js';
import { OUTCOME_BY_CODE, type AccessMode } from '../labels.js';
import { disclosureApplications, type ApplicationRow, type ConsultationRecord } from '../schema.js';
import { CLOCK_ENTITY, CLOCK_KIND_REPLY, CORRECTION_NOTICE_DAYS, consultationOpen, MAX_EXTENSION, replyClockSpec, withLapses } from './clock.js';
import { syncClocks } from './clocks.service.js';
import type {
  ApplicationDetail,
  ApplicationInput,
  ApplicationListItem,
  ApplicationListQuery,
  ApplicationPage,
  ConsultationEndInput,
  ConsultationStartInput,
  CorrectedInput,
  CorrectionInput,
  CreatedApplication,
  DecisionInput,
  DuplicateWarning,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  ExtensionInput,
} from './contracts.js';
import { detailOf, presentListItem } from './present.js';
import { assertOutcomeAllowed, auditView, contentKey, newTrackingCode } from './rules.js';

// ---------------------------------------------------------------------------------------------
// Duplicate warning

async function duplicateWarning(ctx: Ctx, orgId: string, applicantName: string, key: string, exceptId?: string): Promise<DuplicateWarning | null> {
  if (key.length < 4) return null;
  const rows = await ctx.db
    .select({ id: disclosureApplications.id, trackingCode: disclosureApplications.trackingCode, receivedOn: disclosureApplications.receivedOn })
    .from(disclosureApplications)
    .where(
      and(
        eq(disclosureApplications.orgId, orgId),
        eq(disclosureApplications.applicantName, applicantName),
        sql`(${disclosureApplications.contentKey} = ${key} OR (length(${disclosureApplications.contentKey}) >= 4 AND (strpos(${disclosureApplications.contentKey}, ${key}) > 0 OR strpos(${key}, ${disclosureApplications.contentKey}) > 0)))`,
        exceptId ? sql`${disclosureApplications.id} <> ${exceptId}` : undefined,
      ),
    )
    .orderBy(desc(disclosureApplications.receivedOn))
    .limit(10);
  if (!rows.length) return null;
  return {
    code: 'duplicate',
    message: `可能是重复申请：同一申请人此前提交过内容相同或相近的申请（${rows.map((x) => `${x.trackingCode}，${x.receivedOn}`).join('；')}），请核对（条例第三十六条第（六）项）`,
    applications: rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Intake

type NewApplication = ApplicationInput;

export async function insertApplication(ctx: Ctx, orgId: string, input: NewApplication, source: 'desk' | 'portal') {
  const cal = await loadWorkCalendar(ctx.db);
  knownDay(cal, 'receivedOn', input.receivedOn, '收到申请日期'); // a receipt date whose working days cannot be known is refused
  const key = contentKey(input.content);
  const warning = await duplicateWarning(ctx, orgId, input.applicantName, key);
  const now = ctx.now();
  const [row] = await ctx.db
    .insert(disclosureApplications)
    .values({
      orgId,
      trackingCode: newTrackingCode(),
      channel: input.channel,
      source,
      receivedOn: input.receivedOn,
      applicantType: input.applicantType,
      applicantName: input.applicantName,
      idType: input.idType || null,
      idNumber: input.idNumber ? input.idNumber.toUpperCase() : null,
      contact: input.contact || null,
      content: input.content,
      contentKey: key,
      formRequested: input.formRequested || null,
      status: 'processing',
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordEvent(ctx, { orgId, action: 'disclosure.application.create', entityType: 'disclosureApplication', entityId: row!.id, after: auditView(row!) });
  await syncClocks(ctx, row!, cal);
  return { row: row!, warnings: warning ? [warning] : [] };
}

export async function createApplication(ctx: ActorCtx, input: NewApplication): Promise<CreatedApplication> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'disclosure.handle', { orgId, orgPath: ctx.actor.orgPath });
  notFuture(ctx, 'receivedOn', input.receivedOn, '收到申请日期');
  return inTx(ctx, async (tx) => {
    const { row, warnings } = await insertApplication(tx, orgId, input, 'desk');
    return { application: await detailOf(tx, row), warnings };
  });
}

// ---------------------------------------------------------------------------------------------
// Read

/** The org a list reads (own, or a readable descendant), its WHERE clause and ORDER BY. */
async function applicationScope(ctx: ActorCtx, q: ApplicationListQuery) {
  const org = await readableOrg(ctx, q.orgId);
  const t = disclosureApplications;
  const where: SQL[] = [eq(t.orgId, org.id)];
  if (q.q) {
    const term = likeTerm(q.q);
    where.push(or(ilike(t.applicantName, term), ilike(t.content, term), ilike(t.trackingCode, term))!);
  }
  if (q.status) where.push(eq(t.status, q.status));
  if (q.channel) where.push(eq(t.channel, q.channel));
  if (q.applicantType) where.push(eq(t.applicantType, q.applicantType));
  if (q.outcome) where.push(eq(t.outcome, q.outcome));
  if (q.receivedFrom) where.push(gte(t.receivedOn, q.receivedFrom));
  if (q.receivedTo) where.push(lte(t.receivedOn, q.receivedTo));
  const sortCol = { receivedOn: t.receivedOn, decidedOn: t.decidedOn, applicantName: t.applicantName, createdAt: t.createdAt }[q.sort];
  return { org, cond: and(...where)!, orderBy: [q.order === 'desc' ? desc(sortCol) : asc(sortCol), asc(t.id)] };
}

export async function listApplications(ctx: ActorCtx, q: ApplicationListQuery): Promise<ApplicationPage> {
  const t = disclosureApplications;
  const { cond, orderBy } = await applicationScope(ctx, q);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(t)
    .where(cond);
  const rows = await ctx.db
    .select({ app: t, snap: storedSnapshotColumns })
    .from(t)
    .leftJoin(
      clocks,
      and(eq(clocks.orgId, t.orgId), eq(clocks.entityType, CLOCK_ENTITY), eq(clocks.entityId, sql`${t.id}::text`), eq(clocks.kind, CLOCK_KIND_REPLY)),
    )
    .where(cond)
    .orderBy(...orderBy)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const today = todayInChina(ctx.now());
  const cal = rows.length ? await loadWorkCalendar(ctx.db) : null;
  const items = rows.map(({ app: r, snap }) => {
    // the reply clock's stored snapshot unless a consultation may have lapsed since it was written
    const stored = r.decidedOn || !r.consultations.some(consultationOpen) ? storedDue(snap, cal!, today, yearOf(r.receivedOn)) : null;
    if (stored) return { ...presentListItem(r), ...stored };
    // a period reaching a year whose schedule is not entered yet has a provisional (预计) due date
    const live = withLapses(r, cal!, today);
    const c = computeClock(cal!, replyClockSpec(live, cal!), today);
    return { ...presentListItem(live), due: c.due, provisional: c.provisional, provisionalYears: c.provisionalYears, clockState: c.state };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Every application matching the list filters as an .xlsx; identity numbers masked like the list. */
export async function exportApplications(ctx: ActorCtx, q: ApplicationListQuery): Promise<{ buffer: Buffer; fileName: string }> {
  const { org, cond, orderBy } = await applicationScope(ctx, q);
  const rows = await ctx.db
    .select()
    .from(disclosureApplications)
    .where(cond)
    .orderBy(...orderBy);
  const columns = [
    ['trackingCode', '查询码'],
    ['receivedOn', '收到申请日期'],
    ['channelLabel', '申请渠道'],
    ['applicantTypeLabel', '申请人类型'],
    ['applicantName', '申请人'],
    ['idNumberMasked', '证件号码'],
    ['content', '申请内容'],
    ['statusLabel', '状态'],
    ['decidedOn', '答复日期'],
    ['outcomeLabel', '办理结果'],
  ] as const;
  const buffer = await writeSheet({
    sheetName: '政府信息公开申请',
    columns: columns.map(([key, header]) => ({ key, header })),
    rows: rows.map((r) => {
      const v = presentListItem(r);
      return Object.fromEntries(columns.map(([key]) => [key, v[key]]));
    }),
  });
  return { buffer, fileName: `政府信息公开申请-${org.name}-${todayInChina(ctx.now()).replace(/-/g, '')}.xlsx` };
}

/** Applications of one org by id (drill-down), in receipt order, masked. */
export async function applicationsByIds(ctx: Ctx, orgId: OrgScope, ids: string[]): Promise<ApplicationListItem[]> {
  const out: ApplicationListItem[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await ctx.db
      .select()
      .from(disclosureApplications)
      .where(and(inOrgs(disclosureApplications.orgId, orgId), inArray(disclosureApplications.id, ids.slice(i, i + 5000))));
    out.push(...rows.map(presentListItem));
  }
  return out.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id));
}

export async function getApplication(ctx: ActorCtx, id: string): Promise<ApplicationDetail> {
  const { a } = await loadApplication(ctx, id, 'disclosure.read');
  return detailOf(ctx, a);
}

/**
 * 补正通知 (art. 30): one notice; after 7 working days it is still recorded, flagged late. A period
 * whose last day is not a working day ends on the next working day (RULES.md §1): the deadline is
 * stored that way, so the letter, the detail and the 逾期不补正 guard state the same day.
 */
export function sendCorrection(ctx: ActorCtx, id: string, input: CorrectionInput) {
  notFuture(ctx, 'sentOn', input.sentOn, '补正通知发出日期');
  return act(ctx, id, 'disclosure.application.correction', (r, _tx, cal) => {
    if (r.correctionSentOn) throw fieldError('sentOn', `补正通知应一次性告知，本申请已于 ${r.correctionSentOn} 发出过补正通知`, 'conflict');
    notBefore('sentOn', input.sentOn, '补正通知发出日期', r.receivedOn, '收到申请日期');
    if (input.deadline <= input.sentOn) throw fieldError('deadline', `补正期限 ${input.deadline} 应晚于补正通知发出日期 ${input.sentOn}`);
    knownDay(cal, 'deadline', input.deadline, '补正期限');
    if (r.consultations.some(consultationOpen)) throw fieldError('sentOn', '征求意见尚未结束，不能发出补正通知');
    const deadline = cal.isWorkingDay(input.deadline) ? input.deadline : addWorkingDays(cal, input.deadline, 1).due;
    const limit = addWorkingDays(cal, r.receivedOn, CORRECTION_NOTICE_DAYS).due;
    return { correctionSentOn: input.sentOn, correctionDeadline: deadline, correctionItems: input.items, correctionLate: input.sentOn > limit };
  });
}

/** 收到补正后的申请: the reply period restarts from that day (art. 30). */
export function receiveCorrected(ctx: ActorCtx, id: string, input: CorrectedInput) {
  notFuture(ctx, 'receivedOn', input.receivedOn, '收到补正申请日期');
  return act(ctx, id, 'disclosure.application.corrected', (r, _tx, cal) => {
    if (!r.correctionSentOn) throw fieldError('receivedOn', '本申请没有发出补正通知，不能登记补正', 'conflict');
    if (r.correctedOn) throw fieldError('receivedOn', `已于 ${r.correctedOn} 收到补正申请`, 'conflict');
    notBefore('receivedOn', input.receivedOn, '收到补正申请日期', r.correctionSentOn, '补正通知发出日期');
    knownDay(cal, 'receivedOn', input.receivedOn, '收到补正申请日期');
    return { correctedOn: input.receivedOn };
  });
}

export function startConsultation(ctx: ActorCtx, id: string, input: ConsultationStartInput) {
  notFuture(ctx, 'startedOn', input.startedOn, '征求意见函发出日期');
  return act(ctx, id, 'disclosure.application.consultation_start', (r, _tx, cal) => {
    if (r.correctionSentOn && !r.correctedOn) throw fieldError('startedOn', '申请正在等待补正，补正后才能征求意见');
    if (r.correctedOn) notBefore('startedOn', input.startedOn, '征求意见函发出日期', r.correctedOn, '收到补正申请日期');
    else notBefore('startedOn', input.startedOn, '征求意见函发出日期', r.receivedOn, '收到申请日期');
    if (r.consultations.some(consultationOpen)) throw fieldError('startedOn', '上一次征求意见尚未结束，请先登记收到答复的日期', 'conflict');
    const last = r.consultations[r.consultations.length - 1];
    if (last?.to && input.startedOn <= last.to) throw fieldError('startedOn', `征求意见函发出日期应晚于上一次征求意见结束日期 ${last.to}`);
    knownDay(cal, 'startedOn', input.startedOn, '征求意见函发出日期');
    const c: ConsultationRecord = {
      id: crypto.randomUUID(),
      kind: input.kind,
      party: input.party,
      from: input.startedOn,
      ...(input.kind === 'third_party' && input.partyType ? { partyType: input.partyType } : {}),
    };
    return { consultations: [...r.consultations, c] };
  });
}

/** The answer of a consultation; a late one (after the 15 working days) is recorded but pauses nothing more. */
export function endConsultation(ctx: ActorCtx, id: string, consultationId: string, input: ConsultationEndInput) {
  notFuture(ctx, 'endedOn', input.endedOn, '收到答复日期');
  return act(ctx, id, 'disclosure.application.consultation_end', (r) => {
    const c = r.consultations.find((x) => x.id === consultationId);
    if (!c) throw notFound('征求意见记录');
    if (c.to) throw fieldError('endedOn', `该次征求意见已于 ${c.to} 结束`, 'conflict');
    notBefore('endedOn', input.endedOn, '收到答复日期', c.from, '征求意见函发出日期');
    return { consultations: r.consultations.map((x) => (x.id === consultationId ? { ...x, to: input.endedOn } : x)) };
  });
}

/** What every extension must satisfy (art. 33): the first, at most 20 working days, before the period runs out. */
function checkExtension(r: ApplicationRow, cal: WorkCalendar, days: number, on: string, onField: string, onLabel: string) {
  if (r.extensionDays) {
    throw fieldError(
      'days',
      `延长答复期限只能一次（条例第三十三条）：本申请已于 ${r.extensionApprovedOn} 延长 ${r.extensionDays} 个工作日`,
      'disclosure.second_extension',
    );
  }
  if (days > MAX_EXTENSION) {
    throw fieldError('days', `延长答复期限最长不超过 ${MAX_EXTENSION} 个工作日（条例第三十三条），申请延长 ${days} 个工作日`, 'disclosure.extension_too_long');
  }
  if (r.correctedOn) notBefore(onField, on, onLabel, r.correctedOn, '收到补正申请日期');
  else notBefore(onField, on, onLabel, r.receivedOn, '收到申请日期');
  const current = computeClock(cal, replyClockSpec(r, cal), on);
  if (current.due && on > current.due) {
    throw fieldError(onField, `答复期限已于 ${current.due} 届满，届满后不能再批准延期（${onLabel} ${on}）`);
  }
}

/** The fields a decided request leaves: none of the request. */
const REQUEST_CLEARED = { extensionRequestDays: null, extensionRequestReason: null, extensionRequestedBy: null, extensionRequestedOn: null } as const;

/**
 * 延期 (art. 33): once, at most 20 working days, approved by the head of the disclosure office (a
 * user holding `disclosure.approve` in the same org), before the period runs out. Recorded directly
 * by the head, or by the desk naming the head who approved it on paper; a pending request is settled.
 */
export async function extendApplication(ctx: ActorCtx, id: string, input: ExtensionInput) {
  const approving = hasAction(ctx.actor, 'disclosure.approve');
  notFuture(ctx, 'approvedOn', input.approvedOn, '批准日期');
  if (input.noticeOn) notFuture(ctx, 'noticeOn', input.noticeOn, '告知申请人日期');
  return act(
    ctx,
    id,
    'disclosure.application.extension',
    async (r, tx, cal) => {
      checkExtension(r, cal, input.days, input.approvedOn, 'approvedOn', '批准日期');
      const approverId = input.approvedBy ?? (approving ? ctx.actor.userId : undefined);
      if (!approverId)
        throw fieldError(
          'approvedBy',
          '延长答复期限须经政府信息公开工作机构负责人同意：请填写批准人（具有审批权限的局领导）',
          'disclosure.extension_not_approved',
        );
      const [approver] = await tx.db
        .select({ orgId: users.orgId, roles: users.roles, displayName: users.displayName, status: users.status })
        .from(users)
        .where(eq(users.id, approverId));
      const mayApprove =
        approver &&
        approver.orgId === r.orgId &&
        approver.status === 'active' &&
        hasAction({ ...ctx.actor, roles: approver.roles as ActorCtx['actor']['roles'] }, 'disclosure.approve');
      if (!mayApprove) {
        throw fieldError(
          'approvedBy',
          `延长答复期限须经政府信息公开工作机构负责人同意（条例第三十三条）：${approver ? `“${approver.displayName}”没有审批延期的权限` : '批准人不存在'}，应由本机关具有审批权限的局领导批准`,
          'disclosure.extension_not_approved',
        );
      }
      if (input.noticeOn) notBefore('noticeOn', input.noticeOn, '告知申请人日期', input.approvedOn, '批准日期');
      return {
        extensionDays: input.days,
        extensionReason: input.reason,
        extensionApprovedBy: approverId,
        extensionApprovedOn: input.approvedOn,
        extensionNoticeOn: input.noticeOn ?? null,
        ...REQUEST_CLEARED,
      };
    },
    approving && !hasAction(ctx.actor, 'disclosure.handle') ? 'disclosure.approve' : 'disclosure.handle',
  );
}

/** 报请延期: the desk asks the head; the request waits in the head's 待我审批 until decided. */
export function requestExtension(ctx: ActorCtx, id: string, input: ExtensionRequestInput) {
  const today = todayInChina(ctx.now());
  return act(ctx, id, 'disclosure.application.extension_request', (r, _tx, cal) => {
    if (r.extensionRequestedOn) {
      throw fieldError('days', `已于 ${r.extensionRequestedOn} 报请延长 ${r.extensionRequestDays} 个工作日，正待负责人批准`, 'conflict');
    }
    checkExtension(r, cal, input.days, today, 'days', '报请日期');
    return {
      extensionRequestDays: input.days,
      extensionRequestReason: input.reason,
      extensionRequestedBy: ctx.actor.userId,
      extensionRequestedOn: today,
      extensionRefusedOn: null,
      extensionRefusalReason: null,
    };
  });
}

/** The head's decision on a request: approved today (the extension runs), or refused with the reason kept on the record. */
export function decideExtensionRequest(ctx: ActorCtx, id: string, input: ExtensionDecisionInput) {
  const today = todayInChina(ctx.now());
  if (input.noticeOn) notFuture(ctx, 'noticeOn', input.noticeOn, '告知申请人日期');
  return act(
    ctx,
    id,
    input.approve ? 'disclosure.application.extension' : 'disclosure.application.extension_refused',
    (r, _tx, cal) => {
      if (!r.extensionRequestedOn || !r.extensionRequestDays) throw fieldError('approve', '本申请没有待批准的延期报请', 'conflict');
      if (!input.approve) return { ...REQUEST_CLEARED, extensionRefusedOn: today, extensionRefusalReason: input.reason! };
      checkExtension(r, cal, r.extensionRequestDays, today, 'approve', '批准日期');
      if (input.noticeOn) notBefore('noticeOn', input.noticeOn, '告知申请人日期', today, '批准日期');
      return {
        extensionDays: r.extensionRequestDays,
        extensionReason: r.extensionRequestReason,
        extensionApprovedBy: ctx.actor.userId,
        extensionApprovedOn: today,
        extensionNoticeOn: input.noticeOn ?? null,
        ...REQUEST_CLEARED,
      };
    },
    'disclosure.approve',
  );
}

/** 答复: exactly one outcome, allowed by the record; not before anything it follows; once. */
export function decideApplication(ctx: ActorCtx, id: string, input: DecisionInput) {
  notFuture(ctx, 'decidedOn', input.decidedOn, '答复日期');
  const group = OUTCOME_BY_CODE[input.outcome].group;
  const providing = group === 'disclosed' || group === 'partial';
  const accessMode: AccessMode | null = providing ? (input.accessMode ?? 'attached') : null;
  if (accessMode && accessMode !== 'attached' && !input.accessNote) {
    throw fieldError(
      'accessNote',
      accessMode === 'published'
        ? '已主动公开的，应告知获取该政府信息的方式和途径（条例第三十六条第（一）项）：请填写获取方式和途径'
        : '请填写申请人获取该政府信息的方式、途径和时间（条例第三十六条第（二）项）',
    );
  }
  if (input.outcome === 'unavailable.not_ours' && !input.holderAgency) {
    throw fieldError(
      'holderAgency',
      '不属于本机关负责公开的，应告知申请人负责公开该政府信息的行政机关的名称、联系方式（条例第三十六条第（五）项）：请填写负责公开的行政机关',
    );
  }
  return act(ctx, id, 'disclosure.application.decide', async (r, tx, cal) => {
    const d = input.decidedOn;
    notBefore('decidedOn', d, '答复日期', r.receivedOn, '收到申请日期');
    notBefore('decidedOn', d, '答复日期', r.correctionSentOn, '补正通知发出日期');
    notBefore('decidedOn', d, '答复日期', r.correctedOn, '收到补正申请日期');
    notBefore('decidedOn', d, '答复日期', r.feeNoticeOn, '收费通知日期');
    notBefore('decidedOn', d, '答复日期', r.extensionApprovedOn, '延期批准日期');
    const lastConsultation = r.consultations
      .map((c) => c.from)
      .sort()
      .at(-1);
    notBefore('decidedOn', d, '答复日期', lastConsultation, '征求意见函发出日期');
    assertOutcomeAllowed(r, input.outcome, d);
    if (input.outcome === 'other.unpaid_fee') await assertUnpaidFeeOutcome(tx, cal, r, d);
    const consultations = r.consultations.map((c) => (consultationOpen(c) ? { ...c, to: d } : c));
    const notOurs = input.outcome === 'unavailable.not_ours';
    return {
      decidedOn: d,
      outcome: input.outcome,
      consultations,
      decisionReason: input.reason || null,
      accessMode,
      accessNote: accessMode && accessMode !== 'attached' ? (input.accessNote ?? null) : null,
      holderAgency: notOurs ? (input.holderAgency ?? null) : null,
      holderContact: notOurs ? input.holderContact || null : null,
    };
  });
}
