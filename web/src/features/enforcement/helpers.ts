/**
 * The pure rules the penalty-case pages apply before asking the server (which decides): which actions a
 * user is offered, which benchmarks fit a party, whether a fine lies outside the recommended range, how
 * penalties read, the years a filter offers.
 */
import type { BenchmarkView } from '@server/modules/enforcement/benchmarks/contracts';
import type { CaseDetail, PenaltyInput } from '@server/modules/enforcement/cases/contracts';
import { CASE_ACTIONS, PENALTY_TYPE_LABELS, type CaseAction, type Circumstance, type PartyKind, type PenaltyType } from '@server/modules/enforcement/labels';

export const yuan = (n: number | null | undefined) => (n == null ? '—' : `${n.toLocaleString('zh-CN')} 元`);

/** The years a filter offers: this year and the nine before it. */
export const caseYears = (now = new Date()) => Array.from({ length: 10 }, (_, i) => String(now.getFullYear() - i));

/**
 * The actions this user is offered: the server's `allowedActions` for the case (in their order), 法制审核
 * to a holder of `enforcement.review`, 立案审批 to a holder of `enforcement.approve` (the head), the rest
 * to a holder of `enforcement.manage`; none on another org's case (a superior reads its subordinates' cases).
 */
export function actionsFor(
  c: Pick<CaseDetail, 'allowedActions' | 'orgId'>,
  may: { manage: boolean; review: boolean; approve: boolean; orgId: string },
): CaseAction[] {
  if (c.orgId !== may.orgId) return [];
  return CASE_ACTIONS.filter((a) => c.allowedActions.includes(a) && (a === 'review' ? may.review : a === 'approveFiling' ? may.approve : may.manage));
}

/** The benchmarks that fit the party: individuals', or a unit's — an archive-service company has its own (档案法第四十九条第二款). */
export function benchmarksFor(all: readonly BenchmarkView[], partyKind: PartyKind, unitType: string | null | undefined): BenchmarkView[] {
  if (partyKind === 'individual') return all.filter((b) => b.partyKind === 'individual');
  if (unitType === 'archive_service') return all.filter((b) => b.partyKind === 'archive_service');
  if (unitType) return all.filter((b) => b.partyKind === 'unit');
  return all.filter((b) => b.partyKind !== 'individual');
}

export type PenaltyRow = { type?: PenaltyType; amount?: number | null; note?: string | null };

export const fineOf = (ps: readonly (PenaltyRow | undefined)[] | undefined) =>
  (ps ?? []).filter((p) => p?.type === 'fine').reduce((s, p) => s + (p?.amount ?? 0), 0);

/**
 * The recommended range the fine lies outside of, for the circumstance (then a written reason is
 * required and the reviewer sees it) — the server's `penaltyProblems` rule; null when inside or no fine.
 */
export function outsideRange(
  b: BenchmarkView | undefined,
  circumstance: Circumstance | undefined,
  penalties: readonly (PenaltyRow | undefined)[] | undefined,
): { min: number; max: number } | null {
  if (!b || !circumstance) return null;
  const level = b.levels.find((l) => l.circumstance === circumstance);
  if (!level || !(penalties ?? []).some((p) => p?.type === 'fine')) return null;
  const fine = fineOf(penalties);
  return fine < level.min || fine > level.max ? { min: level.min, max: level.max } : null;
}

/** The form's penalty rows as the contract takes them: an amount only for a fine or a confiscation, a note when written. */
export const cleanPenalties = (ps: readonly (PenaltyRow | undefined)[] | undefined): PenaltyInput[] =>
  (ps ?? [])
    .filter((p): p is PenaltyRow & { type: PenaltyType } => !!p?.type)
    .map((p) => ({
      type: p.type,
      ...((p.type === 'fine' || p.type === 'confiscation') && p.amount != null ? { amount: p.amount } : {}),
      ...(p.note?.trim() ? { note: p.note.trim() } : {}),
    }));

/** What a list of penalties reads as: 警告；罚款 40,000 元. */
export function penaltiesText(ps: readonly { type: PenaltyType; amount?: number | null; note?: string | null }[]): string {
  return ps.map((p) => `${PENALTY_TYPE_LABELS[p.type]}${p.amount != null ? ` ${yuan(p.amount)}` : ''}${p.note ? `（${p.note}）` : ''}`).join('；');
}
