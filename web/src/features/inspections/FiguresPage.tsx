/**
 * 检查统计 (issue 3 deliverable 7): every figure is a named function over the records (server:
 * figures.ts), so each number on this page — a figure, a bucket of a distribution, a cell of the
 * by-org table — opens the records it counts, and the drawer's total is the number clicked.
 * Filters: a year (本年 / 上年 quick choices) or a custom date range, unit type, org and 含下级;
 * they live in the URL (?year=2026 | ?from=…&to=…, unitType, orgId, sub=1) so a view can be shared.
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Drawer, Empty, Progress, Row, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { InfoCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { api, errorMessage } from '../../api/client';
import { UNIT_TYPE_LABELS } from '../../api/labels';
import { useOrgTree } from '../../api/queries';
import type { UnitType } from '../../api/types';
import type { Figure, FigureName, FigureRecord, FigureRecordsResult, FiguresFilter, FiguresResult } from '../../api/inspection-figures';
import { PageHeader } from '../../shared/PageHeader';
import { OrgSelect } from '../../shared/OrgSelect';

const P = '/api/inspections/figures';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: unknown): v is string => typeof v === 'string' && DAY.test(v) && dayjs(v).format('YYYY-MM-DD') === v;

/** The filters as kept in the URL. */
interface FiguresSearch {
  year?: number;
  from?: string;
  to?: string;
  unitType?: UnitType;
  orgId?: string;
  sub?: boolean;
}

/** Reads the URL's search (parsed by the router, not validated): anything malformed is dropped. */
function readSearch(s: Record<string, unknown>): FiguresSearch {
  const year = Number(s.year);
  const out: FiguresSearch = {};
  if (isDay(s.from) && isDay(s.to)) {
    out.from = s.from;
    out.to = s.to;
  } else if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  if (typeof s.unitType === 'string' && s.unitType in UNIT_TYPE_LABELS) out.unitType = s.unitType as UnitType;
  if (typeof s.orgId === 'string' && /^[0-9a-f-]{36}$/i.test(s.orgId)) out.orgId = s.orgId;
  if (s.sub === true || s.sub === 'true' || s.sub === 1 || s.sub === '1') out.sub = true;
  return out;
}

/** The period and the query the API gets. */
function filterOf(s: FiguresSearch, thisYear: number): FiguresFilter & { mode: 'year' | 'range'; year: number } {
  const year = s.year ?? thisYear;
  const range = s.from && s.to ? { from: s.from, to: s.to } : null;
  return {
    mode: range ? 'range' : 'year',
    year,
    from: range?.from ?? `${year}-01-01`,
    to: range?.to ?? `${year}-12-31`,
    unitType: s.unitType,
    orgId: s.orgId,
    includeDescendants: s.sub ?? false,
  };
}

const queryOf = (f: FiguresFilter) => ({ from: f.from, to: f.to, unitType: f.unitType, orgId: f.orgId, includeDescendants: f.includeDescendants ? 'true' : undefined });

/** What a click on a number asks for: a figure, optionally one bucket and one org of the scope. */
interface Drill {
  name: FigureName;
  label: string;
  value: number;
  key?: string;
  keyLabel?: string;
  recordOrgId?: string;
  orgName?: string;
}

export function FiguresPage() {
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const thisYear = dayjs().year();
  const search = readSearch(raw);
  const f = filterOf(search, thisYear);
  const [drill, setDrill] = useState<Drill | null>(null);
  const tree = useOrgTree();
  const hasSubordinates = (tree.data?.items ?? []).some((r) => (r.children ?? []).length > 0);

  const set = (patch: Partial<FiguresSearch>) => {
    const next: FiguresSearch = { ...search, ...patch };
    // A year and a range exclude each other.
    if ('year' in patch) {
      delete next.from;
      delete next.to;
    }
    if ('from' in patch) delete next.year;
    for (const k of Object.keys(next) as (keyof FiguresSearch)[]) if (next[k] === undefined || next[k] === false) delete next[k];
    void navigate({ to: '/inspection/figures', search: next, replace: true });
  };

  const q = useQuery({
    queryKey: [P, queryOf(f)],
    queryFn: () => api.get<FiguresResult>(P, queryOf(f)),
    placeholderData: keepPreviousData,
  });
  const d = q.data;
  const plain = (d?.figures ?? []).filter((x) => !x.buckets);
  const distributions = (d?.figures ?? []).filter((x) => x.buckets);
  const open = (x: Drill) => setDrill(x);

  return (
    <>
      <PageHeader
        title="检查统计"
        description="每个数字都由检查记录按其定义计算，点击任一数字即可查看它所计的记录（数字与记录条数一致）。"
        extra={
          <Button size="large" icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching}>
            刷新
          </Button>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} data-testid="figures-filters">
        <Space wrap size={[12, 12]}>
          <Space.Compact>
            <Button size="large" type={f.mode === 'year' && f.year === thisYear ? 'primary' : 'default'} onClick={() => set({ year: thisYear })} data-testid="period-this-year">
              本年
            </Button>
            <Button size="large" type={f.mode === 'year' && f.year === thisYear - 1 ? 'primary' : 'default'} onClick={() => set({ year: thisYear - 1 })} data-testid="period-last-year">
              上年
            </Button>
          </Space.Compact>
          <DatePicker
            picker="year"
            size="large"
            aria-label="统计年度"
            placeholder="选择年度"
            allowClear={false}
            value={f.mode === 'year' ? dayjs(`${f.year}-01-01`) : null}
            onChange={(v: Dayjs | null) => v && set({ year: v.year() })}
            disabledDate={(v) => v.year() > thisYear + 1}
            style={{ width: 130 }}
          />
          <span data-testid="period-range">
            <DatePicker.RangePicker
              size="large"
              aria-label="自定义期间"
              placeholder={['起始日期', '截止日期']}
              value={f.mode === 'range' ? [dayjs(f.from), dayjs(f.to)] : null}
              onChange={(v) => {
                const [a, b] = v ?? [];
                if (a && b) set({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
                else set({ year: thisYear });
              }}
              style={{ width: 280 }}
            />
          </span>
          <Select<UnitType>
            size="large"
            allowClear
            aria-label="单位类型"
            placeholder="全部单位类型"
            value={f.unitType}
            onChange={(v) => set({ unitType: v })}
            options={(Object.entries(UNIT_TYPE_LABELS) as [UnitType, string][]).map(([value, label]) => ({ value, label }))}
            style={{ width: 170 }}
            data-testid="unit-type"
          />
          {hasSubordinates && (
            <>
              <OrgSelect value={f.orgId} onChange={(v) => set({ orgId: v })} />
              <Checkbox checked={f.includeDescendants} onChange={(e) => set({ sub: e.target.checked })} data-testid="include-descendants" style={{ minHeight: 40, alignItems: 'center' }}>
                含下级
              </Checkbox>
            </>
          )}
        </Space>
        {d && (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }} data-testid="figures-period">
            {d.org.name}
            {d.includeDescendants ? '（含下级）' : ''} · 统计期间 {d.period.from} 至 {d.period.to}
            {d.unitType ? ` · ${UNIT_TYPE_LABELS[d.unitType]}` : ''} · 时点数（整改逾期）截至 {d.period.asOf}
          </Typography.Paragraph>
        )}
      </Card>

      {q.isLoading && <Skeleton active />}
      {q.isError && <Alert type="error" showIcon title="统计加载失败" description={errorMessage(q.error)} style={{ marginBottom: 16 }} data-testid="figures-error" />}
      {d && (
        <div style={{ opacity: q.isFetching ? 0.6 : 1 }} data-testid="figures">
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {plain.map((x) => (
              <Col key={x.name} xs={12} md={8} xl={6}>
                <FigureCard figure={x} onOpen={open} />
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {distributions.map((x) => (
              <Col key={x.name} xs={24} lg={12}>
                <DistributionCard figure={x} onOpen={open} />
              </Col>
            ))}
          </Row>
          {d.includeDescendants && d.orgs.length > 1 && <ByOrgTable data={d} onOpen={open} />}
        </div>
      )}
      <RecordsDrawer drill={drill} filter={f} onClose={() => setDrill(null)} />
    </>
  );
}

/** A number that opens its records (a large touch target). */
function Num({ value, onClick, testId, strong }: { value: number; onClick: () => void; testId: string; strong?: boolean }) {
  return (
    <Typography.Link
      onClick={onClick}
      data-testid={testId}
      data-value={value}
      className="mono"
      style={{ display: 'inline-block', minWidth: 40, minHeight: 40, lineHeight: '40px', textAlign: 'center', fontSize: strong ? 30 : 16, fontWeight: strong ? 600 : 400 }}
    >
      {value}
    </Typography.Link>
  );
}

function FigureTitle({ figure }: { figure: Figure }) {
  return (
    <Space size={4}>
      <span>{figure.label}</span>
      <Tooltip title={figure.definition} trigger={['hover', 'click']}>
        <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)', padding: 4 }} aria-label={`${figure.label}的定义`} />
      </Tooltip>
    </Space>
  );
}

function FigureCard({ figure, onOpen }: { figure: Figure; onOpen: (d: Drill) => void }) {
  return (
    <Card variant="borderless" size="small" data-testid={`figure-card-${figure.name}`} styles={{ body: { padding: '12px 16px' } }}>
      <div style={{ color: 'rgba(0,0,0,0.65)' }}>
        <FigureTitle figure={figure} />
      </div>
      <div>
        <Num value={figure.value} strong onClick={() => onOpen({ name: figure.name, label: figure.label, value: figure.value })} testId={`figure-${figure.name}`} />
        <span style={{ marginLeft: 4, color: 'rgba(0,0,0,0.55)' }}>{figure.unit}</span>
      </div>
    </Card>
  );
}

function DistributionCard({ figure, onOpen }: { figure: Figure; onOpen: (d: Drill) => void }) {
  return (
    <Card
      variant="borderless"
      size="small"
      title={<FigureTitle figure={figure} />}
      extra={
        <span>
          共 <Num value={figure.value} onClick={() => onOpen({ name: figure.name, label: figure.label, value: figure.value })} testId={`figure-${figure.name}`} /> {figure.unit}
        </span>
      }
      data-testid={`figure-card-${figure.name}`}
    >
      {(figure.buckets ?? []).map((b) => (
        <div key={b.key} style={{ display: 'flex', alignItems: 'center', gap: 12 }} data-testid={`bucket-row-${figure.name}-${b.key}`}>
          <span style={{ width: 96, flex: 'none' }}>{b.label}</span>
          <Progress percent={figure.value ? Math.round((b.value / figure.value) * 100) : 0} showInfo={false} status="normal" style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 72, flex: 'none', textAlign: 'right' }}>
            <Num value={b.value} onClick={() => onOpen({ name: figure.name, label: figure.label, value: b.value, key: b.key, keyLabel: b.label })} testId={`bucket-${figure.name}-${b.key}`} />
            {figure.unit}
          </span>
        </div>
      ))}
    </Card>
  );
}

type OrgRow = { id: string; name: string; depth: number; total?: boolean };

/** 含下级: each org's own records (本级) per figure and bucket, and the total of the scope. */
function ByOrgTable({ data, onOpen }: { data: FiguresResult; onOpen: (d: Drill) => void }) {
  const cell = (figure: Figure, value: (org: string) => number, key?: { key: string; label: string }) => (_: unknown, r: OrgRow) => {
    const v = r.total ? (key ? (figure.buckets?.find((b) => b.key === key.key)?.value ?? 0) : figure.value) : value(r.id);
    return (
      <Num
        value={v}
        testId={`by-org-${figure.name}${key ? `-${key.key}` : ''}-${r.total ? 'total' : r.id}`}
        onClick={() => onOpen({ name: figure.name, label: figure.label, value: v, key: key?.key, keyLabel: key?.label, recordOrgId: r.total ? undefined : r.id, orgName: r.total ? undefined : r.name })}
      />
    );
  };
  const columns: ColumnsType<OrgRow> = [
    {
      title: '机构',
      key: 'org',
      fixed: 'left',
      width: 180,
      render: (_: unknown, r) => (r.total ? <strong>合计</strong> : <span style={{ paddingLeft: r.depth * 16 }}>{r.name}</span>),
    },
    ...data.figures.map((x) =>
      x.buckets
        ? {
            title: x.label,
            key: x.name,
            children: x.buckets.map((b) => ({
              title: b.label,
              key: `${x.name}-${b.key}`,
              align: 'center' as const,
              render: cell(x, (org) => b.byOrg.find((o) => o.orgId === org)?.value ?? 0, b),
            })),
          }
        : { title: x.label, key: x.name, align: 'center' as const, render: cell(x, (org) => x.byOrg.find((o) => o.orgId === org)?.value ?? 0) },
    ),
  ];
  const rows: OrgRow[] = [...data.orgs, { id: 'total', name: '合计', depth: 0, total: true }];
  return (
    <Card variant="borderless" title="按机构分列（各机构本级的记录）" data-testid="by-org">
      <Table<OrgRow> bordered size="small" rowKey="id" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 'max-content' }} />
    </Card>
  );
}

function RecordsDrawer({ drill, filter, onClose }: { drill: Drill | null; filter: FiguresFilter; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [last, setLast] = useState(drill);
  if (drill !== last) {
    setLast(drill);
    setPage(1);
  }
  const pageSize = 20;
  const base = drill ? { ...queryOf(filter), key: drill.key, recordOrgId: drill.recordOrgId } : null;
  // The same figure, bucket, org and filters: keep the previous page on screen while the next loads, never another drill's.
  const id = drill ? JSON.stringify([drill.name, base]) : null;
  const q = useQuery({
    queryKey: [P, 'records', id, page],
    queryFn: () => api.get<FigureRecordsResult>(`${P}/${drill!.name}/records`, { ...base!, page, pageSize }),
    enabled: !!drill,
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[2] === id ? prev : undefined),
  });
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
    ...(drill?.key === undefined && d?.items.some((r) => r.bucketLabel) ? [{ title: '分组', dataIndex: 'bucketLabel', render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—') }] : []),
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
          pagination={{ current: page, pageSize, total: d?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 条`, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="records-table"
        />
      </div>
    </Drawer>
  );
}
