/** 单位自查 on the bureau's detail: the unit's answers so far, read-only. */
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { fmtDateTime } from '../../../shared/format';
import { Muted, ResultTag } from '../parts';

export function SelfCard({ d }: { d: InspectionDetail }) {
  const answered = d.items.filter((i) => i.self);
  return (
    <Card
      variant="borderless"
      title="单位自查"
      extra={
        d.selfInspection.submittedAt ? (
          <Tag color="green">已提交 {fmtDateTime(d.selfInspection.submittedAt)}</Tag>
        ) : (
          <Tag>
            已填 {d.selfInspection.answered}/{d.selfInspection.total}，未提交
          </Tag>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="self-card"
    >
      {answered.length === 0 ? (
        <Empty description="单位尚未填写自查表" />
      ) : (
        <List
          size="small"
          dataSource={answered}
          renderItem={(i) => (
            <List.Item>
              <Space wrap>
                <Typography.Text code>{i.code}</Typography.Text>
                <span>{i.title}</span>
                <ResultTag result={i.self!.result} />
                {i.self!.note && <Muted>{i.self!.note}</Muted>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
