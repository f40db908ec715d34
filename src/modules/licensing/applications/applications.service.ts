/**
 * 许可申请: intake at the desk, the list, the detail and the uploaded files, and the actions that move
 * the clocks — 受理 or 一次性告知补正 (行政许可法第三十二条), the corrected materials, excluded periods
 * (第四十五条), the extension the head approves (第四十二条), the decision (第三十八条), the certificate
 * (第四十四条), the publication, the applicant's withdrawal. Every write runs in one transaction with its
 * audit event and keeps the kernel `clocks` rows in step (`act`).
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { computeClock, yearOf, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { storedDue, storedSnapshotColumns } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { likeTerm } from '../../../kernel/db/paging.js';
import { nextRecordCode, normalizeDocNumber } from '../../../kernel/documents/index.js';
import { fieldError, notFound } from '../../../kernel/http/errors.js';
import { clocks } from '../../../kernel/schema.js';
import { readableOrg } from '../../../kernel/tenancy/index.js';
import { knownDay, notBefore, notFuture } from '../dates.js';
import { assertApplicable, loadItem } from '../items/items.service.js';
import { CLOCK_KIND_LABELS, type ApplicantType, type Channel, type ClockKind, type LetterKind } from '../labels.js';
import { licensingApplications, licensingFiles, licensingItems, type ApplicationRow, type ItemRow, type MaterialCheck } from '../schema.js';
import { act, loadApplication } from './act.js';
import { decisionByOn, issueLetter, refusalRemedies, remedyOrgansNow, renderApplicationLetter } from './letters.js';
import {
  ACCEPTANCE_DAYS,
  acceptanceBase,
  acceptanceDue,
  ARTICLE,
  awaitingCorrection,
  CLOCK_ENTITY,
  decisionSpec,
  EXTENSION_DAYS,
  openExclusion,
  withDeemed,
} from './clock.js';
import { recordDeemedNow, syncClocks } from './clocks.service.js';
import type {
  AcceptInput,
  ApplicationDetail,
  ApplicationInput,
  ApplicationListQuery,
  ApplicationPage,
  CertificateInput,
  CorrectedInput,
  CorrectionInput,
  DecisionInput,
  ExclusionEndInput,
  ExclusionStartInput,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  PublishInput,
  WithdrawInput,
} from './contracts.js';
import { detailOf, presentListItem, stageClocks } from './present.js';
import { auditView, missingMaterials, newTrackingCode } from './rules.js';

// ---------------------------------------------------------------------------------------------
// Intake

export interface NewApplication {
  channel: Channel;
  receivedOn: string;
  applicantType: ApplicantType;
  applicantName: string;
  idNumber?: string | null | undefined;
  contact?: string | null | undefined;
  summary?: string | null | undefined;
  /** The desk's checklist (names of the guide's materials); online: none. */
  materials?: readonly MaterialCheck[] | undefined;
}

/** The checklist of the item's materials: each marked as the desk ticked it; a name not in the guide is refused. */
function checklistOf(item: ItemRow, given: readonly MaterialCheck[] = [], field = 'materials'): MaterialCheck[] {
  const known = new Set(item.materials.map((m) => m.name));
  const unknown = given.find((m) => !known.has(m.name));
  if (unknown) throw fieldError(field, `“${unknown.name}”不是“${item.name}”办事指南所列的申请材料`);
  const ticked = new Map(given.map((m) => [m.name, m.received]));
  return item.materials.map((m) => ({ name: m.name, received: ticked.get(m.name) ?? false }));
}

/** Inserts a received application (desk or portal) with its audit event and clocks; the item must be in force that day. */
export async function insertApplication(ctx: Ctx, item: ItemRow, input: NewApplication, source: 'desk' | 'portal'): Promise<ApplicationRow> {
  assertApplicable(item, input.receivedOn);
  const cal = await loadWorkCalendar(ctx.db);
  knownDay(cal, 'receivedOn', input.receivedOn, '收到申请材料日期');
  const now = ctx.now();
  const code = await nextRecordCode(ctx, item.orgId, 'licensing.application', 'XK', yearOf(input.receivedOn));
  const [row] = await ctx.db
    .insert(licensingApplications)
    .values({
      orgId: item.orgId,
      itemId: item.id,
      code,
      trackingCode: newTrackingCode(),
      channel: input.channel,
      source,
      receivedOn: input.receivedOn,
      applicantType: input.applicantType,
      applicantName: input.applicantName,
      idNumber: input.idNumber ? input.idNumber.toUpperCase() : null,
      contact: input.contact || null,
      summary: input.summary || null,
      materials: input.channel === 'desk' ? checklistOf(item, input.materials) : [],
      status: 'submitted',
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordEvent(ctx, { orgId: item.orgId, action: 'licensing.application.create', entityType: CLOCK_ENTITY, entityId: row!.id, after: auditView(row!) });
  await syncClocks(ctx, row!, item);
  return row!;
}

/** 窗口申请: registered at the desk of the own org. */
export async function createApplication(ctx: ActorCtx, input: ApplicationInput): Promise<ApplicationDetail> {
  authorize(ctx.actor, 'licensing.handle', { orgId: ctx.actor.orgId, orgPath: ctx.actor.orgPath });
  notFuture(ctx, 'receivedOn', input.receivedOn, '收到申请材料日期');
  return inTx(ctx, async (tx) => {
    const item = await loadItem(tx, input.itemId, 'licensing.handle');
    if (item.orgId !== ctx.actor.orgId) throw notFound('许可事项');
    const row = await insertApplication(tx, item, { ...input, channel: 'desk' }, 'desk');
    return detailOf(tx, row, item);
  });
}

// ---------------------------------------------------------------------------------------------
// Read

/** The clock kind a list row shows: the stage the application is in. */
const stageSql = sql<ClockKind | null>`CASE ${licensingApplications.status}
  WHEN 'submitted' THEN 'acceptance' WHEN 'reviewing' THEN 'decision'
  WHEN 'decided' THEN CASE WHEN ${licensingApplications.source} = 'import' THEN NULL ELSE 'publication' END
  ELSE NULL END`;

export async function listApplications(ctx: ActorCtx, q: ApplicationListQuery): Promise<ApplicationPage> {
  const org = await readableOrg(ctx, q.orgId);
  const t = licensingApplications;
  const where: SQL[] = [eq(t.orgId, org.id)];
  if (q.q) {
    const term = likeTerm(q.q);
    where.push(or(ilike(t.applicantName, term), ilike(t.code, term), ilike(t.trackingCode, term), ilike(licensingItems.name, term))!);
  }
  if (q.status) where.push(eq(t.status, q.status));
  if (q.itemId) where.push(eq(t.itemId, q.itemId));
  if (q.channel) where.push(eq(t.channel, q.channel));
  if (q.result) where.push(eq(t.result, q.result));
  if (q.receivedFrom) where.push(gte(t.receivedOn, q.receivedFrom));
  if (q.receivedTo) where.push(lte(t.receivedOn, q.receivedTo));
  const cond = and(...where)!;
  const sortCol = { receivedOn: t.receivedOn, decidedOn: t.decidedOn, applicantName: t.applicantName }[q.sort];
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(t)
    .innerJoin(licensingItems, eq(licensingItems.id, t.itemId))
    .where(cond);
  const rows = await ctx.db
    .select({ app: t, item: licensingItems, stage: stageSql, snap: storedSnapshotColumns })
    .from(t)
    .innerJoin(licensingItems, eq(licensingItems.id, t.itemId))
    .leftJoin(
      clocks,
      and(
        eq(clocks.orgId, t.orgId),
        eq(clocks.entityType, CLOCK_ENTITY),
        eq(clocks.entityId, sql`${t.id}::text`),
        eq(clocks.kind, sql`'licensing.' || ${stageSql}`),
      ),
    )
    .where(cond)
    .orderBy(q.order === 'desc' ? desc(sortCol) : asc(sortCol), desc(t.code), asc(t.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const today = todayInChina(ctx.now());
  const cal = rows.length ? await loadWorkCalendar(ctx.db) : null;
  const items = rows.map(({ app, item, stage, snap }) => {
    // a stored snapshot, unless a silent acceptance may have come due since the sweep
    const stored = stage && app.status !== 'submitted' ? storedDue(snap, cal!, today, yearOf(app.receivedOn)) : null;
    if (stored && stage) return { ...presentListItem(app, item.name), stage, stageLabel: CLOCK_KIND_LABELS[stage], ...stored };
    const live = withDeemed(cal!, app, today);
    const liveStage: ClockKind | null =
      live.status === 'submitted'
        ? 'acceptance'
        : live.status === 'reviewing'
          ? 'decision'
          : live.status === 'decided' && live.source !== 'import'
            ? 'publication'
            : null;
    const c = liveStage ? stageClocks(cal!, live, item.statutoryDays, today).find((s) => s.kind === liveStage)?.clock : undefined;
    return {
      ...presentListItem(live, item.name),
      stage: c ? liveStage : null,
      stageLabel: c && liveStage ? CLOCK_KIND_LABELS[liveStage] : null,
      due: c?.due ?? null,
      provisional: c?.provisional ?? false,
      provisionalYears: c?.provisionalYears ?? [],
      clockState: c?.state ?? null,
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getApplication(ctx: ActorCtx, id: string): Promise<ApplicationDetail> {
  const { a, item } = await loadApplication(ctx, id, 'licensing.read');
  return detailOf(ctx, a, item);
}

/** An uploaded material of an application the actor may read. */
export async function getFile(ctx: ActorCtx, id: string, fileId: string): Promise<{ data: Buffer; fileName: string; contentType: string }> {
  const { a } = await loadApplication(ctx, id, 'licensing.read');
  const [f] = await ctx.db
    .select()
    .from(licensingFiles)
    .where(and(eq(licensingFiles.id, fileId), eq(licensingFiles.applicationId, a.id)));
  if (!f) throw notFound('申请材料');
  return { data: f.data, fileName: f.fileName, contentType: f.contentType };
}

// ---------------------------------------------------------------------------------------------
// 受理 and 补正 (第三十二条)

const notAcceptedYet = (r: ApplicationRow, field: string) =>
  r.acceptedOn
    ? fieldError(field, r.acceptanceDeemed ? `该申请已自 ${r.acceptedOn} 起视为受理（${ARTICLE.acceptance}）` : `该申请已于 ${r.acceptedOn} 受理`, 'conflict')
    : null;

export function acceptApplication(ctx: ActorCtx, id: string, input: AcceptInput) {
  notFuture(ctx, 'acceptedOn', input.acceptedOn, '受理日期');
  return act(ctx, id, 'licensing.application.accept', async (r, item, tx, cal) => {
    const done = notAcceptedYet(r, 'acceptedOn');
    if (done) throw done;
    if (awaitingCorrection(r)) throw fieldError('acceptedOn', `已于 ${r.correctionSentOn} 告知补正，收到申请人补正的材料后才能受理`, 'conflict');
    notBefore('acceptedOn', input.acceptedOn, '受理日期', acceptanceBase(r), r.correctedOn ? '收到补正材料日期' : '收到申请材料日期');
    knownDay(cal, 'acceptedOn', input.acceptedOn, '受理日期');
    const due = acceptanceDue(cal, r).due;
    if (input.acceptedOn > due)
      throw fieldError(
        'acceptedOn',
        `受理日期 ${input.acceptedOn} 晚于受理期限 ${due}：逾期未告知补正的，自收到申请材料之日起即为受理（${ARTICLE.acceptance}）`,
      );
    const uploaded = (await tx.db.select({ material: licensingFiles.material }).from(licensingFiles).where(eq(licensingFiles.applicationId, r.id))).map(
      (f) => f.material,
    );
    const missing = missingMaterials(
      item.materials.filter((m) => m.required).map((m) => m.name),
      r,
      uploaded,
    );
    if (missing.length) {
      throw fieldError(
        'materials',
        `申请材料不齐全（缺少：${missing.join('、')}），不能受理：应当在 ${due} 前一次告知申请人需要补正的全部内容（${ARTICLE.acceptance}）`,
        'licensing.materials_incomplete',
      );
    }
    const decisionBy = decisionByOn(cal, r, item.statutoryDays, input.acceptedOn);
    const letter = await issueLetter(tx, r, 'acceptance', input.acceptedOn, decisionBy ? { decisionBy } : {});
    return { acceptedOn: input.acceptedOn, acceptanceDeemed: false, letters: { ...r.letters, acceptance: letter } };
  });
}

/** 一次性告知补正: once, within the 5 working days, listing every correction. */
export function sendCorrection(ctx: ActorCtx, id: string, input: CorrectionInput) {
  notFuture(ctx, 'sentOn', input.sentOn, '补正告知日期');
  return act(ctx, id, 'licensing.application.correction', async (r, _item, tx, cal) => {
    const done = notAcceptedYet(r, 'sentOn');
    if (done) throw done;
    if (r.correctionSentOn) {
      throw fieldError('sentOn', `补正应当一次告知需要补正的全部内容：本申请已于 ${r.correctionSentOn} 告知过补正（${ARTICLE.acceptance}）`, 'conflict');
    }
    notBefore('sentOn', input.sentOn, '补正告知日期', r.receivedOn, '收到申请材料日期');
    const due = acceptanceDue(cal, r).due;
    if (input.sentOn > due) {
      throw fieldError(
        'sentOn',
        `补正告知日期 ${input.sentOn} 晚于 ${due}：应当在收到申请材料之日起 ${ACCEPTANCE_DAYS} 个工作日内一次告知，逾期不告知的，自收到申请材料之日起即为受理`,
      );
    }
    const letter = await issueLetter(tx, r, 'correction', input.sentOn);
    return { correctionSentOn: input.sentOn, correctionItems: input.items, letters: { ...r.letters, correction: letter } };
  });
}

/**
 * 收到补正材料, the rule the desk and the portal share: a correction list is out and nothing came in yet;
 * the day not before the list; the 5 working days to accept run again from that day. `field` names the
 * request field a refusal points at.
 */
export function correctedStep(r: ApplicationRow, item: ItemRow, cal: WorkCalendar, input: CorrectedInput, field = 'receivedOn'): Partial<ApplicationRow> {
  if (!awaitingCorrection(r)) throw fieldError(field, r.correctedOn ? `已于 ${r.correctedOn} 收到补正材料` : '本申请没有告知补正', 'conflict');
  notBefore(field, input.receivedOn, '收到补正材料日期', r.correctionSentOn, '补正告知日期');
  knownDay(cal, field, input.receivedOn, '收到补正材料日期');
  return { correctedOn: input.receivedOn, ...(input.materials && r.channel === 'desk' ? { materials: checklistOf(item, input.materials) } : {}) };
}

/** 收到补正材料 at the desk: the 5 working days to accept run again from that day. */
export function receiveCorrected(ctx: ActorCtx, id: string, input: CorrectedInput) {
  notFuture(ctx, 'receivedOn', input.receivedOn, '收到补正材料日期');
  return act(ctx, id, 'licensing.application.corrected', (r, item, _tx, cal) => correctedStep(r, item, cal, input));
}

// ---------------------------------------------------------------------------------------------
// 审查: excluded periods (第四十五条), the extension (第四十二条)

const mustBeAccepted = (r: ApplicationRow, field: string) => {
  if (!r.acceptedOn) throw fieldError(field, '该申请尚未受理', 'conflict');
};

/** The decision period's last day as of `day`, counting what the record holds now. */
const decisionDueOn = (cal: WorkCalendar, r: ApplicationRow, item: ItemRow, day: string) => computeClock(cal, decisionSpec(r, item.statutoryDays), day).due;

export function startExclusion(ctx: ActorCtx, id: string, input: ExclusionStartInput) {
  notFuture(ctx, 'from', input.from, '开始日期');
  return act(ctx, id, 'licensing.application.exclusion_start', (r, item, _tx, cal) => {
    mustBeAccepted(r, 'from');
    if (openExclusion(r)) throw fieldError('from', '上一个不计时期间尚未结束，请先登记结束日期', 'conflict');
    notBefore('from', input.from, '开始日期', r.acceptedOn, '受理日期');
    const last = r.exclusions.at(-1);
    if (last?.to && input.from <= last.to) throw fieldError('from', `开始日期应晚于上一个不计时期间的结束日期 ${last.to}`);
    knownDay(cal, 'from', input.from, '开始日期');
    const due = decisionDueOn(cal, r, item, input.from);
    if (due && input.from > due)
      throw fieldError('from', `作出决定的期限已于 ${due} 届满，届满后开始的${input.kind === 'hearing' ? '听证' : '检测、评审'}不能再扣除期限`);
    return { exclusions: [...r.exclusions, { id: crypto.randomUUID(), kind: input.kind, from: input.from, note: input.note }] };
  });
}

export function endExclusion(ctx: ActorCtx, id: string, exclusionId: string, input: ExclusionEndInput) {
  notFuture(ctx, 'to', input.to, '结束日期');
  return act(ctx, id, 'licensing.application.exclusion_end', (r) => {
    const x = r.exclusions.find((e) => e.id === exclusionId);
    if (!x) throw notFound('不计时期间');
    if (x.to) throw fieldError('to', `该期间已于 ${x.to} 结束`, 'conflict');
    notBefore('to', input.to, '结束日期', x.from, '开始日期');
    return { exclusions: r.exclusions.map((e) => (e.id === exclusionId ? { ...e, to: input.to } : e)) };
  });
}

/** Checks an extension may still be asked for or approved on `day`: none yet, and the period not run out. */
function checkExtension(r: ApplicationRow, item: ItemRow, cal: WorkCalendar, day: string, field: string) {
  mustBeAccepted(r, field);
  if (r.extensionApprovedOn)
    throw fieldError(field, `期限已于 ${r.extensionApprovedOn} 经批准延长 ${r.extensionDays} 个工作日，只能延长一次（${ARTICLE.decision}）`, 'conflict');
  const due = decisionDueOn(cal, r, item, day);
  if (due && day > due) throw fieldError(field, `作出决定的期限已于 ${due} 届满，届满后不能再延长（${ARTICLE.decision}）`, 'licensing.extension_late');
}

/** 报请延期: the desk asks the head; it waits in the head's 待我审批. */
export function requestExtension(ctx: ActorCtx, id: string, input: ExtensionRequestInput) {
  const today = todayInChina(ctx.now());
  return act(ctx, id, 'licensing.application.extension_request', (r, item, _tx, cal) => {
    if (r.extensionRequestedOn && !r.extensionApprovedOn) throw fieldError('reason', `已于 ${r.extensionRequestedOn} 报请延期，正待负责人批准`, 'conflict');
    checkExtension(r, item, cal, today, 'reason');
    return {
      extensionRequestReason: input.reason,
      extensionRequestedBy: ctx.actor.userId,
      extensionRequestedOn: today,
      extensionRefusedOn: null,
      extensionRefusalReason: null,
    };
  });
}

/** The head's decision: approved today (+10 working days), or refused with the reason kept. */
export function decideExtension(ctx: ActorCtx, id: string, input: ExtensionDecisionInput) {
  const today = todayInChina(ctx.now());
  return act(
    ctx,
    id,
    input.approve ? 'licensing.application.extension' : 'licensing.application.extension_refused',
    (r, item, _tx, cal) => {
      if (!r.extensionRequestedOn || r.extensionApprovedOn) throw fieldError('approve', '本申请没有待批准的延期报请', 'conflict');
      if (!input.approve) {
        return {
          extensionRefusedOn: today,
          extensionRefusalReason: input.reason!,
          extensionRequestedOn: null,
          extensionRequestReason: null,
          extensionRequestedBy: null,
        };
      }
      checkExtension(r, item, cal, today, 'approve');
      return { extensionDays: EXTENSION_DAYS, extensionReason: r.extensionRequestReason, extensionApprovedBy: ctx.actor.userId, extensionApprovedOn: today };
    },
    { action: 'licensing.approve' },
  );
}

// ---------------------------------------------------------------------------------------------
// 决定, 证件, 公开, 撤回

/**
 * 决定 (第三十八条, 第四十二条): after acceptance, no excluded period running, a refusal with its reasons
 * and remedies; a decision after the deadline is refused unless the delay is explained (`lateReason`).
 */
export function decideApplication(ctx: ActorCtx, id: string, input: DecisionInput) {
  notFuture(ctx, 'decidedOn', input.decidedOn, '决定日期');
  if (input.result === 'refused' && !input.reason) {
    throw fieldError('reason', '作出不予行政许可决定的，应当说明理由（《中华人民共和国行政许可法》第三十八条第二款）：请填写理由');
  }
  const givenNo = input.decisionNo ? decisionNumber(input.decisionNo) : null;
  return act(ctx, id, 'licensing.application.decide', async (r, item, tx, cal) => {
    mustBeAccepted(r, 'decidedOn');
    const open = openExclusion(r);
    if (open) throw fieldError('decidedOn', `${open.from} 开始的不计时期间尚未结束，请先登记结束日期`, 'conflict');
    notBefore('decidedOn', input.decidedOn, '决定日期', r.acceptedOn, '受理日期');
    notBefore('decidedOn', input.decidedOn, '决定日期', r.exclusions.at(-1)?.to, '不计时期间结束日期');
    knownDay(cal, 'decidedOn', input.decidedOn, '决定日期');
    const due = decisionDueOn(cal, r, item, input.decidedOn);
    const late = !!due && input.decidedOn > due;
    if (late && !input.lateReason) {
      throw fieldError(
        'decidedOn',
        r.extensionApprovedOn
          ? `决定日期 ${input.decidedOn} 晚于经批准延长后的期限 ${due}（${ARTICLE.decision}）：逾期作出决定的，须填写逾期说明`
          : `决定日期 ${input.decidedOn} 晚于作出决定的期限 ${due}，且未经本行政机关负责人批准延长（${ARTICLE.decision}）：逾期作出决定的，须填写逾期说明`,
        'licensing.decision_late',
      );
    }
    const refused = input.result === 'refused';
    // the decision letter: its number (given, else the next of the org's 决定书 series) and contact, and the 复议机关 and court named
    const organs = await remedyOrgansNow(tx.db, r.orgId);
    const letter = await issueLetter(tx, r, 'decision', input.decidedOn, organs, givenNo ?? undefined);
    // a refusal's remedies: the statutory sentence with the organs of the day, then what the desk added (not the guide's general text)
    const added = input.remedies && input.remedies !== item.remedies ? input.remedies : null;
    return {
      decidedOn: input.decidedOn,
      result: input.result,
      decisionNo: letter.docNumber,
      letters: { ...r.letters, decision: letter },
      decisionReason: input.reason || null,
      remedies: refused ? [refusalRemedies(r, organs), added].filter(Boolean).join('\n') : null,
      lateReason: late ? input.lateReason! : null,
    };
  });
}

/** 颁发许可证件 (第四十四条): a grant's certificate, once. */
export function issueCertificate(ctx: ActorCtx, id: string, input: CertificateInput) {
  notFuture(ctx, 'issuedOn', input.issuedOn, '颁发日期');
  return act(
    ctx,
    id,
    'licensing.application.certificate',
    (r) => {
      if (r.result !== 'granted') throw fieldError('issuedOn', '只有准予许可的决定才颁发许可证件', 'conflict');
      if (r.certificateIssuedOn) throw fieldError('issuedOn', `已于 ${r.certificateIssuedOn} 颁发许可证件（${r.certificateNo}）`, 'conflict');
      notBefore('issuedOn', input.issuedOn, '颁发日期', r.decidedOn, '决定日期');
      return { certificateNo: input.certificateNo, certificateIssuedOn: input.issuedOn };
    },
    { phase: 'decided' },
  );
}

/** 公开: the decision published (within 7 working days; a later publication is recorded as late). */
export function publishDecision(ctx: ActorCtx, id: string, input: PublishInput) {
  notFuture(ctx, 'publishedOn', input.publishedOn, '公开日期');
  return act(
    ctx,
    id,
    'licensing.application.publish',
    (r) => {
      if (r.publishedOn) throw fieldError('publishedOn', `已于 ${r.publishedOn} 公开`, 'conflict');
      notBefore('publishedOn', input.publishedOn, '公开日期', r.decidedOn, '决定日期');
      return { publishedOn: input.publishedOn };
    },
    { phase: 'decided' },
  );
}

/** 撤回, the rule the desk and the portal share (before the decision: `act`/`applyStep` check it). */
export function withdrawStep(r: ApplicationRow, input: WithdrawInput, field = 'withdrawnOn'): Partial<ApplicationRow> {
  notBefore(field, input.withdrawnOn, '撤回日期', r.receivedOn, '收到申请材料日期');
  if (awaitingCorrection(r)) notBefore(field, input.withdrawnOn, '撤回日期', r.correctionSentOn, '补正告知日期');
  return { withdrawnOn: input.withdrawnOn, withdrawalReason: input.reason || null };
}

/** 撤回 registered at the desk: at the applicant's request, before the decision. */
export function withdrawApplication(ctx: ActorCtx, id: string, input: WithdrawInput) {
  notFuture(ctx, 'withdrawnOn', input.withdrawnOn, '撤回日期');
  return act(ctx, id, 'licensing.application.withdraw', (r) => withdrawStep(r, input));
}

// ---------------------------------------------------------------------------------------------
// 文书

/** A 决定书文号 the desk typed, as GB/T 9704 writes it (兰档许〔2025〕3号), or a refusal naming `decisionNo`. */
function decisionNumber(text: string): string {
  try {
    return normalizeDocNumber(text);
  } catch (e) {
    throw fieldError('decisionNo', `${(e as Error).message}（留空则按本机关决定书编号自动编号）`);
  }
}

/** A letter of an application the actor may read, as .docx (409 before its step). */
export async function applicationDocument(ctx: ActorCtx, id: string, doc: LetterKind): Promise<{ buffer: Buffer; fileName: string }> {
  const { a, item } = await loadApplication(ctx, id, 'licensing.read');
  // a silent acceptance due and not yet swept is recorded first (by the desk of the own org only)
  const r = doc === 'acceptance' && a.orgId === ctx.actor.orgId ? await recordDeemedNow(ctx, a, item) : a;
  return renderApplicationLetter(ctx.db, r, item, doc);
}
