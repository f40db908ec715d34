/**
 * What a reader may do with a plan now, from its status and whether the reader manages inspections
 * of its org: a draft is edited and published (事前公开); a published plan is drawn from.
 */
import type { PlanAction, PlanStatus } from '../labels.js';

export function planActions(status: PlanStatus, manage: boolean): PlanAction[] {
  if (!manage) return [];
  return status === 'draft' ? ['edit', 'publish'] : ['draw'];
}
