/** How a draw's status looks: the server's labels (inspections/labels.ts), the colours only the pages need. */
import type { DrawStatus } from '@server/modules/inspections/labels';

export { DRAW_STATUSES, DRAW_STATUS_LABELS } from '@server/modules/inspections/labels';

export const DRAW_STATUS_COLORS: Record<DrawStatus, string> = { pool_frozen: 'blue', drawn: 'gold', published: 'green' };
