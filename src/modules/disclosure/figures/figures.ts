/**
 * The disclosure figures (统计数) — section 三 and 四 of the annual report counted over any period, pure:
 * each figure is a named function over the records loaded for the scope that returns the records it
 * counts (value = number of records, so a figure and its drill-down agree). For a calendar year the
 * values equal the 总计 column of the year's generated table (annual-report/compute.ts):
 *
 * - `received` 新收: received in the period;
 * - `carriedIn` 上期结转: received before the period and not decided before it;
 * - `decided` 办理结果总计 ((七)), `group<Group>` per outcome group, `outcome<Code>` per outcome: decided
 *   in the period (36(四) and 36(五) are two outcomes of one report row: its number is their sum);
 * - `carriedOut` 结转下期: received by the period's end and not decided by then;
 * - section 四: `reconsideration`, `litigationDirect`, `litigationAfterReconsideration` filed in the period,
 *   and each by its outcome on the period's last day (`…Upheld`, `…Corrected`, `…Other`, `…Pending` —
 *   尚未审结 when not closed by then).
 *
 * Keys are `disclosure.<name>` and stable: the annual reports reference them.
 */
import type { FigureRecord } from '../../../kernel/figures/contracts.js';
import type { FigureDef } from '../../../kernel/figures/registry.js';
import {
  DISPUTE_KIND_LABELS,
  DISPUTE_KINDS,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_OUTCOMES,
  type DisputeKind,
  type DisputeOutcome,
} from '../annual-report/labels.js';
import { OUTCOME_BY_CODE, OUTCOME_CODES, OUTCOME_GROUP_LABELS, OUTCOME_GROUPS, OUTCOME_LABELS, type OutcomeCode, type OutcomeGroup } from '../labels.js';

/** An application as the figures read it. */
export interface FigureApplication {
  id: string;
  orgId: string;
  orgName: string;
  trackingCode: string;
  applicantName: string;
  receivedOn: string;
  decidedOn: string | null;
  outcome: OutcomeCode | null;
}

/** A 复议 / 诉讼 case as the figures read it. */
export interface FigureDispute {
  id: string;
  orgId: string;
  orgName: string;
  kind: DisputeKind;
  caseNo: string | null;
  subject: string | null;
  filedOn: string;
  outcome: DisputeOutcome;
  closedOn: string | null;
}

export interface DisclosureFigureData {
  applications: FigureApplication[];
  disputes: FigureDispute[];
}

export interface Period {
  from: string;
  to: string;
}

const pascal = (s: string) => s.replace(/(^|[._])([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase());

/** The figure of an outcome group, e.g. `groupNotProcessed`. */
export const groupFigure = (g: OutcomeGroup) => `group${pascal(g)}`;
/** The figure of an outcome, e.g. `outcomeWithheldStateSecret`. */
export const outcomeFigure = (code: OutcomeCode) => `outcome${pascal(code)}`;
/** The figure of a kind of dispute (all filed), e.g. `litigationDirect`. */
export const disputeFigure = (kind: DisputeKind) => kind.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
/** The figure of a kind of dispute by its outcome on the period's last day, e.g. `reconsiderationPending`. */
export const disputeOutcomeFigure = (kind: DisputeKind, outcome: DisputeOutcome) => `${disputeFigure(kind)}${pascal(outcome)}`;

const DISPUTE_KIND_NAMES: Record<DisputeKind, string> = {
  reconsideration: '政府信息公开行政复议',
  litigation_direct: '政府信息公开行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '政府信息公开行政诉讼（复议后起诉）',
};
const DISPUTE_OUTCOME_COLUMN: Record<DisputeOutcome, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' };

export const DISCLOSURE_FIGURES: readonly FigureDef[] = [
  { name: 'received', label: '新收政府信息公开申请', unit: '件' },
  { name: 'carriedIn', label: '上期结转政府信息公开申请', unit: '件' },
  { name: 'decided', label: '办结政府信息公开申请（办理结果总计）', unit: '件' },
  ...OUTCOME_GROUPS.map((g) => ({ name: groupFigure(g), label: `办理结果：${OUTCOME_GROUP_LABELS[g]}`, unit: '件' })),
  ...OUTCOME_CODES.map((c) => ({ name: outcomeFigure(c), label: `办理结果：${OUTCOME_LABELS[c]}`, unit: '件' })),
  { name: 'carriedOut', label: '结转下期继续办理的政府信息公开申请', unit: '件' },
  ...DISPUTE_KINDS.flatMap((k) => [
    { name: disputeFigure(k), label: DISPUTE_KIND_NAMES[k], unit: '件' },
    ...DISPUTE_OUTCOMES.map((o) => ({ name: disputeOutcomeFigure(k, o), label: `${DISPUTE_KIND_NAMES[k]}：${DISPUTE_OUTCOME_COLUMN[o]}`, unit: '件' })),
  ]),
];

const appRecord = (a: FigureApplication, by: 'received' | 'decided'): FigureRecord => ({
  key: a.id,
  orgId: a.orgId,
  orgName: a.orgName,
  title: `${a.trackingCode} ${a.applicantName}`,
  date: by === 'decided' ? a.decidedOn : a.receivedOn,
  dateLabel: by === 'decided' ? '答复日期' : '收到申请日期',
  entityType: 'disclosureApplication',
  entityId: a.id,
  note: a.outcome ? OUTCOME_LABELS[a.outcome] : null,
});

const disputeRecord = (d: FigureDispute, to: string): FigureRecord => ({
  key: d.id,
  orgId: d.orgId,
  orgName: d.orgName,
  title: [d.caseNo, d.subject].filter(Boolean).join(' ') || DISPUTE_KIND_LABELS[d.kind],
  date: d.filedOn,
  dateLabel: '立案日期',
  entityType: 'dispute',
  entityId: d.id,
  note: `${DISPUTE_KIND_LABELS[d.kind]}，${DISPUTE_OUTCOME_LABELS[outcomeOn(d, to)]}${d.closedOn && d.closedOn <= to ? `（${d.closedOn} 审结）` : ''}`,
});

/** A dispute's outcome on `day`: 尚未审结 unless closed with an outcome by then. */
export function outcomeOn(d: Pick<FigureDispute, 'outcome' | 'closedOn'>, day: string): DisputeOutcome {
  return d.outcome !== 'pending' && d.closedOn !== null && d.closedOn <= day ? d.outcome : 'pending';
}

const byReceipt = (a: FigureApplication, b: FigureApplication) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id);
const byDecision = (a: FigureApplication, b: FigureApplication) => (a.decidedOn ?? '').localeCompare(b.decidedOn ?? '') || a.id.localeCompare(b.id);

const receivedIn = (a: FigureApplication, p: Period) => a.receivedOn >= p.from && a.receivedOn <= p.to;
const carriedIn = (a: FigureApplication, p: Period) => a.receivedOn < p.from && (a.decidedOn === null || a.decidedOn >= p.from);
const decidedIn = (a: FigureApplication, p: Period) => a.decidedOn !== null && a.decidedOn >= p.from && a.decidedOn <= p.to;
const carriedOut = (a: FigureApplication, p: Period) => a.receivedOn <= p.to && (a.decidedOn === null || a.decidedOn > p.to);

const GROUP_BY_FIGURE = new Map(OUTCOME_GROUPS.map((g) => [groupFigure(g), g]));
const OUTCOME_BY_FIGURE = new Map(OUTCOME_CODES.map((c) => [outcomeFigure(c), c]));
const DISPUTE_BY_FIGURE = new Map<string, { kind: DisputeKind; outcome: DisputeOutcome | null }>(
  DISPUTE_KINDS.flatMap((k) => [
    [disputeFigure(k), { kind: k, outcome: null }] as const,
    ...DISPUTE_OUTCOMES.map((o) => [disputeOutcomeFigure(k, o), { kind: k, outcome: o }] as const),
  ]),
);

/** The records one figure counts over the period, in date order. */
export function disclosureFigureRecords(name: string, data: DisclosureFigureData, p: Period): FigureRecord[] {
  const apps = data.applications;
  const decided = (keep: (a: FigureApplication) => boolean) =>
    apps
      .filter((a) => decidedIn(a, p) && keep(a))
      .sort(byDecision)
      .map((a) => appRecord(a, 'decided'));
  switch (name) {
    case 'received':
      return apps
        .filter((a) => receivedIn(a, p))
        .sort(byReceipt)
        .map((a) => appRecord(a, 'received'));
    case 'carriedIn':
      return apps
        .filter((a) => carriedIn(a, p))
        .sort(byReceipt)
        .map((a) => appRecord(a, 'received'));
    case 'carriedOut':
      return apps
        .filter((a) => carriedOut(a, p))
        .sort(byReceipt)
        .map((a) => appRecord(a, 'received'));
    case 'decided':
      return decided(() => true);
  }
  const group = GROUP_BY_FIGURE.get(name);
  if (group) return decided((a) => !!a.outcome && OUTCOME_BY_CODE[a.outcome].group === group);
  const outcome = OUTCOME_BY_FIGURE.get(name);
  if (outcome) return decided((a) => a.outcome === outcome);
  const dispute = DISPUTE_BY_FIGURE.get(name);
  if (dispute) {
    return data.disputes
      .filter(
        (d) => d.kind === dispute.kind && d.filedOn >= p.from && d.filedOn <= p.to && (dispute.outcome === null || outcomeOn(d, p.to) === dispute.outcome),
      )
      .map((d) => disputeRecord(d, p.to));
  }
  throw new Error(`unknown disclosure figure ${name}`);
}
