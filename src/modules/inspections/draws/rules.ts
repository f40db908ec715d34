/**
 * What a reader may do with a draw now, from its status, whether a redraw superseded it and whether
 * the reader manages inspections of its org. A frozen pool is executed once; an executed draw is
 * published; a published one yields inspections once (not offered when they exist; the service refuses
 * a second time too); any draw not yet superseded may be redrawn with a reason.
 */
import type { DrawAction, DrawStatus } from '../labels.js';

export function drawActions(status: DrawStatus, superseded: boolean, manage: boolean, generated = false): DrawAction[] {
  if (!manage) return [];
  const actions: DrawAction[] = [];
  if (status === 'pool_frozen' && !superseded) actions.push('execute');
  if (status === 'drawn') actions.push('publish');
  if (status === 'published' && !superseded && !generated) actions.push('generateInspections');
  if (!superseded) actions.push('redraw');
  return actions;
}
