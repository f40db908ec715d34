/**
 * A module's figures from the kernel's figure registry (GET /api/figures), each number opening the
 * records it counts (GET /api/figures/:key/records) — the drawer's total is the number clicked, as the
 * server returns the very records it counted. Filters: a year or a date range, the org and 含下级
 * (summed over the subtree in SQL by each figure). Used by 执法统计 (行政处罚) and 许可统计 (行政许可).
 */
import { useState } from 'react';
import { Alert, Card, Checkbox, Col, DatePicker, Drawer, Empty, Row, Select, Skeleton, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { FigureRecord, FigureRecordsResponse, FiguresResponse } from '@server/kernel/figures/contracts';
import { api, errorMessage } from '../../api/client';
import { useCan } from '../../app/auth';
import { PageHeader } from '../../shared/PageHeader';
import { OrgSelect } from '../../shared/OrgSelect';
import { recordLink } from '../dashboard/links';

export interface FigureGroup {
  title: string;
  /** Registry keys (`enforcement.cases.opened` …) in the order shown. */
  keys: string[];
}

interface Filter {
  from: string;
  to: string;
  org?: string;
  includeChildren: boolean;
}

const query = (f: Filter) => ({ from: f.from, to: f.to, ...(f.org ? { org: f.org } : {}), ...(f.includeChildren ? { includeChildren: 'true' } : {}) });

function useFigures(f: Filter) {
  return useQuery({
    queryKey: ['/api/figures', f],
    queryFn: () => api.get<FiguresResponse>('/api/figures', query(f)),
    placeholderData: keepPreviousData,
  });
}

function useRecords(key: string | null, f: Filter, page: number) {
  return useQuery({
    queryKey: ['/api/figures', key, 'records', f, page],
    queryFn: () => api.get<FigureRecordsResponse>(`/api/figures/${key}/records`, { ...query(f), page, pageSize: 20 }),
    enabled: !!key,
    placeholderData: keepPreviousData,
  });
}

const yearsBack = (n: number) => Array.from({ length: n }, (_, i) => dayjs().year() - i);

function RecordsDrawer({ figureKey, filter, onClose }: { figureKey: string | null; filter: Filter; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [last, setLast] = useState(figureKey);
  if (figureKey !== last) {
    setLast(figureKey);
    setPage(1);
  }
  const can = useCan();
  const q = useRecords(figureKey, filter, page);
  const d = figureKey ? q.data : undefined;
  return (
    <Drawer
      open={!!figureKey}
      onClose={onClose}
      width={Math.min(860, typeof window === 'undefined' ? 860 : window.innerWidth)}
      title={d ? `${d.label}：${d.value} ${d.unit}` : '统计记录'}
      data-testid="figure-records"
    >
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {d && (
        <Typography.Paragraph type="secondary" data-testid="figure-records-total">
          {`${d.org.name}${d.includeChildren ? '（含下级）' : ''}，${d.from} 至 ${d.to}，共 ${d.total} 条记录`}
        </Typography.Paragraph>
      )}
      <Table<FigureRecord>
        size="small"
        rowKey="key"
        loading={q.isFetching}
        dataSource={d?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有记录" /> }}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: d?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: '记录',
            key: 'title',
            render: (_: unknown, r) => {
              const to = r.entityType && r.entityId ? recordLink({ entityType: r.entityType, entityId: r.entityId }, can) : null;
              return to ? (
                <Link {...to} onClick={onClose} data-testid="figure-record-link">
                  {r.title}
                </Link>
              ) : (
                r.title
              );
            },
          },
          ...(filter.includeChildren ? [{ title: '机构', dataIndex: 'orgName' }] : []),
          {
            title: '计数日期',
            key: 'date',
            render: (_: unknown, r: FigureRecord) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {r.date ?? '—'}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                  {r.dateLabel}
                </Typography.Text>
              </span>
            ),
          },
          { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Drawer>
  );
}

export function RegistryFiguresPage({ title, description, groups, testId }: { title: string; description: string; groups: FigureGroup[]; testId: string }) {
  const [year, setYear] = useState<number | null>(dayjs().year());
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [org, setOrg] = useState<string | undefined>();
  const [includeChildren, setIncludeChildren] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const filter: Filter = range
    ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), org, includeChildren }
    : { from: `${year}-01-01`, to: `${year}-12-31`, org, includeChildren };
  const q = useFigures(filter);
  const figures = q.data?.figures ?? {};
  return (
    <div data-testid={testId}>
      <PageHeader title={title} description={description} />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            aria-label="年度"
            style={{ width: 120 }}
            value={range ? undefined : (year ?? undefined)}
            placeholder="年度"
            options={yearsBack(10).map((y) => ({ value: y, label: `${y} 年` }))}
            onChange={(y: number) => {
              setYear(y);
              setRange(null);
            }}
            data-testid="figures-year"
          />
          <DatePicker.RangePicker
            aria-label="自定义期间"
            value={range}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
              else setRange(null);
            }}
          />
          <OrgSelect value={org} onChange={setOrg} />
          <Checkbox checked={includeChildren} onChange={(e) => setIncludeChildren(e.target.checked)} data-testid="figures-include-children">
            含下级
          </Checkbox>
        </Space>
      </Card>
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 16 }} />}
      {q.isLoading ? (
        <Skeleton active />
      ) : (
        groups.map((g) => (
          <Card key={g.title} variant="borderless" title={g.title} style={{ marginBottom: 16 }}>
            <Row gutter={[12, 12]}>
              {g.keys
                .filter((k) => figures[k])
                .map((k) => {
                  const f = figures[k]!;
                  return (
                    <Col key={k} xs={12} md={8} lg={6}>
                      <Card size="small" data-testid={`figure-card-${k}`}>
                        <div style={{ color: 'rgba(0,0,0,0.65)', minHeight: 40 }}>{f.label}</div>
                        <Typography.Link
                          strong
                          style={{ fontSize: 24 }}
                          onClick={() => setOpen(k)}
                          aria-label={`${f.label}：${f.value}，查看记录`}
                          data-testid={`figure-${k}`}
                        >
                          {f.value.toLocaleString('zh-CN')}
                        </Typography.Link>
                        <span style={{ marginLeft: 4, color: 'rgba(0,0,0,0.55)' }}>{f.unit}</span>
                      </Card>
                    </Col>
                  );
                })}
            </Row>
          </Card>
        ))
      )}
      <RecordsDrawer figureKey={open} filter={filter} onClose={() => setOpen(null)} />
    </div>
  );
}
