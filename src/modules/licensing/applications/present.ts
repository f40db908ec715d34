/**
 * An application as the API shows it: the list item (identity number masked) and the detail with its
 * clocks, what the user may do now and the files. Reads only (a due deemed acceptance reads as
 * recorded: `withDeemed`).
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import { hasAction } from '../../../kernel/auth/policy.js';
import { computeClock, type ClockResult, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import type { ClockView } from '../contracts.js';
import {
  APPLICANT_TYPE_LABELS,
  APPLICATION_SOURCE_LABELS,
  APPLICATION_STATUS_LABELS,
  CHANNEL_LABELS,
  CLOCK_KIND_LABELS,
  EXCLUSION_KIND_LABELS,
  ID_LABELS,
  RESULT_LABELS,
  type ApplicantType,
  type ApplicationSource,
  type ApplicationStatus,
  type Channel,
  type ClockKind,
  type Result,
} from '../labels.js';
import { licensingFiles, type ApplicationRow, type ItemRow } from '../schema.js';
import {
  ACCEPTANCE_DAYS,
  acceptanceDue,
  acceptanceSpec,
  ARTICLE,
  awaitingCorrection,
  CERTIFICATE_DAYS,
  certificateSpec,
  decisionSpec,
  EXTENSION_DAYS,
  PUBLICATION_DAYS,
  publicationSpec,
  withDeemed,
} from './clock.js';
import { userName } from './clocks.service.js';
import type { ApplicationDetail, ApplicationListItem, StageClock } from './contracts.js';
import { lettersOf } from './letters.js';
import { allowedActions, maskIdNumber } from './rules.js';
import { statement } from '../../../kernel/db/statements.js';
import { together } from '../../../kernel/db/together.js';

export function presentListItem(r: ApplicationRow, itemName: string): ApplicationListItem {
  const result = (r.result as Result | null) ?? null;
  return {
    id: r.id,
    orgId: r.orgId,
    code: r.code,
    trackingCode: r.trackingCode,
    itemId: r.itemId,
    itemName,
    channel: r.channel as Channel,
    channelLabel: CHANNEL_LABELS[r.channel as Channel] ?? r.channel,
    source: r.source as ApplicationSource,
    sourceLabel: APPLICATION_SOURCE_LABELS[r.source as ApplicationSource] ?? r.source,
    receivedOn: r.receivedOn,
    applicantType: r.applicantType as ApplicantType,
    applicantTypeLabel: APPLICANT_TYPE_LABELS[r.applicantType as ApplicantType] ?? r.applicantType,
    applicantName: r.applicantName,
    idNumberMasked: maskIdNumber(r.idNumber),
    status: r.status as ApplicationStatus,
    statusLabel: APPLICATION_STATUS_LABELS[r.status as ApplicationStatus] ?? r.status,
    acceptedOn: r.acceptedOn,
    acceptanceDeemed: r.acceptanceDeemed,
    decidedOn: r.decidedOn,
    result,
    resultLabel: result ? RESULT_LABELS[result] : null,
    publishedOn: r.publishedOn,
  };
}

export const clockView = (c: ClockResult): ClockView => ({
  due: c.due,
  provisional: c.provisional,
  provisionalYears: c.provisionalYears,
  state: c.state,
  daysLeft: c.daysLeft,
  totalDays: c.totalDays,
  effectiveStart: c.effectiveStart,
  explanation: c.explanation,
});

/** The stages' clocks an application has now, in order (what the page shows, and the list's current stage). */
export function stageClocks(cal: WorkCalendar, r: ApplicationRow, statutoryDays: number, today: string, approver?: string): StageClock[] {
  if (r.source === 'import' && (r.decidedOn || r.withdrawnOn)) return [];
  const stage = (kind: ClockKind, basis: string, spec: Parameters<typeof computeClock>[1]): StageClock => ({
    kind,
    label: CLOCK_KIND_LABELS[kind],
    basis,
    clock: clockView(computeClock(cal, spec, today)),
  });
  const out: StageClock[] = [
    stage(
      'acceptance',
      `${ARTICLE.acceptance}：申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理（${ACCEPTANCE_DAYS} 个工作日）`,
      acceptanceSpec(r),
    ),
  ];
  if (r.acceptedOn || (!awaitingCorrection(r) && !r.withdrawnOn)) {
    out.push(
      stage(
        'decision',
        `${ARTICLE.decision}：自受理之日起 ${statutoryDays} 个工作日内作出决定；不能作出决定的，经本行政机关负责人批准，可以延长 ${EXTENSION_DAYS} 个工作日；听证、检验检测检疫、专家评审的时间不计算在内（第四十五条）`,
        decisionSpec(r, statutoryDays, approver),
      ),
    );
  }
  if (r.decidedOn && !r.withdrawnOn) {
    if (r.result === 'granted') {
      out.push(
        stage('certificate', `${ARTICLE.certificate}：作出准予行政许可决定之日起 ${CERTIFICATE_DAYS} 个工作日内颁发、送达行政许可证件`, certificateSpec(r)),
      );
    }
    out.push(stage('publication', `${ARTICLE.publication}：行政许可决定自作出之日起 ${PUBLICATION_DAYS} 个工作日内公开`, publicationSpec(r)));
  }
  return out;
}

export async function detailOf(ctx: ActorCtx, stored: ApplicationRow, item: ItemRow): Promise<ApplicationDetail> {
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  const r = withDeemed(cal, stored, today);
  const own = r.orgId === ctx.actor.orgId;
  const handle = hasAction(ctx.actor, 'licensing.handle');
  // independent reads, sent together (one after another when called inside a transaction)
  const [approver, requester, files] = await together(ctx.db, [
    () => userName(ctx, r.extensionApprovedBy),
    async () => (r.extensionRequestedOn ? userName(ctx, r.extensionRequestedBy) : undefined),
    () =>
      statement(ctx.db, 'licensing.application_files', (db, name) =>
        db
          .select({
            id: licensingFiles.id,
            material: licensingFiles.material,
            fileName: licensingFiles.fileName,
            contentType: licensingFiles.contentType,
            size: licensingFiles.size,
          })
          .from(licensingFiles)
          .where(eq(licensingFiles.applicationId, sql.placeholder('id')))
          .orderBy(asc(licensingFiles.createdAt), asc(licensingFiles.id))
          .prepare(name),
      ).execute({ id: r.id }),
  ] as const);
  const due = acceptanceDue(cal, r);
  const result = (r.result as Result | null) ?? null;
  return {
    ...presentListItem(r, item.name),
    idNumber: own && handle ? r.idNumber : maskIdNumber(r.idNumber),
    idLabel: ID_LABELS[r.applicantType as ApplicantType] ?? '证件号码',
    contact: r.contact,
    summary: r.summary,
    materials: r.materials,
    files,
    item: { id: item.id, name: item.name, statutoryDays: item.statutoryDays, promisedDays: item.promisedDays, remedies: item.remedies },
    acceptanceBy: { due: due.due, provisional: due.provisional, provisionalYears: due.provisionalYears },
    correction: r.correctionSentOn ? { sentOn: r.correctionSentOn, items: r.correctionItems ?? [], correctedOn: r.correctedOn } : null,
    exclusions: r.exclusions.map((x) => ({ id: x.id, kind: x.kind, kindLabel: EXCLUSION_KIND_LABELS[x.kind], from: x.from, to: x.to ?? null, note: x.note })),
    extensionRequest:
      r.extensionRequestedOn && !r.extensionApprovedOn
        ? {
            reason: r.extensionRequestReason ?? '',
            requestedBy: r.extensionRequestedBy,
            requestedByName: requester ?? null,
            requestedOn: r.extensionRequestedOn,
          }
        : null,
    extensionRefusal: r.extensionRefusedOn ? { refusedOn: r.extensionRefusedOn, reason: r.extensionRefusalReason ?? '' } : null,
    extension:
      r.extensionDays && r.extensionApprovedOn
        ? { days: r.extensionDays, reason: r.extensionReason, approvedByName: approver ?? null, approvedOn: r.extensionApprovedOn }
        : null,
    decision:
      r.decidedOn && result
        ? {
            decidedOn: r.decidedOn,
            result,
            resultLabel: RESULT_LABELS[result],
            decisionNo: r.decisionNo,
            reason: r.decisionReason,
            remedies: r.remedies,
            lateReason: r.lateReason,
          }
        : null,
    certificate: r.certificateNo && r.certificateIssuedOn ? { certificateNo: r.certificateNo, issuedOn: r.certificateIssuedOn } : null,
    withdrawal: r.withdrawnOn ? { withdrawnOn: r.withdrawnOn, reason: r.withdrawalReason } : null,
    clocks: stageClocks(cal, r, item.statutoryDays, today, approver),
    allowedActions: allowedActions(r, { own, handle, approve: hasAction(ctx.actor, 'licensing.approve') }),
    letters: lettersOf(r, stored),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
