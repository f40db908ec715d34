/** A draw's lists: the result with teams, the pool (paged by the server), the exclusions, the inspectors, the browser check and the timeline. */
import { useState } from 'react';
import { Alert, Card, Empty, Input, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import type { DrawDetail } from '@server/modules/inspections/draws/contracts';
import { UNIT_TYPE_LABELS, type RiskTier } from '@server/modules/orgs/contracts';
import { StatusTag } from '../../shared/StatusTag';
import { AuditTimeline } from '../../shared/Timeline';
import { fmtDate } from '../../shared/format';
import { errorMessage } from '../../api/client';
import { useDrawRecord, useDrawUnits } from './queries';
import { VerifyPanel } from './VerifyPanel';

/** The frozen pool, a page at a time (a pool may hold 100,000 units). */
function PoolTable({ d }: { d: DrawDetail }) {
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [q, setQ] = useState('');
  const units = useDrawUnits(d.id, page.current, page.size, q);
  return (
    <>
      <Input.Search
        allowClear
        placeholder="按名称查找"
        style={{ maxWidth: 320, marginBottom: 12 }}
        onSearch={(v) => {
          setQ(v.trim());
          setPage((p) => ({ ...p, current: 1 }));
        }}
      />
      {units.isError && <Alert type="error" showIcon title="候选名单加载失败" description={errorMessage(units.error)} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="id"
        data-testid="pool-table"
        loading={units.isFetching}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: units.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (current, size) => setPage({ current, size }),
        }}
        scroll={{ x: 'max-content' }}
        dataSource={units.data?.items ?? []}
        columns={[
          { title: '检查对象', dataIndex: 'name' },
          { title: '类型', dataIndex: 'type', render: (v: string) => UNIT_TYPE_LABELS[v as keyof typeof UNIT_TYPE_LABELS] ?? v },
          { title: '风险等级', dataIndex: 'riskTier', render: (v: RiskTier) => <StatusTag kind="risk" value={v} /> },
        ]}
      />
    </>
  );
}

/** The browser's own recomputation of the whole record, fetched when this tab is opened. */
function BrowserCheck({ d, names }: { d: DrawDetail; names: (id: string) => string | undefined }) {
  const record = useDrawRecord(d.id, true);
  if (record.isLoading) return <Skeleton active />;
  if (record.isError || !record.data) return <Alert type="error" showIcon title="抽取记录加载失败" description={errorMessage(record.error)} />;
  return <VerifyPanel record={record.data} names={names} />;
}

export function DrawTabs({ d }: { d: DrawDetail }) {
  const superseded = !!d.supersededById;
  const unitName = new Map(d.selected.map((u) => [u.unitId, u.name]));
  const inspectorName = new Map(d.inspectorPool.map((i) => [i.id, `${i.name}（${i.certificateNo}）`]));
  const names = (x: string) => unitName.get(x) ?? inspectorName.get(x);
  return (
    <Card variant="borderless" size="small">
      <Tabs
        items={[
          {
            key: 'result',
            label: `抽取结果${d.selected.length ? `（${d.selected.length}）` : ''}`,
            children: d.selected.length ? (
              <Table
                size="small"
                rowKey="unitId"
                data-testid="selected-table"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={d.selected.map((s, i) => ({ ...s, n: i + 1 }))}
                columns={[
                  { title: '序', dataIndex: 'n', width: 44 },
                  { title: '检查对象', dataIndex: 'name' },
                  { title: '风险等级', dataIndex: 'riskTier', render: (v: RiskTier | null) => <StatusTag kind="risk" value={v} /> },
                  {
                    title: '检查组（执法证号）',
                    dataIndex: 'team',
                    render: (t: DrawDetail['selected'][number]['team']) => (
                      <Space orientation="vertical" size={0}>
                        {t.map((x) => (
                          <span key={x.id} data-testid="team-member">
                            {x.name} <span className="mono">{x.certificateNo}</span>
                          </span>
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            ) : (
              <Empty description={superseded ? '本批次未抽取即被重新抽取取代' : '尚未抽取'} />
            ),
          },
          {
            key: 'pool',
            label: `候选名单（${d.candidateCount}）`,
            children: <PoolTable d={d} />,
          },
          {
            key: 'excluded',
            label: `排除（${d.excluded.length}）`,
            children: (
              <>
                <Table
                  size="small"
                  rowKey="unitId"
                  data-testid="excluded-table"
                  pagination={false}
                  dataSource={d.excluded}
                  locale={{ emptyText: '没有排除的单位' }}
                  columns={[
                    { title: '检查对象', dataIndex: 'name' },
                    { title: '排除理由', dataIndex: 'reason' },
                  ]}
                />
                {d.kept.length > 0 && (
                  <>
                    <Typography.Title level={5} style={{ marginTop: 16 }}>
                      近期已检查但仍参加抽取
                    </Typography.Title>
                    <ul className="explain-list">
                      {d.kept.map((k) => (
                        <li key={k.unitId}>
                          {k.name}：{k.note}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'inspectors',
            label: `执法人员库（${d.inspectorPool.length}）`,
            children: (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={d.inspectorPool}
                columns={[
                  { title: '姓名', dataIndex: 'name' },
                  { title: '执法证号', dataIndex: 'certificateNo', render: (v: string) => <span className="mono">{v}</span> },
                  { title: '有效期至', dataIndex: 'certExpiresOn', render: fmtDate },
                ]}
              />
            ),
          },
          {
            key: 'verify',
            label: '浏览器复核',
            children: d.executedAt ? <BrowserCheck d={d} names={names} /> : <Empty description="尚未抽取" />,
          },
          { key: 'timeline', label: '时间线', children: <AuditTimeline entityType="inspectionDraw" entityId={d.id} orgId={d.orgId} /> },
        ]}
      />
    </Card>
  );
}
