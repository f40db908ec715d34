/**
 * Public face of the licensing module (行政许可, SPEC module 4; 行政许可法, RULES.md §5): one folder per
 * use-case area — items/ (the catalogue and its service guides, validity, abolition), applications/
 * (intake at the desk and on the portal, the 受理 / 决定 / 证件 / 公开 clocks, the actions, the history
 * import, the deemed-acceptance sweep, the extension requests awaiting the head), figures/ (in the
 * kernel figure registry, keys `licensing.*`). No other module imports licensing internals.
 */
import type { DueKind, ModuleDescriptor } from '../../kernel/module.js';
import { licensingAwaiting } from './applications/awaiting.service.js';
import { loadLicensingDemo } from './demo.js';
import { licensingFigures } from './figures/figures.service.js';
import { CLOCK_KIND_LABELS } from './labels.js';
import { licensingRoutes } from './routes.js';
import { licensingTimelineWords } from './timeline.js';

declare module '../../kernel/auth/roles.js' {
  interface ActionRegistry {
    'licensing.read': true;
    /** The desk: register applications, accept, ask for corrections, decide, publish. */
    'licensing.handle': true;
    /** The head of the bureau: approve the ten-day extension (行政许可法第四十二条). */
    'licensing.approve': true;
    /** The catalogue of items and their service guides. */
    'licensing.manage': true;
  }
}

const due = (label: string): DueKind => ({ label, read: 'licensing.read' });

export const licensingModule: ModuleDescriptor = {
  name: 'licensing',
  routes: licensingRoutes,
  grants: {
    admin: ['licensing.read', 'licensing.handle', 'licensing.manage'],
    leader: ['licensing.read', 'licensing.approve'],
    legal: ['licensing.read', 'licensing.handle'],
    staff: ['licensing.read', 'licensing.handle'],
    superior: ['licensing.read'],
  },
  timelineWords: licensingTimelineWords,
  timeline: { licensingApplication: 'licensing.read', licensingItem: 'licensing.read' },
  dueKinds: {
    'licensing.acceptance': due(CLOCK_KIND_LABELS.acceptance),
    'licensing.decision': due(CLOCK_KIND_LABELS.decision),
    'licensing.certificate': due(CLOCK_KIND_LABELS.certificate),
    'licensing.publication': { ...due(CLOCK_KIND_LABELS.publication), publication: true },
  },
  figures: [licensingFigures],
  fieldLabels: { decisionNo: '决定书文号', reason: '理由', files: '材料', doc: '文书' },
  demo: loadLicensingDemo,
  awaiting: licensingAwaiting,
};

/** The portal's catalogue of one bureau (the 行政执法公示 lists the items in force among its powers). */
export { publicItems } from './items/items.service.js';
