/**
 * Shapes of 检查统计 (GET /api/inspections/figures, …/figures/:name/records) and 监测预警
 * (GET /api/inspections/monitors) as the pages read them — see the server's
 * src/modules/inspections/figures.ts and figures.service.ts.
 */
import { api } from './client';
import type { UnitType } from './types';

export type FigureName =
  | 'inspectionsDone'
  | 'unitsInspected'
  | 'feedbackLetters'
  | 'followUps'
  | 'interviews'
  | 'rectificationRaised'
  | 'rectificationClosed'
  | 'rectificationOverdue'
  | 'resultDistribution'
  | 'gradeDistribution';

/** The query of both endpoints: a period, a unit type, an org and 含下级. */
export interface FiguresFilter {
  from: string;
  to: string;
  unitType?: UnitType;
  orgId?: string;
  includeDescendants?: boolean;
}

export interface OrgCount {
  orgId: string;
  orgName: string;
  value: number;
}

export interface FigureBucket {
  key: string;
  label: string;
  value: number;
  byOrg: OrgCount[];
}

export interface Figure {
  name: FigureName;
  label: string;
  unit: string;
  /** The precise definition (the figure's tooltip). */
  definition: string;
  value: number;
  byOrg: OrgCount[];
  /** A distribution's buckets in order; null for a plain count. */
  buckets: FigureBucket[] | null;
}

export interface FiguresResult {
  /** `asOf` = min(to, today): the day a stock figure (整改逾期) is taken on. */
  period: { from: string; to: string; asOf: string; today: string };
  org: { id: string; name: string };
  includeDescendants: boolean;
  unitType: UnitType | null;
  /** The orgs in scope; `depth` below the chosen org (0 = itself). */
  orgs: { id: string; name: string; depth: number }[];
  figures: Figure[];
}

/** One record behind a figure. */
export interface FigureRecord {
  key: string;
  orgId: string;
  orgName: string;
  inspectionId: string | null;
  inspectionCode: string | null;
  evaluationId: string | null;
  unitId: string | null;
  unitName: string | null;
  unitType: UnitType | null;
  source: string | null;
  sourceLabel: string | null;
  /** The day that counts for the figure, and what it is (签字日期、反馈日期 …). */
  date: string;
  dateLabel: string;
  dates: Record<string, string | null>;
  itemCode: string | null;
  itemTitle: string | null;
  itemStatusLabel: string | null;
  bucket: string | null;
  bucketLabel: string | null;
  note: string | null;
}

export interface FigureRecordsResult {
  name: FigureName;
  label: string;
  unit: string;
  definition: string;
  key: string | null;
  keyLabel: string | null;
  period: { from: string; to: string; asOf: string };
  total: number;
  items: FigureRecord[];
  page: number;
  pageSize: number;
}

// ---- 监测预警 ----

export interface InspectionBrief {
  id: string;
  code: string;
  orgName: string;
  /** The day the unit was inspected: on site, else planned. */
  date: string;
  /** The on-site record is signed. */
  done: boolean;
  sourceLabel: string;
}

export interface RepeatWarning {
  unitName: string;
  unitId: string;
  earlier: InspectionBrief;
  later: InspectionBrief;
  /** Days between the two. */
  days: number;
  message: string;
}

export interface OverdueRectification {
  inspectionId: string;
  code: string;
  orgName: string;
  unitId: string;
  unitName: string;
  feedbackOn: string | null;
  rectificationDue: string;
  daysOverdue: number;
  items: { id: string; code: string; title: string; status: string; statusLabel: string; returnCount: number }[];
}

export interface InspectorLoad {
  inspectorId: string;
  name: string;
  certificateNo: string;
  done: number;
  upcoming: number;
  months: { month: string; count: number; codes: string[] }[];
  overloaded: { month: string; count: number }[];
  warning: string | null;
}

export interface MonitorsResult {
  today: string;
  period: { from: string; to: string };
  org: { id: string; name: string };
  includeDescendants: boolean;
  settings: { repeatInspectionDays: number; inspectorMonthlyMax: number };
  repeats: RepeatWarning[];
  overdue: OverdueRectification[];
  workload: InspectorLoad[];
}

/** The three warning counts (dashboard card, page tabs): pairs, overdue items, overloaded inspectors. */
export function warningCounts(m: MonitorsResult) {
  return {
    repeats: m.repeats.length,
    overdueItems: m.overdue.reduce((n, o) => n + o.items.length, 0),
    overdueInspections: m.overdue.length,
    overloaded: m.workload.filter((w) => w.warning).length,
  };
}

/** The monitors of a calendar year for the org (default the user's own) and, with `sub`, every org below it. */
export const monitorsQuery = (year: number, orgId?: string, sub?: boolean) => ({
  queryKey: ['/api/inspections/monitors', year, orgId ?? null, !!sub],
  queryFn: () => api.get<MonitorsResult>('/api/inspections/monitors', { from: `${year}-01-01`, to: `${year}-12-31`, orgId, includeDescendants: sub ? 'true' : undefined }),
});
