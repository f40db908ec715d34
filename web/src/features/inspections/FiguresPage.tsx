/**
 * 检查统计 (issue 3 deliverable 7): every figure is a named function over the records (server:
 * figures.ts), so each number on this page — a figure, a bucket of a distribution, a cell of the
 * by-org table — opens the records it counts, and the drawer's total is the number clicked.
 * Filters: a year (本年 / 上年 quick choices) or a custom date range, unit type, org and 含下级;
 * they live in the URL (?year=2026 | ?from=…&to=…, unitType, orgId, sub=1) so a view can be shared.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Row, Select, Skeleton, Space, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { UnitType } from '@server/modules/orgs/contracts';
import { errorMessage } from '../../api/client';
import { UNIT_TYPE_LABELS } from '../../api/labels';
import { useOrgTree } from '../../api/queries';
import { PageHeader } from '../../shared/PageHeader';
import { OrgSelect } from '../../shared/OrgSelect';
import { ByOrgTable } from './figures/ByOrgTable';
import { DistributionCard, FigureCard } from './figures/FigureCards';
import { RecordsDrawer } from './figures/RecordsDrawer';
import { useInspectionFigures, type Drill, type FiguresFilter, downloadFigures } from './queries';
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

  const { message } = App.useApp();
  const q = useInspectionFigures(f);
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
          <Space>
            <Button
              size="large"
              icon={<DownloadOutlined />}
              data-testid="export-xlsx"
              onClick={() => void downloadFigures(f).catch((e: unknown) => message.error(errorMessage(e)))}
            >
              导出 Excel
            </Button>
            <Button size="large" icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching}>
              刷新
            </Button>
          </Space>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} data-testid="figures-filters">
        <Space wrap size={[12, 12]}>
          <Space.Compact>
            <Button
              size="large"
              type={f.mode === 'year' && f.year === thisYear ? 'primary' : 'default'}
              onClick={() => set({ year: thisYear })}
              data-testid="period-this-year"
            >
              本年
            </Button>
            <Button
              size="large"
              type={f.mode === 'year' && f.year === thisYear - 1 ? 'primary' : 'default'}
              onClick={() => set({ year: thisYear - 1 })}
              data-testid="period-last-year"
            >
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
              <Checkbox
                checked={f.includeDescendants}
                onChange={(e) => set({ sub: e.target.checked })}
                data-testid="include-descendants"
                style={{ minHeight: 40, alignItems: 'center' }}
              >
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
      {q.isError && (
        <Alert type="error" showIcon title="统计加载失败" description={errorMessage(q.error)} style={{ marginBottom: 16 }} data-testid="figures-error" />
      )}
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
