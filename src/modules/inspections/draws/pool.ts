/**
 * The candidate pool of a draw, before any entropy exists: the active units of the plan's scope,
 * minus those with an inspection of this org planned or under way (any status before 已办结, no
 * exception), and minus those inspected within the last N months — unless high risk or complained
 * about (settings drawRecentMonths, drawRecentKeepHighRisk, drawRecentKeepComplained). Pure: the
 * history comes from `inspectionHistory` (draws.service.ts).
 */
import { INSPECTION_STATUS_LABELS, type InspectionStatus } from '../loop/labels.js';

export interface PoolUnit {
  id: string;
  name: string;
  type: string;
  riskTier: string;
}

/** What the pool needs to know about a unit's past. */
export interface UnitHistory {
  /** Last inspection date (YYYY-MM-DD), or null. */
  lastInspectedOn: string | null;
  /** An open complaint (投诉举报) about the unit's archives work. */
  complained: boolean;
  /** Inspections of the unit not yet closed (planned or under way), earliest planned date first. */
  open?: OpenInspection[];
}

/** An inspection planned or under way (status before `closed`). */
export interface OpenInspection {
  code: string;
  status: string;
  plannedDate: string;
}

export interface ExclusionRules {
  /** Months; 0 turns the exclusion off. */
  recentMonths: number;
  keepHighRisk: boolean;
  keepComplained: boolean;
}

export interface Exclusion {
  unitId: string;
  name: string;
  reason: string;
}

/** A note on a unit kept in the pool despite a recent inspection (shown with the draw). */
export interface KeptNote {
  unitId: string;
  name: string;
  note: string;
}

/** Why a unit with inspections not yet closed stays out of the pool, e.g. "检查 J-2025-003（整改中，检查日 2025-03-20）尚未办结". */
export function openInspectionReason(open: readonly OpenInspection[]): string {
  const [first] = open;
  const label = INSPECTION_STATUS_LABELS[first!.status as InspectionStatus] ?? first!.status;
  const more = open.length > 1 ? `等 ${open.length} 项检查` : '';
  return `已有检查 ${first!.code}（${label}，检查日 ${first!.plannedDate}）${more}尚未办结，本次不再抽取`;
}

/** `day` minus `months` calendar months, clamped to the month's last day (2025-03-31 − 1 → 2025-02-28). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Split the scope into the pool and the exclusions. A unit with an inspection planned or under way
 * is left out whatever its risk (it is being inspected already). A unit inspected on a day after
 * `today − recentMonths` counts as recently inspected (on that very day it is eligible again).
 */
export function applyExclusions(
  units: readonly PoolUnit[],
  history: ReadonlyMap<string, UnitHistory>,
  rules: ExclusionRules,
  today: string,
): { pool: PoolUnit[]; excluded: Exclusion[]; kept: KeptNote[] } {
  const pool: PoolUnit[] = [];
  const excluded: Exclusion[] = [];
  const kept: KeptNote[] = [];
  const cutoff = rules.recentMonths > 0 ? monthsBefore(today, rules.recentMonths) : null;
  for (const u of units) {
    const h = history.get(u.id);
    if (h?.open?.length) {
      excluded.push({ unitId: u.id, name: u.name, reason: openInspectionReason(h.open) });
      continue;
    }
    const recent = cutoff !== null && !!h?.lastInspectedOn && h.lastInspectedOn > cutoff && h.lastInspectedOn <= today;
    if (!recent) {
      pool.push(u);
      continue;
    }
    const when = `${h!.lastInspectedOn} 已检查（${rules.recentMonths} 个月内）`;
    if (rules.keepHighRisk && u.riskTier === 'high') {
      pool.push(u);
      kept.push({ unitId: u.id, name: u.name, note: `${when}，但为高风险单位，仍参加抽取` });
    } else if (rules.keepComplained && h!.complained) {
      pool.push(u);
      kept.push({ unitId: u.id, name: u.name, note: `${when}，但有投诉举报，仍参加抽取` });
    } else {
      excluded.push({ unitId: u.id, name: u.name, reason: `${when}，本次不再抽取` });
    }
  }
  return { pool, excluded, kept };
}
