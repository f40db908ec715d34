import { describe, expect, it } from 'vitest';
import { DRAW_STATUSES } from '../labels.js';
import { drawActions } from './rules.js';

describe('drawActions: every status × superseded × manage', () => {
  it.each([
    ['pool_frozen', false, ['execute', 'redraw']],
    ['pool_frozen', true, []],
    ['drawn', false, ['publish', 'redraw']],
    // A redraw publishes an executed draw with it, so "drawn and superseded" does not last; publish stays allowed.
    ['drawn', true, ['publish']],
    ['published', false, ['generateInspections', 'redraw']],
    ['published', true, []],
  ] as const)('%s, superseded %s → %j', (status, superseded, expected) => {
    expect(drawActions(status, superseded, true)).toEqual(expected);
  });

  it('does not offer 生成检查任务 once the draw’s inspections exist', () => {
    expect(drawActions('published', false, true, true)).toEqual(['redraw']);
    expect(drawActions('published', false, true, false)).toEqual(['generateInspections', 'redraw']);
  });

  it('offers nothing to a reader who does not manage the draw’s org', () => {
    for (const s of DRAW_STATUSES) for (const sup of [false, true]) expect(drawActions(s, sup, false)).toEqual([]);
  });
});
