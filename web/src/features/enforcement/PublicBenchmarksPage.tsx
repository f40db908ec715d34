/**
 * /public/enforcement/benchmarks — 行政处罚裁量基准 on the portal (行政处罚法第三十四条: 裁量基准应当向社会
 * 公布), no sign-in: every bureau's benchmarks, or one bureau's when chosen (`?org=` from the portal home,
 * or the chooser).
 */
import { useState } from 'react';
import { Alert, Card, Select, Space, Typography } from 'antd';
import { useSearch } from '@tanstack/react-router';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { usePublicOrgs } from '../disclosure/queries';
import { PortalFrame } from '../portal/PortalFrame';
import { BenchmarkTable } from './BenchmarkTable';
import { usePublicBenchmarks } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 50;

export function PublicBenchmarksPage() {
  const search = useSearch({ strict: false }) as { org?: string };
  const bureaus = usePublicOrgs();
  const list = bureaus.data?.items ?? [];
  const [chosen, setChosen] = useState<string | undefined>(search.org && UUID.test(search.org) ? search.org : undefined);
  // One bureau: its benchmarks; several: the one chosen, else the first (the top bureau of this installation).
  const orgId = chosen ?? list[0]?.id;
  const [page, setPage] = useState(1);
  const q = usePublicBenchmarks(orgId, page, PAGE_SIZE);
  return (
    <PortalFrame org={orgId} footer="依据《中华人民共和国行政处罚法》第三十四条，行政处罚裁量基准应当向社会公布。">
      <PageHeader
        title="行政处罚裁量基准"
        description="档案行政处罚的每种违法行为，按轻微、一般、较重、严重四档情节给出推荐的罚款幅度和处罚种类。罚款超出推荐幅度的，执法机关须书面说明理由并经法制审核。"
      />
      <Card variant="borderless">
        {list.length > 1 && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text>选择机关：</Typography.Text>
            <Select
              aria-label="选择机关"
              data-testid="public-benchmarks-org"
              style={{ width: 280, maxWidth: '100%' }}
              value={orgId}
              onChange={(v: string) => {
                setChosen(v);
                setPage(1);
              }}
              options={list.map((o) => ({ value: o.id, label: o.name }))}
            />
          </Space>
        )}
        {(q.isError || bureaus.isError) && (
          <Alert type="error" showIcon title="裁量基准加载失败" description={errorMessage(q.error ?? bureaus.error)} style={{ marginBottom: 12 }} />
        )}
        {!q.isLoading && q.data && q.data.total === 0 ? (
          <Typography.Paragraph type="secondary" data-testid="public-benchmarks-empty">
            该机关尚未公布行政处罚裁量基准。
          </Typography.Paragraph>
        ) : (
          <BenchmarkTable
            items={q.data?.items ?? []}
            loading={q.isLoading || bureaus.isLoading}
            testId="public-benchmarks"
            pagination={(q.data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage } : false}
          />
        )}
      </Card>
    </PortalFrame>
  );
}
