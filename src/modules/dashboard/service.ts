/**
 * 工作台: what is due and overdue for me. Statutory clocks (kernel `clocks` table, computed by the
 * one Clock model) plus inspector certificates that are expiring or expired.
 */
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Actor, Ctx } from '../../kernel/context.js';
import { hasAction } from '../../kernel/auth/policy.js';
import { clocks } from '../../kernel/schema.js';
import { addDays, computeClockOrPending, daysBetween, type ClockSpec, type ClockState } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import { getSetting } from '../../kernel/settings.js';
import { inspectors } from '../orgs/schema.js';
import { inspections } from '../inspections/schema.js';

/** Chinese names of the kinds of deadline the dashboard shows; modules add theirs here. */
export const DUE_KIND_LABELS: Record<string, string> = {
  certificate: '执法证有效期',
  'disclosure.reply': '依申请公开答复',
  'inspection.notice': '检查通知书送达',
  'inspection.record': '现场检查记录归档',
  'inspection.rectification': '检查整改期限',
  'inspection.commitment': '约谈整改承诺',
  'inspection.publication': '检查结果公开',
};

export interface DueItem {
  key: string;
  kind: string;
  kindLabel: string;
  label: string;
  entityType: string;
  entityId: string;
  due: string | null;
  daysLeft: number | null;
  state: ClockState;
  explanation: string[];
}

const STATE_ORDER: Record<ClockState, number> = { overdue: 0, due_soon: 1, running: 2, paused: 3, missed: 4, met: 5 };

export async function myDueItems(ctx: Ctx & { actor: Actor }): Promise<{ items: DueItem[]; counts: { overdue: number; dueSoon: number; running: number } }> {
  const today = todayInChina(ctx.now());
  const items: DueItem[] = [];

  const open = await ctx.db
    .select()
    .from(clocks)
    .where(and(eq(clocks.orgId, ctx.actor.orgId), isNull(clocks.closedAt), or(isNull(clocks.assigneeId), eq(clocks.assigneeId, ctx.actor.userId))));
  // Inspection clocks are the bureau's (inspection.read); a unit's archivist sees only the
  // rectification deadline (and interview commitment) of its own unit's inspections.
  const ownInspections = new Set<string>();
  if (!hasAction(ctx.actor, 'inspection.read') && hasAction(ctx.actor, 'ownUnit.inspect') && ctx.actor.unitId) {
    const rows = await ctx.db.select({ id: inspections.id }).from(inspections).where(and(eq(inspections.orgId, ctx.actor.orgId), eq(inspections.unitId, ctx.actor.unitId)));
    for (const r of rows) ownInspections.add(r.id);
  }
  const visible = open.filter(
    (c) => c.entityType !== 'inspection' || hasAction(ctx.actor, 'inspection.read') || ((c.kind === 'inspection.rectification' || c.kind === 'inspection.commitment') && ownInspections.has(c.entityId)),
  );
  if (visible.length) {
    const cal = await loadWorkCalendar(ctx.db);
    for (const c of visible) {
      const r = computeClockOrPending(cal, c.spec as ClockSpec, today);
      items.push({ key: `clock:${c.id}`, kind: c.kind, kindLabel: DUE_KIND_LABELS[c.kind] ?? '法定期限', label: c.label, entityType: c.entityType, entityId: c.entityId, due: r.due, daysLeft: r.daysLeft, state: r.state, explanation: r.explanation });
    }
  }

  // Certificates: an admin who keeps the inspector directory sees all; an inspector sees their own.
  const warnDays = await getSetting(ctx.db, ctx.actor.orgId, 'certificateWarnDays');
  const horizon = addDays(today, warnDays);
  const certs = await ctx.db
    .select()
    .from(inspectors)
    .where(
      and(
        eq(inspectors.orgId, ctx.actor.orgId),
        eq(inspectors.status, 'active'),
        lte(inspectors.certExpiresOn, horizon),
        hasAction(ctx.actor, 'inspector.write') ? undefined : eq(inspectors.userId, ctx.actor.userId),
      ),
    );
  for (const i of certs) {
    const left = daysBetween(today, i.certExpiresOn);
    const state: ClockState = left < 0 ? 'overdue' : 'due_soon';
    items.push({
      key: `certificate:${i.id}`,
      kind: 'certificate',
      kindLabel: DUE_KIND_LABELS.certificate!,
      label: `${i.name} 的执法证（${i.certificateNo}）${left < 0 ? '已过期' : '即将到期'}`,
      entityType: 'inspector',
      entityId: i.id,
      due: i.certExpiresOn,
      daysLeft: left,
      state,
      explanation: [
        `执法证有效期至 ${i.certExpiresOn}（档案法实施条例第四十七条：执法人员应持有效证件）`,
        left < 0 ? `今天 ${today} 已过期 ${-left} 天（自然日），不得参加检查` : `今天 ${today} 距到期还有 ${left} 天（自然日），提醒期 ${warnDays} 天`,
      ],
    });
  }

  items.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  return {
    items,
    counts: {
      overdue: items.filter((i) => i.state === 'overdue').length,
      dueSoon: items.filter((i) => i.state === 'due_soon').length,
      running: items.filter((i) => i.state === 'running').length,
    },
  };
}
