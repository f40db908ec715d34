/**
 * The working calendar (工作日历) as TanStack Query hooks: the known years, one year's schedule, the
 * due-date calculator, and entering a year (preview, save). Types from the kernel's calendar contracts;
 * what saving a year reloads (the years, every due date on the dashboard) is said here once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarYearDetail,
  CalendarYears,
  DueResult,
  SchedulePreview,
  ScheduleSaved,
  YearSchedule,
  YearScheduleSave,
} from '@server/kernel/calendar/contracts';
import { api } from '../../api/client';
import { dashboardKeys } from '../dashboard/queries';

const YEARS_URL = '/api/calendar/years';

export const calendarKeys = {
  /** The years list and every year's schedule. */
  years: [YEARS_URL] as const,
  year: (year: number) => [YEARS_URL, year] as const,
};

export function useCalendarYears() {
  return useQuery({ queryKey: calendarKeys.years, queryFn: () => api.get<CalendarYears>(YEARS_URL) });
}

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: calendarKeys.year(year), queryFn: () => api.get<CalendarYearDetail>(`${YEARS_URL}/${year}`) });
}

/** 期限计算: a read, but run on demand (a mutation keeps the last answer until the next one). */
export function useDueCalculation() {
  return useMutation({
    mutationFn: (q: { from: string; days: number; unit: 'working' | 'calendar' }) => api.get<DueResult>('/api/calendar/due', q),
  });
}

/** Reads the pasted notice or the picked days, checks them, lists what would move; saves nothing. */
export function usePreviewYear(year: number) {
  return useMutation({ mutationFn: (body: Pick<YearSchedule, 'text' | 'days'>) => api.post<SchedulePreview>(`${YEARS_URL}/${year}/preview`, body) });
}

/** Saves a year's official schedule: the years reload, and so does every due date the dashboard shows. */
export function useSaveYear(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: YearScheduleSave) => api.put<ScheduleSaved>(`${YEARS_URL}/${year}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: calendarKeys.years });
      void qc.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });
}
