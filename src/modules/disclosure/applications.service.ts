/**
 * 政府信息公开申请: intake (desk and portal), list, detail with its statutory clock, and the
 * actions that move the clock — correction notice and corrected application (art. 30), consultation
 * of a third party or agency (arts. 32, 34), one approved extension (art. 33), the decision with
 * exactly one outcome (arts. 35–39). Every write runs in one transaction with its audit event and
 * keeps the kernel `clocks` rows (what the dashboard shows) in step.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inTx, type Actor, type Ctx } from '../../kernel/context.js';
import { recordEvent } from '../../kernel/audit/index.js';
import { authorize, hasAction } from '../../kernel/auth/policy.js';
import type { FeeBand } from './fees.js';
import { addWorkingDays, computeClock, computeClockOrPending, type ClockResult, type ClockSpec, type WorkCalendar } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import { AppError, conflict, notFound, validation } from '../../kernel/http/errors.js';
import { likeTerm, type Page } from '../../kernel/db/paging.js';
import { writeSheet } from '../../kernel/documents/index.js';
import { getSetting } from '../../kernel/settings.js';
import { clocks, orgs, users } from '../../kernel/schema.js';
import { readableOrg } from '../../kernel/tenancy/index.js';
import { disclosureApplications, type ConsultationRecord } from './schema.js';
import { assertUnpaidFeeOutcome, feeDeadline } from './fee.service.js';
import { APPLICANT_TYPE_LABELS, type ApplicantType, CHANNEL_DEFS, type Channel, OUTCOME_BY_CODE, type OutcomeCode } from './outcomes.js';
import {
  APPLICATION_STATUS_LABELS,
  type ApplicationInput,
  type ApplicationListQuery,
  type ApplicationStatus,
  type ConsultationEndInput,
  type ConsultationStartInput,
  type CorrectedInput,
  type CorrectionInput,
  type DecisionInput,
  type ExtensionInput,
  type PortalApplicationInput,
} from './contracts.js';

export type ActorCtx = Ctx & { actor: Actor };
export type ApplicationRow = typeof disclosureApplications.$inferSelect;

/** 条例第三十三条: reply within 20 working days; one extension of at most 20. */
export const REPLY_PERIOD = 20;
export const MAX_EXTENSION = 20;
/** 条例第三十条: correction notice within 7 working days of receipt. */
export const CORRECTION_NOTICE_DAYS = 7;
/** 条例第三十二条: a third party has 15 working days to answer. */
export const CONSULTATION_PERIOD = 15;

export const CLOCK_ENTITY = 'disclosureApplication';
export const CLOCK_KIND_REPLY = 'disclosure.reply';
export const CLOCK_KIND_CONSULTATION = 'disclosure.consultation';

// ---------------------------------------------------------------------------------------------
// Small pure helpers

/** 2101**********1234: first 4 and last 4 characters kept (shorter numbers keep less). */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return null;
  const n = idNumber.length;
  const keep = n >= 12 ? 4 : n >= 6 ? 2 : 0;
  return idNumber.slice(0, keep) + '*'.repeat(n - 2 * keep) + (keep ? idNumber.slice(n - keep) : '');
}

/** Content for the duplicate comparison: NFKC, lower case, no whitespace, punctuation or symbols. */
export function contentKey(content: string): string {
  return content.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Public tracking code (查询码): GK + 10 random characters without look-alikes. */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(10);
  let s = 'GK';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return s;
}

export function statusOf(r: Pick<ApplicationRow, 'decidedOn' | 'correctionSentOn' | 'correctedOn' | 'consultations'>): ApplicationStatus {
  if (r.decidedOn) return 'decided';
  if (r.correctionSentOn && !r.correctedOn) return 'awaiting_correction';
  if (r.consultations.some((c) => !c.to)) return 'consulting';
  return 'processing';
}

const CONSULT_LABEL = { third_party: '第三方', agency: '其他机关' } as const;

/** The reply clock of an application, as the kernel Clock model takes it. */
export function replyClockSpec(r: ApplicationRow, approverName?: string): ClockSpec {
  const spec: ClockSpec = { start: r.receivedOn, period: REPLY_PERIOD, unit: 'working' };
  if (r.correctedOn) spec.restarts = [{ on: r.correctedOn, reason: '收到申请人补正后的申请（条例第三十条），答复期限自收到补正申请之日起重新计算' }];
  const exclusions: NonNullable<ClockSpec['exclusions']> = [];
  if (r.correctionSentOn && !r.correctedOn) {
    exclusions.push({ from: r.correctionSentOn, reason: `已于 ${r.correctionSentOn} 发出补正通知，等待申请人补正（补正后重新起算）` });
  }
  if (r.feeNoticeOn) {
    const reason = `已于 ${r.feeNoticeOn} 发出收费通知，自发出收费通知之日至申请人缴纳费用之日不计入答复期限（《政府信息公开信息处理费管理办法》）`;
    const to = r.feePaidOn ?? r.decidedOn;
    exclusions.push(to ? { from: r.feeNoticeOn, to, reason } : { from: r.feeNoticeOn, reason });
  }
  for (const c of r.consultations) {
    const reason = `征求${CONSULT_LABEL[c.kind]}（${c.party}）意见，自发函之日至收到答复之日不计入答复期限（条例第三十二、三十四条）`;
    exclusions.push(c.to ? { from: c.from, to: c.to, reason } : { from: c.from, reason });
  }
  if (exclusions.length) spec.exclusions = exclusions;
  if (r.extensionDays) {
    spec.extensions = [
      {
        days: r.extensionDays,
        reason: `经政府信息公开工作机构负责人同意延长答复期限（条例第三十三条）：${r.extensionReason ?? ''}`,
        ...(approverName ? { approvedBy: approverName } : {}),
        ...(r.extensionApprovedOn ? { approvedOn: r.extensionApprovedOn } : {}),
      },
    ];
  }
  if (r.decidedOn) spec.completedOn = r.decidedOn;
  return spec;
}

function consultationSpec(c: ConsultationRecord): ClockSpec {
  return { start: c.from, period: CONSULTATION_PERIOD, unit: 'working', ...(c.to ? { completedOn: c.to } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Presentation

export interface ApplicationListItem {
  id: string;
  orgId: string;
  trackingCode: string;
  channel: Channel;
  channelLabel: string;
  source: string;
  receivedOn: string;
  applicantType: ApplicantType;
  applicantTypeLabel: string;
  applicantName: string;
  idType: string | null;
  idNumberMasked: string | null;
  content: string;
  status: ApplicationStatus;
  statusLabel: string;
  decidedOn: string | null;
  outcome: OutcomeCode | null;
  outcomeLabel: string | null;
  correctionLate: boolean;
}

export function presentListItem(r: ApplicationRow): ApplicationListItem {
  const channel = r.channel as Channel;
  const applicantType = r.applicantType as ApplicantType;
  const status = r.status as ApplicationStatus;
  const outcome = (r.outcome as OutcomeCode | null) ?? null;
  return {
    id: r.id,
    orgId: r.orgId,
    trackingCode: r.trackingCode,
    channel,
    channelLabel: CHANNEL_DEFS[channel]?.label ?? r.channel,
    source: r.source,
    receivedOn: r.receivedOn,
    applicantType,
    applicantTypeLabel: APPLICANT_TYPE_LABELS[applicantType] ?? r.applicantType,
    applicantName: r.applicantName,
    idType: r.idType,
    idNumberMasked: maskIdNumber(r.idNumber),
    content: r.content,
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status] ?? r.status,
    decidedOn: r.decidedOn,
    outcome,
    outcomeLabel: outcome ? (OUTCOME_BY_CODE[outcome]?.shortLabel ?? outcome) : null,
    correctionLate: r.correctionLate,
  };
}

/** The letters an application can have now (each needs its event to have happened). */
export function availableLetters(r: ApplicationRow): { kind: string; consultationId?: string }[] {
  const out: { kind: string; consultationId?: string }[] = [{ kind: 'receipt' }];
  if (r.correctionSentOn) out.push({ kind: 'correction' });
  for (const c of r.consultations) out.push({ kind: 'consultation', consultationId: c.id });
  if (r.extensionDays && r.extensionApprovedOn) out.push({ kind: 'extension' });
  if (r.feeNoticeOn) out.push({ kind: 'fee' });
  if (r.decidedOn && r.outcome) out.push({ kind: 'reply' });
  return out;
}

interface ClockView {
  due: string | null;
  state: ClockResult['state'];
  daysLeft: number | null;
  totalDays: number;
  effectiveStart: string;
  explanation: string[];
}
const clockView = (c: ClockResult): ClockView => ({ due: c.due, state: c.state, daysLeft: c.daysLeft, totalDays: c.totalDays, effectiveStart: c.effectiveStart, explanation: c.explanation });

async function approverName(ctx: Ctx, userId: string | null): Promise<string | undefined> {
  if (!userId) return undefined;
  const [u] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return u?.displayName;
}

async function detailOf(ctx: ActorCtx, r: ApplicationRow) {
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  const approver = await approverName(ctx, r.extensionApprovedBy);
  const clock = computeClockOrPending(cal, replyClockSpec(r, approver), today);
  const showId = r.orgId === ctx.actor.orgId && hasAction(ctx.actor, 'disclosure.handle');
  return {
    ...presentListItem(r),
    idNumber: showId ? r.idNumber : maskIdNumber(r.idNumber),
    contact: r.contact,
    formRequested: r.formRequested,
    receiptRule: `${CHANNEL_DEFS[r.channel as Channel]?.receipt.article ?? ''}：${CHANNEL_DEFS[r.channel as Channel]?.receipt.rule ?? ''}`,
    correction: r.correctionSentOn
      ? { sentOn: r.correctionSentOn, deadline: r.correctionDeadline, items: r.correctionItems, late: r.correctionLate, correctedOn: r.correctedOn }
      : null,
    consultations: r.consultations.map((c) => ({ ...c, kindLabel: CONSULT_LABEL[c.kind], clock: clockView(computeClockOrPending(cal, consultationSpec(c), today)) })),
    extension: r.extensionDays
      ? { days: r.extensionDays, reason: r.extensionReason, approvedBy: r.extensionApprovedBy, approvedByName: approver ?? null, approvedOn: r.extensionApprovedOn, noticeOn: r.extensionNoticeOn }
      : null,
    fee: r.feeMethod
      ? {
          method: r.feeMethod,
          units: r.feeUnits,
          amount: r.feeAmount,
          explanation: r.feeExplanation,
          bands: (r.feeBands as FeeBand[] | null) ?? [],
          noticeOn: r.feeNoticeOn,
          payBy: r.feeNoticeOn ? feeDeadline(cal, r.feeNoticeOn, await getSetting(ctx.db, r.orgId, 'disclosureFeePayDays')) : null,
          paidOn: r.feePaidOn,
        }
      : null,
    decisionReason: r.decisionReason,
    /** Letters whose event has happened: GET …/letters/:kind.docx (consultation with ?consultationId=). */
    lettersAvailable: availableLetters(r),
    clock: clockView(clock),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type ApplicationDetail = Awaited<ReturnType<typeof detailOf>>;

// ---------------------------------------------------------------------------------------------
// Clocks table sync (dashboard)

async function syncClocks(ctx: Ctx, r: ApplicationRow): Promise<void> {
  const approver = await approverName(ctx, r.extensionApprovedBy);
  const now = ctx.now();
  const upsert = async (entityType: string, entityId: string, kind: string, label: string, spec: ClockSpec, closed: boolean) => {
    await ctx.db
      .insert(clocks)
      .values({ orgId: r.orgId, entityType, entityId, kind, label, spec, closedAt: closed ? now : null, createdAt: now })
      .onConflictDoUpdate({
        target: [clocks.orgId, clocks.entityType, clocks.entityId, clocks.kind],
        set: { label, spec, closedAt: closed ? sql`coalesce(${clocks.closedAt}, ${now.toISOString()}::timestamptz)` : null },
      });
  };
  const name = `${r.applicantName}：${r.content.length > 20 ? `${r.content.slice(0, 20)}…` : r.content}`;
  await upsert(CLOCK_ENTITY, r.id, CLOCK_KIND_REPLY, `政府信息公开申请答复期限（${r.trackingCode}，${name}）`, replyClockSpec(r, approver), !!r.decidedOn);
  for (const c of r.consultations) {
    await upsert(
      'disclosureConsultation',
      c.id,
      CLOCK_KIND_CONSULTATION,
      `征求${CONSULT_LABEL[c.kind]}意见答复期限（${c.party}，申请 ${r.trackingCode}）`,
      consultationSpec(c),
      !!c.to || !!r.decidedOn,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Duplicate warning

export interface DuplicateWarning {
  code: 'duplicate';
  message: string;
  applications: { id: string; trackingCode: string; receivedOn: string }[];
}

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

type NewApplication = z.infer<typeof ApplicationInput>;

async function insertApplication(ctx: Ctx, orgId: string, input: NewApplication, source: 'desk' | 'portal') {
  const cal = await loadWorkCalendar(ctx.db);
  cal.assertKnown(input.receivedOn); // refuse a receipt date whose working days are unknown
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
  await syncClocks(ctx, row!);
  return { row: row!, warnings: warning ? [warning] : [] };
}

/** The audit snapshot: the identity number is masked there too. */
function auditView(r: ApplicationRow) {
  return { ...r, idNumber: maskIdNumber(r.idNumber), contentKey: undefined };
}

export async function createApplication(ctx: ActorCtx, input: NewApplication) {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'disclosure.handle', { orgId, orgPath: ctx.actor.orgPath });
  notFuture(ctx, 'receivedOn', input.receivedOn, '收到申请日期');
  return inTx(ctx, async (tx) => {
    const { row, warnings } = await insertApplication(tx, orgId, input, 'desk');
    return { application: await detailOf(tx as ActorCtx, row), warnings };
  });
}

// ---------------------------------------------------------------------------------------------
// Read

/** The org a list reads (own, or a readable descendant), its WHERE clause and ORDER BY. */
async function applicationScope(ctx: ActorCtx, q: z.infer<typeof ApplicationListQuery>) {
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

export async function listApplications(ctx: ActorCtx, q: z.infer<typeof ApplicationListQuery>): Promise<Page<ApplicationListItem & { due: string | null; clockState: string }>> {
  const t = disclosureApplications;
  const { cond, orderBy } = await applicationScope(ctx, q);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(t).where(cond);
  const rows = await ctx.db
    .select()
    .from(t)
    .where(cond)
    .orderBy(...orderBy)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const cal = rows.length ? await loadWorkCalendar(ctx.db) : null;
  const today = todayInChina(ctx.now());
  const items = rows.map((r) => {
    // a period reaching a year whose calendar is not entered yet is shown without a due date
    const c = computeClockOrPending(cal as WorkCalendar, replyClockSpec(r), today);
    return { ...presentListItem(r), due: c.due, clockState: c.state };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Every application matching the list filters as an .xlsx; identity numbers masked like the list. */
export async function exportApplications(ctx: ActorCtx, q: z.infer<typeof ApplicationListQuery>): Promise<{ buffer: Buffer; fileName: string }> {
  const { org, cond, orderBy } = await applicationScope(ctx, q);
  const rows = await ctx.db.select().from(disclosureApplications).where(cond).orderBy(...orderBy);
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
export async function applicationsByIds(ctx: Ctx, orgId: string, ids: string[]): Promise<ApplicationListItem[]> {
  const out: ApplicationListItem[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await ctx.db
      .select()
      .from(disclosureApplications)
      .where(and(eq(disclosureApplications.orgId, orgId), inArray(disclosureApplications.id, ids.slice(i, i + 5000))));
    out.push(...rows.map(presentListItem));
  }
  return out.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id));
}

export async function loadApplication(ctx: ActorCtx, id: string, lock = false) {
  const base = ctx.db
    .select({ a: disclosureApplications, orgPath: orgs.path })
    .from(disclosureApplications)
    .innerJoin(orgs, eq(orgs.id, disclosureApplications.orgId))
    .where(eq(disclosureApplications.id, id));
  const [r] = lock ? await base.for('update', { of: disclosureApplications }) : await base;
  if (!r || !r.orgPath.startsWith(ctx.actor.orgPath)) throw notFound('政府信息公开申请');
  return r;
}

export async function getApplication(ctx: ActorCtx, id: string): Promise<ApplicationDetail> {
  const { a, orgPath } = await loadApplication(ctx, id);
  authorize(ctx.actor, 'disclosure.read', { orgId: a.orgId, orgPath });
  return detailOf(ctx, a);
}

// ---------------------------------------------------------------------------------------------
// Actions

/**
 * Loads the application for update, checks the actor may `action` on it and that it is not
 * decided, applies `change` and records `auditAction` — all in one transaction.
 */
export async function act(
  ctx: ActorCtx,
  id: string,
  auditAction: string,
  change: (r: ApplicationRow, tx: ActorCtx, cal: WorkCalendar) => Promise<Partial<ApplicationRow>> | Partial<ApplicationRow>,
  action: 'disclosure.handle' | 'disclosure.approve' = 'disclosure.handle',
): Promise<ApplicationDetail> {
  return inTx(ctx, async (txc) => {
    const tx = txc as ActorCtx;
    const { a: before, orgPath } = await loadApplication(tx, id, true);
    authorize(ctx.actor, action, { orgId: before.orgId, orgPath });
    if (before.decidedOn) {
      throw conflict(`该申请已于 ${before.decidedOn} 答复（${OUTCOME_BY_CODE[before.outcome as OutcomeCode]?.shortLabel ?? before.outcome}），不能再办理`, { decidedOn: '已答复' });
    }
    const cal = await loadWorkCalendar(tx.db);
    const set = await change(before, tx, cal);
    const merged = { ...before, ...set } as ApplicationRow;
    const status = statusOf(merged);
    const [after] = await tx.db
      .update(disclosureApplications)
      .set({ ...set, status, updatedAt: tx.now() })
      .where(eq(disclosureApplications.id, id))
      .returning();
    await recordEvent(tx, { orgId: before.orgId, action: auditAction, entityType: 'disclosureApplication', entityId: id, before: auditView(before), after: auditView(after!) });
    await syncClocks(tx, after!);
    return detailOf(tx, after!);
  });
}

const bad = (field: string, message: string, code = 'validation') => new AppError(code, message, { fields: { [field]: message } });

/** Things that happened are not recorded ahead of time: a date after today (Beijing) is refused. */
function notFuture(ctx: Ctx, field: string, date: string, label: string): void {
  const today = todayInChina(ctx.now());
  if (date > today) throw bad(field, `${label} ${date} 晚于今天（${today}）`);
}

/** 补正通知 (art. 30): one notice; after 7 working days it is still recorded, flagged late. */
export function sendCorrection(ctx: ActorCtx, id: string, input: z.infer<typeof CorrectionInput>) {
  notFuture(ctx, 'sentOn', input.sentOn, '补正通知发出日期');
  return act(ctx, id, 'disclosure.application.correction', (r, _tx, cal) => {
    if (r.correctionSentOn) throw bad('sentOn', `补正通知应一次性告知，本申请已于 ${r.correctionSentOn} 发出过补正通知`, 'conflict');
    if (input.sentOn < r.receivedOn) throw bad('sentOn', `补正通知发出日期 ${input.sentOn} 早于收到申请日期 ${r.receivedOn}`);
    if (input.deadline <= input.sentOn) throw bad('deadline', `补正期限 ${input.deadline} 应晚于补正通知发出日期 ${input.sentOn}`);
    if (r.consultations.some((c) => !c.to)) throw bad('sentOn', '征求意见尚未结束，不能发出补正通知');
    const limit = addWorkingDays(cal, r.receivedOn, CORRECTION_NOTICE_DAYS).due;
    return { correctionSentOn: input.sentOn, correctionDeadline: input.deadline, correctionItems: input.items, correctionLate: input.sentOn > limit };
  });
}

/** 收到补正后的申请: the reply period restarts from that day (art. 30). */
export function receiveCorrected(ctx: ActorCtx, id: string, input: z.infer<typeof CorrectedInput>) {
  notFuture(ctx, 'receivedOn', input.receivedOn, '收到补正申请日期');
  return act(ctx, id, 'disclosure.application.corrected', (r, _tx, cal) => {
    if (!r.correctionSentOn) throw bad('receivedOn', '本申请没有发出补正通知，不能登记补正', 'conflict');
    if (r.correctedOn) throw bad('receivedOn', `已于 ${r.correctedOn} 收到补正申请`, 'conflict');
    if (input.receivedOn < r.correctionSentOn) throw bad('receivedOn', `收到补正申请日期 ${input.receivedOn} 早于补正通知发出日期 ${r.correctionSentOn}`);
    cal.assertKnown(input.receivedOn);
    return { correctedOn: input.receivedOn };
  });
}

export function startConsultation(ctx: ActorCtx, id: string, input: z.infer<typeof ConsultationStartInput>) {
  notFuture(ctx, 'startedOn', input.startedOn, '征求意见函发出日期');
  return act(ctx, id, 'disclosure.application.consultation_start', (r, _tx, cal) => {
    if (r.correctionSentOn && !r.correctedOn) throw bad('startedOn', '申请正在等待补正，补正后才能征求意见');
    const start = r.correctedOn ?? r.receivedOn;
    if (input.startedOn < start) throw bad('startedOn', `征求意见函发出日期 ${input.startedOn} 早于${r.correctedOn ? '收到补正申请' : '收到申请'}日期 ${start}`);
    if (r.consultations.some((c) => !c.to)) throw bad('startedOn', '上一次征求意见尚未结束，请先登记收到答复的日期', 'conflict');
    const last = r.consultations[r.consultations.length - 1];
    if (last?.to && input.startedOn <= last.to) throw bad('startedOn', `征求意见函发出日期应晚于上一次征求意见结束日期 ${last.to}`);
    cal.assertKnown(input.startedOn);
    const c: ConsultationRecord = { id: crypto.randomUUID(), kind: input.kind, party: input.party, from: input.startedOn };
    return { consultations: [...r.consultations, c] };
  });
}

export function endConsultation(ctx: ActorCtx, id: string, consultationId: string, input: z.infer<typeof ConsultationEndInput>) {
  notFuture(ctx, 'endedOn', input.endedOn, '收到答复日期');
  return act(ctx, id, 'disclosure.application.consultation_end', (r) => {
    const c = r.consultations.find((x) => x.id === consultationId);
    if (!c) throw notFound('征求意见记录');
    if (c.to) throw bad('endedOn', `该次征求意见已于 ${c.to} 结束`, 'conflict');
    if (input.endedOn < c.from) throw bad('endedOn', `收到答复日期 ${input.endedOn} 早于征求意见函发出日期 ${c.from}`);
    return { consultations: r.consultations.map((x) => (x.id === consultationId ? { ...x, to: input.endedOn } : x)) };
  });
}

/**
 * 延期 (art. 33): once, at most 20 working days, approved by the head of the disclosure office (a
 * user holding `disclosure.approve` in the same org), before the period runs out.
 */
export async function extendApplication(ctx: ActorCtx, id: string, input: z.infer<typeof ExtensionInput>) {
  const approving = hasAction(ctx.actor, 'disclosure.approve');
  notFuture(ctx, 'approvedOn', input.approvedOn, '批准日期');
  if (input.noticeOn) notFuture(ctx, 'noticeOn', input.noticeOn, '告知申请人日期');
  return act(
    ctx,
    id,
    'disclosure.application.extension',
    async (r, tx, cal) => {
      if (r.extensionDays) {
        throw bad('days', `延长答复期限只能一次（条例第三十三条）：本申请已于 ${r.extensionApprovedOn} 延长 ${r.extensionDays} 个工作日`, 'disclosure.second_extension');
      }
      if (input.days > MAX_EXTENSION) {
        throw bad('days', `延长答复期限最长不超过 ${MAX_EXTENSION} 个工作日（条例第三十三条），申请延长 ${input.days} 个工作日`, 'disclosure.extension_too_long');
      }
      const approverId = input.approvedBy ?? (approving ? ctx.actor.userId : undefined);
      if (!approverId) throw bad('approvedBy', '延长答复期限须经政府信息公开工作机构负责人同意：请填写批准人（具有审批权限的局领导）', 'disclosure.extension_not_approved');
      const [approver] = await tx.db.select({ orgId: users.orgId, roles: users.roles, displayName: users.displayName, status: users.status }).from(users).where(eq(users.id, approverId));
      const mayApprove =
        approver && approver.orgId === r.orgId && approver.status === 'active' && hasAction({ ...ctx.actor, roles: approver.roles as Actor['roles'] }, 'disclosure.approve');
      if (!mayApprove) {
        throw bad(
          'approvedBy',
          `延长答复期限须经政府信息公开工作机构负责人同意（条例第三十三条）：${approver ? `“${approver.displayName}”没有审批延期的权限` : '批准人不存在'}，应由本机关具有审批权限的局领导批准`,
          'disclosure.extension_not_approved',
        );
      }
      const start = r.correctedOn ?? r.receivedOn;
      if (input.approvedOn < start) throw bad('approvedOn', `批准日期 ${input.approvedOn} 早于${r.correctedOn ? '收到补正申请' : '收到申请'}日期 ${start}`);
      const current = computeClock(cal, replyClockSpec(r), input.approvedOn);
      if (current.due && input.approvedOn > current.due) {
        throw bad('approvedOn', `答复期限已于 ${current.due} 届满，届满后不能再批准延期（批准日期 ${input.approvedOn}）`);
      }
      if (input.noticeOn && input.noticeOn < input.approvedOn) throw bad('noticeOn', `告知申请人日期 ${input.noticeOn} 早于批准日期 ${input.approvedOn}`);
      return {
        extensionDays: input.days,
        extensionReason: input.reason,
        extensionApprovedBy: approverId,
        extensionApprovedOn: input.approvedOn,
        extensionNoticeOn: input.noticeOn ?? null,
      };
    },
    approving && !hasAction(ctx.actor, 'disclosure.handle') ? 'disclosure.approve' : 'disclosure.handle',
  );
}

/** 答复: exactly one outcome; not before receipt; once. */
export function decideApplication(ctx: ActorCtx, id: string, input: z.infer<typeof DecisionInput>) {
  notFuture(ctx, 'decidedOn', input.decidedOn, '答复日期');
  return act(ctx, id, 'disclosure.application.decide', async (r, tx, cal) => {
    if (input.decidedOn < r.receivedOn) throw bad('decidedOn', `答复日期 ${input.decidedOn} 早于收到申请日期 ${r.receivedOn}`);
    if (r.correctedOn && input.decidedOn < r.correctedOn) throw bad('decidedOn', `答复日期 ${input.decidedOn} 早于收到补正申请日期 ${r.correctedOn}`);
    if (input.outcome === 'other.unpaid_fee') await assertUnpaidFeeOutcome(tx, cal, r, input.decidedOn);
    const consultations = r.consultations.map((c) => (c.to ? c : { ...c, to: input.decidedOn < c.from ? c.from : input.decidedOn }));
    return { decidedOn: input.decidedOn, outcome: input.outcome, consultations, decisionReason: input.reason || null };
  });
}

// ---------------------------------------------------------------------------------------------
// Portal (no account)

export async function portalApply(ctx: Ctx, input: z.infer<typeof PortalApplicationInput>) {
  const [org] = await ctx.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, input.orgId));
  if (!org) throw validation('受理机关不存在', { orgId: '受理机关不存在' });
  const receivedOn = todayInChina(ctx.now()); // 条例第三十一条第（三）项：系统即时确认，确认之日为收到申请之日
  const { orgId: _orgId, ...rest } = input;
  return inTx(ctx, async (tx) => {
    const { row } = await insertApplication(tx, org.id, { ...rest, channel: 'online', receivedOn }, 'portal');
    const cal = await loadWorkCalendar(tx.db);
    const clock = computeClockOrPending(cal, replyClockSpec(row), receivedOn);
    const expected = clock.due ? `预计不晚于 ${clock.due}` : `${clock.pendingYear}年节假日安排公布后可查询具体日期`;
    return {
      trackingCode: row.trackingCode,
      orgName: org.name,
      receivedOn,
      expectedReplyDate: clock.due,
      message: `申请已收到。查询码 ${row.trackingCode}，请妥善保存；答复期限为收到申请之日起 ${REPLY_PERIOD} 个工作日，${expected}（补正、征求意见、依法延期的除外）`,
    };
  });
}

export async function portalTrack(ctx: Ctx, trackingCode: string) {
  const [r] = await ctx.db.select().from(disclosureApplications).where(eq(disclosureApplications.trackingCode, trackingCode.toUpperCase()));
  if (!r) throw notFound('该查询码对应的申请');
  const cal = await loadWorkCalendar(ctx.db);
  const clock = computeClockOrPending(cal, replyClockSpec(r), todayInChina(ctx.now()));
  const status = r.status as ApplicationStatus;
  return {
    trackingCode: r.trackingCode,
    receivedOn: r.receivedOn,
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status],
    expectedReplyDate: r.decidedOn ? null : clock.due,
    extended: !!r.extensionDays,
    awaitingCorrection: status === 'awaiting_correction',
    correctionDeadline: status === 'awaiting_correction' ? r.correctionDeadline : null,
    decidedOn: r.decidedOn,
  };
}
