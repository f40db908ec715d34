/**
 * The enforcement figures (统计数), pure: each a named function over the cases loaded for the scope
 * that returns the records it counts (value = number of records, so a figure and its drill-down agree).
 *
 * - `cases.opened` 立案: filed in the period; `cases.decided` 作出决定: decided in the period (any result);
 * - `cases.noPenalty` 不予行政处罚: decided in the period without a penalty — 首违不罚 and other
 *   不予处罚, and 违法事实不能成立 (行政处罚法第五十七条第一款第（二）（三）项 are both 不予行政处罚);
 * - `cases.byPenalty.<type>`: penalty decisions in the period, each counted once under its heaviest
 *   penalty (confiscation > fine > warning > other, see labels.ts);
 * - `fines.imposed` 罚款决定: penalty decisions in the period that include a fine;
 * - `fines.collected` 罚款收缴: cases with a payment in the period (the note says how much);
 * - `reviews.passed` / `reviews.returned` 法制审核: opinions given in the period (a case reviewed twice counts twice);
 * - `hearings.held` 听证: hearings held in the period.
 * Imported past cases count like the others.
 */
import type { FigureRecord } from '../../../kernel/figures/contracts.js';
import type { FigureDef, FigureScope } from '../../../kernel/figures/registry.js';
import { CASE_RESULT_LABELS, PENALTY_TYPE_LABELS, PENALTY_TYPES, type CaseResult, type PenaltyType } from '../labels.js';

export interface FigureCase {
  id: string;
  orgId: string;
  orgName: string;
  caseNo: string;
  partyName: string;
  filedOn: string;
  decidedOn: string | null;
  result: string | null;
  heaviestPenalty: PenaltyType | null;
  fineAmount: number | null;
  payments: { paidOn: string; amount: number }[];
  reviews: { reviewedOn: string; result: 'passed' | 'returned' }[];
  hearingHeldOn: string | null;
}

const pascal = (s: string) => s[0]!.toUpperCase() + s.slice(1);
export const byPenaltyFigure = (t: PenaltyType) => `cases.byPenalty${pascal(t)}`;

export const ENFORCEMENT_FIGURES: readonly FigureDef[] = [
  { name: 'cases.opened', label: '行政处罚案件立案数', unit: '件' },
  { name: 'cases.decided', label: '行政处罚案件决定数', unit: '件' },
  { name: 'cases.noPenalty', label: '不予行政处罚决定数', unit: '件' },
  ...PENALTY_TYPES.map((t) => ({ name: byPenaltyFigure(t), label: `行政处罚决定（最重处罚为${PENALTY_TYPE_LABELS[t]}）`, unit: '件' })),
  { name: 'fines.imposed', label: '罚款决定数', unit: '件' },
  { name: 'fines.collected', label: '收缴罚款的案件数', unit: '件' },
  { name: 'reviews.passed', label: '法制审核通过', unit: '次' },
  { name: 'reviews.returned', label: '法制审核退回', unit: '次' },
  { name: 'hearings.held', label: '举行听证', unit: '次' },
];

const inPeriod = (d: string | null, s: Pick<FigureScope, 'from' | 'to'>): d is string => !!d && d >= s.from && d <= s.to;
const title = (c: FigureCase) => `${c.caseNo} ${c.partyName || '（历史导入）'}`;
const rec = (c: FigureCase, key: string, date: string, dateLabel: string, note: string | null): FigureRecord => ({
  key,
  orgId: c.orgId,
  orgName: c.orgName,
  title: title(c),
  date,
  dateLabel,
  entityType: 'enforcementCase',
  entityId: c.id,
  note,
});
const resultNote = (c: FigureCase) => (c.result ? (CASE_RESULT_LABELS[c.result as CaseResult] ?? c.result) : null);

export function enforcementFigureRecords(name: string, cases: readonly FigureCase[], s: Pick<FigureScope, 'from' | 'to'>): FigureRecord[] {
  const decided = cases.filter((c) => c.result && inPeriod(c.decidedOn, s));
  switch (name) {
    case 'cases.opened':
      return cases.filter((c) => inPeriod(c.filedOn, s)).map((c) => rec(c, c.id, c.filedOn, '立案日期', null));
    case 'cases.decided':
      return decided.map((c) => rec(c, c.id, c.decidedOn!, '决定日期', resultNote(c)));
    case 'cases.noPenalty':
      return decided
        .filter((c) => c.result === 'no_penalty' || c.result === 'not_established')
        .map((c) => rec(c, c.id, c.decidedOn!, '决定日期', resultNote(c)));
    case 'fines.imposed':
      return decided
        .filter((c) => c.result === 'penalty' && (c.fineAmount ?? 0) > 0)
        .map((c) => rec(c, c.id, c.decidedOn!, '决定日期', `罚款 ${c.fineAmount} 元`));
    case 'fines.collected':
      return cases.flatMap((c) => {
        const paid = c.payments.filter((p) => inPeriod(p.paidOn, s));
        if (!paid.length) return [];
        const last = paid
          .map((p) => p.paidOn)
          .sort()
          .at(-1)!;
        return [rec(c, c.id, last, '缴款日期', `本期收缴 ${Math.round(paid.reduce((x, p) => x + p.amount, 0) * 100) / 100} 元`)];
      });
    case 'reviews.passed':
    case 'reviews.returned': {
      const want = name === 'reviews.passed' ? 'passed' : 'returned';
      return cases.flatMap((c) =>
        c.reviews.flatMap((r, i) => (r.result === want && inPeriod(r.reviewedOn, s) ? [rec(c, `${c.id}:${i}`, r.reviewedOn, '审核日期', null)] : [])),
      );
    }
    case 'hearings.held':
      return cases.filter((c) => inPeriod(c.hearingHeldOn, s)).map((c) => rec(c, c.id, c.hearingHeldOn!, '听证日期', null));
  }
  const t = PENALTY_TYPES.find((p) => byPenaltyFigure(p) === name);
  if (t)
    return decided.filter((c) => c.result === 'penalty' && c.heaviestPenalty === t).map((c) => rec(c, c.id, c.decidedOn!, '决定日期', PENALTY_TYPE_LABELS[t]));
  return [];
}
