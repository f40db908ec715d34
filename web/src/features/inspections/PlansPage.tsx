/** 年度检查计划: annual plans (paged by the server); drafts are edited, then published in advance (事前公开). */
import { useState } from 'react';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from '@tanstack/react-router';
import type { PlanView } from '@server/modules/inspections/plans/contracts';
import { errorMessage } from '../../api/client';
import { useServerPaging } from '../../shared/pagination';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { useCan } from '../../app/auth';
import { PlanFormDrawer } from './PlanForm';
import { usePlans } from './queries';

export function PlansPage() {
  const can = useCan();
  const manage = can('inspection.manage');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { page, pagination } = useServerPaging();
  const q = usePlans(page.current, page.pageSize);

  const columns: ColumnsType<PlanView> = [
    { title: '年度', dataIndex: 'year', width: 70 },
    {
      title: '计划名称',
      dataIndex: 'title',
      render: (v: string, r) => (
        <Link to="/inspection/plans/$id" params={{ id: r.id }} data-testid="plan-link">
          {v}
        </Link>
      ),
    },
    { title: '状态', dataIndex: 'status', render: (v: string, r) => <Tag color={v === 'published' ? 'green' : 'orange'}>{r.statusLabel}</Tag> },
    {
      title: '范围',
      render: (_: unknown, r) => (
        <Typography.Text type="secondary">
          {r.unitTypeLabels.length ? r.unitTypeLabels.join('、') : '全部类型'} · {r.riskTierLabels.length ? r.riskTierLabels.join('、') : '全部风险等级'}
          {r.stratifyByRisk ? ' · 分层抽取' : ''}
        </Typography.Text>
      ),
      responsive: ['lg'],
    },
    { title: '执法人员', dataIndex: 'inspectors', render: (v: PlanView['inspectors']) => (v ? `${v.length} 名` : '—'), responsive: ['md'] },
    { title: '公开时间', dataIndex: 'publishedAt', render: fmtDateTime, responsive: ['lg'] },
  ];

  return (
    <>
      <PageHeader
        title="年度检查计划"
        description="计划写明检查范围、覆盖率、检查安排和所用检查表；公开时一并公开检查事项清单和当日持证执法人员（事前公开）。"
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建计划
            </Button>
          )
        }
      />
      <Card variant="borderless">
        {q.isError && <Alert type="error" showIcon title="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 16 }} />}
        <Table<PlanView>
          rowKey="id"
          data-testid="plans-table"
          loading={q.isFetching}
          columns={columns}
          dataSource={q.data?.items ?? []}
          pagination={pagination(q.data?.total, '个')}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '还没有检查计划' }}
        />
      </Card>
      <PlanFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => void navigate({ to: '/inspection/plans/$id', params: { id: p.id } })}
      />
    </>
  );
}
