/**
 * Contracts of the calendar's HTTP surface (工作日历): the due-date calculator, the known years, entering
 * a year's official schedule. Zod only, so the web takes its types from this very file
 * (`@server/kernel/calendar/contracts`).
 */
import { z } from 'zod';
import { Timestamp } from '../http/responses.js';

// ---- requests ----

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const Year = z.coerce.number().int('年份应为整数').min(2004, '年份不能早于 2004').max(2100, '年份不能晚于 2100');

export const YearParams = z.object({ year: Year });

export const DueQuery = z.object({
  from: IsoDate,
  days: z.coerce.number().int('天数应为整数').min(1, '天数至少为 1').max(366, '天数不能超过 366'),
  unit: z.enum(['working', 'calendar'], { error: 'unit 应为 working（工作日）或 calendar（自然日）' }).default('working'),
});

export const DAY_KINDS = ['holiday', 'workday'] as const;
/** holiday 放假, workday 调休上班 (a weekend day worked). */
export const DAY_KIND_LABELS: Record<(typeof DAY_KINDS)[number], string> = { holiday: '法定节假日', workday: '调休上班' };

const ScheduleDays = z
  .array(
    z.object({
      date: IsoDate,
      kind: z.enum(DAY_KINDS, { error: '类型应为 holiday（放假）或 workday（调休上班）' }),
      name: z.string().trim().min(1, '请填写节日名称').max(20),
    }),
  )
  .max(120, '一年的特殊日期不应超过 120 天');
const NoticeText = z.string().max(20_000, '粘贴的通知不应超过 20000 字');

const scheduleFields = {
  days: ScheduleDays.optional(),
  text: NoticeText.optional(),
  note: z.string().trim().max(200).nullable().optional(),
};
const hasSchedule = (v: { days?: unknown; text?: string | undefined }) => v.days !== undefined || (v.text !== undefined && v.text.trim() !== '');
const SCHEDULE_MISSING = { message: '请粘贴国务院办公厅的通知，或在年历上选择放假和调休上班的日期', path: ['text'] };

/** A year's schedule: the days (picked on the year grid), or the State Council notice as pasted (a preview: nothing is saved). */
export const YearSchedule = z.object(scheduleFields).refine(hasSchedule, SCHEDULE_MISSING);
export type YearSchedule = z.infer<typeof YearSchedule>;

const REASON_REQUIRED = '请填写依据：国务院办公厅通知的文号和日期，更正时写明更正理由';
/**
 * Saving a year's schedule: the schedule and why (依据, required): the notice's number and date, or what
 * a correction corrects. Recorded with the event; it is also the year's note unless `note` is given.
 */
export const YearScheduleSave = z
  .object({
    ...scheduleFields,
    reason: z.string({ error: REASON_REQUIRED }).trim().min(1, REASON_REQUIRED).max(200, '依据不应超过 200 字'),
  })
  .refine(hasSchedule, SCHEDULE_MISSING);
export type YearScheduleSave = z.infer<typeof YearScheduleSave>;

// ---- responses ----

/** One exceptional day of a year: a statutory day off or an adjusted working day. */
export const CalendarDayView = z.object({ date: z.string(), kind: z.enum(DAY_KINDS), name: z.string() });
export type CalendarDayView = z.infer<typeof CalendarDayView>;

/** The states of a clock (期限), and their Chinese names. */
export const CLOCK_STATES = ['running', 'paused', 'due_soon', 'overdue', 'met', 'missed'] as const;
export type DueState = (typeof CLOCK_STATES)[number];
export const DUE_STATE_LABELS: Record<DueState, string> = {
  running: '进行中',
  paused: '已暂停',
  due_soon: '即将到期',
  overdue: '逾期',
  met: '已按期办结',
  missed: '逾期办结',
};

/** A day passed over while counting (weekend, holiday, paused, rolled over). */
export const SkippedDayView = z.object({ date: z.string(), reason: z.string(), name: z.string().optional(), provisional: z.literal(true).optional() });

export const DueResponse = z.object({
  from: z.string(),
  days: z.number().int(),
  unit: z.enum(['working', 'calendar']),
  /** Last day of the period (期限届满日). */
  due: z.string().nullable(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  provisionalNote: z.string().nullable(),
  explanation: z.array(z.string()),
  counted: z.array(z.string()),
  skipped: z.array(SkippedDayView),
});
export type DueResult = z.infer<typeof DueResponse>;

/** Where a year's schedule comes from: the chinese-days package, an admin (the State Council notice), or computed (暂定). */
export const CALENDAR_SOURCES = ['chinese-days', 'admin', 'provisional'] as const;
export const CALENDAR_SOURCE_LABELS: Record<(typeof CALENDAR_SOURCES)[number], string> = {
  'chinese-days': '内置数据',
  admin: '管理员录入',
  provisional: '暂定（推算）',
};

/** A year entered (chinese-days or an admin), with its counts. */
export const CalendarYearView = z.object({
  year: z.number().int(),
  source: z.string(),
  note: z.string().nullable(),
  enteredAt: Timestamp,
  holidays: z.number().int(),
  workdays: z.number().int(),
});
export type CalendarYear = z.infer<typeof CalendarYearView>;

/** A year not entered, computed from the statutory holidays (暂定). */
export const ProvisionalYearView = z.object({ year: z.number().int(), holidays: z.number().int(), note: z.string() });
export type ProvisionalYear = z.infer<typeof ProvisionalYearView>;

export const CalendarYearsResponse = z.object({
  items: z.array(CalendarYearView),
  provisional: z.array(ProvisionalYearView),
  /** The calendar is national: only the top org's admin enters or corrects a year (the page offers it to them alone). */
  mayEnter: z.boolean(),
  /** The org whose admin enters the calendar (the top org). */
  editorOrg: z.string().nullable(),
});
export type CalendarYears = z.infer<typeof CalendarYearsResponse>;

/** One year's schedule: entered (`chinese-days`, `admin`) or computed (`provisional`). */
export const CalendarYearDetail = z.object({
  year: z.number().int(),
  source: z.string(),
  note: z.string().nullable(),
  enteredAt: Timestamp.nullable(),
  provisional: z.boolean(),
  days: z.array(CalendarDayView),
});
export type CalendarYearDetail = z.infer<typeof CalendarYearDetail>;

/** A due mark: the date (null while paused) and whether it is provisional. */
const DueMark = z.object({ due: z.string().nullable(), provisional: z.boolean() });

/** An open clock whose due date moves (or would move) when a year's official schedule is saved. */
export const MovedDueView = z.object({
  orgId: z.string(),
  orgName: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  kind: z.string(),
  label: z.string(),
  before: DueMark,
  after: DueMark,
});
export type MovedDue = z.infer<typeof MovedDueView>;

/** What saving would do: the days read, the checks, the due dates that would move. Nothing is saved. */
export const SchedulePreviewResponse = z.object({
  year: z.number().int(),
  days: z.array(CalendarDayView),
  /** Lines read from a pasted notice (empty when days were picked). */
  lines: z.array(z.object({ line: z.number().int(), name: z.string(), holidays: z.array(z.string()), workdays: z.array(z.string()) })),
  /** Lines that could not be read. */
  lineErrors: z.array(z.object({ line: z.number().int(), text: z.string(), message: z.string() })),
  /** Refusals (a holiday missing, a 调休上班 day on a weekday …). */
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
  /** Open clocks whose due date would move. */
  moved: z.array(MovedDueView),
  /** Open clocks recomputed. */
  checked: z.number().int(),
});
export type SchedulePreview = z.infer<typeof SchedulePreviewResponse>;

/** The saved year, the warnings confirmed, and every open clock recomputed (those that moved listed). */
export const ScheduleSavedResponse = CalendarYearDetail.extend({
  warnings: z.array(z.string()),
  moved: z.array(MovedDueView),
  recomputed: z.number().int(),
  confirmed: z.number().int(),
});
export type ScheduleSaved = z.infer<typeof ScheduleSavedResponse>;
