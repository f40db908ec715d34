/**
 * Shapes of 检查统计 (GET /api/inspections/figures, …/figures/:name/records) and 监测预警
 * (GET /api/inspections/monitors) as the pages read them — see the server's
 * src/modules/inspections/figures.ts, figures.types.ts (re-exported here) and figures.service.ts.
 */
import { api } from './client';
import type { UnitType } from './types';
import type { FigureRecord, InspectorLoad, OverdueRectification, RepeatWarning } from '../../../src/modules/inspections/figures.types';

// The records and warnings: the server's own dependency-free file.
export type { FigureRecord, InspectionBrief, InspectorLoad, OverdueRectification, RepeatWarning } from '../../../src/modules/inspections/figures.types';

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
