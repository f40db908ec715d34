/** 工作台: my due and overdue items, with "为什么是这一天" explanations. */
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { AlertOutlined, ClockCircleOutlined, ExclamationCircleOutlined, FieldTimeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { monitorsQuery, warningCounts } from '../../api/inspection-figures';
import type { Dashboard, DashboardItem } from '../../api/types';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { fmtLongDate } from '../../shared/format';
import { useCan, useMe } from '../../app/auth';

const sortByDue = (a: DashboardItem, b: DashboardItem) => (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31');

function daysText(d: number | null, state: DashboardItem['state']) {
  if (d === null) return state === 'paused' ? '计时暂停' : '—';
  if (d < 0) return <Typography.Text type="danger">逾期 {-d} 天</Typography.Text>;
  if (d === 0) return <Typography.Text type="warning">今日到期</Typography.Text>;
  return `剩余 ${d} 天`;
}

export function DashboardPage() {
  const me = useMe();
  const q = useQuery({ queryKey: ['/api/dashboard'], queryFn: () => api.get<Dashboard>('/api/dashboard'), refetchInterval: 5 * 60_000 });
  const items = [...(q.data?.items ?? [])].sort(sortByDue);
  const counts = q.data?.counts ?? { overdue: 0, dueSoon: 0, running: 0 };

  return (
    <>
      <PageHeader
        title="工作台"
        description={`${me.user.displayName}，您好。以下是需要您关注的法定期限，按到期日排列。`}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching}>
            刷新
          </Button>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Card variant="borderless" className="stat-card stat-overdue">
            <Statistic title="已逾期" value={counts.overdue} prefix={<ExclamationCircleOutlined />} suffix="项" loading={q.isLoading} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card variant="borderless" className="stat-card stat-soon">
            <Statistic title="即将到期" value={counts.dueSoon} prefix={<FieldTimeOutlined />} suffix="项" loading={q.isLoading} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card variant="borderless" className="stat-card stat-running">
            <Statistic title="进行中" value={counts.running} prefix={<ClockCircleOutlined />} suffix="项" loading={q.isLoading} />
          </Card>
        </Col>
      </Row>
      <MonitorsCard />
      <Card variant="borderless" title="我的待办期限">
        {q.isLoading ? (
          <Skeleton active />
        ) : q.isError ? (
          <Alert type="error" showIcon title="工作台加载失败" description={errorMessage(q.error)} action={<Button size="small" onClick={() => void q.refetch()}>重试</Button>} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办期限" data-testid="dashboard-empty" />
        ) : (
          <Table<DashboardItem>
            data-testid="dashboard-table"
            rowKey="key"
            size="middle"
            dataSource={items}
            pagination={items.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 项` } : false}
            scroll={{ x: 'max-content' }}
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
              { title: '事项', dataIndex: 'label' },
              { title: '类别', dataIndex: 'kindLabel', responsive: ['md'] },
              { title: '到期日', dataIndex: 'due', render: (v: string | null) => fmtLongDate(v) },
              { title: '剩余', dataIndex: 'daysLeft', render: (v: number | null, r) => daysText(v, r.state) },
              { title: '状态', dataIndex: 'state', render: (v: DashboardItem['state']) => <StatusTag kind="due" value={v} /> },
            ]}
          />
        )}
      </Card>
    </>
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
