import { Tag } from 'antd';
import type { DrawStatus } from '@server/modules/inspections/labels';
import { DRAW_STATUS_COLORS, DRAW_STATUS_LABELS } from './status';

export function DrawStatusTag({ status, label }: { status: DrawStatus; label?: string }) {
  return (
    <Tag color={DRAW_STATUS_COLORS[status] ?? 'default'} data-status={status} data-testid="draw-status">
      {label ?? DRAW_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}
