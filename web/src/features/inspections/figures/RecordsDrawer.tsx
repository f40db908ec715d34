/** The records one number counts (a figure, a bucket, an org's cell), paged: the drawer's total is the number clicked. */
import { useState } from 'react';
import { Alert, Drawer, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from '@tanstack/react-router';
import type { FigureRecord } from '@server/modules/inspections/figures/contracts';
import type { UnitType } from '@server/modules/orgs/contracts';
import { errorMessage } from '../../../api/client';
import { UNIT_TYPE_LABELS } from '../../../api/labels';
import { useFigureRecords, type Drill, type FiguresFilter } from '../queries';

export function RecordsDrawer({ drill, filter, onClose }: { drill: Drill | null; filter: FiguresFilter; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [last, setLast] = useState(drill);
  if (drill !== last) {
    setLast(drill);
    setPage(1);
  }
  const pageSize = 20;
  // The same figure, bucket, org and filters: the previous page stays on screen while the next loads, never another drill's.
  const q = useFigureRecords(drill, filter, page, pageSize);
  const d = drill ? q.data : undefined;
  const title = drill ? [drill.label, drill.keyLabel, drill.orgName].filter(Boolean).join(' · ') : '';
  const isEvaluation = drill?.name === 'gradeDistribution';
  const columns: ColumnsType<FigureRecord> = [
    {
      title: isEvaluation ? '考评' : '检查编号',
      key: 'code',
      render: (_: unknown, r) =>
        r.inspectionId ? (
          <Link to="/inspection/inspections/$id" params={{ id: r.inspectionId }} onClick={onClose} data-testid="record-code" className="mono">
            {r.inspectionCode}
          </Link>
        ) : r.evaluationId ? (
          <Link to="/inspection/evaluations" data-testid="record-evaluation">
            {r.itemTitle ?? '考评'}
          </Link>
        ) : (
          '—'
        ),
    },
    { title: '检查对象', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
    { title: '单位类型', dataIndex: 'unitType', render: (v: UnitType | null) => (v ? (UNIT_TYPE_LABELS[v] ?? v) : '—') },
    ...(filter.includeDescendants ? [{ title: '机构', dataIndex: 'orgName' }] : []),
    {
      title: '计数日期',
      dataIndex: 'date',
      render: (v: string, r: FigureRecord) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div className="mono">{v}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.dateLabel}
          </Typography.Text>
        </div>
      ),
    },
    ...(isEvaluation
      ? []
      : [
          {
            title: '整改事项',
            key: 'item',
            render: (_: unknown, r: FigureRecord) =>
              r.itemCode ? (
                <div style={{ maxWidth: 260 }}>
                  <span className="mono">{r.itemCode}</span> {r.itemTitle}
                  {r.itemStatusLabel && <Tag style={{ marginLeft: 6 }}>{r.itemStatusLabel}</Tag>}
                </div>
              ) : (
                '—'
              ),
          },
        ]),
    ...(drill?.key === undefined && d?.items.some((r) => r.bucketLabel)
      ? [{ title: '分组', dataIndex: 'bucketLabel', render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—') }]
      : []),
    { title: '说明', dataIndex: 'note', render: (v: string | null) => <div style={{ maxWidth: 260 }}>{v ?? '—'}</div> },
  ];
  return (
    <Drawer
      open={!!drill}
      onClose={onClose}
      title={title}
      size={typeof window === 'undefined' ? 900 : Math.min(900, window.innerWidth - 48)}
      destroyOnHidden
      data-testid="figure-drawer"
    >
      <div data-testid="records">
        {q.isError && <Alert type="error" showIcon title="记录加载失败" description={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
        {d && (
          <Typography.Paragraph>
            <Typography.Text type="secondary">{d.definition}</Typography.Text>
            <br />
            统计期间 {d.period.from} 至 {d.period.to}
            {drill?.name === 'rectificationOverdue' ? `（截至 ${d.period.asOf}）` : ''}，共 <strong data-testid="records-total">{d.total}</strong> {d.unit}
          </Typography.Paragraph>
        )}
        <Table<FigureRecord>
          size="middle"
          rowKey="key"
          loading={q.isFetching}
          dataSource={d?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有记录" /> }}
          pagination={{
            current: page,
            pageSize,
            total: d?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 条`,
            hideOnSinglePage: true,
            showSizeChanger: false,
          }}
          data-testid="records-table"
        />
      </div>
    </Drawer>
  );
}
