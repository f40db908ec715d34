/** /public/draws — published double-random draws (GET /api/public/draws, paged), no sign-in. */
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
    { title: '机构', dataIndex: 'orgName' },
    { title: '检查计划', dataIndex: 'planTitle', responsive: ['md'] },
    { title: '计划检查日期', dataIndex: 'plannedDate', render: fmtDate },
    { title: '抽取', render: (_: unknown, r) => `${r.candidateCount} 家中抽取 ${r.k} 家` },
    { title: '公布时间', dataIndex: 'publishedAt', render: fmtDateTime, responsive: ['lg'] },
  ];
  return (
    <PublicFrame>
      <PageHeader
        title="双随机抽查结果公示"
        description="每一次抽取先冻结候选名单并公布其哈希，再取得随机数抽取。任何人都可以打开一条记录，在本机浏览器中重新计算并核对结果。"
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
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无公布的抽取结果' }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          数据接口：<span className="mono">GET /api/public/draws</span>；离线复核：<span className="mono">npm run verify-draw -- &lt;记录文件或网址&gt;</span>
        </Typography.Paragraph>
      </Card>
    </PublicFrame>
  );
}
