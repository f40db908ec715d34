/**
 * Entering a year's official schedule (工作日历 → 录入国务院安排), RULES.md §1: read the pasted notice
 * or the picked days, check them, and on saving recompute every open clock (every org: the calendar
 * is national) and report each due date that moved, old → new, with an event on the affected record's
 * whole-process record. A preview does the same without writing, so the admin sees what will move.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordEvent, recordEvents, type AuditInput } from '../audit/index.js';
import { hasAction } from '../auth/policy.js';
import { inTx, type Actor, type ActorCtx, type Ctx } from '../context.js';
import { AppError, forbidden } from '../http/errors.js';
import { clocks, orgs } from '../schema.js';
import { type CalendarDay, WorkCalendar, yearOf } from './calendar.js';
import { type ClockSpec, computeClockOrPending } from './clock.js';
import { storeClockSnapshots } from './clocks.js';
import type { MovedDue, SchedulePreview } from './contracts.js';
import { checkSchedule, type NoticeLineError, parseNotice, type ParsedNotice } from './schedule.js';
import { getYear, invalidateCalendar, loadWorkCalendar, readWorkCalendar, replaceYear, todayInChina } from './store.js';

export interface ScheduleInput {
  /** The days, as picked on the year grid (or already parsed). */
  days?: CalendarDay[] | undefined;
  /** The notice as pasted; read when `days` is not given. */
  text?: string | undefined;
  note?: string | null | undefined;
}

/** Saving also says why (依据): the notice's number and date, or what a correction corrects. */
export interface ScheduleSaveInput extends ScheduleInput {
  reason: string;
}

/**
 * The calendar is national: every org counts its periods on it. Only the top org's admin (the org
 * with no parent: its path is itself) enters or corrects a year, and so sees the due dates of every
 * org that an entry moves; any other admin reads it like everybody else.
 */
export function mayEnterCalendar(actor: Actor): boolean {
  return hasAction(actor, 'calendar.manage') && actor.orgPath === `/${actor.orgId}/`;
}

/** The top org's name: the one whose admin enters the calendar. */
export async function calendarEditorOrg(ctx: Ctx): Promise<string | null> {
  const [top] = await ctx.db.select({ name: orgs.name }).from(orgs).where(isNull(orgs.parentId)).orderBy(orgs.createdAt).limit(1);
  return top?.name ?? null;
}

/** 403 with the reason for anybody but the top org's admin (the preview too: it lists every org's due dates). */
export async function assertMayEnterCalendar(ctx: ActorCtx): Promise<void> {
  if (mayEnterCalendar(ctx.actor)) return;
  const top = await calendarEditorOrg(ctx);
  throw forbidden(`工作日历全国通用，各级机构共用：节假日安排只能由${top ?? '最上级机构'}的系统管理员录入或更正`);
}

function daysOf(year: number, input: ScheduleInput): { days: CalendarDay[]; lines: ParsedNotice['lines']; lineErrors: NoticeLineError[] } {
  if (input.days) return { days: input.days, lines: [], lineErrors: [] };
  if (input.text !== undefined) {
    const p = parseNotice(year, input.text);
    return { days: p.days, lines: p.lines, lineErrors: p.errors };
  }
  return { days: [], lines: [], lineErrors: [] };
}

/**
 * A module's part in entering a year: rebuild whatever it derived from the calendar (a clock spec
 * counted backwards, a stored deadline) under the new calendar `cal`, in the same transaction, before
 * the open clocks are compared. Modules hand these to the kernel through app.ts.
 */
export type CalendarChangeHook = (tx: ActorCtx, cal: WorkCalendar, today: string) => Promise<void>;

type DueMark = MovedDue['before'];
type OpenClock = Omit<MovedDue, 'before' | 'after'> & { id: string; spec: unknown; result: DueMark };

/** Every open clock (all orgs) computed under `cal`. */
async function openClocks(ctx: Ctx, cal: WorkCalendar, today: string): Promise<OpenClock[]> {
  const rows = await ctx.db
    .select({ c: clocks, orgName: orgs.name })
    .from(clocks)
    .innerJoin(orgs, eq(orgs.id, clocks.orgId))
    .where(isNull(clocks.closedAt))
    .orderBy(orgs.path, clocks.createdAt);
  return rows.map(({ c, orgName }) => {
    const r = computeClockOrPending(cal, c.spec as ClockSpec, today);
    return {
      id: c.id,
      spec: c.spec,
      orgId: c.orgId,
      orgName,
      entityType: c.entityType,
      entityId: c.entityId,
      kind: c.kind,
      label: c.label,
      result: { due: r.due, provisional: r.provisional },
    };
  });
}

class Rollback extends Error {
  constructor(readonly result: Applied) {
    super('preview');
  }
}

interface Applied {
  moved: MovedDue[];
  confirmed: number;
  checked: number;
  beforeCal: WorkCalendar;
  beforeYear: Awaited<ReturnType<typeof getYear>>;
}

/**
 * Replaces the year, lets the modules rebuild what they derived from the calendar, and compares every
 * open clock before and after. Runs inside the caller's transaction; writes no audit event.
 */
async function applyYear(
  tx: ActorCtx,
  year: number,
  days: CalendarDay[],
  note: string | null,
  hooks: readonly CalendarChangeHook[],
  today: string,
): Promise<Applied> {
  await tx.db.execute(sql`LOCK TABLE calendar_years IN SHARE ROW EXCLUSIVE MODE`);
  const beforeYear = await getYear(tx.db, year);
  const beforeCal = await readWorkCalendar(tx.db);
  const before = new Map((await openClocks(tx, beforeCal, today)).map((c) => [c.id, c]));
  await replaceYear(tx.db, year, days, { note, enteredBy: tx.actor.userId, at: tx.now() });
  const afterCal = await readWorkCalendar(tx.db);
  for (const hook of hooks) await hook(tx, afterCal, today);
  const moved: MovedDue[] = [];
  let confirmed = 0;
  const after = await openClocks(tx, afterCal, today);
  // Every open clock's stored snapshot under the new calendar (what the dashboard sorts and counts by).
  await storeClockSnapshots(tx, afterCal, today, after);
  for (const c of after) {
    const b = before.get(c.id)?.result ?? { due: null, provisional: false };
    if (b.due === c.result.due) {
      if (b.provisional && !c.result.provisional) confirmed++;
      continue;
    }
    moved.push({
      orgId: c.orgId,
      orgName: c.orgName,
      entityType: c.entityType,
      entityId: c.entityId,
      kind: c.kind,
      label: c.label,
      before: b,
      after: c.result,
    });
  }
  return { moved, confirmed, checked: after.length, beforeCal, beforeYear };
}

/**
 * What saving would do — the parsed days, the checks, and the due dates that would move — computed by
 * doing it in a transaction that is then rolled back, so the preview and the save cannot disagree.
 */
export async function previewYear(ctx: ActorCtx, year: number, input: ScheduleInput, hooks: readonly CalendarChangeHook[] = []): Promise<SchedulePreview> {
  await assertMayEnterCalendar(ctx);
  const { days, lines, lineErrors } = daysOf(year, input);
  const check = checkSchedule(year, days);
  let moved: MovedDue[] = [];
  let checked = 0;
  if (!lineErrors.length && !check.errors.length && days.length) {
    const today = todayInChina(ctx.now());
    try {
      await inTx(ctx, async (tx) => {
        throw new Rollback(await applyYear(tx, year, days, input.note ?? null, hooks, today));
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
      ({ moved, checked } = e.result);
    }
  }
  return { year, days, lines, lineErrors, errors: check.errors, warnings: check.warnings, moved, checked };
}

/** Chinese for a due date with its mark, for timelines: 2027-01-08（预计）. */
const dueText = (d: { due: string | null; provisional: boolean }) => (d.due ? `${d.due}${d.provisional ? '（预计）' : ''}` : '暂停计时');

/**
 * Saves a year's official schedule: refused (400, field named, nothing written) when the notice has
 * a line that cannot be read or the schedule breaks the 办法; otherwise replaces the year, lets the
 * modules rebuild what they derived, recomputes every open clock in the same transaction and records
 * one event per record whose due date moved.
 */
export async function setYear(ctx: ActorCtx, year: number, input: ScheduleSaveInput, hooks: readonly CalendarChangeHook[] = []) {
  await assertMayEnterCalendar(ctx);
  const reason = input.reason.trim();
  if (!reason) throw new AppError('validation', '请填写依据：国务院办公厅通知的文号和日期，更正时写明更正理由', { fields: { reason: '请填写依据' } });
  const note = input.note?.trim() || reason;
  const { days, lineErrors } = daysOf(year, input);
  if (lineErrors.length) {
    throw new AppError('validation', lineErrors.map((e) => e.message).join('；'), { fields: { text: lineErrors[0]!.message } });
  }
  const check = checkSchedule(year, days);
  if (check.errors.length) {
    throw new AppError('validation', `${year}年节假日安排有误：${check.errors.join('；')}`, {
      fields: { [input.days ? 'days' : 'text']: check.errors.join('；') },
    });
  }
  const today = todayInChina(ctx.now());
  const result = await inTx(ctx, async (tx) => {
    const { moved, confirmed, checked, beforeCal, beforeYear } = await applyYear(tx, year, days, note, hooks, today);
    await recordEvent(tx, {
      orgId: ctx.actor.orgId,
      action: 'calendar.year_set',
      entityType: 'calendarYear',
      entityId: String(year),
      before: beforeYear
        ? { source: beforeYear.source, note: beforeYear.note, days: beforeYear.days }
        : { source: 'provisional', days: beforeCal.provisionalDays(year) },
      after: { source: 'admin', days, note, reason, recomputed: checked, moved: moved.length, warnings: check.warnings },
    });
    // One event per record whose due date moved, on that record's own chain.
    const byOrg = new Map<string, AuditInput[]>();
    for (const m of moved) {
      const list = byOrg.get(m.orgId) ?? [];
      list.push({
        orgId: m.orgId,
        action: 'calendar.due_recomputed',
        entityType: m.entityType,
        entityId: m.entityId,
        before: { clock: m.label, due: m.before.due, provisional: m.before.provisional },
        after: {
          clock: m.label,
          due: m.after.due,
          provisional: m.after.provisional,
          reason: `录入国务院公布的${year}年节假日安排后重新计算：${dueText(m.before)} → ${dueText(m.after)}`,
        },
      });
      byOrg.set(m.orgId, list);
    }
    for (const events of byOrg.values()) await recordEvents(tx, events);
    return { moved, checked, confirmed };
  });
  invalidateCalendar();
  const saved = await getYear(ctx.db, year);
  return { ...saved!, provisional: false, warnings: check.warnings, moved: result.moved, recomputed: result.checked, confirmed: result.confirmed };
}

/**
 * From 1 October: next year's schedule is not entered yet, and how many open clocks of `orgId`
 * already reach into it (their due date depends on its provisional days). Null otherwise.
 */
export async function nextYearNotice(ctx: Ctx, orgId: string): Promise<{ year: number; openClocks: number } | null> {
  const today = todayInChina(ctx.now());
  if (today.slice(5) < '10-01') return null;
  const year = yearOf(today) + 1;
  const cal = await loadWorkCalendar(ctx.db);
  if (cal.isKnownYear(year)) return null;
  const open = await ctx.db
    .select({ spec: clocks.spec })
    .from(clocks)
    .where(and(eq(clocks.orgId, orgId), isNull(clocks.closedAt)));
  let n = 0;
  for (const c of open) {
    const r = computeClockOrPending(cal, c.spec as ClockSpec, today);
    if (r.provisionalYears.includes(year)) n++;
  }
  return { year, openClocks: n };
}
