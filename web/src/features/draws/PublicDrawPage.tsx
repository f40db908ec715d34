/** /public/draws/:id — one published draw, recomputed in this browser (RULES.md §4), no sign-in. */
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { ApiError, errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDate, fmtDateTime } from '../../shared/format';
import { PublicFrame } from './PublicFrame';
import { usePublicDraw, usePublicDrawNames, usePublicDrawSummary } from './queries';
import { VerifyPanel, downloadRecord } from './VerifyPanel';

export function PublicDrawPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const rec = usePublicDraw(id);
  const names = usePublicDrawNames(id);
  const summary = usePublicDrawSummary(id);
  const meta = summary.data ?? undefined;
  const r = rec.data;

  return (
    <PublicFrame>
      <PageHeader
        title={
          <span>
            抽取记录 <span className="mono">{r?.drawId ?? meta?.drawId ?? ''}</span>
          </span>
        }
        description={meta ? `${meta.orgName} · ${meta.planTitle}` : '双随机抽查结果公示'}
        extra={
          <Space wrap>
            <Link to="/public/draws">
              <Button icon={<ArrowLeftOutlined />}>全部公示</Button>
            </Link>
            {r && (
              <Button icon={<DownloadOutlined />} onClick={() => downloadRecord(r)} data-testid="download-json">
                下载原始记录（JSON）
              </Button>
            )}
          </Space>
        }
      />
      {rec.isLoading && <Skeleton active />}
      {rec.isError && (
        <Result
          status={rec.error instanceof ApiError && rec.error.status === 404 ? '404' : 'error'}
          title={rec.error instanceof ApiError && rec.error.status === 404 ? '没有这条公布的抽取记录' : '加载失败'}
          subTitle={errorMessage(rec.error)}
        />
      )}
      {r && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card variant="borderless">
              <VerifyPanel record={r} />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card variant="borderless" title="公布的输入" size="small">
              <Descriptions bordered size="small" column={1} data-testid="public-draw-inputs">
                <Descriptions.Item label="批次编号">
                  <span className="mono">{r.drawId}</span>
                </Descriptions.Item>
                <Descriptions.Item label="算法">
                  <span className="mono">{r.algorithm}</span>
                </Descriptions.Item>
                {meta && <Descriptions.Item label="计划检查日期">{fmtDate(meta.plannedDate)}</Descriptions.Item>}
                {meta?.drawnAt && <Descriptions.Item label="抽取时间">{fmtDateTime(meta.drawnAt)}</Descriptions.Item>}
                {meta?.supersedes && (
                  <Descriptions.Item label="重新抽取">
                    取代 {meta.supersedes}；理由：{meta.redrawReason}
                  </Descriptions.Item>
                )}
                {meta?.supersededBy && <Descriptions.Item label="状态">已被 {meta.supersededBy} 重新抽取取代</Descriptions.Item>}
                <Descriptions.Item label="候选名单">{r.candidates.length} 个</Descriptions.Item>
                <Descriptions.Item label="名单哈希">
                  <span className="mono hash-text">{r.listHash}</span>
                </Descriptions.Item>
                <Descriptions.Item label="随机数">
                  <span className="mono hash-text" data-testid="public-entropy">
                    {r.entropy}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label="种子">
                  <span className="mono hash-text">{r.seed}</span>
                </Descriptions.Item>
                <Descriptions.Item label="抽取数量">{r.strata ? r.strata.map((s) => `${s.name} ${s.k}`).join('，') : r.k}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card variant="borderless" title="抽取结果与检查组" size="small" style={{ marginTop: 16 }}>
              <Table
                size="small"
                rowKey="unitId"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={r.selected.map((unitId, i) => ({ unitId, n: i + 1, team: r.teams?.find((t) => t.unitId === unitId)?.selected ?? [] }))}
                columns={[
                  { title: '序', dataIndex: 'n', width: 48 },
                  {
                    title: '单位',
                    dataIndex: 'unitId',
                    render: (v: string) => (
                      <>
                        <div data-testid="public-unit-name">{names.data?.units[v] ?? ''}</div>
                        <span className="mono hash-text">{v}</span>
                      </>
                    ),
                  },
                  {
                    title: '检查组（执法证号）',
                    dataIndex: 'team',
                    render: (v: string[]) =>
                      v.map((m) => {
                        const who = names.data?.inspectors[m];
                        return <div key={m}>{who ? `${who.name}（${who.certificateNo}）` : <span className="mono hash-text">{m}</span>}</div>;
                      }),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                编号为系统内的记录编号，参与验证；名称与执法证号另行公布，不参与哈希计算。
              </Typography.Paragraph>
            </Card>
            <Card variant="borderless" title="原始记录" size="small" style={{ marginTop: 16 }}>
              <pre className="raw-json" data-testid="raw-json">
                {JSON.stringify(r, null, 2)}
              </pre>
            </Card>
          </Col>
        </Row>
      )}
      {summary.isError && <Alert type="warning" showIcon title={errorMessage(summary.error)} />}
    </PublicFrame>
  );
}
