/** /public/draws — 抽取公示: the published double-random draws (GET /api/public/draws, paged), no sign-in. */
import { useServerPaging } from '../../shared/pagination';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from '@tanstack/react-router';
import type { PublicDrawSummary } from '@server/modules/inspections/draws/contracts';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDate, fmtDateTime } from '../../shared/format';
import { PublicFrame } from './PublicFrame';
import { usePublicDraws } from './queries';

export function PublicDrawsPage() {
  const { page, pagination } = useServerPaging();
  const q = usePublicDraws(page.current, page.pageSize);
  const columns: ColumnsType<PublicDrawSummary> = [
    {
      title: '抽取批次',
      dataIndex: 'drawId',
      render: (v: string, r) => (
        <span>
          <Link to="/public/draws/$id" params={{ id: r.id }} data-testid="public-draw-link">
            <span className="mono">{v}</span>
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', whiteSpace: 'normal' }}>
            {r.planTitle}
          </Typography.Text>
          {r.supersededBy && (
            <Tag color="default" style={{ marginLeft: 8 }}>
              已被重抽（{r.supersededBy}）
            </Tag>
          )}
          {r.supersedes && (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              重抽，取代 {r.supersedes}
            </Tag>
          )}
        </span>
      ),
    },
    { title: '机构', dataIndex: 'orgName', responsive: ['md'] },
    { title: '计划检查日期', dataIndex: 'plannedDate', render: fmtDate, responsive: ['sm'] },
    { title: '抽取', render: (_: unknown, r) => `${r.candidateCount} 家中抽取 ${r.k} 家` },
    { title: '公布时间', dataIndex: 'publishedAt', render: fmtDateTime, responsive: ['lg'] },
  ];
  return (
    <PublicFrame>
      <PageHeader
        title="抽取公示"
        description="每次随机抽取的检查对象和检查组。抽取前先固定候选名单，再用公开的随机数抽取；打开一条记录，可以看到抽到的单位和检查人员，并在自己的浏览器中核对抽取结果。"
      />
      <Card variant="borderless">
        {q.isError && <Alert type="error" showIcon title="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 16 }} />}
        <Table<PublicDrawSummary>
          rowKey="id"
          data-testid="public-draws"
          loading={q.isLoading}
          columns={columns}
          dataSource={q.data?.items ?? []}
          pagination={{ ...pagination(q.data?.total), showSizeChanger: false, showTotal: undefined }}
          locale={{ emptyText: '暂无公布的抽取结果' }}
        />
      </Card>
    </PublicFrame>
  );
}
