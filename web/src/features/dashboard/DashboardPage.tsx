/** 工作台: my due and overdue items, with "为什么是这一天" explanations. */
import { useState } from 'react';
import { Alert, Button, Card, Col, Drawer, Empty, List, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  NotificationOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import dayjs from 'dayjs';
import type { ApprovalItem, DueItem as DashboardItem, DashboardQuery, OrgLateness } from '@server/modules/dashboard/contracts';
import { errorMessage } from '../../api/client';
import { monitorsQuery, warningCounts } from '../inspections/queries';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { DueDate } from '../../shared/DueDate';
import { useCan, useMe } from '../../app/auth';
import { useBelowItems, useDashboard } from './queries';
import { recordLink } from './links';

type StateFilter = NonNullable<DashboardQuery['state']>;
const FILTER_LABELS: Record<StateFilter, string> = { overdue: '已逾期', due_soon: '即将到期', running: '进行中', paused: '计时暂停' };
/** The three count cards; a click lists only that state. */
const STAT_CARDS = [
  { state: 'overdue', count: 'overdue', title: '已逾期', className: 'stat-overdue', icon: <ExclamationCircleOutlined /> },
  { state: 'due_soon', count: 'dueSoon', title: '即将到期', className: 'stat-soon', icon: <FieldTimeOutlined /> },
  { state: 'running', count: 'running', title: '进行中', className: 'stat-running', icon: <ClockCircleOutlined /> },
] as const;

/** 待我审批 (those who approve) and 待我公开 (those who publish): what awaits them, each opening its record. */
function AwaitingCard({ kind, items, loading }: { kind: 'approvals' | 'publications'; items: ApprovalItem[]; loading: boolean }) {
  const can = useCan();
  // The leader always sees 待我审批 (empty or not); 待我公开 shows when there is something to publish.
  if (kind === 'approvals' ? !can('disclosure.approve') : !items.length) return null;
  const approvals = kind === 'approvals';
  return (
    <Card
      variant="borderless"
      title={
        <span>
          {approvals ? <AuditOutlined style={{ marginRight: 8 }} /> : <NotificationOutlined style={{ marginRight: 8 }} />}
          {approvals ? '待我审批' : '待我公开'}
        </span>
      }
      extra={approvals ? null : <Typography.Text type="secondary">按到期日排列</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid={`dashboard-${kind}`}
    >
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: approvals ? '暂无待我审批的事项' : '暂无待公开的事项' }}
        pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
        renderItem={(a) => {
          const link = recordLink(a, can);
          return (
            <List.Item key={a.key} data-testid={approvals ? 'dashboard-approval' : 'dashboard-publication'}>
              <List.Item.Meta
                title={
                  <Space wrap size={8}>
                    {link ? <Link {...link}>{a.label}</Link> : a.label}
                    <Tag>{a.kindLabel}</Tag>
                  </Space>
                }
                description={a.basis}
              />
              <Space wrap size={8}>
                <DueDate due={a.due} provisional={false} provisionalYears={[]} provisionalNote={null} format="long" />
                <StatusTag kind="due" value={a.state} />
                {daysText(a)}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** The server's line (逾期 N 个工作日 / 剩余 N 个自然日 / 今日到期 / 已按期完成), coloured by the state. */
function daysText(r: Pick<DashboardItem, 'state' | 'daysText'> & { daysLeft?: number | null }) {
  if (r.state === 'overdue' || r.state === 'missed') return <Typography.Text type="danger">{r.daysText}</Typography.Text>;
  if (r.state === 'due_soon' && r.daysLeft === 0) return <Typography.Text type="warning">{r.daysText}</Typography.Text>;
  if (r.state === 'met') return <Typography.Text type="success">{r.daysText}</Typography.Text>;
  return r.daysText;
}

export function DashboardPage() {
  const me = useMe();
  const can = useCan();
  const [query, setQuery] = useState<DashboardQuery>({ page: 1, pageSize: 20 });
  const q = useDashboard(query);
  // The server pages and orders them (overdue, due soon, running, paused; then by date).
  const items = q.data?.items ?? [];
  const counts = q.data?.counts ?? { overdue: 0, dueSoon: 0, running: 0, paused: 0 };
  const filterBy = (state: StateFilter) => setQuery((x) => ({ page: 1, pageSize: x.pageSize, ...(x.state === state ? {} : { state }) }));

  return (
    <>
      <PageHeader
        title="工作台"
        description={`${me.user.displayName}，您好。以下是需要您办理的事项及其期限，逾期的在前，按到期日排列；点击上方数字只看该类，点击事项打开其记录。`}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching}>
            刷新
          </Button>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {STAT_CARDS.map((c) => (
          <Col xs={24} sm={8} key={c.state}>
            <Card
              variant="borderless"
              hoverable
              className={`stat-card ${c.className}`}
              onClick={() => filterBy(c.state)}
              style={query.state === c.state ? { outline: '2px solid #1677ff' } : undefined}
              data-testid={`dashboard-filter-${c.state}`}
            >
              <Statistic title={c.title} value={counts[c.count]} prefix={c.icon} suffix="项" loading={q.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      {q.data?.calendarNotice && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="calendar-notice"
          title={`${q.data.calendarNotice.year}年节假日安排尚未录入`}
          description={q.data.calendarNotice.message}
          action={
            <Link to="/calendar">
              <Button size="small" type="primary">
                去录入
              </Button>
            </Link>
          }
        />
      )}
      <AwaitingCard kind="approvals" items={q.data?.approvals ?? []} loading={q.isLoading} />
      <AwaitingCard kind="publications" items={q.data?.publications ?? []} loading={q.isLoading} />
      <BelowCard rows={q.data?.below ?? []} />
      <MonitorsCard />
      <Card
        variant="borderless"
        title="我的待办期限"
        extra={
          query.state && (
            <Tag closable onClose={() => setQuery((x) => ({ page: 1, pageSize: x.pageSize }))} data-testid="dashboard-filter">
              只看：{FILTER_LABELS[query.state]}
            </Tag>
          )
        }
      >
        {q.isLoading ? (
          <Skeleton active />
        ) : q.isError ? (
          <Alert
            type="error"
            showIcon
            title="工作台加载失败"
            description={errorMessage(q.error)}
            action={
              <Button size="small" onClick={() => void q.refetch()}>
                重试
              </Button>
            }
          />
        ) : items.length === 0 && !query.state ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办期限" data-testid="dashboard-empty" />
        ) : (
          <Table<DashboardItem>
            data-testid="dashboard-table"
            rowKey="key"
            size="middle"
            dataSource={items}
            loading={q.isFetching && q.isPlaceholderData}
            locale={{ emptyText: query.state ? `没有${FILTER_LABELS[query.state]}的期限` : '暂无待办期限' }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: q.data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (t) => `共 ${t} 项`,
              onChange: (page, pageSize) => setQuery((x) => ({ ...x, page: pageSize === x.pageSize ? page : 1, pageSize })),
            }}
            // the 事项 column takes what is left and wraps; the others keep their width (fits 1440 px with the menu)
            scroll={{ x: 760 }}
            expandable={{
              expandedRowRender: (r) => (
                <div>
                  <Typography.Text strong>为什么是这一天</Typography.Text>
                  <ol className="explain-list">
                    {r.explanation.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ol>
                </div>
              ),
              rowExpandable: (r) => r.explanation.length > 0,
            }}
            columns={[
              {
                title: '事项',
                dataIndex: 'label',
                render: (v: string, r) => {
                  const link = recordLink(r, can);
                  return link ? (
                    <Link {...link} data-testid="dashboard-item-link">
                      {v}
                    </Link>
                  ) : (
                    v
                  );
                },
              },
              { title: '类别', dataIndex: 'kindLabel', responsive: ['md'], width: 128 },
              {
                title: '到期日',
                dataIndex: 'due',
                width: 210,
                render: (v: string | null, r) => (
                  <DueDate due={v} provisional={r.provisional} provisionalYears={r.provisionalYears} provisionalNote={r.provisionalNote} format="long" />
                ),
              },
              { title: '期限情况', dataIndex: 'daysText', width: 150, render: (_: string, r) => daysText(r) },
              { title: '状态', dataIndex: 'state', width: 96, render: (v: DashboardItem['state']) => <StatusTag kind="due" value={v} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}

/** 下级机构: how late each org below mine is (open items overdue / due soon of the kinds I may read). */
function BelowCard({ rows }: { rows: OrgLateness[] }) {
  const [open, setOpen] = useState<OrgLateness | null>(null);
  if (!rows.length) return null;
  const late = rows.filter((r) => r.overdue > 0).length;
  return (
    <Card
      variant="borderless"
      title={
        <span>
          <ApartmentOutlined style={{ marginRight: 8 }} />
          下级机构期限情况
        </span>
      }
      extra={<Typography.Text type={late ? 'danger' : 'secondary'}>{late ? `${late} 个机构有逾期事项` : '均无逾期事项'}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="dashboard-below"
    >
      <Table<OrgLateness>
        size="small"
        rowKey="orgId"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 480 }}
        columns={[
          {
            title: '机构',
            dataIndex: 'orgName',
            render: (v: string, r) => (
              <span style={{ paddingLeft: (r.depth - 1) * 16 }}>
                {r.open ? (
                  <Typography.Link onClick={() => setOpen(r)} data-testid="dashboard-below-org">
                    {v}
                  </Typography.Link>
                ) : (
                  v
                )}
              </span>
            ),
          },
          {
            title: '已逾期',
            dataIndex: 'overdue',
            width: 96,
            align: 'right',
            render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
          },
          { title: '即将到期', dataIndex: 'dueSoon', width: 96, align: 'right' },
          { title: '未办结期限', dataIndex: 'open', width: 108, align: 'right' },
        ]}
      />
      <BelowDrawer org={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

/** One org below: its open items of the kinds I may read, the late ones first; each opens its record where I may read it. */
function BelowDrawer({ org, onClose }: { org: OrgLateness | null; onClose: () => void }) {
  const can = useCan();
  const [query, setQuery] = useState<{ page: number; pageSize: number; state?: StateFilter }>({ page: 1, pageSize: 20 });
  const q = useBelowItems(org?.orgId ?? null, query);
  return (
    <Drawer
      open={!!org}
      onClose={() => {
        setQuery({ page: 1, pageSize: 20 });
        onClose();
      }}
      title={org ? `${org.orgName}：未办结期限` : ''}
      size="large"
      data-testid="dashboard-below-drawer"
    >
      {org && (
        <Space wrap style={{ marginBottom: 12 }}>
          {(['overdue', 'due_soon'] as const).map((s) => (
            <Button
              key={s}
              size="small"
              type={query.state === s ? 'primary' : 'default'}
              onClick={() => setQuery((x) => ({ page: 1, pageSize: x.pageSize, ...(x.state === s ? {} : { state: s }) }))}
            >
              只看{FILTER_LABELS[s]}（{s === 'overdue' ? org.overdue : org.dueSoon}）
            </Button>
          ))}
        </Space>
      )}
      <Table<DashboardItem>
        size="small"
        rowKey="key"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: '没有未办结的期限' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: q.data?.total ?? 0,
          size: 'small',
          showTotal: (n) => `共 ${n} 项`,
          onChange: (page, pageSize) => setQuery((x) => ({ ...x, page, pageSize })),
        }}
        columns={[
          {
            title: '事项',
            dataIndex: 'label',
            render: (v: string, r) => {
              const link = recordLink(r, can);
              return link ? <Link {...link}>{v}</Link> : v;
            },
          },
          { title: '类别', dataIndex: 'kindLabel', width: 120 },
          {
            title: '到期日',
            dataIndex: 'due',
            width: 150,
            render: (_: unknown, r) => (
              <DueDate due={r.due} provisional={r.provisional} provisionalYears={r.provisionalYears} provisionalNote={r.provisionalNote} />
            ),
          },
          { title: '期限情况', dataIndex: 'daysText', width: 140, render: (_: unknown, r) => daysText(r) },
        ]}
      />
    </Drawer>
  );
}

/** 监测预警 in brief (inspection.read): the three warning counts of this year, each opening its tab; hidden when all are zero. */
function MonitorsCard() {
  const can = useCan();
  const q = useQuery({ ...monitorsQuery(dayjs().year()), enabled: can('inspection.read'), refetchInterval: 5 * 60_000 });
  if (!can('inspection.read') || !q.data) return null;
  const n = warningCounts(q.data);
  if (n.repeats + n.overdueItems + n.overloaded === 0) return null;
  const stat = (tab: 'repeats' | 'overdue' | 'workload', title: string, value: number, suffix: string) => (
    <Col xs={8}>
      <Link to="/inspection/monitors" search={{ tab }} data-testid={`dashboard-monitor-${tab}`} style={{ display: 'block', minHeight: 48 }}>
        <Statistic title={title} value={value} suffix={suffix} styles={{ content: { color: value ? '#cf1322' : undefined } }} />
      </Link>
    </Col>
  );
  return (
    <Card
      variant="borderless"
      title={
        <span>
          <AlertOutlined style={{ color: '#cf1322', marginRight: 8 }} />
          监测预警
        </span>
      }
      extra={<Link to="/inspection/monitors">查看详情</Link>}
      style={{ marginBottom: 16 }}
      data-testid="dashboard-monitors"
    >
      <Row gutter={16}>
        {stat('repeats', `重复检查（${q.data.settings.repeatInspectionDays} 日内）`, n.repeats, '起')}
        {stat('overdue', '整改逾期', n.overdueItems, '项')}
        {stat('workload', `工作量超限（每月 ${q.data.settings.inspectorMonthlyMax} 次）`, n.overloaded, '人')}
      </Row>
    </Card>
  );
}
