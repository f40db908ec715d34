/** /public/disclosure/reports — the published 政府信息公开工作年度报告 of every bureau (no sign-in). */
import { useState } from 'react';
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, errorMessage } from '../../api/client';
import type { PublishedReportSummary } from '../../api/disclosure-types';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { PublicDisclosureFrame } from './PublicDisclosureFrame';

export function PublicReportsPage() {
  const [orgId, setOrgId] = useState<string | undefined>();
  const bureaus = useQuery({
    queryKey: ['/api/public/orgs'],
    queryFn: () => api.get<{ items: { id: string; name: string; level: string }[] }>('/api/public/orgs', undefined, { redirectOn401: false }),
  });
  const q = useQuery({
    queryKey: ['/api/public/disclosure/annual-reports', orgId],
    queryFn: () => api.get<{ items: PublishedReportSummary[]; total: number }>('/api/public/disclosure/annual-reports', { orgId }, { redirectOn401: false }),
  });
  return (
    <PublicDisclosureFrame>
      <PageHeader title="政府信息公开工作年度报告" description="各机关已发布的年度报告。报告发布后内容即固定；如有更正，发布更正版，原版本保留并标明已被更正。" />
      <Card variant="borderless">
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label="发布机关"
            placeholder="全部机关"
            style={{ width: 260 }}
            value={orgId}
            onChange={setOrgId}
            loading={bureaus.isLoading}
            options={(bureaus.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Space>
        {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
        <Table<PublishedReportSummary>
          rowKey="id"
          size="middle"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '暂无已发布的年度报告' }}
          data-testid="public-reports-table"
          columns={[
            {
              title: '报告',
              key: 'title',
              render: (_: unknown, r) => (
                <Link to="/public/disclosure/reports/$id" params={{ id: r.id }} data-testid="public-report-link">
                  {r.org.name}
                  {r.year}年政府信息公开工作年度报告
                </Link>
              ),
            },
            { title: '年度', dataIndex: 'year', width: 80 },
            {
              title: '版本',
              key: 'version',
              width: 150,
              render: (_: unknown, r) => (
                <Space size={4}>
                  <span>第{r.version}版</span>
                  {r.superseded ? <Tag>已被更正</Tag> : r.version > 1 ? <Tag color="blue">更正版</Tag> : null}
                </Space>
              ),
            },
            { title: '发布时间', dataIndex: 'publishedAt', width: 160, render: (v: string) => <Typography.Text>{fmtDateTime(v)}</Typography.Text> },
          ]}
        />
      </Card>
    </PublicDisclosureFrame>
  );
}
