/** Calendar HTTP surface: due-date computation, known years, entering a new year's schedule. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../http/context.js';
import { notFound, validation } from '../http/errors.js';
import { type CalendarDay, type DayKind } from './calendar.js';
import { computeClock, provisionalNote } from './clock.js';
import {
  CalendarYearDetail,
  CalendarYearsResponse,
  DueQuery,
  DueResponse,
  SchedulePreviewResponse,
  ScheduleSavedResponse,
  YearParams,
  YearSchedule,
  YearScheduleSave,
} from './contracts.js';
import { PROVISIONAL_FIRST_YEAR, PROVISIONAL_LAST_YEAR } from './provisional.js';
import { getYear, listYears, loadWorkCalendar, todayInChina } from './store.js';
import { assertMayEnterCalendar, type CalendarChangeHook, calendarEditorOrg, mayEnterCalendar, previewYear, setYear } from './years.service.js';

/** A stored year as the API sends it (the entry time as ISO text, each day's kind typed). */
function presentYear<Y extends { enteredAt: Date; days: { date: string; kind: string; name: string }[] }>(y: Y) {
  return { ...y, enteredAt: y.enteredAt.toISOString(), days: y.days.map((d) => ({ ...d, kind: d.kind as DayKind })) };
}

/** Field errors for days outside the year or repeated (the rest is checked by the service). */
function checkDaysShape(year: number, days: CalendarDay[] | undefined): void {
  if (!days) return;
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (!d.date.startsWith(`${year}-`)) fields[`days.${i}.date`] = `日期不在 ${year} 年内`;
    else if (seen.has(d.date)) fields[`days.${i}.date`] = '日期重复';
    seen.add(d.date);
  });
  if (Object.keys(fields).length) throw validation('节假日安排有误', fields);
}

/** `hooks`: the modules' parts in entering a year (rebuilding what they derived from the calendar). */
export const calendarRoutes: FastifyPluginAsyncZod<{ hooks?: readonly CalendarChangeHook[] }> = async (app, opts) => {
  const hooks = opts.hooks ?? [];
  const tags = ['工作日历'];
  app.get(
    '/api/calendar/due',
    {
      schema: { tags, summary: '期限计算：自某日起 N 个工作日/自然日的届满日，并说明计入和跳过的日期', querystring: DueQuery, response: { 200: DueResponse } },
    },
    async (req) => {
      authed(req, 'calendar.read');
      const { from, days, unit } = req.query;
      const cal = await loadWorkCalendar(app.db);
      const r = computeClock(cal, { start: from, period: days, unit }, from);
      return {
        from,
        days,
        unit,
        due: r.due,
        provisional: r.provisional,
        provisionalYears: r.provisionalYears,
        provisionalNote: r.provisional ? provisionalNote(r.provisionalYears) : null,
        explanation: r.explanation,
        counted: r.countedDays,
        skipped: r.skippedDays,
      };
    },
  );

  app.get(
    '/api/calendar/years',
    { schema: { tags, summary: '已录入节假日安排的年份，以及本年、下一年中尚未录入、按法定节假日推算的年份', response: { 200: CalendarYearsResponse } } },
    async (req) => {
      const ctx = authed(req, 'calendar.read');
      const items = await listYears(app.db);
      const cal = await loadWorkCalendar(app.db);
      const thisYear = Number(todayInChina(ctx.now()).slice(0, 4));
      const provisional = [thisYear, thisYear + 1]
        .filter((y) => cal.isProvisionalYear(y))
        .map((year) => ({ year, holidays: cal.provisionalDays(year).length, note: provisionalNote([year]) }));
      return {
        items: items.map((y) => ({ ...y, enteredAt: y.enteredAt.toISOString() })),
        provisional,
        mayEnter: mayEnterCalendar(ctx.actor),
        editorOrg: await calendarEditorOrg(ctx),
      };
    },
  );

  app.get(
    '/api/calendar/years/:year',
    { schema: { tags, summary: '某年的节假日安排（已录入的，或按法定节假日推算的）', params: YearParams, response: { 200: CalendarYearDetail } } },
    async (req) => {
      authed(req, 'calendar.read');
      const { year } = req.params;
      const y = await getYear(app.db, year);
      if (y) return { ...presentYear(y), provisional: false };
      const cal = await loadWorkCalendar(app.db);
      if (!cal.isProvisionalYear(year)) throw notFound(`${year}年的节假日安排`);
      return {
        year,
        source: 'provisional',
        note: `按《全国年节及纪念日放假办法》推算（${PROVISIONAL_FIRST_YEAR}–${PROVISIONAL_LAST_YEAR} 年未录入时适用），只含法定节假日和补假，不含调休上班`,
        enteredAt: null,
        provisional: true,
        days: cal.provisionalDays(year),
      };
    },
  );

  app.post(
    '/api/calendar/years/:year/preview',
    {
      schema: {
        tags,
        summary: '预览：读出粘贴的通知或所选日期，校验，并列出保存后将变化的期限（不保存）；仅最上级机构的系统管理员',
        params: YearParams,
        body: YearSchedule,
        response: { 200: SchedulePreviewResponse },
      },
    },
    async (req) => {
      const ctx = authed(req, 'calendar.manage');
      await assertMayEnterCalendar(ctx); // before the days are looked at: a county admin learns nothing else
      checkDaysShape(req.params.year, req.body.days);
      return previewYear(ctx, req.params.year, req.body, hooks);
    },
  );

  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary:
          '录入或更正某年的节假日安排（国务院办公厅通知，粘贴原文或逐日选择，并写明依据）；仅最上级机构的系统管理员；保存后重新计算所有未办结的期限，返回日期有变化的期限',
        params: YearParams,
        body: YearScheduleSave,
        response: { 200: ScheduleSavedResponse },
      },
    },
    async (req) => {
      const ctx = authed(req, 'calendar.manage');
      await assertMayEnterCalendar(ctx); // before the days are looked at: a county admin learns nothing else
      checkDaysShape(req.params.year, req.body.days);
      return presentYear(await setYear(ctx, req.params.year, req.body, hooks));
    },
  );
};
