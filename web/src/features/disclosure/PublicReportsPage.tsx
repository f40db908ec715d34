/** /public/disclosure/reports — the published 政府信息公开工作年度报告 of every bureau (no sign-in), paged by the server. */
import { useState } from 'react';
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import type { PublishedReportSummary } from '@server/modules/disclosure/annual-report/contracts';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { PublicDisclosureFrame } from './PublicDisclosureFrame';
import { usePublicOrgs, usePublicReports } from './queries';

export function PublicReportsPage() {
  const [orgId, setOrgId] = useState<string | undefined>();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const bureaus = usePublicOrgs();
  const q = usePublicReports(orgId, page.current, page.pageSize);
  return (
    <PublicDisclosureFrame>
      <PageHeader
        title="政府信息公开工作年度报告"
        description="各机关已发布的年度报告。报告发布后内容即固定；如有更正，发布更正版，原版本保留并标明已被更正。"
      />
      <Card variant="borderless">
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label="发布机关"
            placeholder="全部机关"
            style={{ width: 260 }}
            value={orgId}
            onChange={(v?: string) => {
              setOrgId(v);
              setPage((p) => ({ ...p, current: 1 }));
            }}
            loading={bureaus.isLoading}
            options={(bureaus.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Space>
        {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
        <Table<PublishedReportSummary>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50],
            showTotal: (t) => `共 ${t} 份`,
            hideOnSinglePage: true,
            onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
          }}
          locale={{ emptyText: '暂无已发布的年度报告' }}
          scroll={{ x: 640 }}
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
