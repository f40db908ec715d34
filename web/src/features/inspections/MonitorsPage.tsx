/**
 * 监测预警 (issue 3 deliverable 6): 重复检查 (the same unit — by credit code across the orgs in scope —
 * inspected again within the `repeatInspectionDays` setting), 整改逾期 (rectification items past their
 * deadline, inspection not closed), 执法人员工作量 (per inspector and month; months above
 * `inspectorMonthlyMax` are highlighted). The settings in force are shown; admins get a link to 系统设置.
 * Filters (year, org, 含下级) and the open tab live in the URL.
 */
import type { HTMLAttributes, ReactNode } from 'react';
import { Alert, App, Badge, Button, Card, Checkbox, DatePicker, Empty, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { errorMessage } from '../../api/client';
import { useOrgTree } from '../../api/queries';
import type { InspectionBrief, InspectorLoad, OverdueRectification, RepeatWarning } from '@server/modules/inspections/figures/contracts';
import { monitorsQuery, warningCounts, downloadMonitors } from './queries';
import { PageHeader } from '../../shared/PageHeader';
import { OrgSelect } from '../../shared/OrgSelect';
import { useCan } from '../../app/auth';

const TABS = ['repeats', 'overdue', 'workload'] as const;
type Tab = (typeof TABS)[number];

interface MonitorsSearch {
  tab?: Tab;
  year?: number;
  orgId?: string;
  sub?: boolean;
}

function readSearch(s: Record<string, unknown>): MonitorsSearch {
  const out: MonitorsSearch = {};
  if (typeof s.tab === 'string' && (TABS as readonly string[]).includes(s.tab)) out.tab = s.tab as Tab;
  const year = Number(s.year);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  if (typeof s.orgId === 'string' && /^[0-9a-f-]{36}$/i.test(s.orgId)) out.orgId = s.orgId;
  if (s.sub === true || s.sub === 'true' || s.sub === 1 || s.sub === '1') out.sub = true;
  return out;
}

export function MonitorsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const search = readSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const thisYear = dayjs().year();
  const year = search.year ?? thisYear;
  const tab = search.tab ?? 'repeats';
  const tree = useOrgTree();
  const hasSubordinates = (tree.data?.items ?? []).some((r) => (r.children ?? []).length > 0);
  const set = (patch: Partial<MonitorsSearch>) => {
    const next: MonitorsSearch = { ...search, ...patch };
    for (const k of Object.keys(next) as (keyof MonitorsSearch)[]) if (next[k] === undefined || next[k] === false) delete next[k];
    void navigate({ to: '/inspection/monitors', search: next, replace: true });
  };

  const { message } = App.useApp();
  const q = useQuery({ ...monitorsQuery(year, search.orgId, search.sub), placeholderData: keepPreviousData });
  const d = q.data;
  const n = d ? warningCounts(d) : null;
  const many = !!d?.includeDescendants;

  return (
    <>
      <PageHeader
        title="监测预警"
        description="重复检查（多头检查）、整改逾期和执法人员工作量，按系统设置的天数和次数上限提示。"
        extra={
          <Space>
            <Button
              size="large"
              icon={<DownloadOutlined />}
              data-testid="export-xlsx"
              onClick={() => void downloadMonitors(year, search.orgId, search.sub).catch((e: unknown) => message.error(errorMessage(e)))}
            >
              导出 Excel
            </Button>
            <Button size="large" icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching}>
              刷新
            </Button>
          </Space>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap size={[12, 12]}>
            <DatePicker
              picker="year"
              size="large"
              aria-label="年度"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(v: Dayjs | null) => v && set({ year: v.year() === thisYear ? undefined : v.year() })}
              disabledDate={(v) => v.year() > thisYear + 1}
              style={{ width: 130 }}
            />
            {hasSubordinates && (
              <>
                <OrgSelect value={search.orgId} onChange={(v) => set({ orgId: v })} />
                <Checkbox checked={!!search.sub} onChange={(e) => set({ sub: e.target.checked })} style={{ minHeight: 40, alignItems: 'center' }}>
                  含下级
                </Checkbox>
              </>
            )}
          </Space>
          {d && (
            <Space wrap data-testid="monitor-settings">
              <Typography.Text type="secondary">
                重复检查提示：<strong>{d.settings.repeatInspectionDays}</strong> 日内 · 每名执法人员每月检查上限：
                <strong>{d.settings.inspectorMonthlyMax}</strong> 次
              </Typography.Text>
              {can('settings.manage') && (
                <Link to="/settings" data-testid="monitor-settings-link">
                  <SettingOutlined /> 系统设置
                </Link>
              )}
            </Space>
          )}
        </Space>
        {d && (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {d.org.name}
            {many ? '（含下级）' : ''} · 重复检查和工作量统计 {d.period.from} 至 {d.period.to} · 整改逾期截至今天（{d.today}）
          </Typography.Paragraph>
        )}
      </Card>
      {q.isLoading && <Skeleton active />}
      {q.isError && <Alert type="error" showIcon title="监测预警加载失败" description={errorMessage(q.error)} data-testid="monitors-error" />}
      {d && n && (
        <Card variant="borderless" style={{ opacity: q.isFetching ? 0.6 : 1 }} data-testid="monitors">
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ tab: k === 'repeats' ? undefined : (k as Tab) })}
            size="large"
            items={[
              {
                key: 'repeats',
                label: <TabLabel text="重复检查" count={n.repeats} testId="count-repeats" />,
                children: <RepeatsTable rows={d.repeats} days={d.settings.repeatInspectionDays} />,
              },
              {
                key: 'overdue',
                label: <TabLabel text="整改逾期" count={n.overdueItems} testId="count-overdue" />,
                children: <OverdueTable rows={d.overdue} many={many} />,
              },
              {
                key: 'workload',
                label: <TabLabel text="执法人员工作量" count={n.overloaded} testId="count-workload" />,
                children: <WorkloadTable rows={d.workload} max={d.settings.inspectorMonthlyMax} />,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}

function TabLabel({ text, count, testId }: { text: string; count: number; testId: string }) {
  return (
    <Space size={6}>
      <span>{text}</span>
      <Badge count={count} showZero color={count ? '#cf1322' : '#bfbfbf'} data-testid={testId} data-count={count} />
    </Space>
  );
}

const codeLink = (id: string, code: string) => (
  <Link to="/inspection/inspections/$id" params={{ id }} className="mono" data-testid="monitor-code">
    {code}
  </Link>
);

function Brief({ i, many }: { i: InspectionBrief; many: boolean }) {
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      {codeLink(i.id, i.code)} <Tag color={i.done ? 'green' : 'default'}>{i.done ? '记录已签字' : '记录未签字'}</Tag>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
        {i.date} · {i.sourceLabel}
        {many ? ` · ${i.orgName}` : ''}
      </div>
    </div>
  );
}

function EmptyNote({ children }: { children: ReactNode }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={children} />;
}

function RepeatsTable({ rows, days }: { rows: RepeatWarning[]; days: number }) {
  // A pair across two orgs is 多头检查: show the orgs whenever they differ.
  const many = rows.some((r) => r.earlier.orgName !== r.later.orgName);
  const columns: ColumnsType<RepeatWarning> = [
    { title: '检查对象', dataIndex: 'unitName' },
    { title: '前一次检查', key: 'earlier', render: (_: unknown, r) => <Brief i={r.earlier} many={many} /> },
    { title: '再次检查', key: 'later', render: (_: unknown, r) => <Brief i={r.later} many={many} /> },
    { title: '间隔', dataIndex: 'days', align: 'center', render: (v: number) => <Tag color="orange">{v === 0 ? '同日' : `${v} 日`}</Tag> },
    // The columns before say the same; the sentence only where there is room.
    { title: '提示', dataIndex: 'message', responsive: ['lg'], render: (v: string) => <div style={{ maxWidth: 320 }}>{v}</div> },
  ];
  return (
    <Table<RepeatWarning>
      rowKey={(r) => `${r.earlier.id}:${r.later.id}`}
      size="middle"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <EmptyNote>没有 {days} 日内重复检查同一单位的情况</EmptyNote> }}
      data-testid="repeats-table"
    />
  );
}

function OverdueTable({ rows, many }: { rows: OverdueRectification[]; many: boolean }) {
  const columns: ColumnsType<OverdueRectification> = [
    { title: '检查编号', dataIndex: 'code', render: (v: string, r) => codeLink(r.inspectionId, v) },
    { title: '检查对象', dataIndex: 'unitName' },
    ...(many ? [{ title: '机构', dataIndex: 'orgName' }] : []),
    { title: '反馈日期', dataIndex: 'feedbackOn', render: (v: string | null) => v ?? '—' },
    { title: '整改期限', dataIndex: 'rectificationDue', render: (v: string) => <span className="mono">{v}</span> },
    {
      title: '逾期',
      dataIndex: 'daysOverdue',
      align: 'center',
      render: (_: number, r) => (
        <Typography.Text type="danger" strong>
          {r.overdueText.replace(/^逾期 /, '')}
        </Typography.Text>
      ),
    },
    {
      title: '未通过的整改事项',
      key: 'items',
      render: (_: unknown, r) => (
        <div style={{ maxWidth: 360 }}>
          {r.items.map((x) => (
            <div key={x.id}>
              <span className="mono">{x.code}</span> {x.title}{' '}
              <Tag color={x.status === 'returned' ? 'red' : x.status === 'reported' ? 'blue' : 'default'}>{x.statusLabel}</Tag>
              {x.returnCount > 0 && <Typography.Text type="secondary">退回 {x.returnCount} 次</Typography.Text>}
            </div>
          ))}
        </div>
      ),
    },
  ];
  return (
    <Table<OverdueRectification>
      rowKey="inspectionId"
      size="middle"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <EmptyNote>没有逾期未通过的整改事项</EmptyNote> }}
      data-testid="overdue-table"
    />
  );
}

function WorkloadTable({ rows, max }: { rows: InspectorLoad[]; max: number }) {
  const columns: ColumnsType<InspectorLoad> = [
    {
      title: '执法人员',
      key: 'name',
      render: (_: unknown, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {r.name}
          <div className="mono" style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
            {r.certificateNo}
          </div>
        </div>
      ),
    },
    { title: '已检查', dataIndex: 'done', align: 'center' },
    { title: '待检查', dataIndex: 'upcoming', align: 'center' },
    {
      title: `各月检查次数（上限 ${max} 次）`,
      key: 'months',
      render: (_: unknown, r) => (
        <Space wrap size={[4, 4]} style={{ maxWidth: 420 }}>
          {r.months.map((m) => (
            <Tag key={m.month} color={m.count > max ? 'red' : 'default'} title={m.codes.join('、')} data-over={m.count > max ? '1' : undefined}>
              {m.month}：{m.count} 次
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '提示', dataIndex: 'warning', render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
  ];
  return (
    <Table<InspectorLoad>
      rowKey="inspectorId"
      size="middle"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(r) => (r.warning ? ({ style: { background: '#fff1f0' }, 'data-overloaded': '1' } as HTMLAttributes<HTMLTableRowElement>) : {})}
      locale={{ emptyText: <EmptyNote>本期没有执法人员参加检查</EmptyNote> }}
      data-testid="workload-table"
    />
  );
}
