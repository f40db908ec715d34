/** Calendar HTTP surface: due-date computation, known years, entering a new year's schedule. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTx } from '../context.js';
import { recordEvent } from '../audit/index.js';
import { authed } from '../http/context.js';
import { notFound, validation } from '../http/errors.js';
import { WorkCalendar, type CalendarDay } from './calendar.js';
import { computeClock } from './clock.js';
import { getYear, invalidateCalendar, listYears, loadWorkCalendar, replaceYear } from './store.js';

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const Year = z.coerce.number().int('年份应为整数').min(2004, '年份不能早于 2004').max(2100, '年份不能晚于 2100');

export const YearSchedule = z.object({
  days: z
    .array(z.object({ date: IsoDate, kind: z.enum(['holiday', 'workday'], { error: '类型应为 holiday（放假）或 workday（调休上班）' }), name: z.string().trim().min(1, '请填写节日名称').max(20) }))
    .max(120, '一年的特殊日期不应超过 120 天'),
  note: z.string().trim().max(200).nullable().optional(),
});

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/calendar/due',
    {
      schema: {
        tags: ['工作日历'],
        summary: '期限计算：自某日起 N 个工作日/自然日的届满日，并说明计入和跳过的日期',
        querystring: z.object({
          from: IsoDate,
          days: z.coerce.number().int('天数应为整数').min(1, '天数至少为 1').max(366, '天数不能超过 366'),
          unit: z.enum(['working', 'calendar'], { error: 'unit 应为 working（工作日）或 calendar（自然日）' }).default('working'),
        }),
      },
    },
    async (req) => {
      authed(req, 'calendar.read');
      const { from, days, unit } = req.query;
      const cal = await loadWorkCalendar(app.db);
      const r = computeClock(cal, { start: from, period: days, unit }, from);
      return { from, days, unit, due: r.due, explanation: r.explanation, counted: r.countedDays, skipped: r.skippedDays };
    },
  );

  app.get('/api/calendar/years', { schema: { tags: ['工作日历'], summary: '已录入节假日安排的年份' } }, async (req) => {
    authed(req, 'calendar.read');
    return { items: await listYears(app.db) };
  });

  app.get('/api/calendar/years/:year', { schema: { tags: ['工作日历'], params: z.object({ year: Year }) } }, async (req) => {
    authed(req, 'calendar.read');
    const y = await getYear(app.db, req.params.year);
    if (!y) throw notFound(`${req.params.year}年的节假日安排`);
    return y;
  });

  app.put(
    '/api/calendar/years/:year',
    { schema: { tags: ['工作日历'], summary: '录入或更正某年的节假日安排（国务院办公厅通知）', params: z.object({ year: Year }), body: YearSchedule } },
    async (req) => {
      const ctx = authed(req, 'calendar.manage');
      const { year } = req.params;
      const days: CalendarDay[] = req.body.days;
      const fields: Record<string, string> = {};
      const seen = new Set<string>();
      days.forEach((d, i) => {
        if (!d.date.startsWith(`${year}-`)) fields[`days.${i}.date`] = `日期不在 ${year} 年内`;
        else if (seen.has(d.date)) fields[`days.${i}.date`] = '日期重复';
        seen.add(d.date);
      });
      if (Object.keys(fields).length) throw validation('节假日安排有误', fields);
      try {
        new WorkCalendar({ years: [year], days }); // rejects a 调休上班 on a weekday and similar mistakes
      } catch (e) {
        throw validation(e instanceof Error ? e.message : '节假日安排有误');
      }
      const result = await inTx(ctx, async (tx) => {
        const before = await getYear(tx.db, year);
        await replaceYear(tx.db, year, days, { note: req.body.note, enteredBy: ctx.actor.userId, at: tx.now() });
        await recordEvent(tx, { orgId: ctx.actor.orgId, action: 'calendar.year_set', entityType: 'calendarYear', entityId: String(year), before: before?.days ?? null, after: days });
        return getYear(tx.db, year);
      });
      invalidateCalendar();
      return result;
    },
  );
};
