import { Tag } from 'antd';
import type { InspectionStatus } from '@server/modules/inspections/loop/labels';
import { INSPECTION_STATUS_COLORS, INSPECTION_STATUS_LABELS } from './status';

export function InspectionStatusTag({ status, label }: { status: InspectionStatus; label?: string }) {
  return (
    <Tag color={INSPECTION_STATUS_COLORS[status] ?? 'default'} data-status={status} data-testid="inspection-status">
      {label ?? INSPECTION_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}
