/** 双随机抽取: the draws of the org's plans; a new draw freezes the pool of a published plan. */
import { useServerPaging } from '../../shared/pagination';
import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { GlobalOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from '@tanstack/react-router';
import type { DrawSummary } from '@server/modules/inspections/draws/contracts';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDate, fmtDateTime } from '../../shared/format';
import { useCan } from '../../app/auth';
import { DrawFormDrawer } from './DrawForm';
import { DrawStatusTag } from './DrawStatusTag';
import { useDraws } from './queries';

export function DrawsPage() {
  const can = useCan();
  const manage = can('inspection.manage');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { page, pagination } = useServerPaging();
  const q = useDraws(page.current, page.pageSize);

  const columns: ColumnsType<DrawSummary> = [
    {
      title: '抽取批次',
      dataIndex: 'drawId',
      render: (v: string, r) => (
        <Space size={4} wrap>
          <Link to="/inspection/draws/$id" params={{ id: r.id }} data-testid="draw-link">
            <span className="mono">{v}</span>
          </Link>
          {r.supersededByDrawId && <Tag>已被重抽</Tag>}
          {r.supersedesDrawId && <Tag color="orange">重抽 · 取代 {r.supersedesDrawId}</Tag>}
        </Space>
      ),
    },
    { title: '状态', dataIndex: 'status', render: (v: DrawSummary['status'], r) => <DrawStatusTag status={v} label={r.statusLabel} /> },
    { title: '检查计划', dataIndex: 'planTitle', responsive: ['lg'] },
    { title: '计划检查日期', dataIndex: 'plannedDate', render: fmtDate },
    { title: '抽取', render: (_: unknown, r) => `${r.candidateCount} 家中抽 ${r.k} 家，每组 ${r.teamSize} 人` },
    {
      title: '随机数来源',
      dataIndex: 'entropySource',
      render: (v: string, r) => (v === 'public' ? `公开随机值：${r.publicValueName ?? ''}` : '服务器随机数'),
      responsive: ['xl'],
    },
    { title: '冻结时间', dataIndex: 'createdAt', render: fmtDateTime, responsive: ['lg'] },
  ];

  return (
    <>
      <PageHeader
        title="双随机抽取"
        description="随机抽取检查对象、随机选派执法检查人员。先冻结候选名单（记录哈希），再取随机数抽取；结果可在公示页由任何人复核。"
        extra={
          <Space wrap>
            <Link to="/public/draws" target="_blank">
              <Button icon={<GlobalOutlined />}>公示页</Button>
            </Link>
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-draw">
                新建抽取
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless">
        <div className="list-toolbar">
          <Typography.Text type="secondary">共 {q.data?.total ?? 0} 个批次</Typography.Text>
          <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} aria-label="刷新" title="刷新" />
        </div>
        {q.isError && <Alert type="error" showIcon title="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 16 }} />}
        <Table<DrawSummary>
          rowKey="id"
          data-testid="draws-table"
          size="middle"
          loading={q.isFetching}
          columns={columns}
          dataSource={q.data?.items ?? []}
          rowClassName={(r) => (r.supersededById ? 'superseded-row' : '')}
          scroll={{ x: 'max-content' }}
          pagination={{ ...pagination(q.data?.total), showSizeChanger: false, showTotal: undefined }}
          locale={{ emptyText: '还没有抽取批次' }}
        />
      </Card>
      <DrawFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(d) => void navigate({ to: '/inspection/draws/$id', params: { id: d.id } })}
      />
    </>
  );
}
