/** What entering a year shows after a check or a save: the due dates that move (old → new) and the saved year. */
import { Alert, Button, Empty, List, Result, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { DAY_KIND_LABELS, type MovedDue, type ScheduleSaved } from '@server/kernel/calendar/contracts';
import { DueDate } from '../../shared/DueDate';

export function BulletList({ items }: { items: string[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {items.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}

export function MovedTable({ moved, empty }: { moved: MovedDue[]; empty: string }) {
  if (!moved.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Table<MovedDue>
      size="small"
      rowKey={(m) => `${m.entityType}:${m.entityId}:${m.kind}`}
      dataSource={moved}
      pagination={moved.length > 10 ? { pageSize: 10, size: 'small' } : false}
      data-testid="moved-table"
      columns={[
        { title: '机构', dataIndex: 'orgName' },
        { title: '期限', dataIndex: 'label' },
        { title: '原届满日', render: (_: unknown, m) => <DueDate due={m.before.due} provisional={m.before.provisional} empty="暂停计时" /> },
        {
          title: '新届满日',
          render: (_: unknown, m) => <DueDate due={m.after.due} provisional={m.after.provisional} empty="暂停计时" testId="moved-new-due" />,
        },
      ]}
    />
  );
}

export function SavedResult({ saved, onClose }: { saved: ScheduleSaved; onClose: () => void }) {
  return (
    <div data-testid="schedule-saved">
      <Result
        status="success"
        title={`已保存 ${saved.year} 年节假日安排`}
        subTitle={`重新计算了 ${saved.recomputed} 个未办结的期限：${saved.moved.length} 个届满日有变化，${saved.confirmed} 个原为“预计”的日期已确认不变。各期限所属记录的全过程记录中已写明调整。`}
        extra={<Button onClick={onClose}>完成</Button>}
      />
      {saved.warnings.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="保存时确认的不常见情况" description={<BulletList items={saved.warnings} />} />
      )}
      <Typography.Title level={5}>届满日有变化的期限</Typography.Title>
      <MovedTable moved={saved.moved} empty="没有期限的届满日变化。" />
      <List
        size="small"
        style={{ marginTop: 12 }}
        header={<Typography.Text strong>已录入的日期</Typography.Text>}
        dataSource={saved.days}
        grid={{ gutter: 8, xs: 2, sm: 3, md: 4, lg: 6 }}
        renderItem={(d) => (
          <List.Item>
            <Tag color={d.kind === 'holiday' ? 'red' : 'orange'}>{DAY_KIND_LABELS[d.kind]}</Tag>
            {dayjs(d.date).format('M月D日')} {d.name}
          </List.Item>
        )}
      />
    </div>
  );
}
