/**
 * 一公开, the pure part: the 20-working-day clock from the feedback letter, the rectification progress
 * the portal shows (computed live from the items and the deadline), the result counts and the default
 * text published from the record (no names of persons).
 */
import type { ClockSpec } from '../../../kernel/calendar/index.js';
import { formatChineseDate } from '../../../kernel/documents/index.js';
import type { DueView, OnSiteRecord, RectificationItem } from '../loop/loop.js';
import type { RectificationProgressCode } from './contracts.js';

/**
 * 一公开: inspection results are published within 20 working days of the result being formed
 * (结果形成之日 = the day the feedback letter is issued) — 国办发〔2018〕118号 (行政执法公示制度),
 * RULES.md §3.
 */
export const INSPECTION_PUBLICATION_DAYS = 20;

/** The publication clock: `INSPECTION_PUBLICATION_DAYS` working days from the feedback date; met (or missed) on publication. */
export function publicationClockSpec(feedbackOn: string, publishedOn: string | null): ClockSpec {
  return { start: feedbackOn, period: INSPECTION_PUBLICATION_DAYS, unit: 'working', dueSoonDays: 5, ...(publishedOn ? { completedOn: publishedOn } : {}) };
}

/** The progress with the deadline as it stands (from the clock: provisional 预计 while its year is not entered). */
export function withDue<T extends { due: string | null }>(p: T, d: DueView): T & { provisional: boolean; provisionalYears: number[] } {
  return { ...p, provisional: !!p.due && d.provisional, provisionalYears: p.due ? d.provisionalYears : [] };
}

/** The rectification status as the portal shows it, computed live from the items and the deadline. */
export function rectificationProgress(
  items: RectificationItem[],
  due: string | null,
  status: string,
  today: string,
): { code: RectificationProgressCode; label: string; accepted: number; total: number; due: string | null } {
  const total = items.length;
  const accepted = items.filter((x) => x.status === 'accepted').length;
  const base = { accepted, total, due: total ? due : null };
  if (!total) return { code: 'none', label: '无需整改', ...base };
  if (accepted === total) return { code: 'done', label: '已完成整改', ...base };
  // Closed by hand (e.g. after an interview or a follow-up) with items still open.
  if (status === 'closed') return { code: 'closed', label: `已办结（${accepted}/${total} 项整改已通过）`, ...base };
  if (due && today > due) return { code: 'overdue', label: `逾期未完成（${accepted}/${total} 项已通过）`, ...base };
  return { code: 'in_progress', label: `整改中（${accepted}/${total} 项已通过）`, ...base };
}

export function resultCounts(record: OnSiteRecord | null) {
  const items = record?.items ?? [];
  const n = (k: string) => items.filter((x) => x.result === k).length;
  return { checked: items.filter((x) => x.result).length, compliant: n('compliant'), nonCompliant: n('non_compliant'), notApplicable: n('not_applicable') };
}

/** The default text published on the portal: from the record, without any person's name. */
export function defaultPublicResult(input: {
  orgName: string;
  unitName: string;
  onSiteDate: string;
  sourceLabel: string;
  areas: string[];
  record: OnSiteRecord | null;
  conclusion: string | null;
  items: RectificationItem[];
  rectificationDue: string | null;
  /** The deadline depends on a year whose holiday schedule is not entered: said as 预计. */
  rectificationDueProvisional?: boolean;
}): string {
  const c = resultCounts(input.record);
  const parts = [
    `${formatChineseDate(input.onSiteDate)}，${input.orgName}依据《中华人民共和国档案法》第四十二条，对${input.unitName}档案工作开展了行政检查（${input.sourceLabel}）。`,
    `检查事项 ${c.checked} 项，涉及${input.areas.map((a) => a.replace(/^（[一二三四五六]）/, '')).join('、')}。`,
    `检查结果：符合 ${c.compliant} 项，不符合 ${c.nonCompliant} 项，不适用 ${c.notApplicable} 项。`,
  ];
  if (input.conclusion?.trim()) parts.push(input.conclusion.trim().replace(/([^。！？.])$/, '$1。'));
  if (input.items.length) {
    parts.push(`发现的问题：${input.items.map((x) => `${x.code} ${x.title}`).join('；')}。`);
    parts.push(
      input.rectificationDue
        ? `已责令限期整改，整改期限至${formatChineseDate(input.rectificationDue)}${input.rectificationDueProvisional ? '（预计）' : ''}。`
        : '已责令限期整改。',
    );
  } else {
    parts.push('未发现需要整改的问题。');
  }
  return parts.join('');
}
