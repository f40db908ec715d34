/** /public/licensing/decisions?org= — 行政许可决定公开: the decisions a bureau published (a person's name masked). */
import { useState } from 'react';
import { Card, Table } from 'antd';
import { useSearch } from '@tanstack/react-router';
import type { PublicDecision } from '@server/modules/licensing/applications/contracts';
import { PageHeader } from '../../shared/PageHeader';
import { ResultTag } from './common';
import { PublicLicensingFrame } from './PublicLicensingFrame';
import { usePortalOrg } from './PublicItemsPage';
import { usePublicDecisions } from './queries';

export function PublicDecisionsPage() {
  const { org } = useSearch({ strict: false }) as { org?: string };
  const { orgId } = usePortalOrg(org);
  const [page, setPage] = useState(1);
  const q = usePublicDecisions(orgId, page, 20);
  return (
    <PublicLicensingFrame org={orgId}>
      <PageHeader title="行政许可决定公开" description="行政许可决定自作出之日起 7 个工作日内公开；自然人姓名脱敏，不公开证件号码和联系方式。" />
      <Card variant="borderless">
        <Table<PublicDecision>
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          data-testid="public-decisions"
          pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '许可事项', dataIndex: 'itemName' },
            { title: '申请人', dataIndex: 'applicantName' },
            { title: '决定', dataIndex: 'result', render: (_: unknown, r) => <ResultTag result={r.result} /> },
            { title: '决定日期', dataIndex: 'decidedOn', render: (v: string) => <span className="mono">{v}</span> },
            { title: '决定书文号', dataIndex: 'decisionNo', responsive: ['md'], render: (v: string | null) => v ?? '—' },
            { title: '许可证件', dataIndex: 'certificateNo', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
            { title: '公开日期', dataIndex: 'publishedOn', responsive: ['md'], render: (v: string) => <span className="mono">{v}</span> },
          ]}
        />
      </Card>
    </PublicLicensingFrame>
  );
}
