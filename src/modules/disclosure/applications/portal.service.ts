/**
 * The portal's side of an application (no account): apply online — the receipt date is the day the
 * system confirms it (条例第三十一条第（三）项) — and track it by its code (status and the expected reply
 * date only, nothing about the applicant).
 */
import { eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../../kernel/context.js';
import { computeClock, provisionalNote } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { notFound, validation } from '../../../kernel/http/errors.js';
import { orgs } from '../../../kernel/schema.js';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../labels.js';
import { disclosureApplications } from '../schema.js';
import { insertApplication } from './applications.service.js';
import { REPLY_PERIOD, replyClockSpec, withLapses } from './clock.js';
import type { PortalApplicationInput, PortalApplyResult, PortalTrackResult } from './contracts.js';

export async function portalApply(ctx: Ctx, input: PortalApplicationInput): Promise<PortalApplyResult> {
  const [org] = await ctx.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, input.orgId));
  if (!org) throw validation('受理机关不存在', { orgId: '受理机关不存在' });
  const receivedOn = todayInChina(ctx.now()); // 条例第三十一条第（三）项：系统即时确认，确认之日为收到申请之日
  const { orgId: _orgId, ...rest } = input;
  return inTx(ctx, async (tx) => {
    const { row } = await insertApplication(tx, org.id, { ...rest, channel: 'online', receivedOn }, 'portal');
    const cal = await loadWorkCalendar(tx.db);
    const clock = computeClock(cal, replyClockSpec(row, cal), receivedOn);
    const note = clock.provisional ? provisionalNote(clock.provisionalYears) : '';
    return {
      trackingCode: row.trackingCode,
      orgName: org.name,
      receivedOn,
      expectedReplyDate: clock.due,
      /** The date depends on a year whose official holiday schedule is not entered yet (预计). */
      provisional: clock.provisional,
      provisionalYears: clock.provisionalYears,
      provisionalNote: note || null,
      message: `申请已收到。查询码 ${row.trackingCode}，请妥善保存；答复期限为收到申请之日起 ${REPLY_PERIOD} 个工作日，${clock.provisional ? '预计' : ''}不晚于 ${clock.due}（补正、征求意见、依法延期的除外）。${note}`,
    };
  });
}

export async function portalTrack(ctx: Ctx, trackingCode: string): Promise<PortalTrackResult> {
  const [r] = await ctx.db.select().from(disclosureApplications).where(eq(disclosureApplications.trackingCode, trackingCode.toUpperCase()));
  if (!r) throw notFound('该查询码对应的申请');
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  const live = withLapses(r, cal, today);
  const clock = computeClock(cal, replyClockSpec(live, cal), today);
  const status = live.status as ApplicationStatus;
  const expected = r.decidedOn ? null : clock.due;
  return {
    trackingCode: r.trackingCode,
    receivedOn: r.receivedOn,
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status],
    expectedReplyDate: expected,
    /** The expected date depends on a year whose official holiday schedule is not entered yet (预计). */
    provisional: !!expected && clock.provisional,
    provisionalYears: expected ? clock.provisionalYears : [],
    provisionalNote: expected && clock.provisional ? provisionalNote(clock.provisionalYears) : null,
    extended: !!r.extensionDays,
    awaitingCorrection: status === 'awaiting_correction',
    correctionDeadline: status === 'awaiting_correction' ? r.correctionDeadline : null,
    decidedOn: r.decidedOn,
  };
}
