import { Tag } from 'antd';
import { INSPECTION_STATUS_LABELS, type InspectionStatus } from '../../api/inspections';

const COLORS: Record<InspectionStatus, string> = {
  planned: 'default',
  notified: 'blue',
  self_inspected: 'cyan',
  on_site_signed: 'geekblue',
  feedback_issued: 'orange',
  rectifying: 'gold',
  closed: 'green',
};

export function InspectionStatusTag({ status, label }: { status: InspectionStatus; label?: string }) {
  return (
    <Tag color={COLORS[status] ?? 'default'} data-status={status} data-testid="inspection-status">
      {label ?? INSPECTION_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}
