import { Card, Space, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import type { FollowUpParent } from '@server/modules/inspections/followup/contracts';
import { InspectionStatusTag } from '../InspectionStatusTag';
import { Muted } from '../parts';
import { RECTIFICATION_ITEM_COLORS } from '../status';

/** On a follow-up inspection (回头看): the parent and the rectification items being re-checked. */
export function FollowUpParentCard({ parent, side }: { parent: FollowUpParent; side: 'bureau' | 'unit' }) {
  const link =
    side === 'bureau' ? (
      <Link to="/inspection/inspections/$id" params={{ id: parent.id }} data-testid="parent-link">
        {parent.code}
      </Link>
    ) : (
      <Link to="/my/inspections/$id" params={{ id: parent.id }} data-testid="parent-link">
        {parent.code}
      </Link>
    );
  return (
    <Card variant="borderless" title="回头看" style={{ marginBottom: 16 }} data-testid="parent-card">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>本次检查是对检查 {link} 整改情况的回头看</span>
        <InspectionStatusTag status={parent.status} label={parent.statusLabel} />
        {parent.feedbackDocNumber && <Muted>反馈意见书 {parent.feedbackDocNumber}</Muted>}
      </Space>
      <div>
        <Muted>复查以下整改事项：</Muted>
      </div>
      {parent.items.map((x) => (
        <div key={x.id} className="record-item" data-testid="parent-item" data-code={x.code}>
          <Space wrap>
            <Typography.Text code>{x.code}</Typography.Text>
            <Typography.Text strong>{x.title}</Typography.Text>
            <Tag color={RECTIFICATION_ITEM_COLORS[x.status]}>{x.statusLabel}</Tag>
            {x.returnCount > 0 && <Tag color="volcano">退回 {x.returnCount} 次</Tag>}
          </Space>
          <div>{x.text}</div>
        </div>
      ))}
    </Card>
  );
}
