/** How the loop's statuses look: the server's labels (loop/labels.ts), the colours only the pages need. */
import type { InspectionStatus, RectificationItemStatus } from '@server/modules/inspections/loop/labels';
import type { RectificationProgressCode } from '@server/modules/inspections/publication/contracts';

export { INSPECTION_SOURCE_LABELS, INSPECTION_STATUSES, INSPECTION_STATUS_LABELS } from '@server/modules/inspections/loop/labels';

export const INSPECTION_STATUS_COLORS: Record<InspectionStatus, string> = {
  planned: 'default',
  notified: 'blue',
  self_inspected: 'cyan',
  on_site_signed: 'geekblue',
  feedback_issued: 'orange',
  rectifying: 'gold',
  closed: 'green',
};

export const RECTIFICATION_ITEM_COLORS: Record<RectificationItemStatus, string> = { open: 'default', reported: 'blue', accepted: 'green', returned: 'red' };

/** The rectification progress on the publication card and the portal. */
export const RECTIFICATION_PROGRESS_COLORS: Record<RectificationProgressCode, string> = {
  none: 'green',
  done: 'green',
  in_progress: 'blue',
  closed: 'default',
  overdue: 'red',
};
