import { Tag } from 'antd';
import type { DrawStatus } from '../../api/inspections';

const LOOK: Record<DrawStatus, { label: string; color: string }> = {
  pool_frozen: { label: '名单已冻结', color: 'blue' },
  drawn: { label: '已抽取', color: 'gold' },
  published: { label: '已公布', color: 'green' },
};

export function DrawStatusTag({ status, label }: { status: DrawStatus; label?: string }) {
  return (
    <Tag color={LOOK[status]?.color ?? 'default'} data-status={status} data-testid="draw-status">
      {label ?? LOOK[status]?.label ?? status}
    </Tag>
  );
}
